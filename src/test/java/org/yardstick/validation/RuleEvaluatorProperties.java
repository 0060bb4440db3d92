package org.yardstick.validation;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.yardstick.validation.Fixtures.rule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.yardstick.observation.Finding;
import org.yardstick.observation.Proposal;
import org.yardstick.observation.Severity;
import org.yardstick.shared.Period;
import org.yardstick.validation.internal.Condition;
import org.yardstick.validation.internal.Direction;
import org.yardstick.validation.internal.Operator;
import org.yardstick.validation.internal.RuleEvaluator;
import org.yardstick.validation.internal.ValidationRule;

/** Invariants of rule evaluation over generated figures. */
class RuleEvaluatorProperties {

    /** Decimals with up to two places, from -10000 to 10000. */
    static Gen<BigDecimal> decimals() {
        return integers().between(-1_000_000, 1_000_000).map(i -> BigDecimal.valueOf(i, 2));
    }

    static Proposal proposal(Map<String, BigDecimal> values, Map<String, BigDecimal> previous) {
        return new Proposal(Fixtures.COUNTY, Fixtures.TIANSHAN, Period.year(2025), values, previous, Set.of());
    }

    @Test
    void aComparisonIsFoundExactlyWhenItDoesNotHold() {
        qt().forAll(decimals(), decimals(), Generate.enumValues(Operator.class), integers().between(1, 400))
                .checkAssert((a, b, op, f) -> {
                    BigDecimal factor = BigDecimal.valueOf(f, 2);
                    ValidationRule r = rule("c", Severity.ERROR, "FTTH_USERS", new Condition.Comparison(op, "BB_USERS", factor));
                    List<Finding> found = new RuleEvaluator(List.of(r))
                            .check(proposal(Map.of("FTTH_USERS", a, "BB_USERS", b), Map.of()));
                    boolean holds = op.holds(a.compareTo(b.multiply(factor)));
                    org.assertj.core.api.Assertions.assertThat(found).hasSize(holds ? 0 : 1);
                });
    }

    @Test
    void aRangeIsFoundExactlyOutsideItsBounds() {
        qt().forAll(decimals(), decimals(), integers().between(0, 1_000_000))
                .checkAssert((v, lo, width) -> {
                    BigDecimal hi = lo.add(BigDecimal.valueOf(width, 2));
                    ValidationRule r = rule("r", Severity.ERROR, "FTTB_RATE", new Condition.Range(lo, hi));
                    List<Finding> found = new RuleEvaluator(List.of(r)).check(proposal(Map.of("FTTB_RATE", v), Map.of()));
                    boolean inside = v.compareTo(lo) >= 0 && v.compareTo(hi) <= 0;
                    org.assertj.core.api.Assertions.assertThat(found).hasSize(inside ? 0 : 1);
                });
    }

    @Test
    void eitherDirectionFindsWhatUpOrDownFinds() {
        qt().forAll(decimals(), decimals(), integers().between(1, 20_000)).checkAssert((now, before, t) -> {
            BigDecimal threshold = BigDecimal.valueOf(t, 2);
            Proposal p = proposal(Map.of("BB_USERS", now), Map.of("BB_USERS", before));
            int either = count(p, threshold, Direction.EITHER);
            int up = count(p, threshold, Direction.UP);
            int down = count(p, threshold, Direction.DOWN);
            org.assertj.core.api.Assertions.assertThat(up + down).isLessThanOrEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(either).isEqualTo(up + down);
        });
    }

    static int count(Proposal p, BigDecimal threshold, Direction d) {
        ValidationRule r = rule("y", Severity.WARNING, "BB_USERS", new Condition.YearOnYear(threshold, d));
        return new RuleEvaluator(List.of(r)).check(p).size();
    }
}
