package org.yardstick.index.engine;

/** The aggregation stage; see {@link Aggregation} and {@link MissingChildren} for the formulas. */
final class Aggregator {

    private static final double SHARE_TOLERANCE = 1e-12;

    private Aggregator() {}

    /**
     * Scores of every aggregate of the tree, in {@link IndexTree#aggregates()} order, from the
     * normalised indicators (the columns of {@code normalised}, the tree's indicators in order).
     */
    static Panel aggregate(Panel normalised, IndexTree tree, Aggregation fallback, MissingChildren missing) {
        int cells = normalised.cellCount();
        double[][] ind = normalised.raw();
        int aggregates = tree.aggregates().size();
        double[][] scores = new double[aggregates][];
        double[] wsum = new double[cells];
        Problems problems = new Problems();
        for (int a = 0; a < aggregates; a++) {
            TreeNode node = tree.aggregates().get(a);
            Aggregation how = node.aggregation() != null ? node.aggregation() : fallback;
            int[] children = tree.children(a);
            double[] weights = tree.weights(a);
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double[] num = new double[cells];
            java.util.Arrays.fill(wsum, 0);
            double p = how.exponent();
            for (int c = 0; c < children.length; c++) {
                double w = weights[c];
                if (w == 0) {
                    continue;
                }
                double[] x = children[c] >= 0 ? ind[children[c]] : scores[-children[c] - 1];
                switch (how.method()) {
                    case ARITHMETIC -> {
                        for (int i = 0; i < cells; i++) {
                            double v = x[i];
                            if (v == v) {
                                num[i] += w * v;
                                wsum[i] += w;
                            }
                        }
                    }
                    default -> accumulatePower(normalised, tree.codeOfChild(children[c]), node.code(), how, p, w,
                            x, num, wsum, problems);
                }
            }
            double need = missing.minShare() * total - SHARE_TOLERANCE * total;
            double[] s = new double[cells];
            for (int i = 0; i < cells; i++) {
                double ws = wsum[i];
                if (ws > 0 && ws >= need) {
                    double mean = num[i] / ws;
                    s[i] = switch (how.method()) {
                        case ARITHMETIC -> mean;
                        case GEOMETRIC -> Math.exp(mean);
                        case HARMONIC -> 1 / mean;
                        case GENERALISED -> Math.pow(mean, 1 / p);
                    };
                } else {
                    s[i] = Double.NaN;
                }
            }
            scores[a] = s;
        }
        problems.throwIfAny();
        return normalised.withColumns(tree.aggregateCodes(), scores);
    }

    /** Accumulates {@code w ln x} (geometric), {@code w / x} (harmonic) or {@code w x^p} (generalised). */
    private static void accumulatePower(Panel panel, String child, String parent, Aggregation how, double p, double w,
            double[] x, double[] num, double[] wsum, Problems problems) {
        boolean positive = how.needsPositive();
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (v != v) {
                continue;
            }
            if (v < 0 || (positive && v == 0)) {
                String period = panel.periods().get(i / panel.unitCount());
                problems.cell(panel, i, child, v, IndexProblem.NON_POSITIVE_GEOMETRIC, Decimals.format(v), period,
                        how.label(), parent);
                continue;
            }
            num[i] += switch (how.method()) {
                case GEOMETRIC -> w * Math.log(v);
                case HARMONIC -> w / v;
                default -> w * Math.pow(v, p);
            };
            wsum[i] += w;
        }
    }
}
