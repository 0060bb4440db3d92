package org.yardstick.index.engine;

import java.util.List;

/**
 * The imputation of one indicator: methods tried in order, each filling only the cells the ones
 * before it left missing (a fallback chain: interpolate over time, then carry the last observation
 * forward, then the group mean …), with a limit on how far over time the panel methods reach.
 *
 * <p>Panel methods measure time by {@link PeriodAxis}: years, quarters or months between the
 * periods, not their order. {@code maxGap} is in those steps: {@link Imputation#LAST_OBSERVATION}
 * fills a period at most {@code maxGap} after the unit's last value; {@link Imputation#LINEAR_INTERPOLATION}
 * fills between values at {@code a} and {@code b} only when the hole is at most {@code maxGap}
 * long, {@code b - a - 1 ≤ maxGap} (2010 and 2013 leave a hole of two years, 2011 and 2012,
 * whether or not 2011 is a period of the panel). Infinite: no limit.
 *
 * @param methods the methods in order; empty or {@code [NONE]}: no imputation
 * @param maxGap the longest hole the panel methods fill, in steps of the periods' unit; ≥ 0
 */
public record ImputationChain(List<Imputation> methods, double maxGap) {

    public ImputationChain {
        methods = methods.stream().filter(m -> m != Imputation.NONE).distinct().toList();
        if (!(maxGap >= 0)) {
            throw new IllegalArgumentException("max gap must not be negative");
        }
    }

    /** One method, no limit. */
    public static ImputationChain of(Imputation method) {
        return new ImputationChain(List.of(method), Double.POSITIVE_INFINITY);
    }

    /** No imputation. */
    public static ImputationChain none() {
        return new ImputationChain(List.of(), Double.POSITIVE_INFINITY);
    }

    /** Whether nothing is imputed. */
    public boolean isNone() {
        return methods.isEmpty();
    }

    /** The first method of the chain ({@link Imputation#NONE} when none). */
    public Imputation first() {
        return methods.isEmpty() ? Imputation.NONE : methods.get(0);
    }
}
