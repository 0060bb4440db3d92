package org.yardstick.progress.rules;

import org.jspecify.annotations.Nullable;

/**
 * Where the indicator heads by the target year if the trend holds: a least-squares line through
 * the start and the figures since (two-point line when there are two), and compound growth at the
 * CAGR from the start to the latest figure. The range spans both, widened by the 80% prediction
 * interval of the line when there are three points or more.
 *
 * @param points how many figures the line is fitted to (start included)
 * @param compound null when a value is at or below zero
 */
public record Projection(int year, int points, double linear, @Nullable Double compound, double low, double high) {

    public Projection {
        Assessment.requireFinite(linear, "linear projection");
        Assessment.requireFinite(compound, "compound projection");
        Assessment.requireFinite(low, "projection low");
        Assessment.requireFinite(high, "projection high");
        if (low > high) {
            throw new IllegalArgumentException("projection range " + low + ".." + high + " is upside down");
        }
    }
}
