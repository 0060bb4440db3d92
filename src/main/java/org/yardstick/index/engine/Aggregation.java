package org.yardstick.index.engine;

/**
 * How an aggregate combines its children's values {@code x_i} with weights {@code w_i}, over the
 * children present (OECD/JRC Handbook 2008, section 6; COINr {@code a_amean}, {@code a_gmean},
 * {@code a_hmean}, {@code a_genmean}). With {@code W = Σ w_i}:
 * <ul>
 *   <li>{@link Method#ARITHMETIC}: {@code Σ w_i x_i / W} (fully compensatory);
 *   <li>{@link Method#GEOMETRIC}: {@code exp(Σ w_i ln x_i / W)}, all {@code x_i > 0};
 *   <li>{@link Method#HARMONIC}: {@code W / Σ (w_i / x_i)}, all {@code x_i > 0};
 *   <li>{@link Method#GENERALISED}: the power mean {@code (Σ w_i x_i^p / W)^(1/p)}, {@code p ≠ 0};
 *       {@code x_i ≥ 0} for {@code p > 0}, {@code x_i > 0} for {@code p < 0}. {@code p = 1} is the
 *       arithmetic, {@code p = -1} the harmonic mean, {@code p → 0} the geometric mean.
 * </ul>
 *
 * @param method the mean
 * @param power the exponent {@code p} of the generalised mean; ignored by the other methods
 */
public record Aggregation(Method method, double power) {

    public enum Method { ARITHMETIC, GEOMETRIC, HARMONIC, GENERALISED }

    public Aggregation {
        if (method == Method.GENERALISED && (power == 0 || !Double.isFinite(power))) {
            throw new IllegalArgumentException("the generalised mean needs a finite power p ≠ 0 (use geometric for 0)");
        }
    }

    public static Aggregation arithmetic() {
        return new Aggregation(Method.ARITHMETIC, 1);
    }

    public static Aggregation geometric() {
        return new Aggregation(Method.GEOMETRIC, 0);
    }

    public static Aggregation harmonic() {
        return new Aggregation(Method.HARMONIC, -1);
    }

    public static Aggregation generalised(double p) {
        return new Aggregation(Method.GENERALISED, p);
    }

    /** The exponent {@code p} this mean is the power mean of: 1, 0, -1 or {@link #power()}. */
    public double exponent() {
        return switch (method) {
            case ARITHMETIC -> 1;
            case GEOMETRIC -> 0;
            case HARMONIC -> -1;
            case GENERALISED -> power;
        };
    }

    /** Whether a child value of zero is refused ({@code p ≤ 0}) as well as a negative one. */
    boolean needsPositive() {
        return exponent() <= 0;
    }

    String label() {
        return method == Method.GENERALISED ? "generalised (p = " + power + ")" : method.name().toLowerCase();
    }
}
