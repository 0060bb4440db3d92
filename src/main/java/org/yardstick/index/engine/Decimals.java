package org.yardstick.index.engine;

import java.math.BigDecimal;

/** Writing numbers for people and files: shortest round-trip digits, no exponent, empty for missing. */
public final class Decimals {

    private Decimals() {}

    /**
     * The shortest decimal that reads back as the same double ({@link Double#toString}), without
     * exponent notation; {@code ""} for NaN (missing). Infinities never reach here: every stage
     * reports a problem instead of producing one.
     */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("an infinite value escaped the engine");
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.indexOf('E') < 0 ? s : new BigDecimal(s).toPlainString();
    }
}
