package org.yardstick.index.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of the outlier treatment stage (see {@link Treatment} for the rule): the treated
 * panel, a flag per cell and a summary per indicator and scope.
 *
 * @param treated the treated values
 * @param flags per indicator column, per cell: {@link #FLAG_NONE}, {@link #FLAG_HIGH},
 *     {@link #FLAG_LOW} or {@link #FLAG_LOG}
 * @param summaries one per indicator and scope, as COINr's TreatSummary
 */
public record OutlierTreatment(Panel treated, byte[][] flags, List<TreatmentSummary> summaries) {

    /** Untouched (COINr "No"). */
    public static final byte FLAG_NONE = 0;
    /** Winsorised down to the next highest value (COINr "WHigh"). */
    public static final byte FLAG_HIGH = 1;
    /** Winsorised up to the next lowest value (COINr "WLow"). */
    public static final byte FLAG_LOW = 2;
    /** Log-transformed (COINr "CTLog" / "Log"). */
    public static final byte FLAG_LOG = 3;

    public OutlierTreatment {
        summaries = List.copyOf(summaries);
    }

    /** COINr's label of a flag: No, WHigh, WLow, Log. */
    public static String label(byte flag) {
        return switch (flag) {
            case FLAG_HIGH -> "WHigh";
            case FLAG_LOW -> "WLow";
            case FLAG_LOG -> "Log";
            default -> "No";
        };
    }

    static OutlierTreatment treat(Panel data, Treatment t) {
        Treatment[] ts = new Treatment[data.columns().size()];
        java.util.Arrays.fill(ts, t);
        return treat(data, ts);
    }

    /** Treats column {@code c} by {@code ts[c]}. */
    static OutlierTreatment treat(Panel data, Treatment[] ts) {
        double[][] in = data.raw();
        byte[][] flags = new byte[in.length][data.cellCount()];
        boolean any = false;
        for (Treatment t : ts) {
            any |= t.enabled();
        }
        if (!any) {
            return new OutlierTreatment(data, flags, List.of());
        }
        int n = data.unitCount();
        double[][] out = new double[in.length][];
        List<TreatmentSummary> summaries = new ArrayList<>();
        Problems problems = new Problems();
        double[] sk = new double[2];
        for (int c = 0; c < in.length; c++) {
            Treatment t = ts[c];
            double[] x = in[c]; // shared with the (immutable) input until a slice has to change
            if (!t.enabled()) {
                out[c] = x;
                continue;
            }
            int scopes = t.scope() == Scope.PANEL ? 1 : data.periodCount();
            int width = t.scope() == Scope.PANEL ? data.cellCount() : n;
            for (int s = 0; s < scopes; s++) {
                int from = s * width;
                String period = t.scope() == Scope.PANEL ? "*" : data.periods().get(s);
                Stats.skewKurtosis(x, from, from + width, sk);
                if (t.passes(sk[0], sk[1])) {
                    summaries.add(new TreatmentSummary(data.columns().get(c), period, 0, 0, 0,
                            TreatmentSummary.Outcome.NONE, sk[0], sk[1], sk[0], sk[1]));
                    continue;
                }
                if (x == in[c]) {
                    x = x.clone();
                }
                summaries.add(treatSlice(data, c, period, x, flags[c], from, from + width, t, sk, problems));
            }
            out[c] = x;
        }
        problems.throwIfAny();
        return new OutlierTreatment(data.withColumns(data.columns(), out), flags, summaries);
    }

    /**
     * Treats one slice that fails the rule ({@code sk} holds its skewness and kurtosis). Winsorising
     * the highest value to the next highest, step after step, is clamping at the next distinct value:
     * one pass collects the {@code maxPoints + 1} highest and lowest distinct values with their counts,
     * another the power sums of {@code x - mean}; each step then updates the sums in O(1)
     * ({@code Σd^j += k((next - m)^j - (e - m)^j)} for the {@code k} copies moved from {@code e} to
     * {@code next}); one last pass clamps the values. The same values as the step-by-step procedure.
     */
    private static TreatmentSummary treatSlice(Panel data, int column, String period, double[] x, byte[] flag,
            int from, int to, Treatment t, double[] sk, Problems problems) {
        String code = data.columns().get(column);
        double skew0 = sk[0];
        double kurt0 = sk[1];
        int m = t.maxPoints() + 1;
        double[] top = new double[m];
        int[] topCount = new int[m];
        double[] bottom = new double[m];
        int[] bottomCount = new int[m];
        int nTop = 0;
        int nBottom = 0;
        double centre = Stats.mean(x, from, to);
        double[] sums = new double[4];
        int n = Stats.powerSums(x, from, to, centre, sums);
        double s1 = sums[0];
        double s2 = sums[1];
        double s3 = sums[2];
        double s4 = sums[3];
        for (int i = from; i < to; i++) {
            double v = x[i];
            if (v == v) {
                nTop = keepDistinct(top, topCount, nTop, v);
                nBottom = keepDistinct(bottom, bottomCount, nBottom, -v);
            }
        }
        for (int k = 0; k < nBottom; k++) {
            bottom[k] = -bottom[k];
        }
        int hi = 0; // top[hi] is the current highest value, bottom[lo] the current lowest
        int lo = 0;
        int movedHigh = topCount[0];
        int movedLow = bottomCount[0];
        int steps = 0;
        while (!t.passes(sk[0], sk[1]) && steps < t.maxPoints()) {
            boolean up = sk[0] >= 0;
            double e = up ? top[hi] : bottom[lo];
            boolean more = up ? hi + 1 < nTop : lo + 1 < nBottom;
            double next = !more ? Double.NaN : up ? top[hi + 1] : bottom[lo + 1];
            if (!more || (up ? next <= bottom[lo] : next >= top[hi])) {
                break; // it would leave fewer than two distinct values (COINr stops there too); the fallback follows
            }
            int k = up ? movedHigh : movedLow;
            double dn = next - centre;
            double de = e - centre;
            s1 += k * (dn - de);
            s2 += k * (dn * dn - de * de);
            s3 += k * (dn * dn * dn - de * de * de);
            s4 += k * (dn * dn * dn * dn - de * de * de * de);
            if (up) {
                movedHigh += topCount[++hi];
            } else {
                movedLow += bottomCount[++lo];
            }
            steps++;
            Stats.skewKurtosis(n, s1, s2, s3, s4, sk);
        }
        if (t.passes(sk[0], sk[1])) {
            double highCap = top[hi];
            double lowCap = bottom[lo];
            int high = 0;
            int low = 0;
            for (int i = from; i < to; i++) {
                double v = x[i];
                if (v > highCap) {
                    x[i] = highCap;
                    flag[i] = FLAG_HIGH;
                    high++;
                } else if (v < lowCap) {
                    x[i] = lowCap;
                    flag[i] = FLAG_LOW;
                    low++;
                }
            }
            TreatmentSummary.Outcome outcome =
                    steps == 0 ? TreatmentSummary.Outcome.NONE : TreatmentSummary.Outcome.WINSORISED;
            return new TreatmentSummary(code, period, low, high, steps, outcome, skew0, kurt0, sk[0], sk[1]);
        }
        // winsorisation did not suffice: the fallback transform of the original values (x is still untouched)
        if (t.fallback() == Treatment.Fallback.NONE) {
            Stats.skewKurtosis(x, from, to, sk);
            return new TreatmentSummary(code, period, 0, 0, steps, TreatmentSummary.Outcome.FAILED_UNTREATED,
                    skew0, kurt0, sk[0], sk[1]);
        }
        double min = Stats.min(x, from, to);
        double max = Stats.max(x, from, to);
        double offset = 0.01 * (max - min);
        for (int i = from; i < to; i++) {
            double v = x[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (t.fallback() == Treatment.Fallback.LOG) {
                if (v <= 0) {
                    problems.cell(data, i, code, v, IndexProblem.NON_POSITIVE_LOG, Decimals.format(v), period,
                            "the log transform of outlier treatment");
                    continue;
                }
                x[i] = Math.log(v);
            } else {
                x[i] = Math.log(v - min + offset); // COINr's order of operations: x - min + 0.01 (max - min)
            }
            flag[i] = FLAG_LOG;
        }
        Stats.skewKurtosis(x, from, to, sk);
        return new TreatmentSummary(code, period, 0, 0, steps, TreatmentSummary.Outcome.LOG_TRANSFORMED,
                skew0, kurt0, sk[0], sk[1]);
    }

    /**
     * Keeps the {@code keep.length} largest distinct values seen so far, descending, with their
     * counts; returns the new number kept. Most values are below the smallest kept and cost one comparison.
     */
    private static int keepDistinct(double[] keep, int[] count, int size, double v) {
        int m = keep.length;
        if (size == m && v < keep[m - 1]) {
            return size;
        }
        int i = 0;
        while (i < size && keep[i] > v) {
            i++;
        }
        if (i < size && keep[i] == v) {
            count[i]++;
            return size;
        }
        int last = Math.min(size, m - 1);
        for (int j = last; j > i; j--) {
            keep[j] = keep[j - 1];
            count[j] = count[j - 1];
        }
        keep[i] = v;
        count[i] = 1;
        return Math.min(size + 1, m);
    }
}
