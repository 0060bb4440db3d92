package org.yardstick.index.engine;

import java.util.HashMap;
import java.util.Map;

/** The imputation stage; see {@link Imputation} for each method's formula. */
final class Imputer {

    private Imputer() {}

    static Panel impute(Panel data, Imputation method) {
        if (method == Imputation.NONE) {
            return data;
        }
        ImputationChain[] chains = new ImputationChain[data.columns().size()];
        java.util.Arrays.fill(chains, ImputationChain.of(method));
        return impute(data, chains, null);
    }

    /**
     * Imputes each column by its own chain; {@code filled[c][k]}, when given, receives the cells the
     * {@code k}-th method of column {@code c}'s chain filled.
     */
    static Panel impute(Panel data, ImputationChain[] chains, int @org.jspecify.annotations.Nullable [][] filled) {
        boolean any = false;
        for (ImputationChain chain : chains) {
            any |= !chain.isNone();
        }
        if (!any) {
            return data;
        }
        double[][] in = data.raw();
        double[][] out = new double[in.length][];
        int n = data.unitCount();
        int periods = data.periodCount();
        int[] groupOf = groupIndex(data);
        int groups = 0;
        for (int g : groupOf) {
            groups = Math.max(groups, g + 1);
        }
        PeriodAxis axis = null;
        for (int c = 0; c < in.length; c++) {
            ImputationChain chain = chains[c];
            if (chain.isNone()) {
                out[c] = in[c];
                continue;
            }
            double[] x = in[c].clone();
            int present = filled == null ? 0 : Stats.count(x, 0, x.length);
            for (int k = 0; k < chain.methods().size(); k++) {
                int before = present;
                switch (chain.methods().get(k)) {
                    case INDICATOR_MEAN -> {
                        for (int p = 0; p < periods; p++) {
                            fill(x, p * n, (p + 1) * n, Stats.mean(x, p * n, (p + 1) * n));
                        }
                    }
                    case GROUP_MEAN -> groupMean(x, n, periods, groupOf, groups);
                    case GROUP_MEDIAN -> groupMedian(x, n, periods, groupOf, groups);
                    case LAST_OBSERVATION -> {
                        axis = axis == null ? PeriodAxis.of(data.periods()) : axis;
                        carryForward(x, n, periods, axis, chain.maxGap());
                    }
                    case LINEAR_INTERPOLATION -> {
                        axis = axis == null ? PeriodAxis.of(data.periods()) : axis;
                        interpolate(x, n, periods, axis, chain.maxGap());
                    }
                    case NONE -> { }
                }
                if (filled != null) {
                    present = Stats.count(x, 0, x.length);
                    filled[c][k] = present - before;
                }
            }
            out[c] = x;
        }
        return data.withColumns(data.columns(), out);
    }

    private static void fill(double[] x, int from, int to, double v) {
        for (int i = from; i < to; i++) {
            if (Double.isNaN(x[i])) {
                x[i] = v;
            }
        }
    }

    /** Group number of each unit; -1 for a unit without group. */
    static int[] groupIndex(Panel data) {
        Map<String, Integer> ids = new HashMap<>();
        int[] g = new int[data.unitCount()];
        for (int u = 0; u < g.length; u++) {
            String label = data.group(u);
            g[u] = label.isEmpty() ? -1 : ids.computeIfAbsent(label, k -> ids.size());
        }
        return g;
    }

    private static void groupMean(double[] x, int n, int periods, int[] groupOf, int groups) {
        double[] sum = new double[groups];
        int[] count = new int[groups];
        for (int p = 0; p < periods; p++) {
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(count, 0);
            int base = p * n;
            for (int u = 0; u < n; u++) {
                double v = x[base + u];
                if (!Double.isNaN(v) && groupOf[u] >= 0) {
                    sum[groupOf[u]] += v;
                    count[groupOf[u]]++;
                }
            }
            for (int u = 0; u < n; u++) {
                int g = groupOf[u];
                if (Double.isNaN(x[base + u]) && g >= 0 && count[g] > 0) {
                    x[base + u] = sum[g] / count[g];
                }
            }
        }
    }

    private static void groupMedian(double[] x, int n, int periods, int[] groupOf, int groups) {
        for (int p = 0; p < periods; p++) {
            int base = p * n;
            double[] median = new double[groups];
            for (int g = 0; g < groups; g++) {
                double[] members = new double[n];
                int k = 0;
                for (int u = 0; u < n; u++) {
                    if (groupOf[u] == g && !Double.isNaN(x[base + u])) {
                        members[k++] = x[base + u];
                    }
                }
                double[] present = java.util.Arrays.copyOf(members, k);
                java.util.Arrays.sort(present);
                median[g] = Stats.medianOfSorted(present);
            }
            for (int u = 0; u < n; u++) {
                if (Double.isNaN(x[base + u]) && groupOf[u] >= 0) {
                    x[base + u] = median[groupOf[u]];
                }
            }
        }
    }

    /** LOCF: the unit's latest earlier value, when it lies at most {@code maxGap} steps before. */
    private static void carryForward(double[] x, int n, int periods, PeriodAxis axis, double maxGap) {
        for (int u = 0; u < n; u++) {
            int last = -1;
            for (int p = 0; p < periods; p++) {
                int i = p * n + u;
                if (!Double.isNaN(x[i])) {
                    last = p;
                } else if (last >= 0 && axis.distance(last, p) <= maxGap) {
                    x[i] = x[last * n + u];
                }
            }
        }
    }

    /**
     * Interpolation by time: {@code x_t = x_a + (x_b - x_a)(τ_t - τ_a)/(τ_b - τ_a)} with {@code τ} the
     * periods' positions in time, when the hole {@code τ_b - τ_a - 1} is at most {@code maxGap}.
     */
    private static void interpolate(double[] x, int n, int periods, PeriodAxis axis, double maxGap) {
        double[] at = axis.positions();
        for (int u = 0; u < n; u++) {
            int prev = -1;
            for (int p = 0; p < periods; p++) {
                int i = p * n + u;
                if (Double.isNaN(x[i])) {
                    continue;
                }
                if (prev >= 0 && p - prev > 1 && at[p] - at[prev] - 1 <= maxGap) {
                    double a = x[prev * n + u];
                    double b = x[i];
                    double span = at[p] - at[prev];
                    for (int t = prev + 1; t < p; t++) {
                        x[t * n + u] = a + (b - a) * (at[t] - at[prev]) / span;
                    }
                }
                prev = p;
            }
        }
    }
}
