package org.yardstick.index.engine;

/**
 * How indicator values are brought to a common scale (标准化/无量纲化) (OECD/JRC Handbook 2008,
 * section 5; COINr {@code Normalise}). Polarity first: an indicator of direction {@code d = -1}
 * (逆向指标) is reversed so that higher is always better, as stated for each method. For the value
 * {@code x} of one indicator, with {@code min}, {@code max}, mean {@code m}, sample sd {@code s}
 * over the scope's values present, and output range {@code [lo, hi]}:
 * <ul>
 *   <li>{@link Method#MIN_MAX}: {@code lo + (hi - lo)(x - min)/(max - min)}; {@code d = -1}:
 *       {@code lo + (hi - lo)(max - x)/(max - min)} (COINr n_minmax on {@code d·x}); needs max > min.
 *   <li>{@link Method#Z_SCORE}: {@code mean + sd · d (x - m)/s} (COINr n_zscore with {@code m_sd});
 *       needs s > 0.
 *   <li>{@link Method#GOALPOSTS}: fixed goalposts {@code [l, u]} of the indicator (ITU ICT
 *       Development Index): {@code lo + (hi - lo) clamp((x - l)/(u - l))}; {@code d = -1}:
 *       {@code clamp((u - x)/(u - l))}; clamp to [0, 1] when {@code cap} (values beyond the goalposts
 *       get the goalpost's score).
 *   <li>{@link Method#LOG_GOALPOSTS}: as goalposts on logarithms (ITU IDI for per-capita figures,
 *       UNDP HDI income): {@code clamp((ln x - ln l)/(ln u - ln l))}; {@code d = -1}:
 *       {@code clamp((ln u - ln x)/(ln u - ln l))}; needs {@code x > 0}, {@code 0 < l < u}.
 *   <li>{@link Method#DISTANCE_TO_TARGET}: {@code lo + (hi - lo)(x - min)/(t - min)} for target
 *       {@code t}; {@code d = -1}: {@code (max - x)/(max - t)} (COINr n_dist2targ); capped at 1
 *       when {@code cap}.
 *   <li>{@link Method#DISTANCE_TO_MAX}: {@code lo + (hi - lo)(1 - (max - x)/(max - min))} on
 *       {@code d·x} (COINr n_dist2max; numerically the same as min-max).
 *   <li>{@link Method#RANK}: the rank of {@code d·x} ascending, ties the minimum rank (R
 *       {@code rank(ties.method = "min")}), so the best unit has rank n.
 *   <li>{@link Method#PERCENTILE_RANK}: {@code lo + (hi - lo)(r - 1)/(n - 1)} with {@code r} the
 *       rank above (dplyr {@code percent_rank}); a single unit gets {@code hi}.
 *   <li>{@link Method#NONE}: {@code d·x}.
 * </ul>
 *
 * @param method the method
 * @param lo lower end of the output range (min-max, goalposts, distances, percentile rank)
 * @param hi upper end of the output range
 * @param mean target mean of z-scores
 * @param sd target standard deviation of z-scores
 * @param cap whether goalposts and distance to target cap values to the range
 * @param scope per period or over the whole panel
 * @param logBase the base of the logarithm of {@link Method#LOG_GOALPOSTS} (ITU writes log10; the
 *     score {@code (log x - log l)/(log u - log l)} is the same in any base, up to rounding)
 * @param goalpostLow goalposts for the indicators this method is set on, when they have none of
 *     their own; NaN: the indicator's own
 * @param goalpostHigh the high goalpost likewise
 * @param polarity +1 or -1 to set the direction (正向/逆向) of the indicators this method is set on;
 *     0: each indicator's own direction
 */
public record Normalisation(Method method, double lo, double hi, double mean, double sd, boolean cap, Scope scope,
        double logBase, double goalpostLow, double goalpostHigh, int polarity) {

    /** A method with the indicators' own goalposts and directions, natural logarithms. */
    public Normalisation(Method method, double lo, double hi, double mean, double sd, boolean cap, Scope scope) {
        this(method, lo, hi, mean, sd, cap, scope, Math.E, Double.NaN, Double.NaN, 0);
    }

    public enum Method {
        MIN_MAX, Z_SCORE, GOALPOSTS, LOG_GOALPOSTS, DISTANCE_TO_TARGET, DISTANCE_TO_MAX, RANK, PERCENTILE_RANK, NONE
    }

    public Normalisation {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new IllegalArgumentException("the output range needs finite lo < hi");
        }
        if (!Double.isFinite(mean) || !Double.isFinite(sd) || !(sd > 0)) {
            throw new IllegalArgumentException("z-scores need a finite mean and a positive sd");
        }
        if (!(logBase > 0) || logBase == 1 || !Double.isFinite(logBase)) {
            throw new IllegalArgumentException("a logarithm's base must be positive and not 1");
        }
        if (polarity < -1 || polarity > 1) {
            throw new IllegalArgumentException("polarity must be -1, 0 or 1");
        }
    }

    /** The same method with goalposts for the indicators it is set on. */
    public Normalisation withGoalposts(double low, double high) {
        return new Normalisation(method, lo, hi, mean, sd, cap, scope, logBase, low, high, polarity);
    }

    /** The same method in another logarithm base. */
    public Normalisation withLogBase(double base) {
        return new Normalisation(method, lo, hi, mean, sd, cap, scope, base, goalpostLow, goalpostHigh, polarity);
    }

    /** The same method setting the direction of the indicators it is set on (0: their own). */
    public Normalisation withPolarity(int p) {
        return new Normalisation(method, lo, hi, mean, sd, cap, scope, logBase, goalpostLow, goalpostHigh, p);
    }

    /** Min-max to {@code [lo, hi]}, per period. */
    public static Normalisation minMax(double lo, double hi) {
        return new Normalisation(Method.MIN_MAX, lo, hi, 0, 1, true, Scope.PERIOD);
    }

    /** Z-scores with the given mean and standard deviation, per period. */
    public static Normalisation zScore(double mean, double sd) {
        return new Normalisation(Method.Z_SCORE, 0, 100, mean, sd, true, Scope.PERIOD);
    }

    /** Any method onto {@code [lo, hi]}, capped, per period. */
    public static Normalisation of(Method method, double lo, double hi) {
        return new Normalisation(method, lo, hi, 0, 1, true, Scope.PERIOD);
    }

    public Normalisation withScope(Scope s) {
        return new Normalisation(method, lo, hi, mean, sd, cap, s, logBase, goalpostLow, goalpostHigh, polarity);
    }
}
