package org.yardstick.index.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * A validated index tree of any depth: indicators are leaves, aggregates combine their children,
 * exactly one aggregate (the index) has no parent. Built by {@link #of}, which reports every
 * problem at once: duplicate codes, a parent that is not an aggregate (an orphan), a cycle, a
 * second root, an aggregate without children, a negative weight, siblings whose weights are all
 * zero, a direction other than ±1.
 *
 * <p>Levels follow COINr: indicators are level 1, an aggregate is one above its highest child.
 * Aggregates are evaluated in {@link #aggregates()} order: by level, then as defined.
 */
public final class IndexTree {

    private final List<TreeNode> indicators;
    private final List<TreeNode> aggregates;
    private final Map<String, Integer> indicatorIndex = new HashMap<>();
    private final Map<String, Integer> aggregateIndex = new HashMap<>();
    /** Per aggregate, its children: {@code i ≥ 0} indicator i, {@code i < 0} aggregate {@code -i - 1}. */
    private final int[][] children;
    private final double[][] weights;
    private final int[] aggregateLevels;

    private IndexTree(List<TreeNode> indicators, List<TreeNode> aggregates, int[][] children, double[][] weights,
            int[] levels) {
        this.indicators = List.copyOf(indicators);
        this.aggregates = List.copyOf(aggregates);
        for (int i = 0; i < indicators.size(); i++) {
            indicatorIndex.put(indicators.get(i).code(), i);
        }
        for (int a = 0; a < aggregates.size(); a++) {
            aggregateIndex.put(aggregates.get(a).code(), a);
        }
        this.children = children;
        this.weights = weights;
        this.aggregateLevels = levels;
    }

    /** Validates the nodes and builds the tree; throws every problem found. */
    public static IndexTree of(List<TreeNode> nodes) {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, TreeNode> byCode = new HashMap<>();
        for (TreeNode n : nodes) {
            if (byCode.putIfAbsent(n.code(), n) != null) {
                problems.add(n.where().problem(n.code(), IndexProblem.DUPLICATE_CODE, n.code()));
            }
            if (!n.weightPublished()) {
                // no number to check: the tree can be shown but not computed (see requireComputable)
            } else if (!Double.isFinite(n.weight())) {
                problems.add(n.where().problem(null, IndexProblem.NOT_FINITE_WEIGHT));
            } else if (n.weight() < 0) {
                problems.add(n.where().problem(Double.toString(n.weight()), IndexProblem.NEGATIVE_WEIGHT, n.weight()));
            }
            if (n.indicator() && n.direction() != 1 && n.direction() != -1) {
                problems.add(n.where().problem(Integer.toString(n.direction()), IndexProblem.BAD_DIRECTION));
            }
        }
        String root = null;
        Map<String, List<TreeNode>> kids = new HashMap<>();
        for (TreeNode n : nodes) {
            String p = n.parent();
            if (p == null) {
                if (n.indicator()) {
                    problems.add(n.where().problem(null, IndexProblem.ORPHAN, "(none)"));
                } else if (root == null) {
                    root = n.code();
                } else {
                    problems.add(n.where().problem(n.code(), IndexProblem.SECOND_ROOT, root));
                }
                continue;
            }
            TreeNode parent = byCode.get(p);
            if (parent == null) {
                problems.add(n.where().problem(p, IndexProblem.ORPHAN, p));
            } else if (parent.indicator()) {
                problems.add(n.where().problem(p, IndexProblem.INDICATOR_AS_PARENT, p));
            } else {
                kids.computeIfAbsent(p, k -> new ArrayList<>()).add(n);
            }
        }
        reportCycles(nodes, byCode, problems);
        if (root == null && !nodes.isEmpty()) {
            problems.add(nodes.get(0).where().problem(null, IndexProblem.NO_ROOT));
        }
        for (TreeNode n : nodes) {
            if (n.indicator()) {
                continue;
            }
            List<TreeNode> k = kids.getOrDefault(n.code(), List.of());
            if (k.isEmpty()) {
                if (n.componentsPublished()) {
                    problems.add(n.where().problem(n.code(), IndexProblem.CHILDLESS_AGGREGATE, n.code()));
                }
            } else if (k.stream().allMatch(c -> c.weightPublished() && c.weight() == 0)) {
                problems.add(n.where().problem(n.code(), IndexProblem.ZERO_WEIGHTS, n.code()));
            }
        }
        if (nodes.isEmpty()) {
            problems.add(Location.inCode("tree").problem(null, IndexProblem.NO_ROOT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return build(nodes, kids);
    }

    private static void reportCycles(List<TreeNode> nodes, Map<String, TreeNode> byCode, List<InputProblem> problems) {
        Set<String> settled = new HashSet<>();
        for (TreeNode start : nodes) {
            LinkedHashSet<String> path = new LinkedHashSet<>();
            TreeNode n = start;
            while (n != null && !settled.contains(n.code())) {
                if (!path.add(n.code())) {
                    List<String> onPath = new ArrayList<>(path);
                    List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(n.code()), onPath.size()));
                    cycle.add(n.code());
                    TreeNode at = byCode.get(n.code());
                    problems.add(at.where().problem(at.parent(), IndexProblem.CYCLE, String.join(" → ", cycle)));
                    break;
                }
                String p = n.parent();
                n = p == null ? null : byCode.get(p);
            }
            settled.addAll(path);
        }
    }

    private static IndexTree build(List<TreeNode> nodes, Map<String, List<TreeNode>> kids) {
        List<TreeNode> indicators = nodes.stream().filter(TreeNode::indicator).toList();
        Map<String, Integer> level = new HashMap<>();
        for (TreeNode n : indicators) {
            level.put(n.code(), 1);
        }
        List<TreeNode> aggs = nodes.stream().filter(n -> !n.indicator()).toList();
        // levels by repeated relaxation; the tree is acyclic here, so this ends within depth passes
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TreeNode a : aggs) {
                int l = 1 + kids.getOrDefault(a.code(), List.of()).stream().mapToInt(c -> level.getOrDefault(c.code(), 1)).max().orElse(1);
                if (!Integer.valueOf(l).equals(level.get(a.code()))) {
                    level.put(a.code(), l);
                    changed = true;
                }
            }
        }
        List<TreeNode> ordered = new ArrayList<>(aggs);
        ordered.sort((x, y) -> Integer.compare(level.get(x.code()), level.get(y.code())));
        Map<String, Integer> ind = new HashMap<>();
        for (int i = 0; i < indicators.size(); i++) {
            ind.put(indicators.get(i).code(), i);
        }
        Map<String, Integer> agg = new HashMap<>();
        for (int a = 0; a < ordered.size(); a++) {
            agg.put(ordered.get(a).code(), a);
        }
        int[][] children = new int[ordered.size()][];
        double[][] weights = new double[ordered.size()][];
        int[] levels = new int[ordered.size()];
        for (int a = 0; a < ordered.size(); a++) {
            List<TreeNode> k = kids.getOrDefault(ordered.get(a).code(), List.of());
            children[a] = new int[k.size()];
            weights[a] = new double[k.size()];
            for (int c = 0; c < k.size(); c++) {
                TreeNode child = k.get(c);
                children[a][c] = child.indicator() ? ind.get(child.code()) : -agg.get(child.code()) - 1;
                weights[a][c] = child.weight();
            }
            levels[a] = level.get(ordered.get(a).code());
        }
        return new IndexTree(indicators, ordered, children, weights, levels);
    }

    /**
     * Whether the index can be computed: every weight and every aggregate's components are
     * published. A tree written down from a publication that gives neither (如两化融合发展指数) can be
     * shown, but computing it would mean inventing them.
     */
    public boolean computable() {
        return unpublished().isEmpty();
    }

    /** Throws a problem for each weight and each set of components that is not published. */
    public void requireComputable() {
        List<InputProblem> problems = unpublished();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private List<InputProblem> unpublished() {
        List<InputProblem> problems = new ArrayList<>();
        for (TreeNode n : aggregates) {
            if (!n.componentsPublished()) {
                problems.add(n.where().problem(null, IndexProblem.UNPUBLISHED_COMPONENTS, n.code()));
            }
        }
        for (List<TreeNode> nodes : List.of(aggregates, indicators)) {
            for (TreeNode n : nodes) {
                if (!n.weightPublished() && n.parent() != null) {
                    problems.add(n.where().problem(null, IndexProblem.UNPUBLISHED_WEIGHT, n.code()));
                }
            }
        }
        return problems;
    }

    /** Indicators (leaves) in the order they were defined. */
    public List<TreeNode> indicators() {
        return indicators;
    }

    /** Aggregates in evaluation order: by level, then as defined; the root is last. */
    public List<TreeNode> aggregates() {
        return aggregates;
    }

    public List<String> indicatorCodes() {
        return indicators.stream().map(TreeNode::code).toList();
    }

    public List<String> aggregateCodes() {
        return aggregates.stream().map(TreeNode::code).toList();
    }

    public TreeNode root() {
        return aggregates.get(aggregates.size() - 1);
    }

    /** Index of an indicator, or -1. */
    public int indicatorIndex(String code) {
        Integer i = indicatorIndex.get(code);
        return i == null ? -1 : i;
    }

    /** Index of an aggregate in evaluation order, or -1. */
    public int aggregateIndex(String code) {
        Integer i = aggregateIndex.get(code);
        return i == null ? -1 : i;
    }

    /** Level of an aggregate (indicators are level 1). */
    public int level(int aggregate) {
        return aggregateLevels[aggregate];
    }

    /** The node of a code, or null. */
    public @Nullable TreeNode node(String code) {
        int i = indicatorIndex(code);
        if (i >= 0) {
            return indicators.get(i);
        }
        int a = aggregateIndex(code);
        return a >= 0 ? aggregates.get(a) : null;
    }

    /** Children of an aggregate: {@code i ≥ 0} indicator i, {@code i < 0} aggregate {@code -i - 1}. */
    int[] children(int aggregate) {
        return children[aggregate];
    }

    /** The children's weights, as given (not renormalised). */
    double[] weights(int aggregate) {
        return weights[aggregate];
    }

    /** Codes of an aggregate's children in order. */
    public List<String> childCodes(int aggregate) {
        return Arrays.stream(children[aggregate]).mapToObj(this::codeOfChild).toList();
    }

    /** Weights of an aggregate's children in order (a copy, as given). */
    public double[] childWeights(int aggregate) {
        return weights[aggregate].clone();
    }

    String codeOfChild(int child) {
        return child >= 0 ? indicators.get(child).code() : aggregates.get(-child - 1).code();
    }

    /**
     * The same tree with other weights: {@code weights[a][c]} for child {@code c} of aggregate
     * {@code a}. For sensitivity analysis; the caller keeps weights non-negative.
     */
    public IndexTree withWeights(double[][] newWeights) {
        double[][] w = new double[newWeights.length][];
        for (int a = 0; a < w.length; a++) {
            w[a] = newWeights[a].clone();
        }
        return new IndexTree(indicators, aggregates, children, w, aggregateLevels);
    }

    /** The weights of every aggregate's children (copies). */
    public double[][] allWeights() {
        double[][] w = new double[weights.length][];
        for (int a = 0; a < w.length; a++) {
            w[a] = weights[a].clone();
        }
        return w;
    }
}
