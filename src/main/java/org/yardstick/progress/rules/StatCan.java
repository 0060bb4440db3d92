package org.yardstick.progress.rules;

import org.jspecify.annotations.Nullable;

/**
 * The rules of Statistics Canada's SDG progress method at its edges, as Open SDG documents them
 * ({@code docs/progress-methodology.md} of open-sdg/open-sdg) and sdg-build implements them
 * ({@code sdg/ProgressMeasure.py}). Quotations are from the methodology page.
 */
final class StatCan {

    /**
     * "If the target value is zero, it is replaced by 0.001 in the calculation of the progress
     * measure. If the base value is zero, it is replaced by 0.001 in the calculation of the progress
     * measure." (Special considerations for the base value and the target value.)
     */
    static final double ZERO_SUBSTITUTE = 0.001;

    /**
     * Thresholds on the observed growth of indicators without quantitative targets, in % a year:
     * "CAGR ≥ 1.5% C: On track; 0.5% C ≤ CAGR &lt; 1.5% C: Progress made but acceleration needed;
     * 0% ≤ CAGR &lt; 0.5% C: Limited progress; CAGR &lt; 0%: Deterioration."
     */
    static final double ON_TRACK_GROWTH = 1.5;

    static final double ACCELERATION_GROWTH = 0.5;

    /** The exponent of sdg-build's scaling factor (the methodology page gives it only as an image). */
    static final double LIMIT_EXPONENT = 4.44;

    private StatCan() {}

    /** A zero replaced by {@link #ZERO_SUBSTITUTE}; any other value as it is. */
    static double substituteZero(double v) {
        return v == 0 ? ZERO_SUBSTITUTE : v;
    }

    /**
     * −1 for a series below zero, else +1. "As the described progress measure methodology is based
     * on an exponential growth model, it is valid only when all values are positive or all values
     * are negative. If all values are negative, the desired direction of progress is flipped in the
     * progress measure calculation." (Minimum data requirements.)
     */
    static int sign(double base) {
        return base < 0 ? -1 : 1;
    }

    /**
     * Whether a value lies across zero from the base (strictly: a zero figure is no change of sign,
     * and sdg-build, which compares the base with the current value, grades a fall to zero as −100%
     * a year).
     */
    static boolean across(double base, double v) {
        return base * v < 0;
    }

    /**
     * Compound annual growth rate in % a year, {@code CAGR = (y_i / y_0)^(1/(t_i − t_0)) − 1}, for two
     * values on the same side of zero (a fall to zero is −100%); null otherwise.
     */
    static @Nullable Double cagr(double from, double to, double years) {
        if (years <= 0 || from == 0 || across(from, to)) {
            return null;
        }
        if (to == 0) {
            return -100.0;
        }
        return Growth.finite(Math.expm1((Math.log(Math.abs(to)) - Math.log(Math.abs(from))) / years) * 100);
    }

    /**
     * The scaling factor C of natural limits, by which the growth thresholds above 0% shrink near a
     * limit: "If the value of the indicator in the base year is already near the natural limit, it
     * may be impossible to achieve the growth rates required to attain a progress status of 'On
     * track' … In these cases, the growth rate thresholds presented in the table are scaled down by
     * a factor that accounts for the base value y_0 and natural limit y_lim of the indicator." As
     * sdg-build computes it, with {@code b = |y_0|}, {@code l = |y_lim|}, {@code a = 4.44}:
     * {@code C = 1 − (b/l)^a} for {@code b ≤ l} (a maximum), {@code 1 − ((2l − b)/l)^a} for
     * {@code l < b < 2l} (a minimum), {@code 1} from {@code b ≥ 2l} on. "Only a limit that affects
     * progress in the desired direction is considered. For example, a maximum limit is not
     * considered for indicators whose desired direction of progress is negative."
     *
     * @param dir +1 when an increase is wanted, −1 a decrease
     * @return C in [0, 1]; 1 when there is no limit or it does not lie in the desired direction
     */
    static double scaling(double base, @Nullable Double limit, int dir) {
        if (limit == null || dir * (limit - base) < 0) {
            return 1;
        }
        double b = Math.abs(base);
        double l = Math.abs(limit);
        if (b >= 2 * l) {
            return 1;
        }
        double c = b <= l ? 1 - Math.pow(b / l, LIMIT_EXPONENT) : 1 - Math.pow((2 * l - b) / l, LIMIT_EXPONENT);
        return Math.max(0, Math.min(1, c));
    }

    /**
     * The category of the growth observed where no number is given, {@code d · CAGR} in % a year (d
     * already includes the flip of negative series), against the thresholds scaled by C. "If the
     * calculated progress value is zero or greater (CAGR ≥ 0)" with C = 0 (the base value is at the
     * limit) "the current value is maintained at the limit … and a progress status of 'On track' …
     * [is] assigned."
     */
    static SdgCategory ofGrowth(double directedPercent, double c) {
        if (directedPercent < 0) {
            return SdgCategory.DETERIORATION;
        }
        if (c == 0 || directedPercent >= ON_TRACK_GROWTH * c) {
            return SdgCategory.ON_TRACK;
        }
        return directedPercent >= ACCELERATION_GROWTH * c ? SdgCategory.ACCELERATION_NEEDED : SdgCategory.LIMITED_PROGRESS;
    }
}
