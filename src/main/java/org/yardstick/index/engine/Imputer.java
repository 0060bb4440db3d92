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
        double[][] in = data.raw();
        double[][] out = new double[in.length][];
        int n = data.unitCount();
        int periods = data.periodCount();
        int[] groupOf = groupIndex(data);
        int groups = 0;
        for (int g : groupOf) {
            groups = Math.max(groups, g + 1);
        }
        for (int c = 0; c < in.length; c++) {
            double[] x = in[c].clone();
            switch (method) {
                case INDICATOR_MEAN -> {
                    for (int p = 0; p < periods; p++) {
                        fill(x, p * n, (p + 1) * n, Stats.mean(x, p * n, (p + 1) * n));
                    }
                }
                case GROUP_MEAN -> groupMean(x, n, periods, groupOf, groups);
                case GROUP_MEDIAN -> groupMedian(x, n, periods, groupOf, groups);
                case LAST_OBSERVATION -> carryForward(x, n, periods);
                case LINEAR_INTERPOLATION -> interpolate(x, n, periods);
                case NONE -> { }
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

    private static void carryForward(double[] x, int n, int periods) {
        for (int u = 0; u < n; u++) {
            double last = Double.NaN;
            for (int p = 0; p < periods; p++) {
                int i = p * n + u;
                if (Double.isNaN(x[i])) {
                    x[i] = last;
                } else {
                    last = x[i];
                }
            }
        }
    }

    private static void interpolate(double[] x, int n, int periods) {
        for (int u = 0; u < n; u++) {
            int prev = -1;
            for (int p = 0; p < periods; p++) {
                int i = p * n + u;
                if (Double.isNaN(x[i])) {
                    continue;
                }
                if (prev >= 0 && p - prev > 1) {
                    double a = x[prev * n + u];
                    double b = x[i];
                    for (int t = prev + 1; t < p; t++) {
                        x[t * n + u] = a + (b - a) * (t - prev) / (p - prev);
                    }
                }
                prev = p;
            }
        }
    }
}
