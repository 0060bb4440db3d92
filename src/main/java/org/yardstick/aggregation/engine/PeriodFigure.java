package org.yardstick.aggregation.engine;

import java.math.BigDecimal;
import java.util.List;
import org.yardstick.shared.Period;

/**
 * A quarter's or year's figure made from its months or quarters.
 *
 * @param period   the quarter or year
 * @param value    the figure by the indicator's {@link PeriodRule}
 * @param covered  how many of its months the figures cover (a reported quarter covers three)
 * @param expected how many months the period has (12 or 3)
 * @param asOf     the latest sub-period with a figure: a partial year's "as of" (截至)
 * @param inputs   the sub-periods that entered the figure, in order
 */
public record PeriodFigure(Period period, BigDecimal value, int covered, int expected, Period asOf, List<Period> inputs) {

    public PeriodFigure {
        inputs = List.copyOf(inputs);
    }

    /** Whether some sub-period is missing (a partial year, 部分期). For {@code LAST}: whether the last one is. */
    public boolean partial(PeriodRule rule) {
        return rule == PeriodRule.LAST ? !asOf.start().plusMonths(months(asOf)).equals(period.start().plusMonths(months(period)))
                : covered < expected;
    }

    private static long months(Period p) {
        return switch (p.type()) {
            case YEAR -> 12;
            case QUARTER -> 3;
            case MONTH -> 1;
        };
    }
}
