package org.yardstick.progress.rules;

import org.jspecify.annotations.Nullable;

/**
 * Ordinary least squares line through yearly points, with the 80% prediction interval of a new
 * value: {@code ŷ(x) ± t(0.90, n−2) · s · √(1 + 1/n + (x − x̄)² / Sxx)}, where {@code s² = RSS / (n − 2)}.
 */
final class Trend {

    /** Student's t, one-sided 0.90 quantile, for 1 to 30 degrees of freedom. */
    private static final double[] T90 = {
        3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372,
        1.363, 1.356, 1.350, 1.345, 1.341, 1.337, 1.333, 1.330, 1.328, 1.325,
        1.323, 1.321, 1.319, 1.318, 1.316, 1.315, 1.314, 1.313, 1.311, 1.310
    };

    /** The normal quantile, for more than 30 degrees of freedom. */
    private static final double Z90 = 1.2816;

    private final int n;
    private final double meanX;
    private final double meanY;
    private final double sxx;
    private final double slope;
    private final double rss;

    private Trend(double[] x, double[] y) {
        n = x.length;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
        }
        meanX = sx / n;
        meanY = sy / n;
        double xx = 0;
        double xy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            xx += dx * dx;
            xy += dx * (y[i] - meanY);
        }
        sxx = xx;
        slope = xy / xx;
        double r = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - at(x[i]);
            r += e * e;
        }
        rss = r;
    }

    /** The fitted line, or null for fewer than two points or a single year. */
    static @Nullable Trend fit(double[] x, double[] y) {
        if (x.length < 2 || x.length != y.length) {
            return null;
        }
        Trend t = new Trend(x, y);
        return t.sxx > 0 ? t : null;
    }

    int points() {
        return n;
    }

    /** The line's value at a year. */
    double at(double x) {
        return meanY + slope * (x - meanX);
    }

    /** Half the width of the 80% prediction interval at a year; null with two points (no residual freedom). */
    @Nullable Double halfWidth(double x) {
        int df = n - 2;
        if (df < 1) {
            return null;
        }
        double t = df <= T90.length ? T90[df - 1] : Z90;
        double s = Math.sqrt(rss / df);
        double dx = x - meanX;
        return Growth.finite(t * s * Math.sqrt(1 + 1.0 / n + dx * dx / sxx));
    }
}
