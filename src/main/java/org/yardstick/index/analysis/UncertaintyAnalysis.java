package org.yardstick.index.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.yardstick.index.engine.Aggregation;
import org.yardstick.index.engine.IndexEngine;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.Normalisation;
import org.yardstick.index.engine.Panel;

/**
 * Monte Carlo uncertainty and variance-based sensitivity analysis of an index's ranks (OECD/JRC
 * Handbook 2008, section 7; COINr {@code get_sensitivity}). The treated data are kept; each run
 * normalises, weights and aggregates them with inputs drawn as {@link UncertaintySettings} says and
 * ranks the units.
 *
 * <p>Design (Saltelli et al. 2010, "Variance based sensitivity analysis of model output", CPC 181):
 * two independent N × d matrices A and B of U(0, 1) numbers (d = all the random numbers of a run),
 * and for each uncertain input i the matrix A_B^(i): A with the columns of input i taken from B.
 * With {@code f} the output (a unit's rank, or the mean absolute rank shift) and
 * {@code V = Var(f(A) ∪ f(B))}:
 * <ul>
 *   <li>first-order index {@code S_i = (1/N) Σ_j f(B)_j (f(A_B^(i))_j - f(A)_j) / V} (Saltelli 2010, table 2 (b));
 *   <li>total index {@code S_Ti = (1/2N) Σ_j (f(A)_j - f(A_B^(i))_j)² / V} (Jansen 1999, table 2 (f)).
 * </ul>
 * Both are 0 when the output does not vary. The rank intervals are taken over the 2N runs of A and
 * B. Random numbers come from {@link SplittableRandom} seeded by the settings: the same settings
 * give the same result.
 */
public final class UncertaintyAnalysis {

    private UncertaintyAnalysis() {}

    /** Runs the analysis for the ranks of {@code aggregate} among the units in {@code period}. */
    public static UncertaintyResult run(IndexResult nominal, String aggregate, String period, UncertaintySettings s) {
        Contributions.Cell at = Contributions.Cell.of(nominal, aggregate, nominal.scores().units().get(0), period);
        Model model = new Model(nominal, at.aggregate(), at.period(), s);
        List<String> inputs = new ArrayList<>();
        List<int[]> columns = new ArrayList<>();
        int d = 0;
        if (s.weightNoise() > 0) {
            inputs.add("weights");
            columns.add(range(d, d + model.weightCount));
        }
        d += model.weightCount;
        if (s.normalisations().size() > 1) {
            inputs.add("normalisation");
            columns.add(new int[] {d});
        }
        d++;
        if (s.aggregations().size() > 1) {
            inputs.add("aggregation");
            columns.add(new int[] {d});
        }
        d++;
        int n = s.samples();
        SplittableRandom random = new SplittableRandom(s.seed());
        double[][] a = matrix(random, n, d);
        double[][] b = matrix(random, n, d);
        double[][] fa = evaluate(model, a);
        double[][] fb = evaluate(model, b);
        List<double[][]> fab = new ArrayList<>();
        for (int[] cols : columns) {
            double[][] ab = new double[n][];
            for (int j = 0; j < n; j++) {
                ab[j] = a[j].clone();
                for (int c : cols) {
                    ab[j][c] = b[j][c];
                }
            }
            fab.add(evaluate(model, ab));
        }
        int units = model.units.size();
        Map<String, List<SensitivityIndex>> byUnit = new LinkedHashMap<>();
        List<RankInterval> intervals = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            byUnit.put(model.units.get(u), indices(inputs, fa, fb, fab, u));
            double[] all = new double[2 * n];
            System.arraycopy(column(fa, u), 0, all, 0, n);
            System.arraycopy(column(fb, u), 0, all, n, n);
            Arrays.sort(all);
            intervals.add(new RankInterval(model.units.get(u), model.nominalRanks[u], quantile(all, 0.5),
                    quantile(all, 0.05), quantile(all, 0.95)));
        }
        List<SensitivityIndex> overall = indices(inputs, fa, fb, fab, units); // the mean absolute rank shift
        return new UncertaintyResult(aggregate, period, n * (inputs.size() + 2), intervals, overall, byUnit);
    }

    private static List<SensitivityIndex> indices(List<String> inputs, double[][] fa, double[][] fb,
            List<double[][]> fab, int output) {
        List<SensitivityIndex> indices = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            indices.add(indices(inputs.get(i), column(fa, output), column(fb, output), column(fab.get(i), output)));
        }
        return indices;
    }

    static SensitivityIndex indices(String input, double[] ya, double[] yb, double[] yab) {
        int n = ya.length;
        double mean = 0;
        for (int j = 0; j < n; j++) {
            mean += ya[j] + yb[j];
        }
        mean /= 2 * n;
        double v = 0;
        for (int j = 0; j < n; j++) {
            v += (ya[j] - mean) * (ya[j] - mean) + (yb[j] - mean) * (yb[j] - mean);
        }
        v /= 2 * n;
        if (v == 0) {
            return new SensitivityIndex(input, 0, 0);
        }
        double first = 0;
        double total = 0;
        for (int j = 0; j < n; j++) {
            first += yb[j] * (yab[j] - ya[j]);
            total += (ya[j] - yab[j]) * (ya[j] - yab[j]);
        }
        return new SensitivityIndex(input, first / n / v, total / (2.0 * n) / v);
    }

    /** R's type 7 quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static double[][] matrix(SplittableRandom random, int n, int d) {
        double[][] m = new double[n][d];
        for (double[] row : m) {
            for (int c = 0; c < d; c++) {
                row[c] = random.nextDouble();
            }
        }
        return m;
    }

    private static double[][] evaluate(Model model, double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int j = 0; j < rows.length; j++) {
            out[j] = model.apply(rows[j]);
        }
        return out;
    }

    private static double[] column(double[][] y, int c) {
        double[] v = new double[y.length];
        for (int j = 0; j < y.length; j++) {
            v[j] = y[j][c];
        }
        return v;
    }

    /** One run of the index from a row of random numbers: the target's ranks and the mean absolute rank shift. */
    private static final class Model {

        final IndexResult nominal;
        final int aggregate;
        final int period;
        final UncertaintySettings settings;
        final double[][] weights;
        final int weightCount;
        final List<String> units;
        final int[] nominalRanks;
        final Panel[] normalised;
        final boolean @org.jspecify.annotations.Nullable [] unranked;

        Model(IndexResult nominal, int aggregate, int period, UncertaintySettings settings) {
            this.nominal = nominal;
            this.aggregate = aggregate;
            this.period = period;
            this.settings = settings;
            this.weights = nominal.tree().allWeights();
            int count = 0;
            for (double[] w : weights) {
                count += w.length;
            }
            this.weightCount = count;
            this.units = nominal.scores().units();
            this.nominalRanks = new int[units.size()];
            for (int u = 0; u < units.size(); u++) {
                nominalRanks[u] = nominal.rank(aggregate, u, period);
            }
            this.normalised = new Panel[settings.normalisations().size()];
            int n = units.size();
            int periods = nominal.scores().periodCount();
            boolean[] mask = new boolean[n * periods];
            boolean any = false;
            for (int p = 0; p < periods; p++) {
                for (int u = 0; u < n; u++) {
                    mask[p * n + u] = !nominal.isRanked(u, p);
                    any |= mask[p * n + u];
                }
            }
            this.unranked = any ? mask : null;
        }

        double[] apply(double[] r) {
            double[][] w = new double[weights.length][];
            int k = 0;
            for (int a = 0; a < weights.length; a++) {
                w[a] = new double[weights[a].length];
                for (int c = 0; c < w[a].length; c++) {
                    w[a][c] = weights[a][c] * (1 + settings.weightNoise() * (2 * r[k++] - 1));
                }
            }
            int ni = pick(r[k++], settings.normalisations().size());
            Aggregation how = settings.aggregations().get(pick(r[k], settings.aggregations().size()));
            IndexTree tree = nominal.tree().withWeights(w);
            if (normalised[ni] == null) {
                Normalisation norm = settings.normalisations().get(ni);
                // the index's own normalisation: the nominal values, with their per-indicator methods and
                // reference units kept out of the bounds
                normalised[ni] = norm.equals(nominal.method().normalisation()) ? nominal.normalised()
                        : IndexEngine.normalise(nominal.treated(), tree, norm);
            }
            Panel scores = IndexEngine.aggregate(normalised[ni], tree, how, nominal.method().missingChildren());
            int[] ranks = IndexEngine.rank(scores, nominal.method().rankDecimals(), unranked)[aggregate];
            int n = units.size();
            double[] y = new double[n + 1];
            double shift = 0;
            for (int u = 0; u < n; u++) {
                y[u] = ranks[period * n + u];
                shift += Math.abs(y[u] - nominalRanks[u]);
            }
            y[n] = shift / n;
            return y;
        }

        private static int pick(double u, int options) {
            return Math.min((int) (u * options), options - 1);
        }
    }
}
