package org.yardstick.assessment.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Disclosure control (统计数据保密) of a one-way table over enterprises with its total: a cell is suppressed when
 * it has fewer than {@value #MIN_COUNT} enterprises or when one enterprise makes more than 85 % of it (the
 * (1, 85 %) rule, on a non-negative additive value such as a score or revenue). When the total is published,
 * secondary suppression adds the smallest other cells until the suppressed cells together pass the same rule,
 * so that subtracting the published cells from the total reveals nothing about one enterprise. A total that
 * fails the rule, or that cannot be protected, is suppressed too.
 */
public final class Disclosure {

    public static final int MIN_COUNT = 5;
    public static final double DOMINANCE = 0.85;

    private Disclosure() {}

    /** Why a cell is shown or not. */
    public enum Verdict { PUBLISHED, TOO_FEW, DOMINATED, SECONDARY }

    /** A cell: the enterprises in it (by identity) and their values. */
    public record Cell(String key, Map<Long, Double> values) {
        public Cell {
            values = Map.copyOf(values);
            values.values().forEach(v -> {
                if (!(v >= 0)) {
                    throw new IllegalArgumentException("values must be finite and not negative: " + v);
                }
            });
        }

        public double sum() {
            return values.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** The verdict per cell (in the order given) and of the total. */
    public record Table(Map<String, Verdict> cells, Verdict total) {
        public boolean published(String key) {
            return cells.get(key) == Verdict.PUBLISHED;
        }
    }

    /** The primary rule for one group of enterprises: PUBLISHED, TOO_FEW or DOMINATED. */
    public static Verdict primary(Map<Long, Double> values) {
        if (values.size() < MIN_COUNT) {
            return Verdict.TOO_FEW;
        }
        double sum = 0;
        double max = 0;
        for (double v : values.values()) {
            sum += v;
            max = Math.max(max, v);
        }
        return sum > 0 && max > DOMINANCE * sum ? Verdict.DOMINATED : Verdict.PUBLISHED;
    }

    /** Controls a table whose cells partition its total (an enterprise is in one cell at most). */
    public static Table control(List<Cell> cells) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        Map<Long, Double> all = new HashMap<>();
        for (Cell c : cells) {
            verdicts.put(c.key(), primary(c.values()));
            c.values().forEach((id, v) -> {
                if (all.put(id, v) != null) {
                    throw new IllegalArgumentException("enterprise " + id + " is in two cells");
                }
            });
        }
        Verdict total = primary(all);
        if (total != Verdict.PUBLISHED) {
            cells.forEach(c -> verdicts.computeIfPresent(c.key(),
                    (k, v) -> v == Verdict.PUBLISHED ? Verdict.SECONDARY : v));
            return new Table(verdicts, total);
        }
        List<Cell> candidates = new ArrayList<>(cells);
        candidates.sort(Comparator.comparingInt((Cell c) -> c.values().size()).thenComparingDouble(Cell::sum)
                .thenComparing(Cell::key));
        while (!safe(cells, verdicts)) {
            Cell next = candidates.stream().filter(c -> verdicts.get(c.key()) == Verdict.PUBLISHED).findFirst()
                    .orElse(null);
            if (next == null) {
                return new Table(verdicts, Verdict.SECONDARY);
            }
            verdicts.put(next.key(), Verdict.SECONDARY);
        }
        return new Table(verdicts, Verdict.PUBLISHED);
    }

    /** Whether the suppressed cells together (what the total minus the published cells reveals) pass the rule. */
    static boolean safe(List<Cell> cells, Map<String, Verdict> verdicts) {
        Map<Long, Double> hidden = new HashMap<>();
        for (Cell c : cells) {
            if (verdicts.get(c.key()) != Verdict.PUBLISHED) {
                hidden.putAll(c.values());
            }
        }
        return hidden.isEmpty() || primary(hidden) == Verdict.PUBLISHED;
    }
}
