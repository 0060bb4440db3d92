package org.yardstick.aggregation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.IncompleteAggregate;
import org.yardstick.framework.Qualifier;
import org.yardstick.observation.Measure;
import org.yardstick.observation.Observation;
import org.yardstick.observation.ObservationStatus;
import org.yardstick.shared.Period;

/**
 * A computed figure (汇总值) of an indicator for a region and period: the aggregate of the
 * sub-regions' approved figures by the indicator's rule, or the value of a derived indicator's
 * formula.
 *
 * @param value     the computed value; null only when withheld for a {@code lack} and no unit had both figures
 * @param withheld  true when the value is not to be used: coverage is incomplete and the indicator withholds partial
 *                  aggregates, or a unit below lacks its weight or denominator ({@code lack})
 * @param derived   true for a derived indicator's formula value
 * @param fromPeriods true for a year (or quarter) made from the region's quarters or months by the
 *                  indicator's period rule; then {@code covered} and {@code expected} count months
 * @param covered   how many of the reporting units below have a figure (报送数)
 * @param expected  how many reporting units there are below (应报数)
 * @param inputs    how many sub-regions' figures entered the value
 * @param updatedAt when it was last computed
 * @param incomplete what the indicator does with a partial aggregate
 * @param differenceThreshold the share of a reported figure by which this one may differ from it before pages
 *                  flag the difference (统计口径差异): the indicator's, else {@link #DEFAULT_DIFFERENCE_THRESHOLD}
 * @param lack      why it is withheld whatever the policy: {@code WEIGHT} (a weighted mean, a unit below has no figure of
 *                  the weight indicator) or {@code DENOMINATOR} (a ratio of sums, a unit has the numerator only); else null
 * @param lacking   how many reporting units below lack it
 */
public record AggregateFigure(String indicatorCode, String regionCode, Period period, @Nullable BigDecimal value, boolean withheld,
                              boolean derived, boolean fromPeriods, int covered, int expected, int inputs, Instant updatedAt,
                              IncompleteAggregate incomplete, BigDecimal differenceThreshold, @Nullable String lack, int lacking) {

    /** 5 %: the threshold of an indicator that sets none. */
    public static final BigDecimal DEFAULT_DIFFERENCE_THRESHOLD = new BigDecimal("0.05");

    /** Reported minus computed, where the region reported the period itself; null otherwise. */
    public @Nullable BigDecimal differenceFrom(@Nullable BigDecimal reported) {
        return reported == null || withheld || value == null ? null : reported.subtract(value);
    }

    /**
     * Whether the region's own figure differs from this one by more than the threshold (统计口径差异):
     * the reported figure counts for progress, and pages flag the difference.
     */
    public boolean differsBeyondThreshold(@Nullable BigDecimal reported) {
        BigDecimal d = differenceFrom(reported);
        if (d == null || d.signum() == 0) {
            return false;
        }
        return reported.signum() == 0
                || d.abs().divide(reported.abs(), java.math.MathContext.DECIMAL128).compareTo(differenceThreshold) > 0;
    }

    /**
     * Whether progress and comparisons may use it as the region's figure: complete, or partial for
     * an indicator whose partial aggregates are shown as they are.
     */
    public boolean usable() {
        return !withheld && (complete() || incomplete == IncompleteAggregate.SHOW && !fromPeriods);
    }

    /** Whether a page should warn that not every reporting unit below has reported. */
    public boolean warn() {
        return !derived && expected > 0 && !complete() && (fromPeriods || incomplete != IncompleteAggregate.SHOW);
    }

    /** Whether every reporting unit below is covered. */
    public boolean complete() {
        return expected > 0 && covered == expected;
    }

    /**
     * The figure as the progress rules and comparisons read a figure: an approved level of the
     * total, with no id (0), comment or sources.
     */
    public Observation asObservation() {
        return asObservation("_T");
    }

    /** {@link #asObservation()} of a breakdown category ({@link CategoryFigure}). */
    Observation asObservation(String breakdown) {
        return new Observation(0, indicatorCode, regionCode, period, breakdown, Measure.LEVEL, null, value, Qualifier.NONE, "",
                ObservationStatus.APPROVED, null, 0, updatedAt, COMPUTED_BY, List.of());
    }

    /** Who an {@link #asObservation() observation made of a computed figure} was "updated by". */
    public static final String COMPUTED_BY = "(汇总值)";

    /** Whether an observation stands for a computed figure ({@link #asObservation()}) rather than a reported one. */
    public static boolean isComputed(Observation o) {
        return o.id() == 0 && COMPUTED_BY.equals(o.updatedBy());
    }
}
