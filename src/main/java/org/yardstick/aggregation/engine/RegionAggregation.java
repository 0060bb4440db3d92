package org.yardstick.aggregation.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Rolls one indicator's figures of one period up a {@link RegionTree} by its {@link RegionRule}.
 *
 * <p>Every region's aggregate is computed from its direct sub-regions, each of which contributes
 * its own reported figure where it has one (the official figure of a prefecture stands for its
 * counties) and its computed aggregate otherwise:
 * <ul>
 *   <li>{@code SUM}: x = Σ xᵢ (exact);</li>
 *   <li>{@code MEAN}: x = Σ xᵢ / n over the sub-regions with a figure, each counting once;</li>
 *   <li>{@code WEIGHTED_MEAN}: x = Σ wᵢxᵢ / Σ wᵢ, where wᵢ is the sub-region's weight figure (its
 *       reported one, else the sum of its own sub-regions' weights); over the tree this is the
 *       weighted mean of the reporting units, whatever the depth;</li>
 *   <li>{@code RATIO_OF_SUMS}: x = scale · Σ numᵢ / Σ denᵢ, numerator and denominator each summed
 *       over the sub-regions that have both, so a region's share is never a mean of shares;</li>
 *   <li>{@code NOT_ADDITIVE}: no aggregate; only reported figures.</li>
 * </ul>
 * A sub-region missing a figure contributes nothing and lowers the coverage. A reporting unit
 * with its figure but without its weight (weighted mean) or with a numerator but no denominator
 * (ratio) is a {@link Lack}: every aggregate above it is withheld with that reason, whatever the
 * policy, up to a region whose own figure stands for it — never a silent mean of the others. Quotients carry 34 significant digits
 * ({@link MathContext#DECIMAL128}). Plain Java; one instance serves every indicator of a tree.
 */
public final class RegionAggregation {

    private static final MathContext MC = MathContext.DECIMAL128;

    private final RegionTree tree;
    private final Set<String> reportingUnits;

    /**
     * @param reportingUnits the regions expected to report (the counties of a county data set):
     *                       what coverage counts
     */
    public RegionAggregation(RegionTree tree, Set<String> reportingUnits) {
        for (String unit : reportingUnits) {
            if (!tree.contains(unit)) {
                throw new IllegalArgumentException("reporting unit " + unit + " is not in the region tree");
            }
        }
        this.tree = tree;
        this.reportingUnits = Set.copyOf(reportingUnits);
    }

    /** {@code SUM}, {@code MEAN} or {@code NOT_ADDITIVE} over the figures reported by region. */
    public Map<String, Aggregate> aggregate(RegionRule rule, Map<String, BigDecimal> reported, Incomplete policy) {
        return run(Figures.of(rule, reported), policy).aggregates();
    }

    /** The mean of {@code reported} weighted by the {@code weights} indicator's figures (summed up the tree). */
    public Map<String, Aggregate> weightedMean(Map<String, BigDecimal> reported, Map<String, BigDecimal> weights,
                                               Incomplete policy) {
        return run(Figures.weighted(reported, weights), policy).aggregates();
    }

    /**
     * A share as the ratio of two summed indicators, times {@code scale} (100 for a percentage);
     * {@code reported} holds the share where a region reported it itself.
     */
    public Map<String, Aggregate> ratioOfSums(Map<String, BigDecimal> reported, Map<String, BigDecimal> numerators,
                                              Map<String, BigDecimal> denominators, BigDecimal scale, Incomplete policy) {
        return run(Figures.ratio(reported, numerators, denominators, scale), policy).aggregates();
    }

    /** One indicator's figures of one period by region, with what its rule needs besides. */
    public record Figures(RegionRule rule, Map<String, BigDecimal> reported, Map<String, BigDecimal> weights,
                          Map<String, BigDecimal> numerators, Map<String, BigDecimal> denominators, BigDecimal scale) {

        /** {@code SUM}, {@code MEAN} or {@code NOT_ADDITIVE}. */
        public static Figures of(RegionRule rule, Map<String, BigDecimal> reported) {
            if (rule == RegionRule.WEIGHTED_MEAN || rule == RegionRule.RATIO_OF_SUMS) {
                throw new IllegalArgumentException(rule + " needs its second indicator: use weightedMean or ratioOfSums");
            }
            return new Figures(rule, reported, Map.of(), Map.of(), Map.of(), BigDecimal.ONE);
        }

        public static Figures weighted(Map<String, BigDecimal> reported, Map<String, BigDecimal> weights) {
            return new Figures(RegionRule.WEIGHTED_MEAN, reported, weights, Map.of(), Map.of(), BigDecimal.ONE);
        }

        public static Figures ratio(Map<String, BigDecimal> reported, Map<String, BigDecimal> numerators,
                                    Map<String, BigDecimal> denominators, BigDecimal scale) {
            return new Figures(RegionRule.RATIO_OF_SUMS, reported, Map.of(), numerators, denominators, scale);
        }
    }

    /**
     * The aggregates of the regions visited, and the contributions worth storing: those of the
     * regions whose contribution is not what their own figures alone would pass up (a region whose
     * sub-regions added nothing). With these stored, {@link #run(Figures, Incomplete, Map, Map)}
     * recomputes a region's ancestors without visiting the rest of the tree.
     */
    public record Result(Map<String, Aggregate> aggregates, Map<String, Contribution> contributions) {}

    /** Every region's aggregate, walking the whole tree. */
    public Result run(Figures figures, Incomplete policy) {
        return run(figures, policy, Map.of(), Map.of());
    }

    /**
     * The aggregates over a tree pruned to the regions to recompute (a changed region and its
     * ancestors) and their direct sub-regions: a sub-region in {@code known} passes up its stored
     * contribution without being visited; a leaf of the pruned tree that is not a leaf of the real
     * one and is not in {@code known} passes up what its own figures alone give, with
     * {@code expectedBelow} reporting units below it (none of them covered). Equal to the full walk
     * for the regions recomputed when {@code known} holds the full walk's stored contributions.
     */
    public Result run(Figures figures, Incomplete policy, Map<String, Contribution> known, Map<String, Integer> expectedBelow) {
        Walk w = new Walk(figures, policy, known, expectedBelow, new LinkedHashMap<>(), new LinkedHashMap<>());
        for (String root : tree.roots()) {
            visit(root, w);
        }
        return new Result(w.out(), w.contributions());
    }

    /**
     * How many reporting units each region expects below it (a unit expects itself): what a
     * region's coverage counts whatever was reported; for {@code expectedBelow} of a pruned tree.
     */
    public Map<String, Integer> expected() {
        Map<String, Integer> out = new HashMap<>();
        for (String root : tree.roots()) {
            expected(root, out);
        }
        return out;
    }

    private int expected(String region, Map<String, Integer> out) {
        int below = 0;
        for (String child : tree.children(region)) {
            below += expected(child, out);
        }
        out.put(region, below);
        return reportingUnits.contains(region) ? 1 : below;
    }

    /**
     * What a change of figures at {@code changed} regions reaches: those regions and their
     * ancestors ({@code recomputed}), each recomputed from its direct sub-regions; the sub-regions
     * that are not recomputed themselves ({@code around}) pass up their stored contribution, else
     * their own figures alone. {@link #again} computes it.
     */
    public record Reach(Set<String> recomputed, Set<String> around, RegionAggregation pruned, Map<String, Integer> expectedBelow) {

        /**
         * The aggregates and contributions of the {@code recomputed} regions, from the figures of
         * {@code recomputed} and {@code around} and the stored contributions of {@code around}
         * (any others in {@code stored} are ignored); equal to those of a full walk.
         */
        public Result again(Figures figures, Incomplete policy, Map<String, Contribution> stored) {
            Map<String, Contribution> known = new HashMap<>();
            for (String region : around) {
                Contribution c = stored.get(region);
                if (c != null) {
                    known.put(region, c);
                }
            }
            Result all = pruned.run(figures, policy, known, expectedBelow);
            Map<String, Aggregate> aggregates = new LinkedHashMap<>(all.aggregates());
            aggregates.keySet().retainAll(recomputed);
            Map<String, Contribution> contributions = new LinkedHashMap<>(all.contributions());
            contributions.keySet().retainAll(recomputed);
            return new Result(aggregates, contributions);
        }
    }

    /** What a change at the given regions reaches (regions not in the tree are ignored). */
    public Reach reach(Collection<String> changed) {
        Set<String> recomputed = new LinkedHashSet<>();
        for (String region : changed) {
            if (tree.contains(region)) {
                recomputed.addAll(tree.pathToRoot(region));
            }
        }
        Set<String> around = new LinkedHashSet<>();
        for (String region : recomputed) {
            for (String child : tree.children(region)) {
                if (!recomputed.contains(child)) {
                    around.add(child);
                }
            }
        }
        Set<String> kept = new HashSet<>(recomputed);
        kept.addAll(around);
        Map<String, Integer> all = expected();
        Map<String, Integer> expectedBelow = new HashMap<>();
        for (String region : around) {
            if (!tree.children(region).isEmpty()) {
                expectedBelow.put(region, all.get(region));
            }
        }
        Set<String> units = new HashSet<>(reportingUnits);
        units.retainAll(kept);
        return new Reach(recomputed, around, new RegionAggregation(tree.only(kept), units), expectedBelow);
    }

    private record Walk(Figures in, Incomplete policy, Map<String, Contribution> known, Map<String, Integer> expectedBelow,
                        Map<String, Aggregate> out, Map<String, Contribution> contributions) {}

    /** What a region's sub-regions passed up, summed. */
    private record Below(BigDecimal sumA, BigDecimal sumB, int covered, int expected, int lacking, List<String> inputs) {}

    private record Own(@Nullable Aggregate aggregate, Contribution contribution) {}

    private Contribution visit(String region, Walk w) {
        Contribution given = w.known().get(region);
        if (given != null) {
            return given;
        }
        BigDecimal sumA = BigDecimal.ZERO;
        BigDecimal sumB = BigDecimal.ZERO;
        int covered = 0;
        int expected = w.expectedBelow().getOrDefault(region, 0);
        int lackingBelow = 0;
        List<String> inputs = new ArrayList<>();
        for (String child : tree.children(region)) {
            Contribution c = visit(child, w);
            lackingBelow += c.lacking();
            expected += c.coverage().expected();
            covered += c.coverage().covered();
            if (c.present()) {
                inputs.add(child);
                sumA = sumA.add(c.a());
                sumB = sumB.add(c.b());
            }
        }
        Own own = own(region, w.in(), w.policy(), new Below(sumA, sumB, covered, expected, lackingBelow, inputs));
        if (own.aggregate() != null) {
            w.out().put(region, own.aggregate());
        }
        if (!inputs.isEmpty() || covered > 0 || lackingBelow > 0) {
            Contribution alone = own(region, w.in(), w.policy(), new Below(BigDecimal.ZERO, BigDecimal.ZERO, 0, expected, 0, List.of()))
                    .contribution();
            if (!own.contribution().equals(alone)) {
                w.contributions().put(region, own.contribution());
            }
        }
        return own.contribution();
    }

    /** A region's aggregate and contribution from its own figures and what its sub-regions passed up. */
    private Own own(String region, Figures in, Incomplete policy, Below below) {
        List<String> inputs = below.inputs();
        BigDecimal sumA = below.sumA();
        BigDecimal sumB = below.sumB();
        int covered = below.covered();
        int expected = below.expected();
        int lackingBelow = below.lacking();
        BigDecimal computed = inputs.isEmpty() ? null : combine(in, sumA, sumB, inputs.size());
        BigDecimal reported = in.reported().get(region);

        // the region's own terms for its parent: its reported figures where it has them, else what its sub-regions sum to
        BigDecimal a;
        BigDecimal b;
        boolean reportedItself;
        boolean lacksItself = false;
        switch (in.rule()) {
            case WEIGHTED_MEAN -> {
                BigDecimal x = reported != null ? reported : computed;
                BigDecimal w = in.weights().get(region);
                if (w == null && !inputs.isEmpty()) {
                    w = sumB;
                }
                a = x == null || w == null ? null : x.multiply(w);
                b = a == null ? null : w;
                reportedItself = reported != null;
                lacksItself = reported != null && w == null;
            }
            case RATIO_OF_SUMS -> {
                BigDecimal num = in.numerators().get(region);
                BigDecimal den = in.denominators().get(region);
                reportedItself = num != null && den != null;
                lacksItself = num != null && den == null && inputs.isEmpty();
                if (reportedItself && inputs.isEmpty()) {
                    computed = quotient(num, den, in.scale()); // the region's share from its own two figures
                } else if (!reportedItself) {
                    num = inputs.isEmpty() ? null : sumA;
                    den = inputs.isEmpty() ? null : sumB;
                }
                a = num;
                b = num == null ? null : den;
            }
            default -> {
                BigDecimal x = reported != null ? reported : in.rule() == RegionRule.NOT_ADDITIVE ? null : computed;
                a = x;
                b = x == null ? null : BigDecimal.ONE;
                reportedItself = reported != null;
            }
        }
        if (in.rule() == RegionRule.NOT_ADDITIVE) {
            computed = null;
        }

        // coverage of what the computed aggregate rests on; a reporting unit covers itself when it contributes
        boolean unit = reportingUnits.contains(region);
        Coverage coverage = unit ? new Coverage(a != null && b != null ? 1 : 0, 1) : new Coverage(covered, expected);
        // units below with a figure but without the weight or denominator: what the region's own figure does not stand for
        int lacking = lacksItself ? 1 : reportedItself && a != null ? 0 : lackingBelow;
        Lack lack = lacking == 0 || reported != null || unit ? null : in.rule() == RegionRule.WEIGHTED_MEAN ? Lack.WEIGHT : Lack.DENOMINATOR;
        boolean withheld = reported == null && !unit && (lack != null
                || computed != null && policy == Incomplete.WITHHOLD && !coverage.complete());
        BigDecimal value = reported != null ? reported : withheld ? null : computed;
        Aggregate aggregate = reported != null || computed != null || expected > 0 || unit
                ? new Aggregate(region, reported, computed, value, coverage, inputs, withheld, lack, lack == null ? 0 : lacking)
                : null;
        if (withheld) {
            // a withheld aggregate is no figure for the parent either, and covers nothing there
            return new Own(aggregate, new Contribution(null, null, new Coverage(0, expected), lacking));
        }
        // what the parent counts as covered: everything below, where the region's own figure stands for it
        Coverage up = !unit && reportedItself ? new Coverage(expected, expected) : coverage;
        return new Own(aggregate, new Contribution(a, b, up, lacking));
    }

    private static @Nullable BigDecimal combine(Figures in, BigDecimal sumA, BigDecimal sumB, int n) {
        return switch (in.rule()) {
            case SUM -> sumA;
            case MEAN -> sumA.divide(BigDecimal.valueOf(n), MC);
            case WEIGHTED_MEAN, RATIO_OF_SUMS -> quotient(sumA, sumB, in.rule() == RegionRule.RATIO_OF_SUMS ? in.scale() : BigDecimal.ONE);
            case NOT_ADDITIVE -> null;
        };
    }

    private static @Nullable BigDecimal quotient(BigDecimal a, BigDecimal b, BigDecimal scale) {
        return b.signum() == 0 ? null : a.multiply(scale).divide(b, MC);
    }
}
