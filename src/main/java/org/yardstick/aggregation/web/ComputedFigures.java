package org.yardstick.aggregation.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yardstick.aggregation.AggregateFigure;
import org.yardstick.aggregation.Aggregates;
import org.yardstick.observation.Observation;

/**
 * For templates ({@code @computedFigures}): whether a figure a page shows is a computed one (汇总值)
 * standing in for a region's own, and which — its coverage and the link to its inputs are drawn by
 * the fragment {@code aggregation/mark :: mark(o)} on the plan page, the evaluation report and the
 * region comparison.
 */
@Component("computedFigures")
class ComputedFigures {

    private final Aggregates aggregates;

    ComputedFigures(Aggregates aggregates) {
        this.aggregates = aggregates;
    }

    /** The computed figure behind {@code o}, or null when {@code o} is a reported figure (or none). */
    public @Nullable AggregateFigure of(@Nullable Observation o) {
        if (o == null || !AggregateFigure.isComputed(o)) {
            return null;
        }
        return aggregates.find(o.indicatorCode(), o.regionCode(), o.period().code()).orElse(null);
    }
}
