package org.yardstick.progress.rules;

/** How the rates of an assessment are measured. */
public enum RateBasis {
    /** Compound annual growth rate, in % a year: (y/y0)^(1/years) − 1. */
    COMPOUND,
    /** Change a year in the indicator's unit: (y − y0) / years. */
    LINEAR,
    /** Comparator targets: the gap to the comparator closed a year, in the indicator's unit. */
    GAP_CLOSING
}
