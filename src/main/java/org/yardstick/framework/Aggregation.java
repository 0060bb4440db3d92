package org.yardstick.framework;

/** How an indicator's values add up from regions to the region that encloses them (汇总方式). */
public enum Aggregation {
    /** The sum of the parts: 用户数, 收入. */
    SUM,
    /** The mean of the parts. */
    MEAN,
    /** The ratio of the sums of two other indicators: a share, a rate per 100 households. */
    RATIO,
    /** Cannot be computed from the parts; each region reports its own: indices. */
    NOT_ADDITIVE
}
