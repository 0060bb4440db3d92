package org.yardstick.aggregation;

import org.yardstick.observation.Observation;

/**
 * A category's computed figure (分组汇总值): the aggregate of one breakdown category (城镇, or a crossed
 * cell 城镇+大型) of an indicator for a region and period, rolled up from the sub-regions' approved
 * figures of that category by the indicator's rule, as its total is (decision 0086). Computed when
 * read, never stored: as live as the figures.
 *
 * @param breakdown the category's code ({@code urban}, {@code urban+large})
 * @param figure    the aggregate, its coverage counting the reporting units below with a figure of the category
 */
public record CategoryFigure(String breakdown, AggregateFigure figure) {

    /** The figure as the comparisons read a figure: an approved level of the category, with no id (0). */
    public Observation asObservation() {
        return figure.asObservation(breakdown);
    }
}
