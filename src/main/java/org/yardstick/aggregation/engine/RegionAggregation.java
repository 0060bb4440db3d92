package org.yardstick.aggregation.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
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
        if (rule == RegionRule.WEIGHTED_MEAN || rule == RegionRule.RATIO_OF_SUMS) {
            throw new IllegalArgumentException(rule + " needs its second indicator: use weightedMean or ratioOfSums");
        }
        return walk(new Inputs(rule, reported, Map.of(), Map.of(), Map.of(), BigDecimal.ONE), policy);
    }

    /** The mean of {@code reported} weighted by the {@code weights} indicator's figures (summed up the tree). */
    public Map<String, Aggregate> weightedMean(Map<String, BigDecimal> reported, Map<String, BigDecimal> weights,
                                               Incomplete policy) {
        return walk(new Inputs(RegionRule.WEIGHTED_MEAN, reported, weights, Map.of(), Map.of(), BigDecimal.ONE), policy);
    }

    /**
     * A share as the ratio of two summed indicators, times {@code scale} (100 for a percentage);
     * {@code reported} holds the share where a region reported it itself.
     */
    public Map<String, Aggregate> ratioOfSums(Map<String, BigDecimal> reported, Map<String, BigDecimal> numerators,
                                              Map<String, BigDecimal> denominators, BigDecimal scale, Incomplete policy) {
        return walk(new Inputs(RegionRule.RATIO_OF_SUMS, reported, Map.of(), numerators, denominators, scale), policy);
    }

    private record Inputs(RegionRule rule, Map<String, BigDecimal> reported, Map<String, BigDecimal> weights,
                          Map<String, BigDecimal> numerators, Map<String, BigDecimal> denominators, BigDecimal scale) {}

    /** What a region passes up to its parent: its terms for the parent's rule, and its coverage. */
    private record Contribution(@Nullable BigDecimal a, @Nullable BigDecimal b, Coverage coverage, int lacking) {
        boolean present() {
            return a != null && b != null;
        }
    }

    private Map<String, Aggregate> walk(Inputs in, Incomplete policy) {
        Map<String, Aggregate> out = new LinkedHashMap<>();
        for (String root : tree.roots()) {
            visit(root, in, policy, out);
        }
        return out;
    }

    private Contribution visit(String region, Inputs in, Incomplete policy, Map<String, Aggregate> out) {
        BigDecimal sumA = BigDecimal.ZERO;
        BigDecimal sumB = BigDecimal.ZERO;
        int covered = 0;
        int expected = 0;
        int lackingBelow = 0;
        List<String> inputs = new ArrayList<>();
        for (String child : tree.children(region)) {
            Contribution c = visit(child, in, policy, out);
            lackingBelow += c.lacking();
            expected += c.coverage().expected();
            covered += c.coverage().covered();
            if (c.present()) {
                inputs.add(child);
                sumA = sumA.add(c.a());
                sumB = sumB.add(c.b());
            }
        }
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
        if (reported != null || computed != null || expected > 0 || unit) {
            out.put(region, new Aggregate(region, reported, computed, value, coverage, inputs, withheld, lack, lack == null ? 0 : lacking));
        }
        if (withheld) {
            // a withheld aggregate is no figure for the parent either, and covers nothing there
            return new Contribution(null, null, new Coverage(0, expected), lacking);
        }
        // what the parent counts as covered: everything below, where the region's own figure stands for it
        Coverage up = !unit && reportedItself ? new Coverage(expected, expected) : coverage;
        return new Contribution(a, b, up, lacking);
    }

    private static @Nullable BigDecimal combine(Inputs in, BigDecimal sumA, BigDecimal sumB, int n) {
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
