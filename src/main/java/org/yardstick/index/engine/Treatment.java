package org.yardstick.index.engine;

/**
 * Outlier treatment (异常值处理) by the skewness/kurtosis rule of the JRC (COINr {@code treat},
 * 2021; OECD/JRC Handbook 2008, section 3), per indicator over the scope's values.
 *
 * <p>An indicator passes when {@code |skewness| < skewLimit} or {@code kurtosis < kurtosisLimit}
 * (sample skewness and excess kurtosis, "type 2", see {@link Stats#skewKurtosis}). While it fails
 * and fewer than {@code maxPoints} winsorisation steps have been made: if skewness ≥ 0 the highest
 * value (every tied copy of it) is set to the next highest value, otherwise the lowest value to the
 * next lowest. If it still fails after {@code maxPoints} steps (or no distinct value is left to
 * winsorise to), the winsorisation is discarded and the {@code fallback} transform is applied to
 * the original values:
 * <ul>
 *   <li>{@link Fallback#CT_LOG}: COINr's "CTlog" (the COIN Tool's shifted log),
 *       {@code x' = ln(x - min(x) + 0.01 (max(x) - min(x)))}, whatever the sign of the skew, exactly
 *       as COINr 0.x does (note that it does not reduce a negative skew);
 *   <li>{@link Fallback#LOG}: {@code x' = ln x}, every value must be positive;
 *   <li>{@link Fallback#NONE}: the original values are kept and flagged.
 * </ul>
 * COINr's own loop tests {@code |skew| > limit AND kurt > limit} to go on, the same rule but for
 * values exactly at a limit (which is measure zero in practice).
 *
 * @param enabled false: the stage passes values through unchanged
 * @param maxPoints the most winsorisation steps (COINr {@code winmax}; ASEM: 6)
 * @param skewLimit absolute skewness limit (2)
 * @param kurtosisLimit kurtosis limit (3.5)
 * @param fallback the transform when winsorisation does not suffice
 * @param scope per period or over the whole panel
 */
public record Treatment(
        boolean enabled, int maxPoints, double skewLimit, double kurtosisLimit, Fallback fallback, Scope scope) {

    public enum Fallback { NONE, LOG, CT_LOG }

    public Treatment {
        if (maxPoints < 0) {
            throw new IllegalArgumentException("maximum points must not be negative");
        }
    }

    /** No treatment. */
    public static Treatment none() {
        return new Treatment(false, 0, 2, 3.5, Fallback.NONE, Scope.PERIOD);
    }

    /** The JRC default: limits 2 and 3.5, at most {@code maxPoints} steps, CTlog fallback, per period. */
    public static Treatment winsorise(int maxPoints) {
        return new Treatment(true, maxPoints, 2, 3.5, Fallback.CT_LOG, Scope.PERIOD);
    }

    boolean passes(double skew, double kurtosis) {
        return Double.isNaN(skew) || Math.abs(skew) < skewLimit || kurtosis < kurtosisLimit;
    }
}
