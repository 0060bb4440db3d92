package org.yardstick.aggregation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yardstick.shared.Period;

/** Months and quarters roll up to quarters and years by each period rule; partial years are marked. */
class PeriodAggregationTest {

    static Period p(String code) {
        return Period.parse(code).orElseThrow();
    }

    static Map<Period, BigDecimal> figures(String... pairs) {
        Map<Period, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(p(pairs[i]), new BigDecimal(pairs[i + 1]));
        }
        return m;
    }

    @Test
    void aFlowSumsItsFourQuarters() {
        var y = PeriodAggregation.roll(PeriodRule.SUM, p("2025"),
                figures("2025Q1", "10", "2025Q2", "12", "2025Q3", "11", "2025Q4", "15", "2024Q4", "99")).orElseThrow();
        assertThat(y.value()).isEqualByComparingTo("48");
        assertThat(y.covered()).isEqualTo(12);
        assertThat(y.partial(PeriodRule.SUM)).isFalse();
        assertThat(y.inputs()).extracting(Period::code).containsExactly("2025Q1", "2025Q2", "2025Q3", "2025Q4");
    }

    @Test
    void aYearOfMonthsAndQuartersMixedSumsEachOnce() {
        Map<Period, BigDecimal> f = figures("2025Q1", "30", "2025-01", "5", "2025-04", "10", "2025-05", "10", "2025-06", "10");
        var y = PeriodAggregation.roll(PeriodRule.SUM, p("2025"), f).orElseThrow();
        assertThat(y.value()).as("Q1 reported, Q2 from its months").isEqualByComparingTo("60");
        assertThat(y.covered()).isEqualTo(6);
        assertThat(y.partial(PeriodRule.SUM)).isTrue();
        assertThat(y.asOf().code()).isEqualTo("2025-06");
    }

    @Test
    void aStockAtTheEndOfThePeriodTakesTheLastFigureAndIsPartialWithoutDecember() {
        var full = PeriodAggregation.roll(PeriodRule.LAST, p("2025"), figures("2025-11", "300", "2025-12", "310")).orElseThrow();
        assertThat(full.value()).isEqualByComparingTo("310");
        assertThat(full.partial(PeriodRule.LAST)).isFalse();
        var early = PeriodAggregation.roll(PeriodRule.LAST, p("2025"), figures("2025Q2", "280", "2025-10", "305")).orElseThrow();
        assertThat(early.value()).isEqualByComparingTo("305");
        assertThat(early.asOf().code()).isEqualTo("2025-10");
        assertThat(early.partial(PeriodRule.LAST)).isTrue();
    }

    @Test
    void anAverageStockIsTheMeanOfTheSubPeriodsReported() {
        var q = PeriodAggregation.roll(PeriodRule.MEAN, p("2025Q3"), figures("2025-07", "10", "2025-08", "20", "2025-09", "60")).orElseThrow();
        assertThat(q.value()).isEqualByComparingTo("30");
        assertThat(q.partial(PeriodRule.MEAN)).isFalse();
    }

    @Test
    void nothingInsideThePeriodGivesNoFigureAndAMonthHasNoParts() {
        assertThat(PeriodAggregation.roll(PeriodRule.SUM, p("2025"), figures("2024Q4", "1", "2026-01", "2"))).isEmpty();
        assertThatThrownBy(() -> PeriodAggregation.roll(PeriodRule.SUM, p("2025-03"), Map.of())).hasMessageContaining("2025-03");
    }
}
