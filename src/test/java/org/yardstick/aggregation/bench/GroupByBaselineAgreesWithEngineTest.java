package org.yardstick.aggregation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yardstick.aggregation.engine.Aggregate;
import org.yardstick.aggregation.engine.Coverage;
import org.yardstick.aggregation.engine.Formula;
import org.yardstick.aggregation.engine.Incomplete;
import org.yardstick.aggregation.engine.RegionAggregation;
import org.yardstick.aggregation.engine.RegionRule;
import org.yardstick.aggregation.engine.RegionTree;

/**
 * The aggregation benchmark compares like with like: on the generated national tree the
 * GROUP-BY baseline gives the engine's totals, shares, coverage and formula values, region by region.
 */
class GroupByBaselineAgreesWithEngineTest {

    static final NationalRegions REGIONS = NationalRegions.generate(AggregationBenchmark.SEED);
    static final RegionAggregation ENGINE = new RegionAggregation(RegionTree.of(REGIONS.parentOf),
            new HashSet<>(REGIONS.counties));
    static final GroupByBaseline BASELINE = new GroupByBaseline(REGIONS.parentOf, REGIONS.counties);

    @Test
    void theGeneratedTreeHasChinasShape() {
        Map<String, Integer> byLength = new HashMap<>();
        long provinces = REGIONS.parentOf.values().stream().filter(NationalRegions.COUNTRY::equals).count();
        assertThat(REGIONS.regions).hasSize(3_350).doesNotHaveDuplicates();
        assertThat(provinces).isEqualTo(31);
        assertThat(REGIONS.counties).hasSize(2_978);
        assertThat(NationalRegions.generate(AggregationBenchmark.SEED).parentOf).as("seeded")
                .containsExactlyEntriesOf(REGIONS.parentOf);
        Map<String, BigDecimal> figures = REGIONS.countyFigures(1, AggregationBenchmark.REPORT_SHARE);
        assertThat(figures.size()).isBetween(2_778, 2_878); // about 95 %
        assertThat(figures.values()).allMatch(v -> v.scale() == 2 && v.signum() > 0);
    }

    @Test
    void theSumAndItsCoverageAreTheEnginesInEveryRegion() {
        Map<String, BigDecimal> figures = REGIONS.countyFigures(AggregationBenchmark.SEED + 1, AggregationBenchmark.REPORT_SHARE);
        Map<String, Aggregate> engine = ENGINE.aggregate(RegionRule.SUM, figures, Incomplete.SHOW);
        Map<String, GroupByBaseline.Total> baseline = BASELINE.sum(figures);
        assertThat(engine.keySet()).containsExactlyInAnyOrderElementsOf(baseline.keySet());
        int partial = 0;
        for (String region : REGIONS.regions) {
            Aggregate e = engine.get(region);
            GroupByBaseline.Total b = baseline.get(region);
            assertThat(e.coverage()).as(region).isEqualTo(new Coverage(b.covered, b.expected));
            if (b.covered == 0) {
                assertThat(e.value()).as(region).isNull();
            } else {
                assertThat(e.value()).as(region).isEqualTo(b.sum);
            }
            partial += e.coverage().complete() ? 0 : 1;
        }
        assertThat(baseline.get(NationalRegions.COUNTRY).expected).isEqualTo(2_978);
        assertThat(partial).as("some regions are partial, as with real reports").isPositive();
    }

    @Test
    void theRatioOfSumsAndItsCoverageAreTheEnginesInEveryRegion() {
        Map<String, BigDecimal> den = REGIONS.countyFigures(AggregationBenchmark.SEED - 1, AggregationBenchmark.REPORT_SHARE);
        Map<String, BigDecimal> num = REGIONS.partsOf(den, AggregationBenchmark.SEED - 2, AggregationBenchmark.REPORT_SHARE);
        Map<String, Aggregate> engine = ENGINE.ratioOfSums(Map.of(), num, den, AggregationBenchmark.HUNDRED, Incomplete.SHOW);
        Map<String, GroupByBaseline.Total> totals = new HashMap<>();
        Map<String, BigDecimal> baseline = BASELINE.ratioOfSums(num, den, AggregationBenchmark.HUNDRED, totals);
        for (String region : REGIONS.regions) {
            Aggregate e = engine.get(region);
            GroupByBaseline.Total t = totals.get(region);
            assertThat(e.coverage()).as(region).isEqualTo(new Coverage(t.covered, t.expected));
            assertThat(e.value()).as(region).isEqualTo(baseline.get(region));
        }
        assertThat(baseline.get(NationalRegions.COUNTRY)).isBetween(BigDecimal.ZERO, AggregationBenchmark.HUNDRED);
    }

    @Test
    void theFormulaGivesWhatTheSameArithmeticInJavaGives() {
        Map<String, BigDecimal> den = REGIONS.countyFigures(AggregationBenchmark.SEED - 1, AggregationBenchmark.REPORT_SHARE);
        Map<String, BigDecimal> num = REGIONS.partsOf(den, AggregationBenchmark.SEED - 2, AggregationBenchmark.REPORT_SHARE);
        List<Map<String, BigDecimal>> inputs = AggregationBenchmark.formulaInputs(ENGINE, REGIONS, num, den);
        Formula formula = Formula.parse("SHARE", "A / B * 100", java.util.Set.of("A", "B"));
        int values = 0;
        for (Map<String, BigDecimal> m : inputs) {
            Formula.Evaluation e = formula.evaluate(m);
            BigDecimal b = GroupByBaseline.percent(m.get("A"), m.get("B"));
            if (b == null) {
                assertThat(e.outcome()).as(m.toString()).isEqualTo(Formula.Outcome.MISSING_INPUTS);
            } else {
                assertThat(e.value()).as(m.toString()).isEqualByComparingTo(b);
                values++;
            }
        }
        assertThat(inputs).hasSize(NationalRegions.REGIONS);
        assertThat(values).isGreaterThan(3_000);
    }
}
