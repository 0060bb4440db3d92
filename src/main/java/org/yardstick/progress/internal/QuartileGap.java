package org.yardstick.progress.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Polarity;

/**
 * The gap between leading and lagging regions (数字鸿沟): the mean of the best quarter of the
 * regions minus the mean of the worst quarter, and the ratio of the two. With {@code n} regions
 * reporting, each quarter holds {@code k = ⌈n/4⌉} regions; "best" follows the indicator's polarity
 * (the highest values when more is better, the lowest when less is). The difference is
 * {@code |best − worst|}; the ratio is the larger mean over the smaller (≥ 1), null unless the smaller
 * is above zero. Needs four regions at least.
 *
 * @param n the regions compared
 * @param k the regions in each quarter
 */
public record QuartileGap(int n, int k, double bestMean, double worstMean, double difference, @Nullable Double ratio) {

    /** The gap of these values, or null with fewer than four. */
    public static @Nullable QuartileGap of(double[] values, Polarity polarity) {
        int n = values.length;
        if (n < 4) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int k = (n + 3) / 4;
        double low = 0;
        double high = 0;
        for (int i = 0; i < k; i++) {
            low += sorted[i];
            high += sorted[n - 1 - i];
        }
        low /= k;
        high /= k;
        double best = polarity == Polarity.NEGATIVE ? low : high;
        double worst = polarity == Polarity.NEGATIVE ? high : low;
        Double ratio = low > 0 ? high / low : null;
        return new QuartileGap(n, k, best, worst, high - low, ratio);
    }

    /** Quarter of a region by its position in best-first order: 1 best … 4 worst, consistent with {@link #of}. */
    public static int quartile(int position, int n) {
        int k = (n + 3) / 4;
        if (position < k) {
            return 1;
        }
        if (position >= n - k) {
            return 4;
        }
        int middle = n - 2 * k;
        return position - k < (middle + 1) / 2 ? 2 : 3;
    }

    /** How many of {@code n} ranked regions fall in a quarter (1 best … 4 worst), as {@link #quartile} assigns them. */
    public static int size(int quartile, int n) {
        int count = 0;
        for (int p = 0; p < n; p++) {
            if (quartile(p, n) == quartile) {
                count++;
            }
        }
        return count;
    }
}
