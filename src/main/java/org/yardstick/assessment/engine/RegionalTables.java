package org.yardstick.assessment.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yardstick.assessment.engine.Disclosure.Verdict;
import org.yardstick.assessment.engine.RegionalDisclosure.Node;
import org.yardstick.assessment.engine.RegionalDisclosure.Rule;
import org.yardstick.assessment.engine.RegionalDisclosure.Stats;

/**
 * The four tables of the regional indicators under disclosure control, from per-region summaries: the scores
 * ({@link RegionalDisclosure#MAGNITUDE}), region × stage as one two-way table, 贯标 and 示范 counts; the counts hidden
 * wherever the score row is ({@link #full}).
 *
 * <p>Incremental (decision 0073): below a root (中国) each branch (a province and everything under it) is controlled on
 * its own, and the root on top. That equals the whole tree at once whenever the root never hides anything: it is
 * hidden itself, or in every table where it is shown its own enterprises pass and no branch top is hidden (then its
 * residual never changes, so it never reaches into a branch, and the branches never meet). Otherwise the whole tree
 * is controlled at once. A {@link Memory} keeps each branch's summaries and verdicts, so a change in one county
 * recomputes its province and the root only, and says which regions may have changed.
 */
public final class RegionalTables {

    private RegionalTables() {}

    /**
     * One region with the enterprises registered in it directly (counts per stage in {@link Stage} order); the 规上
     * counts (answered, registered) are not under disclosure control but are published with the row, so a change in
     * them marks the region's branch as changed too.
     */
    public record Cell(String code, @Nullable String parent, Stats score, int starting, int single, int integration,
                       int innovation, int pilot, int demonstration, int aboveAnswered, int aboveRegistered) {

        int stage(Stage s) {
            return switch (s) {
                case STARTING -> starting;
                case SINGLE_COVERAGE -> single;
                case INTEGRATION -> integration;
                case INNOVATION -> innovation;
            };
        }
    }

    /** Every region's verdict in each table. */
    public record Verdicts(Map<String, Verdict> score, Map<Stage, Map<String, Verdict>> stages,
                           Map<String, Verdict> pilot, Map<String, Verdict> demonstration) {}

    /**
     * One computation.
     *
     * @param changed the regions whose figures may differ from the remembered computation's; null: any of them
     *                (nothing remembered, or the whole tree was controlled at once now or then)
     */
    public record Result(Verdicts verdicts, @Nullable Set<String> changed, State state) {}

    /** What {@link Memory#remember} keeps: each branch's cells and verdicts; null branches: the whole tree at once. */
    public static final class State {
        final @Nullable Map<String, Branch> branches;

        State(@Nullable Map<String, Branch> branches) {
            this.branches = branches;
        }
    }

    record Branch(List<Cell> cells, Verdicts verdicts) {}

    /** The reference: the whole tree (or forest) controlled at once. */
    public static Verdicts full(List<Cell> cells) {
        List<Node> scoreNodes = new ArrayList<>();
        Map<String, List<Node>> stageColumns = new LinkedHashMap<>();
        for (Stage st : Stage.values()) {
            stageColumns.put(st.name(), new ArrayList<>());
        }
        List<Node> pilotNodes = new ArrayList<>();
        List<Node> demoNodes = new ArrayList<>();
        for (Cell c : cells) {
            scoreNodes.add(new Node(c.code(), c.parent(), c.score()));
            for (Stage st : Stage.values()) {
                stageColumns.get(st.name()).add(new Node(c.code(), c.parent(), Stats.count(c.stage(st))));
            }
            pilotNodes.add(new Node(c.code(), c.parent(), Stats.count(c.pilot())));
            demoNodes.add(new Node(c.code(), c.parent(), Stats.count(c.demonstration())));
        }
        Map<String, Verdict> score = RegionalDisclosure.control(scoreNodes, RegionalDisclosure.MAGNITUDE, Set.of());
        Set<String> hidden = new HashSet<>();
        score.forEach((k, v) -> {
            if (v != Verdict.PUBLISHED) {
                hidden.add(k);
            }
        });
        Map<String, Map<String, Verdict>> byName = RegionalDisclosure.twoWay(stageColumns, RegionalDisclosure.COUNT, hidden);
        Map<Stage, Map<String, Verdict>> stages = new EnumMap<>(Stage.class);
        for (Stage st : Stage.values()) {
            stages.put(st, byName.get(st.name()));
        }
        return new Verdicts(score, stages, RegionalDisclosure.control(pilotNodes, RegionalDisclosure.COUNT, hidden),
                RegionalDisclosure.control(demoNodes, RegionalDisclosure.COUNT, hidden));
    }

    /** Each branch on its own, the roots on top; null when a root would reach into a branch (then {@link #full}). */
    static @Nullable Verdicts combine(List<Cell> cells, Map<String, List<String>> rootsToBranches,
                                      Map<String, Branch> branches) {
        Map<String, Cell> byCode = new HashMap<>();
        cells.forEach(c -> byCode.put(c.code(), c));
        Verdicts out = new Verdicts(new HashMap<>(), new EnumMap<>(Stage.class), new HashMap<>(), new HashMap<>());
        for (Stage st : Stage.values()) {
            out.stages().put(st, new HashMap<>());
        }
        for (Branch b : branches.values()) {
            out.score().putAll(b.verdicts().score());
            b.verdicts().stages().forEach((st, m) -> out.stages().get(st).putAll(m));
            out.pilot().putAll(b.verdicts().pilot());
            out.demonstration().putAll(b.verdicts().demonstration());
        }
        for (var e : rootsToBranches.entrySet()) {
            String root = e.getKey();
            Cell own = byCode.get(root);
            List<Verdicts> below = e.getValue().stream().map(b -> branches.get(b).verdicts()).toList();
            Stats score = own.score();
            int[] stages = new int[Stage.values().length];
            int pilot = own.pilot();
            int demo = own.demonstration();
            for (Stage st : Stage.values()) {
                stages[st.ordinal()] = own.stage(st);
            }
            for (String b : e.getValue()) {
                for (Cell c : branches.get(b).cells()) {
                    score = score.plus(c.score());
                    for (Stage st : Stage.values()) {
                        stages[st.ordinal()] += c.stage(st);
                    }
                    pilot += c.pilot();
                    demo += c.demonstration();
                }
            }
            Verdict v = top(RegionalDisclosure.MAGNITUDE, score, own.score(), false, root, e.getValue(),
                    below.stream().map(Verdicts::score).toList());
            if (v == null) {
                return null;
            }
            boolean hiddenRow = v != Verdict.PUBLISHED;
            out.score().put(root, v);
            Verdict p = top(RegionalDisclosure.COUNT, Stats.count(pilot), Stats.count(own.pilot()), hiddenRow, root,
                    e.getValue(), below.stream().map(Verdicts::pilot).toList());
            Verdict d = top(RegionalDisclosure.COUNT, Stats.count(demo), Stats.count(own.demonstration()), hiddenRow,
                    root, e.getValue(), below.stream().map(Verdicts::demonstration).toList());
            if (p == null || d == null) {
                return null;
            }
            out.pilot().put(root, p);
            out.demonstration().put(root, d);
            Map<Stage, Verdict> row = new EnumMap<>(Stage.class);
            for (Stage st : Stage.values()) {
                Verdict s = top(RegionalDisclosure.COUNT, Stats.count(stages[st.ordinal()]), Stats.count(own.stage(st)),
                        hiddenRow, root, e.getValue(), below.stream().map(x -> x.stages().get(st)).toList());
                if (s == null) {
                    return null;
                }
                row.put(st, s);
            }
            if (!hiddenRow) {
                // the root's row of the region × stage table, as RegionalDisclosure.twoWay checks every shown row
                Stats hidden = Stats.EMPTY;
                List<Stage> shown = new ArrayList<>();
                for (Stage st : Stage.values()) {
                    if (row.get(st) != Verdict.PUBLISHED) {
                        hidden = hidden.plus(Stats.count(stages[st.ordinal()]));
                    } else if (stages[st.ordinal()] > 0) {
                        shown.add(st);
                    }
                }
                shown.sort(Comparator.comparingInt((Stage st) -> stages[st.ordinal()]).thenComparing(Stage::name));
                for (int i = 0; i < shown.size() && RegionalDisclosure.COUNT.fails(hidden) != null; i++) {
                    row.put(shown.get(i), Verdict.SECONDARY);
                    hidden = hidden.plus(Stats.count(stages[shown.get(i).ordinal()]));
                }
            }
            row.forEach((st, s) -> out.stages().get(st).put(root, s));
        }
        return out;
    }

    /**
     * A root's verdict in one table, or null when it is shown and could reach into a branch (its own enterprises fail,
     * or a branch top is hidden).
     */
    private static @Nullable Verdict top(Rule rule, Stats total, Stats own, boolean hiddenRow, String root,
                                         List<String> branchTops, List<Map<String, Verdict>> below) {
        Verdict fails = rule.fails(total);
        if (fails != null) {
            return fails;
        }
        if (hiddenRow) {
            return Verdict.SECONDARY;
        }
        if (rule.fails(own) != null) {
            return null;
        }
        for (int i = 0; i < branchTops.size(); i++) {
            if (below.get(i).get(branchTops.get(i)) != Verdict.PUBLISHED) {
                return null;
            }
        }
        return Verdict.PUBLISHED;
    }

    /**
     * The remembered computation of one table set (one questionnaire version and year). Not thread-safe on its own:
     * its owner synchronises.
     */
    public static final class Memory {

        private State remembered = new State(null);

        /**
         * The verdicts for these cells, recomputing only the branches whose cells differ from the remembered ones.
         *
         * @param touched regions whose figures the caller just rewrote the summaries of: their branches count as changed
         *                even when equal to the remembered ones (changed and changed back while the memory lagged)
         */
        public Result compute(List<Cell> cells, Set<String> touched) {
            Map<String, Cell> byCode = new HashMap<>();
            for (Cell c : cells) {
                if (byCode.put(c.code(), c) != null) {
                    throw new IllegalArgumentException("region " + c.code() + " given twice");
                }
            }
            // roots (no parent among the cells), branches (their children), every cell's branch
            Map<String, List<String>> rootsToBranches = new LinkedHashMap<>();
            Map<String, List<Cell>> branchCells = new HashMap<>();
            Map<String, String> branchOf = new HashMap<>();
            for (Cell c : cells) {
                if (c.parent() == null || !byCode.containsKey(c.parent())) {
                    rootsToBranches.computeIfAbsent(c.code(), k -> new ArrayList<>());
                }
            }
            for (Cell c : cells) {
                String b = branch(c.code(), byCode, branchOf);
                if (b != null) {
                    branchCells.computeIfAbsent(b, k -> new ArrayList<>()).add(c);
                    if (b.equals(c.code())) {
                        rootsToBranches.get(c.parent()).add(b);
                    }
                }
            }
            Map<String, Branch> before = remembered.branches == null ? Map.of() : remembered.branches;
            Map<String, Branch> now = new HashMap<>();
            Set<String> changed = new HashSet<>(rootsToBranches.keySet());
            branchCells.forEach((b, list) -> {
                list.sort(Comparator.comparing(Cell::code));
                Branch old = before.get(b);
                if (old != null && old.cells().equals(list)) {
                    now.put(b, old);
                } else {
                    now.put(b, new Branch(List.copyOf(list), full(list)));
                    list.forEach(c -> changed.add(c.code()));
                    if (old != null) {
                        old.cells().forEach(c -> changed.add(c.code()));
                    }
                }
            });
            before.forEach((b, old) -> {
                if (!now.containsKey(b)) {
                    old.cells().forEach(c -> changed.add(c.code()));
                }
            });
            for (String t : touched) {
                String b = byCode.containsKey(t) ? branch(t, byCode, branchOf) : null;
                if (b != null) {
                    now.get(b).cells().forEach(c -> changed.add(c.code()));
                }
            }
            Verdicts v = combine(cells, rootsToBranches, now);
            if (v == null) {
                return new Result(full(cells), null, new State(null));
            }
            return new Result(v, remembered.branches == null ? null : changed, new State(now));
        }

        /** Keeps a computation's branches as the reference for the next (once its figures are stored). */
        public void remember(State state) {
            remembered = state;
        }

        private static @Nullable String branch(String code, Map<String, Cell> byCode, Map<String, String> branchOf) {
            String known = branchOf.get(code);
            if (known != null) {
                return known;
            }
            Cell c = byCode.get(code);
            String parent = c.parent();
            if (parent == null || !byCode.containsKey(parent)) {
                return null; // a root
            }
            Cell p = byCode.get(parent);
            String b = p.parent() == null || !byCode.containsKey(p.parent()) ? code : branch(parent, byCode, branchOf);
            if (b != null) {
                branchOf.put(code, b);
            }
            return b;
        }
    }
}
