package org.yardstick.aggregation.engine;

/** How an indicator's figures of sub-regions make the figure of their region (汇总规则). */
public enum RegionRule {
    /** Flows and counts: the parts add up (宽带接入用户, 软件业务收入). */
    SUM,
    /** The plain mean of the sub-regions' figures, each sub-region counting once. */
    MEAN,
    /** The mean of the sub-regions' figures weighted by a weight indicator (e.g. population), itself summed. */
    WEIGHTED_MEAN,
    /** A share: numerator and denominator indicators summed separately, then divided (never a mean of ratios). */
    RATIO_OF_SUMS,
    /** No aggregate: the figure means nothing summed or averaged (an index, a rank). */
    NOT_ADDITIVE
}
