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
 */
public record Normalisation(Method method, double lo, double hi, double mean, double sd, boolean cap, Scope scope) {

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
        return new Normalisation(method, lo, hi, mean, sd, cap, s);
    }
}
