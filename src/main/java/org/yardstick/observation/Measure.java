package org.yardstick.observation;

/** What an observation's value is. */
public enum Measure {
    /** The indicator's value itself: 达到56.96. */
    LEVEL,
    /** Absolute change since the base period, in the indicator's unit: 增长18.87个点, 提高10.47个百分点. */
    CHANGE,
    /** Relative change since the base period, in percent: 增长22.5%, 同比增长151.71%. */
    PCT_CHANGE,
    /** Average annual growth since the base period, in percent: 年均增速18.7%. */
    CAGR,
    /** The value as a multiple of the base period's: 翻了两番 is 4. */
    MULTIPLE
}
