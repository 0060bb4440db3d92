package org.yardstick.aggregation.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yardstick.aggregation.engine.Formula;
import org.yardstick.framework.FormulaRules;

/**
 * The framework's formula checks, with the parser that evaluates formulas: a formula is refused when
 * it cannot be read, reads an unknown indicator or itself, or closes a circle through other formulas.
 */
@Component
class FormulaChecks implements FormulaRules {

    @Override
    public Optional<Refusal> check(String indicator, String formula, Set<String> known, Map<String, String> formulas) {
        Formula parsed;
        try {
            parsed = Formula.parse(indicator, formula, known);
        } catch (Formula.Invalid e) {
            return Optional.of(refusal(e));
        }
        Map<String, Formula> all = new HashMap<>();
        formulas.forEach((code, text) -> {
            if (!code.equals(indicator)) {
                try {
                    all.put(code, Formula.parse(code, text, known));
                } catch (Formula.Invalid e) {
                    // a formula stored before formulas were checked: it gives no value and closes no circle
                }
            }
        });
        all.put(indicator, parsed);
        try {
            Formula.evaluationOrder(all);
        } catch (Formula.Invalid e) {
            return Optional.of(refusal(e));
        }
        return Optional.empty();
    }

    @Override
    public Set<String> inputs(String indicator, String formula, Set<String> known) {
        try {
            return Formula.parse(indicator, formula, known).inputs();
        } catch (Formula.Invalid e) {
            return Set.of();
        }
    }

    private static Refusal refusal(Formula.Invalid e) {
        Problem p = switch (e.problem()) {
            case EMPTY, SYNTAX -> Problem.SYNTAX;
            case UNKNOWN_INDICATOR -> Problem.UNKNOWN_INDICATOR;
            case SELF_REFERENCE -> Problem.SELF_REFERENCE;
            case CYCLE -> Problem.CYCLE;
        };
        return new Refusal(p, e.codes(), e.getMessage());
    }
}
