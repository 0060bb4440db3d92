package org.yardstick.index.engine;

/**
 * How a missing value (缺失值) is estimated (OECD/JRC Handbook 2008, section 3; COINr
 * {@code Impute}). Cross-sectional methods work per indicator and period over the units present;
 * panel methods work per unit and indicator over the periods in order. A value that cannot be
 * estimated (no donor) stays missing.
 */
public enum Imputation {
    /** Missing stays missing. */
    NONE,
    /** The mean of the indicator over the units present in the period: {@code x̄ = Σx / n} (COINr "i_mean"). */
    INDICATOR_MEAN,
    /** The mean over the units of the same group present in the period (COINr "indgroup_mean"); no group: unchanged. */
    GROUP_MEAN,
    /** The median over the units of the same group present in the period (COINr "indgroup_median"). */
    GROUP_MEDIAN,
    /** Last observation carried forward: the unit's latest earlier value; none earlier: unchanged. */
    LAST_OBSERVATION,
    /**
     * Linear interpolation between the unit's nearest earlier value {@code x_a} (period index {@code a})
     * and nearest later value {@code x_b}: {@code x_t = x_a + (x_b - x_a)(t - a)/(b - a)}, periods
     * equally spaced by their order; before the first or after the last value: unchanged (no extrapolation).
     */
    LINEAR_INTERPOLATION
}
