package org.yardstick.index.engine;

import java.util.Arrays;

/**
 * Descriptive statistics over a contiguous slice {@code [from, to)} of a column, skipping missing
 * values (NaN). No boxing; every method returns NaN when it has too few values.
 */
final class Stats {

    private Stats() {}

    static int count(double[] x, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(x[i])) {
                n++;
            }
        }
        return n;
    }

    /** Arithmetic mean {@code Σx / n} of the values present. */
    static double mean(double[] x, int from, int to) {
        double s = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            double v = x[i];
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Sample standard deviation {@code sqrt(Σ(x - mean)² / (n - 1))}, as R's {@code sd}. */
    static double sd(double[] x, int from, int to) {
        double m = mean(x, from, to);
        double s = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            double v = x[i];
            if (!Double.isNaN(v)) {
                double d = v - m;
                s += d * d;
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(s / (n - 1));
    }

    static double min(double[] x, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (x[i] < m) {
                m = x[i];
            }
        }
        return m == Double.POSITIVE_INFINITY ? Double.NaN : m;
    }

    static double max(double[] x, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (x[i] > m) {
                m = x[i];
            }
        }
        return m == Double.NEGATIVE_INFINITY ? Double.NaN : m;
    }

    /** Median of sorted values: the middle one, or the mean of the two middle ones. */
    static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Sample skewness and excess kurtosis by the "type 2" formulas (SAS, SPSS, R e1071 type = 2):
     * with {@code m_k = Σ(x - mean)^k / n}, {@code g1 = m3 / m2^1.5}, {@code g2 = m4 / m2² - 3},
     * skewness {@code G1 = g1 sqrt(n(n - 1)) / (n - 2)} and kurtosis
     * {@code G2 = ((n + 1) g2 + 6)(n - 1) / ((n - 2)(n - 3))}. Writes {skew, kurtosis} to
     * {@code out}; both NaN when fewer than 4 values or all values equal.
     */
    static void skewKurtosis(double[] x, int from, int to, double[] out) {
        double[] sums = new double[4];
        int n = powerSums(x, from, to, mean(x, from, to), sums);
        skewKurtosis(n, 0, sums[1], sums[2], sums[3], out);
    }

    /**
     * The power sums {@code Σd, Σd², Σd³, Σd⁴} of the deviations {@code d = x - centre} of the
     * values present, into {@code sums}; returns how many values are present.
     */
    static int powerSums(double[] x, int from, int to, double centre, double[] sums) {
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            double v = x[i];
            if (v == v) {
                double d = v - centre;
                double d2 = d * d;
                s1 += d;
                s2 += d2;
                s3 += d2 * d;
                s4 += d2 * d2;
                n++;
            }
        }
        sums[0] = s1;
        sums[1] = s2;
        sums[2] = s3;
        sums[3] = s4;
        return n;
    }

    /**
     * Skewness and kurtosis ("type 2", as above) from the power sums {@code s_j = Σ d^j} of the
     * deviations {@code d = x - c} from any centre {@code c} near the mean: with {@code δ = s1/n},
     * {@code m2 = s2/n - δ²}, {@code m3 = s3/n - 3δ s2/n + 2δ³},
     * {@code m4 = s4/n - 4δ s3/n + 6δ² s2/n - 3δ⁴}.
     */
    static void skewKurtosis(int n, double s1, double s2, double s3, double s4, double[] out) {
        double delta = s1 / n;
        double a2 = s2 / n;
        double a3 = s3 / n;
        double a4 = s4 / n;
        double m2 = a2 - delta * delta;
        double m3 = a3 - 3 * delta * a2 + 2 * delta * delta * delta;
        double m4 = a4 - 4 * delta * a3 + 6 * delta * delta * a2 - 3 * delta * delta * delta * delta;
        if (n < 4 || !(m2 > 0)) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            return;
        }
        double g1 = m3 / Math.pow(m2, 1.5);
        double g2 = m4 / (m2 * m2) - 3;
        out[0] = g1 * Math.sqrt((double) n * (n - 1)) / (n - 2);
        out[1] = ((n + 1) * g2 + 6) * (n - 1) / ((double) (n - 2) * (n - 3));
    }

    /**
     * Ranks within {@code [from, to)}, highest value rank 1 when {@code descending}, lowest rank 1
     * otherwise; ties take the smallest rank of the tie (R {@code rank(ties.method = "min")},
     * "competition ranking" 1, 2, 2, 4). Missing values get rank 0. Writes into {@code ranks} at
     * the same positions.
     *
     * <p>Values are mapped to 64-bit keys whose unsigned order is the order of the doubles (sign bit
     * flipped for positives, all bits for negatives; -0 taken as 0, so equal values have equal keys),
     * sorted with their positions by an LSD radix sort of eight 8-bit digits (a digit all keys share
     * is skipped), then ranked in one pass: exact, O(n), no boxing.
     */
    static void minRanks(double[] x, int from, int to, boolean descending, int[] ranks) {
        int n = 0;
        long[] keys = new long[to - from];
        int[] at = new int[to - from];
        for (int i = from; i < to; i++) {
            double v = x[i];
            if (Double.isNaN(v)) {
                ranks[i] = 0;
                continue;
            }
            long bits = Double.doubleToRawLongBits(v + 0.0);
            long key = bits ^ ((bits >> 63) | Long.MIN_VALUE);
            keys[n] = descending ? ~key : key;
            at[n++] = i;
        }
        radixSort(keys, at, n);
        for (int k = 0; k < n; k++) {
            ranks[at[k]] = k > 0 && keys[k] == keys[k - 1] ? ranks[at[k - 1]] : k + 1;
        }
    }

    /** Sorts the first {@code n} keys as unsigned longs, moving {@code at} along (stable LSD radix sort). */
    private static void radixSort(long[] keys, int[] at, int n) {
        long[] k2 = new long[n];
        int[] a2 = new int[n];
        int[] count = new int[257];
        long[] src = keys;
        int[] srcAt = at;
        long[] dst = k2;
        int[] dstAt = a2;
        for (int shift = 0; shift < 64; shift += 8) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((src[i] >>> shift) & 0xFF) + 1]++;
            }
            if (n == 0 || count[(int) ((src[0] >>> shift) & 0xFF) + 1] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            for (int d = 0; d < 256; d++) {
                count[d + 1] += count[d];
            }
            for (int i = 0; i < n; i++) {
                int d = (int) ((src[i] >>> shift) & 0xFF);
                int j = count[d]++;
                dst[j] = src[i];
                dstAt[j] = srcAt[i];
            }
            long[] tk = src;
            src = dst;
            dst = tk;
            int[] ta = srcAt;
            srcAt = dstAt;
            dstAt = ta;
        }
        if (src != keys) {
            System.arraycopy(src, 0, keys, 0, n);
            System.arraycopy(srcAt, 0, at, 0, n);
        }
    }
}
