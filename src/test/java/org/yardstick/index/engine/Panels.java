package org.yardstick.index.engine;

import java.util.ArrayList;
import java.util.List;

/** Small panels and trees for tests. */
final class Panels {

    private Panels() {}

    /** One period, units u1…un, the given columns {@code values[column][unit]}. */
    static Panel crossSection(List<String> columns, double[]... values) {
        int n = values[0].length;
        List<String> units = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            units.add("u" + (u + 1));
        }
        long[] rows = new long[n];
        for (int u = 0; u < n; u++) {
            rows[u] = u + 2;
        }
        return Panel.of("test.csv", units, List.of("2020"), columns, values, null, rows);
    }

    /** A tree: root "I" over one pillar "P" over the given indicators, equal weights. */
    static IndexTree flatTree(String... indicators) {
        List<TreeNode> nodes = new ArrayList<>();
        nodes.add(TreeNode.aggregate("I", null, 1));
        nodes.add(TreeNode.aggregate("P", "I", 1));
        for (String code : indicators) {
            nodes.add(TreeNode.indicator(code, "P", 1, 1));
        }
        return IndexTree.of(nodes);
    }

    static double[] values(double... v) {
        return v;
    }
}
