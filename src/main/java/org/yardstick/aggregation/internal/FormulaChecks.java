package org.yardstick.aggregation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yardstick.aggregation.engine.Formula;
import org.yardstick.framework.FormulaRules;

/**
 * The framework's formula checks, with the parser that evaluates formulas: a formula is refused when
 * it cannot be read, reads an unknown indicator or itself, closes a circle through other formulas, or
 * reads indicators that never share a period (monthly ones without a period rule and yearly ones).
 */
@Component
class FormulaChecks implements FormulaRules {

    private final JdbcClient jdbc;

    FormulaChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
        return periods(parsed.inputs());
    }

    /**
     * Inputs that never share a period: the longest period any input is collected by (a year),
     * and the inputs collected only by shorter ones (months) with no period rule to roll them up to
     * it. Inputs collected by no data set (derived ones, or not collected yet) are not judged.
     */
    private Optional<Refusal> periods(Set<String> inputs) {
        if (inputs.size() < 2) {
            return Optional.empty();
        }
        Map<String, Integer> longest = new TreeMap<>();
        Set<String> rolled = new HashSet<>();
        jdbc.sql("""
                        select i.code, i.period_rule, d.period_type from indicator i
                        join data_set_indicator di on di.indicator_id = i.id join data_set d on d.id = di.data_set_id
                        where i.code in (:codes)""")
                .param("codes", List.copyOf(inputs))
                .query((rs, n) -> {
                    if (rs.getString(2) != null) {
                        rolled.add(rs.getString(1));
                    }
                    return longest.merge(rs.getString(1), rank(rs.getString(3)), Math::max);
                }).list();
        int longestOfAll = longest.values().stream().max(Integer::compare).orElse(0);
        List<String> stranded = new ArrayList<>();
        List<String> atLongest = new ArrayList<>();
        longest.forEach((code, rank) -> {
            if (rank == longestOfAll) {
                atLongest.add(code);
            } else if (!rolled.contains(code)) {
                stranded.add(code);
            }
        });
        return stranded.isEmpty() ? Optional.empty()
                : Optional.of(new Refusal(Problem.PERIODS, stranded, String.join(", ", atLongest)));
    }

    private static int rank(String periodType) {
        return switch (periodType) {
            case "MONTH" -> 0;
            case "QUARTER" -> 1;
            default -> 2;
        };
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
