package org.yardstick.aggregation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Incremental aggregation (a change recomputes only its region's ancestors, each from its
 * sub-regions' stored contributions) gives exactly what a full walk of the tree gives, after any
 * sequence of approvals and reopenings, for every rule and incompleteness policy; and a change
 * reaches no more than its ancestors and their direct sub-regions.
 */
class IncrementalAggregationProperties {

    /** A random tree of 3 or 4 levels; counties report, some prefectures report their own figures too. */
    private record World(RegionTree tree, Set<String> units, List<String> regions) {}

    private static World world(Random r) {
        Map<String, String> parents = new LinkedHashMap<>();
        parents.put("N", null);
        Set<String> units = new HashSet<>();
        int provinces = 1 + r.nextInt(3);
        for (int v = 0; v < provinces; v++) {
            String province = "V" + v;
            parents.put(province, "N");
            int prefectures = 1 + r.nextInt(4);
            for (int p = 0; p < prefectures; p++) {
                String prefecture = province + "P" + p;
                parents.put(prefecture, province);
                int counties = r.nextInt(5); // a prefecture may have no county in the tree
                for (int c = 0; c < counties; c++) {
                    String county = prefecture + "C" + c;
                    parents.put(county, prefecture);
                    units.add(county);
                    if (r.nextInt(4) == 0) { // a township below, reporting
                        parents.put(county + "T", county);
                    }
                }
                if (counties == 0) {
                    units.add(prefecture);
                }
            }
        }
        return new World(RegionTree.of(parents), units, new ArrayList<>(parents.keySet()));
    }

    private static BigDecimal number(Random r, boolean positive) {
        int n = r.nextInt(1_000_000) + (positive ? 0 : -200_000);
        return BigDecimal.valueOf(r.nextInt(20) == 0 ? 0 : n, r.nextInt(4));
    }

    private static RegionAggregation.Figures figures(RegionRule rule, Map<String, BigDecimal> x, Map<String, BigDecimal> y,
                                                     Map<String, BigDecimal> z) {
        return switch (rule) {
            case WEIGHTED_MEAN -> RegionAggregation.Figures.weighted(x, y);
            case RATIO_OF_SUMS -> RegionAggregation.Figures.ratio(z, x, y, BigDecimal.valueOf(100));
            default -> RegionAggregation.Figures.of(rule, x);
        };
    }

    @Test
    void incrementalEqualsFullAfterRandomApprovalsAndReopenings() {
        qt().withExamples(300).forAll(integers().between(0, Integer.MAX_VALUE - 1)).checkAssert(seed -> {
            Random r = new Random(seed);
            World w = world(r);
            RegionRule rule = RegionRule.values()[r.nextInt(RegionRule.values().length)];
            Incomplete policy = Incomplete.values()[r.nextInt(Incomplete.values().length)];
            // x: the figures (numerators of a ratio); y: weights or denominators; z: a ratio's reported shares
            Map<String, BigDecimal> x = new HashMap<>();
            Map<String, BigDecimal> y = new HashMap<>();
            Map<String, BigDecimal> z = new HashMap<>();
            RegionAggregation engine = new RegionAggregation(w.tree(), w.units());
            RegionAggregation.Result stored = engine.run(figures(rule, x, y, z), policy);
            Map<String, Aggregate> aggregates = new HashMap<>(stored.aggregates());
            Map<String, Contribution> contributions = new HashMap<>(stored.contributions());
            int steps = 1 + r.nextInt(25);
            for (int step = 0; step < steps; step++) {
                // one submission approved or reopened: one or two regions' figures change
                Set<String> changed = new HashSet<>();
                for (int k = 0; k < 1 + r.nextInt(2); k++) {
                    String region = w.regions().get(r.nextInt(w.regions().size()));
                    changed.add(region);
                    change(r, region, x, false);
                    if (rule == RegionRule.WEIGHTED_MEAN || rule == RegionRule.RATIO_OF_SUMS) {
                        change(r, region, y, true);
                    }
                    if (rule == RegionRule.RATIO_OF_SUMS && r.nextInt(6) == 0) {
                        change(r, region, z, true);
                    }
                }
                RegionAggregation.Reach reach = engine.reach(changed);
                RegionAggregation.Result again = reach.again(figures(rule, x, y, z), policy, contributions);
                aggregates.keySet().removeAll(reach.recomputed());
                aggregates.putAll(again.aggregates());
                contributions.keySet().removeAll(reach.recomputed());
                contributions.putAll(again.contributions());

                RegionAggregation.Result full = engine.run(figures(rule, x, y, z), policy);
                assertThat(aggregates).as("seed %d, step %d, %s, %s", seed, step, rule, policy).isEqualTo(full.aggregates());
                assertThat(contributions).isEqualTo(full.contributions());
                for (String region : reach.recomputed()) {
                    assertThat(changed.stream().anyMatch(c -> w.tree().pathToRoot(c).contains(region)))
                            .as("%s is an ancestor of a changed region", region).isTrue();
                }
            }
        });
    }

    /** Approves (a new or changed figure) or reopens (no figure any more). */
    private static void change(Random r, String region, Map<String, BigDecimal> figures, boolean positive) {
        if (figures.containsKey(region) && r.nextInt(3) == 0) {
            figures.remove(region);
        } else {
            figures.put(region, number(r, positive));
        }
    }

    @Test
    void aCountyReachesItsAncestorsAndTheirSubRegionsOnly() {
        Map<String, String> parents = new LinkedHashMap<>();
        parents.put("N", null);
        Set<String> units = new HashSet<>();
        for (int v = 0; v < 3; v++) {
            parents.put("V" + v, "N");
            for (int p = 0; p < 3; p++) {
                parents.put("V" + v + "P" + p, "V" + v);
                for (int c = 0; c < 3; c++) {
                    parents.put("V" + v + "P" + p + "C" + c, "V" + v + "P" + p);
                    units.add("V" + v + "P" + p + "C" + c);
                }
            }
        }
        var reach = new RegionAggregation(RegionTree.of(parents), units).reach(List.of("V1P2C0"));
        assertThat(reach.recomputed()).containsExactly("V1P2C0", "V1P2", "V1", "N");
        assertThat(reach.around()).containsExactlyInAnyOrder("V1P2C1", "V1P2C2", "V1P0", "V1P1", "V0", "V2");
        assertThat(reach.expectedBelow()).containsOnly(Map.entry("V1P0", 3), Map.entry("V1P1", 3), Map.entry("V0", 9),
                Map.entry("V2", 9));
    }
}
