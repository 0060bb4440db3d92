package org.yardstick.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.StoredObservations;
import org.yardstick.YardstickTest;
import org.yardstick.progress.Progress;

/**
 * Each indicator says what becomes of a partial aggregate: shown and used (a mean from a sample),
 * shown with a warning and not used (the default), or withheld; a mean may be weighted by another
 * indicator (population), summed up the tree. Three of 乌鲁木齐's eight districts report.
 */
@YardstickTest
class IncompletePolicyTest {

    static final List<String> CODES = List.of("TEST_POLICY_SHOW", "TEST_POLICY_HOLD", "TEST_RATE", "TEST_POP");
    static final List<String> DISTRICTS = List.of("650102", "650103", "650104");

    @Autowired JdbcClient jdbc;
    @Autowired Aggregates aggregates;
    @Autowired Progress progress;
    @Autowired MockMvc mvc;

    @BeforeEach
    void indicatorsInACountyDataSet() {
        clear();
        indicator("TEST_POLICY_SHOW", "MEAN", "SHOW");
        indicator("TEST_POLICY_HOLD", "SUM", "WITHHOLD");
        indicator("TEST_POP", "SUM", "WARN");
        indicator("TEST_RATE", "MEAN", "SHOW");
        jdbc.sql("update indicator set weight_id = (select id from indicator where code = 'TEST_POP') where code = 'TEST_RATE'").update();
        TestDataSets.countyDataSet(jdbc, "test-policy", "汇总规则（测试）", "Policies (test)", CODES);
    }

    @AfterEach
    void clear() {
        jdbc.sql("delete from observation where indicator_id in (select id from indicator where code in (:c))").param("c", CODES).update();
        jdbc.sql("delete from aggregate_value where indicator_id in (select id from indicator where code in (:c))").param("c", CODES).update();
        jdbc.sql("delete from aggregate_term where indicator_id in (select id from indicator where code in (:c))").param("c", CODES).update();
    }

    void indicator(String code, String aggregation, String incomplete) {
        if (jdbc.sql("select count(*) from indicator where code = ?").param(code).query(Long.class).single() == 0) {
            jdbc.sql("""
                    insert into indicator (code, name_zh, name_en, unit_zh, unit_en, polarity, aggregation, nature, incomplete)
                    values (?, '汇总规则（测试）', 'Aggregation policy (test)', '%', '%', 'POSITIVE', ?, 'EXPECTED', ?)""")
                    .param(code).param(aggregation).param(incomplete).update();
        }
    }

    void approved(String indicator, String region, String value) {
        StoredObservations.of(indicator).region(region).period("2024").value(value).approved().insert(jdbc);
    }

    AggregateFigure urumqi(String indicator) {
        return aggregates.series(indicator, "6501").stream().filter(a -> a.period().code().equals("2024")).findFirst().orElseThrow();
    }

    @Test
    void aPartialMeanShownAsItIsCountsForProgressAPartialSumWithheldIsNeitherShownNorUsed() throws Exception {
        for (int i = 0; i < DISTRICTS.size(); i++) {
            approved("TEST_POLICY_SHOW", DISTRICTS.get(i), Integer.toString(60 + 10 * i));
            approved("TEST_POLICY_HOLD", DISTRICTS.get(i), "5");
        }
        aggregates.recompute(List.of("TEST_POLICY_SHOW", "TEST_POLICY_HOLD"), "2024");

        AggregateFigure shown = urumqi("TEST_POLICY_SHOW");
        assertThat(shown.value()).isEqualByComparingTo("70");
        assertThat(shown.covered()).isEqualTo(3);
        assertThat(shown.usable()).isTrue();
        assertThat(shown.warn()).isFalse();
        assertThat(progress.snapshot(List.of(), List.of("TEST_POLICY_SHOW"), List.of("6501")).levels("TEST_POLICY_SHOW", "6501", "_T"))
                .singleElement().satisfies(o -> assertThat(o.value()).isEqualByComparingTo("70"));

        AggregateFigure held = urumqi("TEST_POLICY_HOLD");
        assertThat(held.withheld()).isTrue();
        assertThat(held.usable()).isFalse();
        assertThat(progress.snapshot(List.of(), List.of("TEST_POLICY_HOLD"), List.of("6501")).levels("TEST_POLICY_HOLD", "6501", "_T"))
                .isEmpty();
        String page = mvc.perform(get("/regions/6501/computed/TEST_POLICY_HOLD/2024")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("未报齐，暂不公布").doesNotContain("15%");
    }

    @Test
    void aMeanWeightedByPopulationIsTheWeightedMeanOfTheDistricts() {
        String[][] figures = {{"650102", "90", "100"}, {"650103", "80", "50"}, {"650104", "70", "50"}};
        for (String[] f : figures) {
            approved("TEST_RATE", f[0], f[1]);
            approved("TEST_POP", f[0], f[2]);
        }
        aggregates.recompute(List.of("TEST_RATE", "TEST_POP"), "2024");
        assertThat(urumqi("TEST_RATE").value()).isEqualByComparingTo(new BigDecimal("16500").divide(new BigDecimal("200"), MathContext.DECIMAL128));
        assertThat(urumqi("TEST_POP").value()).isEqualByComparingTo("200");
    }

    @Test
    void aMeanWhoseWeightIsMissingForADistrictIsWithheldWithTheReasonNotASilentMeanOfTheOthers() throws Exception {
        approved("TEST_RATE", "650102", "90");
        approved("TEST_POP", "650102", "100");
        approved("TEST_RATE", "650103", "10"); // no population figure for 650103
        aggregates.recompute(List.of("TEST_RATE", "TEST_POP"), "2024");
        AggregateFigure rate = urumqi("TEST_RATE");
        assertThat(rate.withheld()).isTrue();
        assertThat(rate.lack()).isEqualTo("WEIGHT");
        assertThat(rate.lacking()).isEqualTo(1);
        assertThat(rate.usable()).isFalse();
        assertThat(progress.snapshot(List.of(), List.of("TEST_RATE"), List.of("6501")).levels("TEST_RATE", "6501", "_T")).isEmpty();
        assertThat(mvc.perform(get("/regions/6501/computed/TEST_RATE/2024")).andReturn().getResponse().getContentAsString())
                .contains("1 个报送单位有数据但缺少权重指标的数据").doesNotContain(">90<");
        assertThat(mvc.perform(get("/regions/6501/computed/TEST_RATE/2024").param("lang", "en")).andReturn().getResponse()
                .getContentAsString()).contains("1 reporting units below have a figure but no figure of the weight indicator");
        assertThat(mvc.perform(get("/regions/6501").param("lang", "en")).andReturn().getResponse().getContentAsString())
                .contains("no figure of the weight indicator");
        assertThat(mvc.perform(get("/api/v1/indicators/TEST_RATE/computed").param("region", "6501")).andReturn().getResponse()
                .getContentAsString()).contains("\"withheld\":true").contains("\"withheldFor\":\"weight\"").contains("\"lacking\":1")
                .contains("\"value\":null");

        // no population figure at all: withheld with no value, and the full recomputation writes the same
        jdbc.sql("delete from observation where indicator_id = (select id from indicator where code = 'TEST_POP')").update();
        aggregates.recompute(List.of("TEST_POP"), "2024");
        AggregateFigure none = urumqi("TEST_RATE");
        assertThat(none.value()).isNull();
        assertThat(none.lacking()).isEqualTo(2);
        aggregates.recomputeAll();
        assertThat(urumqi("TEST_RATE")).isEqualTo(new AggregateFigure("TEST_RATE", "6501", none.period(), null, true, false, false,
                0, 8, 0, urumqi("TEST_RATE").updatedAt(), none.incomplete(), none.differenceThreshold(), "WEIGHT", 2));
    }
}
