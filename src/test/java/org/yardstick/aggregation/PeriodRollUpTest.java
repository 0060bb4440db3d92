package org.yardstick.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.StoredObservations;
import org.yardstick.YardstickTest;
import org.yardstick.progress.Progress;
import org.yardstick.shared.Period;

/**
 * Quarterly and monthly figures of a province make its year by the indicator's period rule: a flow
 * sums its quarters, a stock takes its last month; a year missing a quarter is partial, shown as such
 * and not used by progress; once complete, progress reads it.
 */
@YardstickTest
class PeriodRollUpTest {

    static final String FLOW = "TEST_QTR_REVENUE";
    static final String STOCK = "TEST_MONTH_USERS";

    @Autowired JdbcClient jdbc;
    @Autowired Aggregates aggregates;
    @Autowired Progress progress;
    @Autowired MockMvc mvc;

    @BeforeEach
    void twoIndicatorsWithPeriodRules() {
        indicator(FLOW, "SUM");
        indicator(STOCK, "LAST");
        clear();
    }

    @AfterEach
    void clear() {
        jdbc.sql("delete from observation where indicator_id in (select id from indicator where code in (:c))")
                .param("c", List.of(FLOW, STOCK)).update();
        jdbc.sql("delete from aggregate_value where indicator_id in (select id from indicator where code in (:c))")
                .param("c", List.of(FLOW, STOCK)).update();
        jdbc.sql("delete from aggregate_term where indicator_id in (select id from indicator where code in (:c))")
                .param("c", List.of(FLOW, STOCK)).update();
    }

    void indicator(String code, String periodRule) {
        if (jdbc.sql("select count(*) from indicator where code = ?").param(code).query(Long.class).single() == 0) {
            jdbc.sql("""
                    insert into indicator (code, name_zh, name_en, unit_zh, unit_en, polarity, aggregation, nature, period_rule)
                    values (?, '时期汇总（测试）', 'Period roll-up (test)', '亿元', '100 million yuan', 'POSITIVE', 'SUM', 'EXPECTED', ?)""")
                    .param(code).param(periodRule).update();
        }
    }

    void approved(String indicator, String region, String period, String value) {
        StoredObservations.of(indicator).region(region).period(period).value(value).approved().insert(jdbc);
        aggregates.recompute(List.of(indicator), period);
    }

    Optional<AggregateFigure> year(String indicator, String region, String year) {
        return aggregates.series(indicator, region).stream().filter(a -> a.period().code().equals(year)).findFirst();
    }

    @Test
    void aFlowSumsItsQuartersAndCountsForProgressOnceTheYearIsComplete() throws Exception {
        approved(FLOW, "65", "2025Q1", "10.5");
        approved(FLOW, "65", "2025Q2", "11");
        approved(FLOW, "65", "2025Q3", "12.25");
        AggregateFigure partial = year(FLOW, "65", "2025").orElseThrow();
        assertThat(partial.value()).isEqualByComparingTo("33.75");
        assertThat(partial.fromPeriods()).isTrue();
        assertThat(partial.covered()).isEqualTo(9);
        assertThat(partial.expected()).isEqualTo(12);
        assertThat(progress.snapshot(List.of(), List.of(FLOW), List.of("65")).levels(FLOW, "65", "_T"))
                .as("a partial year is no year's figure for progress").noneMatch(o -> o.period().code().equals("2025"));
        String page = mvc.perform(get("/regions/65")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已覆盖 9 / 12 个月").contains("部分期");

        approved(FLOW, "65", "2025Q4", "13");
        AggregateFigure complete = year(FLOW, "65", "2025").orElseThrow();
        assertThat(complete.value()).isEqualByComparingTo("46.75");
        assertThat(complete.complete()).isTrue();
        assertThat(progress.snapshot(List.of(), List.of(FLOW), List.of("65")).levels(FLOW, "65", "_T"))
                .anySatisfy(o -> {
                    assertThat(o.period().code()).isEqualTo("2025");
                    assertThat(o.value()).isEqualByComparingTo("46.75");
                });
        assertThat(mvc.perform(get("/regions/65").param("lang", "en")).andReturn().getResponse().getContentAsString())
                .contains("12 of 12 months covered");
    }

    @Test
    void aStockTakesItsLastMonthAndAReportedYearStandsAsItIs() {
        approved(STOCK, "65", "2025-10", "300");
        approved(STOCK, "65", "2025-11", "310");
        AggregateFigure november = year(STOCK, "65", "2025").orElseThrow();
        assertThat(november.value()).isEqualByComparingTo("310");
        assertThat(november.covered()).isEqualTo(2);
        assertThat(year(STOCK, "65", "2025Q4").orElseThrow().value()).isEqualByComparingTo("310");

        approved(STOCK, "65", "2025", "320");
        assertThat(year(STOCK, "65", "2025")).as("the reported year is the year's figure").isEmpty();
        assertThat(progress.snapshot(List.of(), List.of(STOCK), List.of("65")).levels(STOCK, "65", "_T"))
                .filteredOn(o -> o.period().code().equals("2025")).singleElement()
                .satisfies(o -> assertThat(o.value()).isEqualByComparingTo("320"));
        assertThat(LocalDate.of(2025, 1, 1)).isEqualTo(Period.parse("2025").orElseThrow().start());
    }
}
