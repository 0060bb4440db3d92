package org.yardstick.aggregation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each region rule on a small tree: 新疆 (65) → 乌鲁木齐市 (6501: 天山区 650102, 沙依巴克区 650103,
 * 新市区 650104) and 克拉玛依市 (6502: 独山子区 650202, 克拉玛依区 650203); the counties report.
 */
class RegionAggregationTest {

    static final RegionTree TREE = tree();
    static final Set<String> COUNTIES = Set.of("650102", "650103", "650104", "650202", "650203");
    static final RegionAggregation AGG = new RegionAggregation(TREE, COUNTIES);

    static RegionTree tree() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("65", null);
        p.put("6501", "65");
        p.put("650102", "6501");
        p.put("650103", "6501");
        p.put("650104", "6501");
        p.put("6502", "65");
        p.put("650202", "6502");
        p.put("650203", "6502");
        return RegionTree.of(p);
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Map<String, BigDecimal> figures(String... pairs) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], d(pairs[i + 1]));
        }
        return m;
    }

    @Test
    void aSumAddsTheCountiesUpToThePrefectureAndTheRegionWithCoverage() {
        var out = AGG.aggregate(RegionRule.SUM, figures("650102", "25.3", "650103", "12.7", "650104", "8", "650202", "3.1"),
                Incomplete.SHOW);
        assertThat(out.get("6501").value()).isEqualByComparingTo("46.0");
        assertThat(out.get("6501").coverage()).isEqualTo(new Coverage(3, 3));
        assertThat(out.get("6501").inputs()).containsExactly("650102", "650103", "650104");
        assertThat(out.get("6501").isComputed()).isTrue();
        assertThat(out.get("6502").value()).isEqualByComparingTo("3.1");
        assertThat(out.get("6502").coverage()).isEqualTo(new Coverage(1, 2));
        assertThat(out.get("65").value()).isEqualByComparingTo("49.1");
        assertThat(out.get("65").coverage()).isEqualTo(new Coverage(4, 5));
        assertThat(out.get("65").inputs()).containsExactly("6501", "6502");
    }

    @Test
    void aPrefecturesOwnFigureStandsForItsCountiesAndIsComparedWithTheirSum() {
        var out = AGG.aggregate(RegionRule.SUM, figures("650102", "25", "650103", "12", "6501", "40", "650202", "3"),
                Incomplete.SHOW);
        Aggregate urumqi = out.get("6501");
        assertThat(urumqi.value()).isEqualByComparingTo("40");
        assertThat(urumqi.isComputed()).isFalse();
        assertThat(urumqi.computed()).isEqualByComparingTo("37");
        assertThat(urumqi.difference()).isEqualByComparingTo("3");
        assertThat(urumqi.differsBeyond(d("0.05"))).isTrue();
        assertThat(urumqi.differsBeyond(d("0.10"))).isFalse();
        assertThat(urumqi.coverage()).as("what the computed 37 rests on").isEqualTo(new Coverage(2, 3));
        // the region sums the prefecture's official 40, which covers all three of its counties
        assertThat(out.get("65").value()).isEqualByComparingTo("43");
        assertThat(out.get("65").coverage()).isEqualTo(new Coverage(4, 5));
    }

    @Test
    void anIncompleteAggregateCanBeWithheldAndIsThenNoFigureForTheLevelAbove() {
        var out = AGG.aggregate(RegionRule.SUM, figures("650102", "25", "650103", "12", "650104", "1", "650202", "3"),
                Incomplete.WITHHOLD);
        assertThat(out.get("6501").value()).isEqualByComparingTo("38");
        assertThat(out.get("6502").withheld()).isTrue();
        assertThat(out.get("6502").value()).isNull();
        assertThat(out.get("6502").computed()).isEqualByComparingTo("3");
        assertThat(out.get("65").withheld()).isTrue();
        assertThat(out.get("65").value()).isNull();
        assertThat(out.get("65").coverage()).isEqualTo(new Coverage(3, 5));
    }

    @Test
    void aMeanCountsEachSubRegionOnce() {
        var out = AGG.aggregate(RegionRule.MEAN, figures("650102", "90", "650103", "80", "650104", "70", "650202", "50"),
                Incomplete.SHOW);
        assertThat(out.get("6501").value()).isEqualByComparingTo("80");
        assertThat(out.get("6502").value()).isEqualByComparingTo("50");
        assertThat(out.get("65").value()).as("the mean of the two prefectures").isEqualByComparingTo("65");
    }

    @Test
    void aWeightedMeanIsTheMeanOfTheCountiesWeightedByTheirPopulationAtEveryLevel() {
        var rates = figures("650102", "90", "650103", "80", "650104", "70", "650202", "50", "650203", "60");
        var population = figures("650102", "100", "650103", "50", "650104", "50", "650202", "10", "650203", "30");
        var out = AGG.weightedMean(rates, population, Incomplete.SHOW);
        assertThat(out.get("6501").value()).isEqualByComparingTo("82.5"); // (9000 + 4000 + 3500) / 200
        assertThat(out.get("6502").value()).isEqualByComparingTo("57.5"); // (500 + 1800) / 40
        // (9000 + 4000 + 3500 + 500 + 1800) / 240
        assertThat(out.get("65").value()).isEqualByComparingTo(d("18800").divide(d("240"), java.math.MathContext.DECIMAL128));
    }

    @Test
    void aCountyWithItsFigureButNoWeightWithholdsEveryWeightedMeanAboveItWithTheReason() {
        // not the silent mean of 650102 alone (90), whatever the policy
        var out = AGG.weightedMean(figures("650102", "90", "650103", "10", "650202", "50"), figures("650102", "100", "650202", "5"),
                Incomplete.SHOW);
        assertThat(out.get("6501").withheld()).isTrue();
        assertThat(out.get("6501").value()).isNull();
        assertThat(out.get("6501").lack()).isEqualTo(Lack.WEIGHT);
        assertThat(out.get("6501").lacking()).isEqualTo(1);
        assertThat(out.get("65").lack()).as("up to the top").isEqualTo(Lack.WEIGHT);
        assertThat(out.get("65").value()).isNull();
        assertThat(out.get("6502").lack()).as("the other prefecture has all it needs").isNull();
        assertThat(out.get("6502").value()).isEqualByComparingTo("50");
        // a county without a figure at all lacks nothing: it only lowers the coverage
        var partial = AGG.weightedMean(figures("650102", "90"), figures("650102", "100", "650103", "40"), Incomplete.SHOW);
        assertThat(partial.get("6501").lack()).isNull();
        assertThat(partial.get("6501").value()).isEqualByComparingTo("90");
        assertThat(partial.get("6501").coverage()).isEqualTo(new Coverage(1, 3));
    }

    @Test
    void aWeightIndicatorWithNoFiguresWithholdsTheMeanWithNoValueAtAll() {
        var out = AGG.weightedMean(figures("650102", "90", "650103", "10"), Map.of(), Incomplete.SHOW);
        assertThat(out.get("6501").withheld()).isTrue();
        assertThat(out.get("6501").computed()).isNull();
        assertThat(out.get("6501").lack()).isEqualTo(Lack.WEIGHT);
        assertThat(out.get("6501").lacking()).isEqualTo(2);
    }

    @Test
    void aPrefecturesOwnFigureAndWeightStandForCountiesLackingTheirs() {
        var out = AGG.weightedMean(figures("650102", "90", "6501", "70", "650202", "50"), figures("6501", "200", "650202", "100"),
                Incomplete.SHOW);
        assertThat(out.get("6501").lack()).as("its own figure is used, not the aggregate").isNull();
        assertThat(out.get("65").lack()).isNull();
        assertThat(out.get("65").value()).isEqualByComparingTo(d("19000").divide(d("300"), java.math.MathContext.DECIMAL128));
    }

    @Test
    void aCountyWithANumeratorButNoDenominatorWithholdsTheShareAbove() {
        var out = AGG.ratioOfSums(Map.of(), figures("650102", "10", "650103", "1"), figures("650102", "20"), d("100"), Incomplete.SHOW);
        assertThat(out.get("650102").value()).isEqualByComparingTo("50");
        assertThat(out.get("6501").withheld()).isTrue();
        assertThat(out.get("6501").lack()).isEqualTo(Lack.DENOMINATOR);
        assertThat(out.get("6501").lacking()).isEqualTo(1);
        assertThat(out.get("65").lack()).isEqualTo(Lack.DENOMINATOR);
    }

    @Test
    void aShareIsTheRatioOfTheSumsNeverTheMeanOfTheShares() {
        // software revenue over information-industry revenue, in %
        var sw = figures("650102", "10", "650103", "1");
        var total = figures("650102", "20", "650103", "100");
        var out = AGG.ratioOfSums(Map.of(), sw, total, d("100"), Incomplete.SHOW);
        assertThat(out.get("650102").value()).isEqualByComparingTo("50");
        assertThat(out.get("650103").value()).isEqualByComparingTo("1");
        assertThat(out.get("6501").value()).isEqualByComparingTo(d("1100").divide(d("120"), java.math.MathContext.DECIMAL128));
        assertThat(out.get("6501").value()).isNotEqualByComparingTo("25.5"); // the mean of the shares
    }

    @Test
    void aShareWithAZeroDenominatorHasNoValue() {
        var out = AGG.ratioOfSums(Map.of(), figures("650102", "0"), figures("650102", "0"), d("100"), Incomplete.SHOW);
        assertThat(out.get("650102").value()).isNull();
        assertThat(out.get("6501").value()).isNull();
    }

    @Test
    void aNotAdditiveIndicatorHasOnlyItsReportedFigures() {
        var out = AGG.aggregate(RegionRule.NOT_ADDITIVE, figures("650102", "56.9", "65", "59.8"), Incomplete.SHOW);
        assertThat(out.get("6501").value()).isNull();
        assertThat(out.get("65").value()).isEqualByComparingTo("59.8");
        assertThat(out.get("65").computed()).isNull();
    }

    @Test
    void rulesNeedingASecondIndicatorAreRefusedWithoutIt() {
        assertThatThrownBy(() -> AGG.aggregate(RegionRule.RATIO_OF_SUMS, Map.of(), Incomplete.SHOW))
                .hasMessageContaining("ratioOfSums");
    }

    @Test
    void aTreeWithACycleOrAnUnknownParentIsRefusedNamingTheRegion() {
        Map<String, String> cycle = new LinkedHashMap<>();
        cycle.put("a", "b");
        cycle.put("b", "a");
        assertThatThrownBy(() -> RegionTree.of(cycle)).hasMessageContaining("its own ancestor");
        assertThatThrownBy(() -> RegionTree.of(Map.of("a", "zz"))).hasMessageContaining("a: unknown parent zz");
        assertThatThrownBy(() -> new RegionAggregation(TREE, Set.of("999"))).hasMessageContaining("999");
    }

    @Test
    void aFiguresPathToTheRootNamesEveryRegionWhoseAggregateItChanges() {
        assertThat(TREE.pathToRoot("650103")).containsExactly("650103", "6501", "65");
    }
}
