package org.yardstick.index.engine;

import org.jspecify.annotations.Nullable;

/**
 * One node of an index tree (指标体系): an indicator (基础指标, a leaf, read from the data) or an
 * aggregate (a pillar 分项, sub-index 分指数 or the index 总指数) that combines its children.
 *
 * @param code the node's code, unique in the tree
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param parent code of the aggregate above; null for the root
 * @param weight weight among its siblings (权重), ≥ 0; siblings are renormalised to sum to 1
 * @param indicator true for a leaf read from the data
 * @param direction +1 when more is better (正向), -1 when less is better (逆向); indicators only
 * @param denominator column the indicator is divided by (e.g. population); null: none
 * @param goalpostLow low goalpost for goalpost normalisation; NaN: none
 * @param goalpostHigh high goalpost; NaN: none
 * @param target target value for distance-to-target normalisation; NaN: none
 * @param aggregation how this aggregate combines its children; null: the index's default
 * @param where where the node was defined, for problems
 * @param weightPublished false when the node's weight was never published (权重未公布): the tree
 *     can be shown and checked, but not computed; {@code weight} is then NaN
 * @param componentsPublished false for an aggregate whose components were never published (构成未公布):
 *     it may have no children, and the tree cannot be computed
 */
public record TreeNode(
        String code,
        String nameZh,
        String nameEn,
        @Nullable String parent,
        double weight,
        boolean indicator,
        int direction,
        @Nullable String denominator,
        double goalpostLow,
        double goalpostHigh,
        double target,
        @Nullable Aggregation aggregation,
        Location where,
        boolean weightPublished,
        boolean componentsPublished) {

    /** An indicator with no denominator, goalposts or target. */
    public static TreeNode indicator(String code, String parent, double weight, int direction) {
        return new TreeNode(code, code, code, parent, weight, true, direction, null,
                Double.NaN, Double.NaN, Double.NaN, null, Location.inCode(code), true, true);
    }

    /** An aggregate using the index's default aggregation; {@code parent} null for the root. */
    public static TreeNode aggregate(String code, @Nullable String parent, double weight) {
        return new TreeNode(code, code, code, parent, weight, false, 1, null,
                Double.NaN, Double.NaN, Double.NaN, null, Location.inCode(code), true, true);
    }

    /** The same node with its weight marked as not published (NaN). */
    public TreeNode withUnpublishedWeight() {
        return new TreeNode(code, nameZh, nameEn, parent, Double.NaN, indicator, direction, denominator,
                goalpostLow, goalpostHigh, target, aggregation, where, false, componentsPublished);
    }

    /** The same aggregate with its components marked as not published. */
    public TreeNode withUnpublishedComponents() {
        return new TreeNode(code, nameZh, nameEn, parent, weight, indicator, direction, denominator,
                goalpostLow, goalpostHigh, target, aggregation, where, weightPublished, false);
    }

    public TreeNode withWeight(double w) {
        return new TreeNode(code, nameZh, nameEn, parent, w, indicator, direction, denominator,
                goalpostLow, goalpostHigh, target, aggregation, where, weightPublished, componentsPublished);
    }

    public TreeNode withDenominator(@Nullable String d) {
        return new TreeNode(code, nameZh, nameEn, parent, weight, indicator, direction, d,
                goalpostLow, goalpostHigh, target, aggregation, where, weightPublished, componentsPublished);
    }

    public TreeNode withGoalposts(double low, double high) {
        return new TreeNode(code, nameZh, nameEn, parent, weight, indicator, direction, denominator,
                low, high, target, aggregation, where, weightPublished, componentsPublished);
    }

    public TreeNode withTarget(double t) {
        return new TreeNode(code, nameZh, nameEn, parent, weight, indicator, direction, denominator,
                goalpostLow, goalpostHigh, t, aggregation, where, weightPublished, componentsPublished);
    }

    public TreeNode withAggregation(@Nullable Aggregation a) {
        return new TreeNode(code, nameZh, nameEn, parent, weight, indicator, direction, denominator,
                goalpostLow, goalpostHigh, target, a, where, weightPublished, componentsPublished);
    }
}
