package org.yardstick.aggregation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Invariants of the region rules over generated trees and figures: the sum of the parts is the
 * aggregate at every level; a share is the ratio of the summed terms of the reporting units below
 * (never the mean of the shares); a weighted mean over the tree equals the flat weighted mean of
 * the reporting units; coverage counts the reporting units with a figure.
 */
class AggregationProperties {

    /** A random tree: a root, 1–5 prefectures, each with 1–6 counties; the counties report. */
    record Fixture(RegionTree tree, Set<String> counties, Map<String, BigDecimal> a, Map<String, BigDecimal> b) {}

    static Gen<Fixture> fixtures() {
        return integers().between(0, Integer.MAX_VALUE - 1).map(seed -> {
            Random r = new Random(seed);
            Map<String, String> parents = new LinkedHashMap<>();
            parents.put("R", null);
            Set<String> counties = new HashSet<>();
            Map<String, BigDecimal> a = new HashMap<>();
            Map<String, BigDecimal> b = new HashMap<>();
            int prefectures = 1 + r.nextInt(5);
            for (int p = 0; p < prefectures; p++) {
                parents.put("P" + p, "R");
                int n = 1 + r.nextInt(6);
                for (int c = 0; c < n; c++) {
                    String code = "P" + p + "C" + c;
                    parents.put(code, "P" + p);
                    counties.add(code);
                    if (r.nextInt(5) > 0) { // most counties report
                        a.put(code, BigDecimal.valueOf(r.nextInt(2_000_000) - 500_000, r.nextInt(4)));
                        b.put(code, BigDecimal.valueOf(1 + r.nextInt(1_000_000), r.nextInt(3)));
                    }
                }
            }
            return new Fixture(RegionTree.of(parents), counties, a, b);
        });
    }

    static BigDecimal sum(Map<String, BigDecimal> m) {
        return m.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void theSumOfThePartsIsTheAggregateAtEveryLevel() {
        qt().forAll(fixtures()).checkAssert(f -> {
            var out = new RegionAggregation(f.tree(), f.counties()).aggregate(RegionRule.SUM, f.a(), Incomplete.SHOW);
            for (String region : out.keySet()) {
                Aggregate agg = out.get(region);
                List<String> children = f.tree().children(region);
                if (children.isEmpty() || agg.inputs().isEmpty()) {
                    continue;
                }
                BigDecimal parts = children.stream().map(out::get).filter(x -> x != null && x.value() != null)
                        .map(Aggregate::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(agg.value()).isEqualByComparingTo(parts);
            }
            if (!f.a().isEmpty()) {
                assertThat(out.get("R").value()).isEqualByComparingTo(sum(f.a()));
                assertThat(out.get("R").coverage()).isEqualTo(new Coverage(f.a().size(), f.counties().size()));
            }
        });
    }

    @Test
    void aShareIsTheRatioOfTheSumsOfTheReportingUnits() {
        qt().forAll(fixtures()).checkAssert(f -> {
            Map<String, BigDecimal> num = new HashMap<>();
            f.a().forEach((k, v) -> num.put(k, v.abs()));
            var out = new RegionAggregation(f.tree(), f.counties())
                    .ratioOfSums(Map.of(), num, f.b(), BigDecimal.valueOf(100), Incomplete.SHOW);
            if (f.b().isEmpty()) {
                return;
            }
            BigDecimal expected = sum(num).multiply(BigDecimal.valueOf(100)).divide(sum(f.b()), MathContext.DECIMAL128);
            assertThat(out.get("R").value()).isEqualByComparingTo(expected);
        });
    }

    @Test
    void aWeightedMeanOverTheTreeIsTheFlatWeightedMeanOfTheReportingUnits() {
        qt().forAll(fixtures()).checkAssert(f -> {
            var out = new RegionAggregation(f.tree(), f.counties()).weightedMean(f.a(), f.b(), Incomplete.SHOW);
            if (f.a().isEmpty()) {
                return;
            }
            BigDecimal weighted = BigDecimal.ZERO;
            for (String c : f.a().keySet()) {
                weighted = weighted.add(f.a().get(c).multiply(f.b().get(c)));
            }
            BigDecimal expected = weighted.divide(sum(f.b()), MathContext.DECIMAL128);
            // quotients at the prefectures are rounded to 34 digits before they are weighted again
            assertThat(out.get("R").value().subtract(expected).abs())
                    .isLessThanOrEqualTo(expected.abs().multiply(new BigDecimal("1e-30")).add(new BigDecimal("1e-30")));
        });
    }

    @Test
    void withholdingNeverInventsAFigureAndShowingNeverLosesOne() {
        qt().forAll(fixtures()).checkAssert(f -> {
            var agg = new RegionAggregation(f.tree(), f.counties());
            var shown = agg.aggregate(RegionRule.SUM, f.a(), Incomplete.SHOW);
            var withheld = agg.aggregate(RegionRule.SUM, f.a(), Incomplete.WITHHOLD);
            for (String region : shown.keySet()) {
                Aggregate w = withheld.get(region);
                if (w.value() != null) {
                    assertThat(w.coverage().complete() || w.reported() != null || f.counties().contains(region)).isTrue();
                    assertThat(w.value()).isEqualByComparingTo(shown.get(region).value());
                }
            }
        });
    }

    @Test
    void aCountyListOfAnySizeStaysWithinTheTree() {
        qt().forAll(lists().of(integers().between(0, 9)).ofSizeBetween(0, 5)).checkAssert(xs -> {
            Map<String, String> parents = new LinkedHashMap<>();
            parents.put("R", null);
            xs.forEach(x -> parents.put("C" + x, "R"));
            RegionTree t = RegionTree.of(parents);
            assertThat(t.children("R")).hasSize(parents.size() - 1);
        });
    }

    /**
     * A crossed table (area × size, 1–4 × 1–5 categories, some cells missing): its total is the sum of
     * either dimension's margins; a reported total equal to the complete parts' sum passes the check,
     * one off by more than the tolerance is found with its difference, and incomplete parts check nothing.
     */
    @Test
    void theTotalOfACrossedTableIsTheSumOfEitherMarginAndAReportedTotalIsCheckedAgainstIt() {
        qt().forAll(integers().between(0, Integer.MAX_VALUE - 1)).checkAssert(seed -> {
            Random r = new Random(seed);
            int areas = 1 + r.nextInt(4);
            int sizes = 1 + r.nextInt(5);
            Map<List<String>, BigDecimal> cells = new HashMap<>();
            for (int a = 0; a < areas; a++) {
                for (int z = 0; z < sizes; z++) {
                    if (r.nextInt(6) > 0) {
                        cells.put(List.of("A" + a, "S" + z), BigDecimal.valueOf(r.nextInt(1_000_000), r.nextInt(3)));
                    }
                }
            }
            int expected = areas * sizes;
            var total = Breakdowns.total(RegionRule.SUM, cells, expected);
            if (cells.isEmpty()) {
                assertThat(total).isEmpty();
                return;
            }
            BigDecimal t = total.orElseThrow().value();
            assertThat(sum(Breakdowns.margin(cells, 0))).isEqualByComparingTo(t);
            assertThat(sum(Breakdowns.margin(cells, 1))).isEqualByComparingTo(t);
            assertThat(total.get().complete()).isEqualTo(cells.size() == expected);
            BigDecimal off = t.abs().max(BigDecimal.ONE).multiply(new BigDecimal("0.01")); // 1 %, beyond the 0.1 % tolerance
            var exact = Breakdowns.check(t, cells, expected, new BigDecimal("0.001"));
            var wrong = Breakdowns.check(t.add(off), cells, expected, new BigDecimal("0.001"));
            assertThat(exact).isEmpty();
            if (cells.size() < expected) {
                assertThat(wrong).as("incomplete parts check nothing").isEmpty();
            } else {
                assertThat(wrong).get().satisfies(d -> assertThat(d.difference()).isEqualByComparingTo(off));
            }
        });
    }
}
