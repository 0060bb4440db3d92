package org.yardstick.aggregation.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A region's figure for one indicator and period as the aggregation sees it: the figure reported
 * for the region itself (its own statistics, 统计部门数据) if any, the aggregate computed from its
 * sub-regions (汇总值) if any, which of the two counts, and how much of the region reported.
 *
 * @param region    the region's code
 * @param reported  the region's own approved figure, or null
 * @param computed  the aggregate of its sub-regions' figures, or null (no sub-region has one, or the rule adds nothing up)
 * @param value     the figure progress and pages use: the reported one, else the computed one unless withheld
 * @param coverage  how many of the reporting units below (or the region itself, if it reports) are covered
 * @param inputs    the sub-regions whose figures entered {@code computed}, in tree order
 * @param withheld  true when a computed figure exists but is not used because coverage is incomplete, or
 *                  (with {@code lack}) because a unit below lacks its weight or denominator
 * @param lack      why it is withheld whatever the policy: a unit below lacks the weight or denominator; else null
 * @param lacking   how many reporting units below lack it (0 without {@code lack})
 */
public record Aggregate(String region, @Nullable BigDecimal reported, @Nullable BigDecimal computed,
                        @Nullable BigDecimal value, Coverage coverage, List<String> inputs, boolean withheld,
                        @Nullable Lack lack, int lacking) {

    public Aggregate {
        inputs = List.copyOf(inputs);
    }

    /** Whether {@link #value()} is the computed aggregate (汇总值) rather than a reported figure. */
    public boolean isComputed() {
        return reported == null && value != null;
    }

    /** Reported minus computed (统计口径差异), where both exist. */
    public @Nullable BigDecimal difference() {
        return reported == null || computed == null ? null : reported.subtract(computed);
    }

    /**
     * Whether reported and computed differ by more than {@code relative} of the reported figure
     * (0.05 for 5 %); a reported zero differs from any non-zero computed figure.
     */
    public boolean differsBeyond(BigDecimal relative) {
        BigDecimal d = difference();
        if (d == null || d.signum() == 0) {
            return false;
        }
        if (reported.signum() == 0) {
            return true;
        }
        return d.abs().divide(reported.abs(), MathContext.DECIMAL128).compareTo(relative) > 0;
    }
}
