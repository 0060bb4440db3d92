package org.yardstick.framework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the formula of a derived indicator (计算指标). The framework keeps formulas; the aggregation
 * module evaluates them and implements this with its own parser, so there is one parser and no cycle
 * between the modules.
 */
public interface FormulaRules {

    /**
     * {@code PERIODS}: some inputs are collected only by shorter periods (months) than others
     * (years) and have no period rule to roll them up, so the inputs never share a period.
     */
    enum Problem { SYNTAX, UNKNOWN_INDICATOR, SELF_REFERENCE, CYCLE, PERIODS }

    /**
     * Why a formula is refused; {@code codes}: the unknown codes, the cycle in order, or for
     * {@code PERIODS} the inputs that never reach the longest period ({@code detail}: those collected by it).
     */
    record Refusal(Problem problem, List<String> codes, String detail) {}

    /**
     * @param known    the codes a formula may read
     * @param formulas the other derived indicators' formulas by code, to find cycles through them
     */
    Optional<Refusal> check(String indicator, String formula, Set<String> known, Map<String, String> formulas);

    /** The codes a formula reads; empty when it cannot be read. */
    Set<String> inputs(String indicator, String formula, Set<String> known);
}
