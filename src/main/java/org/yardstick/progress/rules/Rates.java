package org.yardstick.progress.rules;

import org.jspecify.annotations.Nullable;

/**
 * The annual rate achieved since the start (baseline), the annual rate that was required from the
 * start to reach the target by the target year, the rate required from the latest figure on, and
 * StatCan's ratio R = d · achieved / |required| (d = +1 when the target lies above, −1 below).
 *
 * @param requiredFromLatest null when the latest figure is from the target year or later
 * @param ratio null when the required rate is zero (the target equals the start)
 */
public record Rates(
        RateBasis basis,
        double achieved,
        double required,
        @Nullable Double requiredFromLatest,
        @Nullable Double ratio) {

    public Rates {
        Assessment.requireFinite(achieved, "achieved rate");
        Assessment.requireFinite(required, "required rate");
        Assessment.requireFinite(requiredFromLatest, "rate required from the latest figure");
        Assessment.requireFinite(ratio, "ratio");
    }
}
