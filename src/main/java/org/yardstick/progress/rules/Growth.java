package org.yardstick.progress.rules;

import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Qualifier;

/** The arithmetic of the progress rules; every result that is not finite becomes null. */
final class Growth {

    /** Relative tolerance under which a figure counts as equal to its target (rounding of 0.1 × 3). */
    static final double TOLERANCE = 1e-9;

    private Growth() {}

    /** Linear annual rate in the indicator's unit: {@code (to − from) / years}. */
    static @Nullable Double linearRate(double from, double to, double years) {
        return years > 0 ? finite((to - from) / years) : null;
    }

    /** The level reached from {@code from} growing {@code percentPerYear} for {@code years}: {@code from · (1 + r)^years}. */
    static double compound(double from, double percentPerYear, double years) {
        return from * Math.exp(Math.log1p(percentPerYear / 100) * years);
    }

    static @Nullable Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /** A value fit for a message: finite values as they are, infinities as the largest finite double. */
    static Double arg(double x) {
        if (Double.isNaN(x)) {
            return 0.0;
        }
        return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, x));
    }

    /**
     * Whether a figure {@code y} qualified {@code q} meets a level in direction {@code dir} (+1: at
     * least the level, −1: at most). A figure within {@link #TOLERANCE} of the level counts as equal;
     * an equal figure meets the level unless its qualifier puts it on the wrong side: 超过 (OVER) is a
     * little more than the figure, 近 (NEARLY) a little less; 不少于, 不超过, 约 and the rest are read as
     * the figure itself.
     */
    static boolean meets(double y, Qualifier q, double level, int dir) {
        double diff = dir * (y - level);
        double tol = TOLERANCE * Math.max(1, Math.max(Math.abs(level), Math.abs(y)));
        if (diff > tol) {
            return true;
        }
        if (diff < -tol || Double.isNaN(diff)) {
            return false;
        }
        int lean = q == Qualifier.OVER ? 1 : q == Qualifier.NEARLY ? -1 : 0;
        return lean * dir >= 0;
    }

    /** Whether a figure lies within a range, both ends included, qualifiers read as in {@link #meets}. */
    static boolean within(double y, Qualifier q, double low, double high) {
        return meets(y, q, low, 1) && meets(y, q, high, -1);
    }

    /**
     * StatCan's ratio R = d · achieved / |required|, or null when it is undefined (required rate zero)
     * or not finite.
     */
    static @Nullable Double ratio(double achieved, double required, int dir) {
        return required == 0 ? null : finite(dir * achieved / Math.abs(required));
    }

    /** The category of a ratio; with no ratio, the sign of the progress made decides. */
    static SdgCategory category(@Nullable Double ratio, double directedAchieved) {
        if (ratio != null) {
            return SdgCategory.ofRatio(ratio);
        }
        if (directedAchieved > 0) {
            return SdgCategory.ON_TRACK;
        }
        return directedAchieved < 0 ? SdgCategory.DETERIORATION : SdgCategory.LIMITED_PROGRESS;
    }
}
