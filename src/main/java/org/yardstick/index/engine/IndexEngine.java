package org.yardstick.index.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * The OECD/JRC pipeline of a composite indicator (OECD/JRC, Handbook on Constructing Composite
 * Indicators, 2008; the JRC's COINr): denominate → screen → impute → treat outliers → normalise →
 * aggregate → rank. Each stage is a static method on immutable {@link Panel}s and can be run on its
 * own; {@link #compute} runs them all. Every stage reports bad input as an
 * {@link InvalidInputException} naming the place (file, row, column) and never produces an infinity;
 * a missing value is NaN in and NaN out. A tree whose weights or components are not published is
 * refused ({@link IndexTree#requireComputable}): the engine never computes with invented weights.
 */
public final class IndexEngine {

    private IndexEngine() {}

    /**
     * Runs the whole pipeline.
     *
     * @param tree the validated tree
     * @param method the method of each stage
     * @param data the raw values; must have a column for every indicator of the tree (others are ignored)
     * @param denominators the denominator columns named by the tree's indicators; null when none is named
     */
    public static IndexResult compute(IndexTree tree, IndexMethod method, Panel data, @Nullable Panel denominators) {
        tree.requireComputable();
        Panel raw = select(data, tree);
        Panel denominated = requireFinite(denominate(raw, tree, denominators), "denomination");
        Screening screening = screen(denominated, method.screeningMinShare());
        Panel kept = screening.kept();
        ImputationChain[] chains = method.imputations(tree);
        int[][] filled = new int[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            filled[c] = new int[chains[c].methods().size()];
        }
        Panel imputed = Imputer.impute(kept, chains, filled);
        OutlierTreatment treatment = OutlierTreatment.treat(imputed, method.treatments(tree));
        boolean[] reference = referenceUnits(kept, method);
        Panel normalised = requireFinite(Normaliser.normalise(treatment.treated(), tree, method.normalisations(tree),
                method.referenceBounds() ? null : reference), "normalisation");
        Panel scores = requireFinite(aggregate(normalised, tree, method.aggregation(), method.missingChildren()),
                "aggregation");
        boolean[] absent = absentCells(kept);
        boolean[] unranked = unranked(kept, absent, reference);
        ImputationReport report = report(kept, imputed, chains, filled, screening, absent);
        return new IndexResult(tree, method, denominated, screening, imputed, treatment, normalised, scores,
                rank(scores, method.rankDecimals(), unranked), report, reference, unranked, absent);
    }

    /** Which units of the panel are reference units; null when there are none. */
    private static boolean @Nullable [] referenceUnits(Panel kept, IndexMethod method) {
        if (method.referenceUnits().isEmpty()) {
            return null;
        }
        boolean[] ref = new boolean[kept.unitCount()];
        boolean any = false;
        for (int u = 0; u < ref.length; u++) {
            ref[u] = method.referenceUnits().contains(kept.units().get(u));
            any |= ref[u];
        }
        return any ? ref : null;
    }

    /**
     * The cells whose unit had no row in that period of the input: when the panel knows its input
     * rows, those without one; otherwise (the platform's figures) those without any value.
     */
    static boolean[] absentCells(Panel kept) {
        int cells = kept.cellCount();
        boolean rowsKnown = false;
        for (int i = 0; i < cells && !rowsKnown; i++) {
            rowsKnown = kept.row(i) != 0;
        }
        boolean[] absent = new boolean[cells];
        double[][] x = kept.raw();
        for (int i = 0; i < cells; i++) {
            if (rowsKnown) {
                absent[i] = kept.row(i) == 0;
            } else {
                boolean any = false;
                for (int c = 0; c < x.length && !any; c++) {
                    any = !Double.isNaN(x[c][i]);
                }
                absent[i] = !any;
            }
        }
        return absent;
    }

    private static boolean @Nullable [] unranked(Panel kept, boolean[] absent, boolean @Nullable [] reference) {
        boolean any = false;
        boolean[] out = absent.clone();
        int n = kept.unitCount();
        for (int i = 0; i < out.length; i++) {
            out[i] |= reference != null && reference[i % n];
            any |= out[i];
        }
        return any ? out : null;
    }

    private static ImputationReport report(Panel kept, Panel imputed, ImputationChain[] chains, int[][] filled,
            Screening screening, boolean[] absent) {
        List<ImputationReport.Line> lines = new java.util.ArrayList<>();
        for (int c = 0; c < chains.length; c++) {
            double[] before = kept.raw()[c];
            int missing = before.length - Stats.count(before, 0, before.length);
            int total = 0;
            java.util.Map<Imputation, Integer> byMethod = new java.util.LinkedHashMap<>();
            for (int k = 0; k < chains[c].methods().size(); k++) {
                byMethod.put(chains[c].methods().get(k), filled[c][k]);
                total += filled[c][k];
            }
            lines.add(new ImputationReport.Line(kept.columns().get(c), missing, byMethod, missing - total));
        }
        List<ImputationReport.Cell> unranked = new java.util.ArrayList<>();
        int n = kept.unitCount();
        for (int i = 0; i < absent.length; i++) {
            if (absent[i]) {
                boolean filledAny = false;
                for (double[] col : imputed.raw()) {
                    filledAny |= !Double.isNaN(col[i]);
                }
                if (filledAny) {
                    unranked.add(new ImputationReport.Cell(kept.units().get(i % n), kept.periods().get(i / n)));
                }
            }
        }
        return new ImputationReport(lines, screening.excluded(), unranked);
    }

    /**
     * The panel itself when every value is finite or missing; otherwise a problem for each infinite
     * value (a division or power that overflowed), so that no infinity ever leaves the engine.
     * Imputation and treatment keep values within the range of their inputs and need no check.
     */
    static Panel requireFinite(Panel panel, String stage) {
        Problems problems = new Problems();
        double[][] x = panel.raw();
        for (int c = 0; c < x.length; c++) {
            double[] column = x[c];
            for (int i = 0; i < column.length; i++) {
                if (Double.isInfinite(column[i])) {
                    problems.add(InputProblem.of(panel.source(), panel.row(i), panel.columns().get(c), null,
                            IndexProblem.OVERFLOW, stage, panel.periods().get(i / panel.unitCount())));
                }
            }
        }
        problems.throwIfAny();
        return panel;
    }

    /** The tree's indicator columns of {@code data}, in the tree's order; a missing one is a problem. */
    public static Panel select(Panel data, IndexTree tree) {
        if (data.cellCount() == 0) {
            throw new InvalidInputException(InputProblem.of(data.source(), 0, "", null, IndexProblem.EMPTY_DATA));
        }
        List<String> codes = tree.indicatorCodes();
        double[][] columns = new double[codes.size()][];
        Problems problems = new Problems();
        for (int i = 0; i < codes.size(); i++) {
            int c = data.columnIndex(codes.get(i));
            if (c < 0) {
                problems.add(InputProblem.of(data.source(), 1, "", null, IndexProblem.MISSING_INDICATOR, codes.get(i)));
            } else {
                columns[i] = data.raw()[c];
            }
        }
        problems.throwIfAny();
        return data.withColumns(codes, columns);
    }

    /**
     * Denomination (OECD/JRC 2008, section 3; COINr {@code Denominate}): {@code x' = x / d} for an
     * indicator whose node names a denominator column {@code d} (e.g. GDP, population, area);
     * unchanged otherwise. A missing denominator gives a missing value; a zero denominator is a
     * problem, not an infinity.
     *
     * @param data the tree's indicator columns in order (see {@link #select})
     */
    public static Panel denominate(Panel data, IndexTree tree, @Nullable Panel denominators) {
        List<TreeNode> nodes = tree.indicators();
        double[][] out = new double[nodes.size()][];
        Problems problems = new Problems();
        boolean any = false;
        for (int c = 0; c < nodes.size(); c++) {
            TreeNode node = nodes.get(c);
            double[] x = data.raw()[c];
            String name = node.denominator();
            if (name == null) {
                out[c] = x;
                continue;
            }
            any = true;
            int d = denominators == null ? -1 : denominators.columnIndex(name);
            if (d < 0) {
                problems.add(node.where().problem(name, IndexProblem.MISSING_COLUMN, name));
                continue;
            }
            double[] den = denominators.raw()[d];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                if (den[i] == 0 && !Double.isNaN(x[i])) {
                    problems.cell(denominators, i, name, 0, IndexProblem.ZERO_DENOMINATOR, name);
                    continue;
                }
                y[i] = x[i] / den[i];
            }
            out[c] = y;
        }
        problems.throwIfAny();
        return any ? data.withColumns(data.columns(), out) : data;
    }

    /**
     * Screening by data availability (COINr {@code Screen} with {@code dat_thresh}): a unit is kept
     * when {@code present / (indicators × periods) ≥ minShare} and it has at least one value.
     */
    public static Screening screen(Panel data, double minShare) {
        return Screening.screen(data, minShare);
    }

    /** Imputation of missing values; the formula of each method is given at {@link Imputation}. */
    public static Panel impute(Panel data, Imputation method) {
        return Imputer.impute(data, method);
    }

    /** Imputation of column {@code c} by the chain {@code chains[c]} (time-true, with its max gap). */
    public static Panel impute(Panel data, ImputationChain[] chains) {
        return Imputer.impute(data, chains, null);
    }

    /**
     * Outlier treatment: winsorisation by the skewness/kurtosis rule, then a log fallback; the rule
     * and the formulas are given at {@link Treatment}.
     */
    public static OutlierTreatment treat(Panel data, Treatment treatment) {
        return OutlierTreatment.treat(data, treatment);
    }

    /**
     * Normalisation with polarity reversal; the formula of each method is given at
     * {@link Normalisation}. A zero-variance indicator under min-max or z-score is a problem.
     *
     * @param data the tree's indicator columns in order
     */
    public static Panel normalise(Panel data, IndexTree tree, Normalisation how) {
        return Normaliser.normalise(data, tree, how);
    }

    /**
     * Weighted aggregation up the tree, level by level: each aggregate is the {@link Aggregation}
     * mean of its children present (its node's own method, else {@code fallback}), with weights
     * renormalised over the children present and the {@link MissingChildren} rule deciding when too
     * few are present.
     *
     * @param normalised the tree's normalised indicator columns in order
     * @return the aggregates' scores, columns in {@link IndexTree#aggregates()} order
     */
    public static Panel aggregate(Panel normalised, IndexTree tree, Aggregation fallback, MissingChildren missing) {
        tree.requireComputable();
        return Aggregator.aggregate(normalised, tree, fallback, missing);
    }

    /**
     * Ranks of every column within each period: highest value rank 1; ties share the smallest rank
     * (R {@code rank(-x, ties.method = "min")}, competition ranking 1, 2, 2, 4); 0 for a missing value.
     * With {@code decimals ≥ 0} the values are first rounded half-even to that many decimals,
     * {@code rint(x · 10^decimals) / 10^decimals}, so that units equal in a published table tie.
     */
    public static int[][] rank(Panel scores, int decimals) {
        return rank(scores, decimals, null);
    }

    /**
     * Ranks as {@link #rank(Panel, int)}, leaving out the cells marked in {@code unranked} (rank 0):
     * reference units and units without a row in the period; the others rank among themselves.
     */
    public static int[][] rank(Panel scores, int decimals, boolean @Nullable [] unranked) {
        int n = scores.unitCount();
        int[][] ranks = new int[scores.columns().size()][scores.cellCount()];
        double scale = decimals >= 0 ? Math.pow(10, decimals) : 1;
        for (int c = 0; c < ranks.length; c++) {
            double[] x = scores.raw()[c];
            if (decimals >= 0 || unranked != null) {
                x = x.clone();
                for (int i = 0; i < x.length; i++) {
                    if (unranked != null && unranked[i]) {
                        x[i] = Double.NaN;
                    } else if (decimals >= 0) {
                        x[i] = Math.rint(x[i] * scale) / scale;
                    }
                }
            }
            for (int p = 0; p < scores.periodCount(); p++) {
                Stats.minRanks(x, p * n, (p + 1) * n, true, ranks[c]);
            }
        }
        return ranks;
    }
}
