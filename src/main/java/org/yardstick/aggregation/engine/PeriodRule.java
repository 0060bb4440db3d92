package org.yardstick.aggregation.engine;

/** How an indicator's figures of months or quarters make the figure of the quarter or year. */
public enum PeriodRule {
    /** Flows (收入, 新增用户): the sub-periods add up; a year is complete with all its quarters or months. */
    SUM,
    /** Stocks at the period's end (年末用户数): the last sub-period's figure; complete when that one is reported. */
    LAST,
    /** Stocks as an average over the period (平均): the mean of the sub-periods reported. */
    MEAN
}
