package org.yardstick.assessment.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yardstick.assessment.engine.Disclosure.Verdict;

/**
 * Disclosure control (统计数据保密) over a region tree: every region's figure is the aggregate of the enterprises
 * registered in it and below, so a parent's published total minus its published children gives away the rest. A
 * region is shown when its own group passes the rule ({@link #MAGNITUDE}: at least {@value Disclosure#MIN_COUNT}
 * enterprises, none above 85 % of the sum; {@link #COUNT} for a frequency cell: 0 or at least 5) and, for every
 * shown region, what subtracting its shown children reveals (its residual: its own enterprises and, through every
 * hidden child, that child's residual) passes the rule too; else the smallest shown region under it is hidden
 * (secondary suppression), or the region itself when none is left. Repeated until nothing changes.
 *
 * <p>Works on per-region summaries (count, sum, largest value), never on one entry per enterprise: the largest value of
 * a union is the largest of the parts' largest, so the rule over any union is exact from the summaries.
 */
public final class RegionalDisclosure {

    private RegionalDisclosure() {}

    /** A group's summary: how many enterprises, the sum of their values, the largest value. */
    public record Stats(int count, double sum, double max) {
        public static final Stats EMPTY = new Stats(0, 0, 0);

        public Stats plus(Stats o) {
            return new Stats(count + o.count, sum + o.sum, Math.max(max, o.max));
        }

        /** One enterprise with its (non-negative) value. */
        public static Stats of(double value) {
            if (!(value >= 0)) {
                throw new IllegalArgumentException("values must be finite and not negative: " + value);
            }
            return new Stats(1, value, value);
        }

        /** A frequency: {@code n} enterprises counted (each counts 1). */
        public static Stats count(int n) {
            return n == 0 ? EMPTY : new Stats(n, n, 1);
        }
    }

    /** A rule over a group's summary. */
    public interface Rule {
        @Nullable Verdict fails(Stats s);
    }

    /** Magnitude (a score, revenue): empty, or at least 5 enterprises with none above 85 % of the sum. */
    public static final Rule MAGNITUDE = s -> s.count() == 0 ? null
            : s.count() < Disclosure.MIN_COUNT ? Verdict.TOO_FEW
            : s.sum() > 0 && s.max() > Disclosure.DOMINANCE * s.sum() ? Verdict.DOMINATED : null;

    /** Frequency (how many enterprises at a stage): 0, or at least 5. */
    public static final Rule COUNT = s -> s.count() == 0 || s.count() >= Disclosure.MIN_COUNT ? null : Verdict.TOO_FEW;

    /** A region of the tree with the enterprises registered in it directly ({@code parent} null for the root). */
    public record Node(String code, @Nullable String parent, Stats direct) {}

    /**
     * The verdict of every node.
     *
     * @param hidden nodes hidden whatever their figures (another table's suppression), marked SECONDARY unless they
     *               fail the rule themselves
     */
    public static Map<String, Verdict> control(List<Node> nodes, Rule rule, Set<String> hidden) {
        return control(new Tree(nodes), rule, hidden);
    }

    private static Map<String, Verdict> control(Tree t, Rule rule, Set<String> hidden) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (String code : t.order) {
            Verdict v = rule.fails(t.total.get(code));
            verdicts.put(code, v != null ? v : hidden.contains(code) ? Verdict.SECONDARY : Verdict.PUBLISHED);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String code : t.order) {
                while (verdicts.get(code) == Verdict.PUBLISHED && rule.fails(t.residual(code, verdicts)) != null) {
                    List<String> frontier = new ArrayList<>();
                    t.frontier(code, verdicts, frontier);
                    String next = frontier.stream().min(Comparator.comparingInt((String c) -> t.total.get(c).count())
                            .thenComparingDouble(c -> t.total.get(c).sum()).thenComparing(c -> c)).orElse(code);
                    verdicts.put(next, Verdict.SECONDARY);
                    changed = true;
                }
            }
        }
        return verdicts;
    }

    /**
     * A two-way table (region × stage) protected together: each column (the regions' counts at one stage) is a region
     * tree controlled as {@link #control}; each shown row (a region whose count of all stages is published) must not
     * give away its hidden cells either, so the hidden cells of a row must pass the rule together, else the row's
     * smallest shown cell is hidden too. Repeated until columns and rows agree.
     *
     * @param columns  per column, the tree of its counts (same regions in every column)
     * @param hiddenRows regions hidden in every column (their totals are not published)
     */
    public static Map<String, Map<String, Verdict>> twoWay(Map<String, List<Node>> columns, Rule rule,
                                                          Set<String> hiddenRows) {
        Map<String, Set<String>> forced = new LinkedHashMap<>();
        Map<String, Map<String, Stats>> totals = new LinkedHashMap<>();
        Map<String, Tree> trees = new LinkedHashMap<>();
        columns.forEach((col, nodes) -> {
            forced.put(col, new java.util.HashSet<>(hiddenRows));
            Tree t = new Tree(nodes);
            trees.put(col, t);
            totals.put(col, t.total);
        });
        while (true) {
            Map<String, Map<String, Verdict>> result = new LinkedHashMap<>();
            // each round starts from the cells the last one hid (suppression only grows), so it redoes no work
            trees.forEach((col, t) -> {
                Map<String, Verdict> v = control(t, rule, forced.get(col));
                v.forEach((code, verdict) -> {
                    if (verdict != Verdict.PUBLISHED) {
                        forced.get(col).add(code);
                    }
                });
                result.put(col, v);
            });
            boolean changed = false;
            Set<String> rows = columns.isEmpty() ? Set.of() : totals.values().iterator().next().keySet();
            for (String row : rows) {
                if (hiddenRows.contains(row)) {
                    continue;
                }
                Stats hidden = Stats.EMPTY;
                List<String> shown = new ArrayList<>();
                for (String col : columns.keySet()) {
                    Stats cell = totals.get(col).get(row);
                    if (result.get(col).get(row) != Verdict.PUBLISHED) {
                        hidden = hidden.plus(cell);
                    } else if (cell.count() > 0) {
                        shown.add(col);
                    }
                }
                // hide the row's smallest shown cells until its hidden cells together pass
                shown.sort(Comparator.comparingInt((String col) -> totals.get(col).get(row).count()).thenComparing(c -> c));
                for (int i = 0; i < shown.size() && rule.fails(hidden) != null; i++) {
                    forced.get(shown.get(i)).add(row);
                    hidden = hidden.plus(totals.get(shown.get(i)).get(row));
                    changed = true;
                }
            }
            if (!changed) {
                return result;
            }
        }
    }

    /**
     * What subtracting the shown children from a shown node reveals, for checking a published table: its own
     * enterprises and, through hidden children, theirs.
     */
    public static Stats residual(List<Node> nodes, Map<String, Verdict> verdicts, String code) {
        return new Tree(nodes).residual(code, verdicts);
    }

    /** Every node's total (itself and below). */
    public static Map<String, Stats> totals(List<Node> nodes) {
        return new Tree(nodes).total;
    }

    private static final class Tree {
        final Map<String, Node> byCode = new HashMap<>();
        final Map<String, List<String>> children = new HashMap<>();
        final Map<String, Stats> total = new HashMap<>();
        final List<String> order = new ArrayList<>(); // parents before children

        Tree(List<Node> nodes) {
            List<String> roots = new ArrayList<>();
            for (Node n : nodes) {
                if (byCode.put(n.code(), n) != null) {
                    throw new IllegalArgumentException("region " + n.code() + " given twice");
                }
            }
            for (Node n : nodes) {
                if (n.parent() == null || !byCode.containsKey(n.parent())) {
                    roots.add(n.code());
                } else {
                    children.computeIfAbsent(n.parent(), k -> new ArrayList<>()).add(n.code());
                }
            }
            roots.sort(null);
            order.addAll(roots);
            for (int i = 0; i < order.size(); i++) {
                List<String> cs = children.get(order.get(i));
                if (cs != null) {
                    cs.sort(null);
                    order.addAll(cs);
                }
            }
            for (int i = order.size() - 1; i >= 0; i--) {
                String c = order.get(i);
                Stats s = byCode.get(c).direct();
                for (String child : children.getOrDefault(c, List.of())) {
                    s = s.plus(total.get(child));
                }
                total.put(c, s);
            }
        }

        Stats residual(String code, Map<String, Verdict> verdicts) {
            Stats s = byCode.get(code).direct();
            for (String c : children.getOrDefault(code, List.of())) {
                if (verdicts.get(c) != Verdict.PUBLISHED) {
                    s = s.plus(residual(c, verdicts));
                }
            }
            return s;
        }

        /** The shown nodes whose hiding would add to the node's residual: shown children, and below hidden ones. */
        void frontier(String code, Map<String, Verdict> verdicts, List<String> out) {
            for (String c : children.getOrDefault(code, List.of())) {
                if (verdicts.get(c) == Verdict.PUBLISHED) {
                    if (total.get(c).count() > 0) {
                        out.add(c);
                    }
                } else {
                    frontier(c, verdicts, out);
                }
            }
        }
    }
}
