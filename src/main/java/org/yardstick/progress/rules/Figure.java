package org.yardstick.progress.rules;

import org.yardstick.framework.Qualifier;

/**
 * One reported figure of an indicator for one region: the year, the value as the document gives it,
 * and the document's qualifier (超过 60% is {@code (year, 60, OVER)}).
 */
public record Figure(int year, double value, Qualifier qualifier) {

    /** Earliest and latest year accepted; keeps every year difference small and exact. */
    static final int MIN_YEAR = 1000;

    static final int MAX_YEAR = 3000;

    public Figure {
        requireYear(year, "year");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, was " + value + " in " + year);
        }
    }

    public static Figure of(int year, double value) {
        return new Figure(year, value, Qualifier.NONE);
    }

    static void requireYear(int year, String what) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException(what + " must lie between " + MIN_YEAR + " and " + MAX_YEAR + ", was " + year);
        }
    }
}
