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
        double[][] in = data.raw();
        byte[][] flags = new byte[in.length][data.cellCount()];
        if (!t.enabled()) {
            return new OutlierTreatment(data, flags, List.of());
        }
        int n = data.unitCount();
        int scopes = t.scope() == Scope.PANEL ? 1 : data.periodCount();
        int width = t.scope() == Scope.PANEL ? data.cellCount() : n;
        double[][] out = new double[in.length][];
        List<TreatmentSummary> summaries = new ArrayList<>();
        Problems problems = new Problems();
        double[] sk = new double[2];
        for (int c = 0; c < in.length; c++) {
            double[] x = in[c].clone();
            boolean changed = false;
            for (int s = 0; s < scopes; s++) {
                int from = s * width;
                String period = t.scope() == Scope.PANEL ? "*" : data.periods().get(s);
                TreatmentSummary summary = treatSlice(data, c, period, x, flags[c], from, from + width, t, sk, problems);
                changed |= summary.outcome() != TreatmentSummary.Outcome.NONE;
                summaries.add(summary);
            }
            out[c] = changed ? x : in[c]; // an untouched column is shared with the input, which is immutable
        }
        problems.throwIfAny();
        return new OutlierTreatment(data.withColumns(data.columns(), out), flags, summaries);
    }

    private static TreatmentSummary treatSlice(Panel data, int column, String period, double[] x, byte[] flag,
            int from, int to, Treatment t, double[] sk, Problems problems) {
        String code = data.columns().get(column);
        Stats.skewKurtosis(x, from, to, sk);
        double skew0 = sk[0];
        double kurt0 = sk[1];
        double[] original = null;
        int steps = 0;
        int low = 0;
        int high = 0;
        while (!t.passes(sk[0], sk[1]) && steps < t.maxPoints()) {
            if (original == null) {
                original = java.util.Arrays.copyOfRange(x, from, to);
            }
            boolean top = sk[0] >= 0;
            // one pass: the extreme to move, the next distinct value towards the centre, the opposite extreme
            double extreme = Double.NaN;
            double next = Double.NaN;
            double opposite = Double.NaN;
            for (int i = from; i < to; i++) {
                double v = top ? x[i] : -x[i];
                if (v != v) {
                    continue;
                }
                if (!(v <= extreme)) {
                    next = extreme;
                    extreme = v;
                } else if (v < extreme && !(v <= next)) {
                    next = v;
                }
                if (!(v >= opposite)) {
                    opposite = v;
                }
            }
            if (Double.isNaN(next) || next == opposite) {
                break; // it would leave fewer than two distinct values (COINr stops there too); the fallback follows
            }
            if (!top) {
                extreme = -extreme;
                next = -next;
            }
            for (int i = from; i < to; i++) {
                if (x[i] == extreme) {
                    x[i] = next;
                    if (flag[i] == FLAG_NONE) {
                        flag[i] = top ? FLAG_HIGH : FLAG_LOW;
                        if (top) {
                            high++;
                        } else {
                            low++;
                        }
                    }
                }
            }
            steps++;
            Stats.skewKurtosis(x, from, to, sk);
        }
        if (t.passes(sk[0], sk[1])) {
            TreatmentSummary.Outcome outcome =
                    steps == 0 ? TreatmentSummary.Outcome.NONE : TreatmentSummary.Outcome.WINSORISED;
            return new TreatmentSummary(code, period, low, high, steps, outcome, skew0, kurt0, sk[0], sk[1]);
        }
        // winsorisation did not suffice: back to the original values, then the fallback transform
        if (original != null) {
            System.arraycopy(original, 0, x, from, to - from);
        }
        java.util.Arrays.fill(flag, from, to, FLAG_NONE);
        if (t.fallback() == Treatment.Fallback.NONE) {
            Stats.skewKurtosis(x, from, to, sk);
            return new TreatmentSummary(code, period, 0, 0, steps, TreatmentSummary.Outcome.FAILED_UNTREATED,
                    skew0, kurt0, sk[0], sk[1]);
        }
        double min = Stats.min(x, from, to);
        double max = Stats.max(x, from, to);
        double shift = -min + 0.01 * (max - min);
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
                x[i] = Math.log(v + shift);
            }
            flag[i] = FLAG_LOG;
        }
        Stats.skewKurtosis(x, from, to, sk);
        return new TreatmentSummary(code, period, 0, 0, steps, TreatmentSummary.Outcome.LOG_TRANSFORMED,
                skew0, kurt0, sk[0], sk[1]);
    }
}
