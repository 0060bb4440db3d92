package org.yardstick.index.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.TreeNode;

/**
 * A node of an index's tree as the page lists it, with its weight as given and as a share of its
 * siblings' (the weights the engine uses), or the note that they were never published.
 *
 * @param weight the weight as written; null for the root or when it is not published
 * @param share the weight's share among the siblings, in percent; null when any sibling's is not published
 * @param published the indicator holding this node's published figures; null when none
 */
public record TreeItem(String code, String name, boolean indicator, @Nullable String weight, @Nullable String share,
        boolean root, boolean weightPublished, boolean componentsPublished, boolean reversed,
        @Nullable String published, List<TreeItem> children) {

    static TreeItem of(IndexTree tree, Map<String, String> published, Locale locale) {
        return item(tree, tree.root(), published, null, locale);
    }

    private static TreeItem item(IndexTree tree, TreeNode node, Map<String, String> published,
            @Nullable double[] siblings, Locale locale) {
        List<TreeItem> children = new ArrayList<>();
        int a = tree.aggregateIndex(node.code());
        if (!node.indicator() && a >= 0) {
            List<String> codes = tree.childCodes(a);
            double[] weights = tree.childWeights(a);
            boolean allPublished = codes.stream().allMatch(c -> tree.node(c).weightPublished());
            for (String c : codes) {
                children.add(item(tree, tree.node(c), published, allPublished ? weights : null, locale));
            }
        }
        String weight = null;
        String share = null;
        boolean root = node.parent() == null;
        if (!root && node.weightPublished()) {
            weight = trim(node.weight());
            if (siblings != null) {
                double total = 0;
                for (double w : siblings) {
                    total += w;
                }
                share = IndexView.number(100 * node.weight() / total) + "%";
            }
        }
        return new TreeItem(node.code(), IndexView.name(node, locale), node.indicator(), weight, share, root,
                node.weightPublished(), node.componentsPublished(), node.indicator() && node.direction() < 0,
                published.get(node.code()), children);
    }

    private static String trim(double w) {
        return w == Math.rint(w) && Math.abs(w) < 1e15 ? Long.toString((long) w) : Double.toString(w);
    }
}
