package org.yardstick.framework;

/**
 * How an indicator's figures of months and quarters make its quarters and years (时期汇总规则);
 * an indicator without one is not rolled up over periods.
 */
public enum PeriodRule {
    /** Flows (收入, 新增用户): the sub-periods add up. */
    SUM,
    /** Stocks at the end of the period (年末用户数): the last sub-period's figure. */
    LAST,
    /** Average stocks: the mean of the sub-periods. */
    MEAN
}
