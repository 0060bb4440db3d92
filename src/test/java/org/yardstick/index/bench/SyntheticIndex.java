package org.yardstick.index.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.yardstick.index.engine.Aggregation;
import org.yardstick.index.engine.Imputation;
import org.yardstick.index.engine.IndexMethod;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.MissingChildren;
import org.yardstick.index.engine.Normalisation;
import org.yardstick.index.engine.Panel;
import org.yardstick.index.engine.Treatment;
import org.yardstick.index.engine.TreeNode;

/**
 * A seeded synthetic index for the benchmark: indicators in pillars of six, pillars spread over three
 * sub-indices, one index; units in eight groups; about 5% of values missing; every fourth indicator
 * log-normal (skewed, so that outlier treatment has work), every seventh of negative polarity.
 */
final class SyntheticIndex {

    static final int UNITS = 3000;
    static final int INDICATORS = 60;
    static final int PERIODS = 20;

    private SyntheticIndex() {}

    /** 60 indicators → 10 pillars → 3 sub-indices → index, for {@code indicators} a multiple of 6 (≥ 18). */
    static IndexTree tree(int indicators) {
        int pillars = indicators / 6;
        List<TreeNode> nodes = new ArrayList<>();
        nodes.add(TreeNode.aggregate("Index", null, 1));
        for (int s = 0; s < 3; s++) {
            nodes.add(TreeNode.aggregate("S" + s, "Index", 1 + s % 2));
        }
        for (int k = 0; k < pillars; k++) {
            nodes.add(TreeNode.aggregate("P" + k, "S" + (k * 3 / pillars), 1));
        }
        for (int i = 0; i < indicators; i++) {
            nodes.add(TreeNode.indicator("x" + i, "P" + (i / 6), 1 + i % 3, i % 7 == 3 ? -1 : 1));
        }
        return IndexTree.of(nodes);
    }

    /** The pipeline benchmarked: group-mean imputation, winsorisation (≤ 5 points, CTlog), min-max 0–100, arithmetic. */
    static IndexMethod method() {
        return new IndexMethod(0, Imputation.GROUP_MEAN, Treatment.winsorise(5), Normalisation.minMax(0, 100),
                Aggregation.arithmetic(), MissingChildren.renormalise(), -1);
    }

    static Panel panel(long seed, int units, int indicators, int periods) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> unitCodes = new ArrayList<>();
        String[] groups = new String[units];
        double[] effect = new double[units];
        for (int u = 0; u < units; u++) {
            unitCodes.add(String.format("R%05d", u));
            groups[u] = "G" + (u % 8);
            effect[u] = random.nextGaussian();
        }
        List<String> periodLabels = new ArrayList<>();
        for (int p = 0; p < periods; p++) {
            periodLabels.add(Integer.toString(2001 + p));
        }
        List<String> codes = new ArrayList<>();
        double[][] values = new double[indicators][units * periods];
        for (int i = 0; i < indicators; i++) {
            codes.add("x" + i);
            double level = 10 + random.nextDouble() * 90;
            boolean skewed = i % 4 == 0;
            for (int p = 0; p < periods; p++) {
                for (int u = 0; u < units; u++) {
                    double z = 0.6 * effect[u] + 0.02 * p + 0.8 * random.nextGaussian();
                    double v = skewed ? Math.exp(1.2 * z) * level / 10 : level + 10 * z;
                    values[i][p * units + u] = random.nextDouble() < 0.05 ? Double.NaN : v;
                }
            }
        }
        return Panel.of("synthetic", unitCodes, periodLabels, codes, values, groups, null);
    }
}
