package org.yardstick.progress.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Projects a series to the target year: least-squares line and compound growth, with a range. */
final class Projector {

    private Projector() {}

    /**
     * Projection to {@code year} from the start and the figures after it. Linear: the least-squares
     * line through all these points (two points: the line through both). Compound: the latest
     * figure grown on at the CAGR from the start to it, {@code y_l · (y_l / y_s)^((T − t_l) / (t_l − t_s))},
     * when {@code compound} is allowed and both values lie on the same side of zero (a series below
     * zero grows in magnitude, as the method reads it). Range: from the lowest to
     * the highest of linear, compound, and the linear projection ± the 80% prediction half-width.
     *
     * @return null with fewer than two points or when a number overflows
     */
    static @Nullable Projection project(Figure start, List<Figure> after, int year, boolean compound, Draft d) {
        int n = after.size() + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        x[0] = start.year();
        y[0] = start.value();
        for (int i = 1; i < n; i++) {
            x[i] = after.get(i - 1).year();
            y[i] = after.get(i - 1).value();
        }
        Trend trend = Trend.fit(x, y);
        if (trend == null) {
            return null;
        }
        Double linear = Growth.finite(trend.at(year));
        if (linear == null) {
            return null;
        }
        Double grown = null;
        if (compound) {
            Figure last = after.get(after.size() - 1);
            if (start.value() * last.value() > 0) {
                double perYear = (Math.log(Math.abs(last.value())) - Math.log(Math.abs(start.value())))
                        / (last.year() - start.year());
                grown = Growth.finite(last.value() * Math.exp(perYear * (year - last.year())));
            } else {
                d.note(Reason.NOTE_LINEAR_FALLBACK);
            }
        }
        double low = linear;
        double high = linear;
        if (grown != null) {
            low = Math.min(low, grown);
            high = Math.max(high, grown);
        }
        Double half = trend.halfWidth(year);
        if (half != null && Double.isFinite(linear - half) && Double.isFinite(linear + half)) {
            low = Math.min(low, linear - half);
            high = Math.max(high, linear + half);
        }
        return new Projection(year, trend.points(), linear, grown, low, high);
    }
}
