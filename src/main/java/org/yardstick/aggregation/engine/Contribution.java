package org.yardstick.aggregation.engine;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What a region passes up to its parent in a {@link RegionAggregation}: its two terms for the
 * parent's rule (SUM and MEAN: the figure and 1; a weighted mean: figure × weight and the weight; a
 * ratio of sums: numerator and denominator), the reporting units below it that the parent counts as
 * covered, and how many units below lack a weight or denominator. A parent's aggregate depends on
 * its children only through these, so a change at one county is carried up by recomputing its
 * ancestors from their children's stored contributions (incremental aggregation).
 *
 * @param a        the first term, or null when the region passes no figure up
 * @param b        the second term, or null when the region passes no figure up
 * @param coverage the units below (or the unit itself) that the parent counts, of those expected
 * @param lacking  reporting units below with a figure but no weight or denominator
 */
public record Contribution(@Nullable BigDecimal a, @Nullable BigDecimal b, Coverage coverage, int lacking) {

    public boolean present() {
        return a != null && b != null;
    }
}
