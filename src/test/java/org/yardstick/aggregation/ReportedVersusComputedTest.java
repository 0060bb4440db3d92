package org.yardstick.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.MapFileSet;
import org.yardstick.StoredObservations;
import org.yardstick.YardstickTest;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.FrameworkProblem;
import org.yardstick.progress.Progress;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * A prefecture that reports its own figure beside the sum of its districts: the reported figure
 * counts for progress; pages and the API show both with the difference (统计口径差异), flagged only
 * beyond the threshold the planner sets for the indicator in the framework files (default 5 %).
 * Framework files refuse a threshold outside 0..1, a formula adding indicators of different units, and a
 * ratio without its denominator, naming the field.
 */
@YardstickTest
class ReportedVersusComputedTest {

    static final String IND = "TEST_RVC_USERS";
    static final List<String> DISTRICTS = List.of("650102", "650103", "650104");

    @Autowired JdbcClient jdbc;
    @Autowired Aggregates aggregates;
    @Autowired Progress progress;
    @Autowired FrameworkFiles files;
    @Autowired MessageSource messages;
    @Autowired MockMvc mvc;

    static String indicators(String extra) {
        return """
                indicators:
                  - code: TEST_RVC_USERS
                    name_zh: 测试用户数
                    name_en: Test subscribers
                    unit_zh: 万户
                    unit_en: 10k households
                    polarity: positive
                    aggregation: sum
                """ + extra;
    }

    @BeforeEach
    void districtsAndThePrefectureReport() {
        files.load(new MapFileSet().with("indicators.yaml", indicators("")), "planner");
        clear();
        approved("650102", "10");
        approved("650103", "20");
        approved("650104", "30.5");
        approved("6501", "63"); // the prefecture's statistics bureau: 63 against a sum of 60.5 (4.1 %)
        aggregates.recompute(List.of(IND), "2022");
    }

    @AfterEach
    void clear() {
        jdbc.sql("delete from observation where indicator_id = (select id from indicator where code = ?)").param(IND).update();
        jdbc.sql("delete from aggregate_value where indicator_id = (select id from indicator where code = ?)").param(IND).update();
        jdbc.sql("delete from aggregate_term where indicator_id = (select id from indicator where code = ?)").param(IND).update();
        jdbc.sql("update indicator set difference_threshold = null where code = ?").param(IND).update();
    }

    void approved(String region, String value) {
        StoredObservations.of(IND).region(region).period("2022").value(value).approved().insert(jdbc);
    }

    @Test
    void theReportedFigureCountsAndTheDifferenceIsFlaggedOnlyBeyondThePlannersThreshold() throws Exception {
        AggregateFigure computed = aggregates.find(IND, "6501", "2022").orElseThrow();
        assertThat(computed.value()).isEqualByComparingTo("60.5");
        assertThat(computed.differenceFrom(new BigDecimal("63"))).isEqualByComparingTo("2.5");
        assertThat(computed.differsBeyondThreshold(new BigDecimal("63"))).as("4.1 %% is within the default 5 %%").isFalse();
        assertThat(progress.snapshot(List.of(), List.of(IND), List.of("6501")).levels(IND, "6501", "_T"))
                .extracting(o -> o.value().stripTrailingZeros().toPlainString()).containsExactly("63");

        // the planner tightens the indicator's threshold to 2 % in the framework files
        files.load(new MapFileSet().with("indicators.yaml", indicators("    difference_threshold: 0.02\n")), "planner");
        AggregateFigure strict = aggregates.find(IND, "6501", "2022").orElseThrow();
        assertThat(strict.differenceThreshold()).isEqualByComparingTo("0.02");
        assertThat(strict.differsBeyondThreshold(new BigDecimal("63"))).isTrue();
        assertThat(strict.differsBeyondThreshold(new BigDecimal("61.5"))).as("1.6 %%").isFalse();

        mvc.perform(get("/api/v1/indicators/{c}/computed", IND).param("region", "6501"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].value").value(60.5))
                .andExpect(jsonPath("$[0].reported").value(63))
                .andExpect(jsonPath("$[0].difference").value(2.5))
                .andExpect(jsonPath("$[0].differenceThreshold").value(0.02))
                .andExpect(jsonPath("$[0].differsBeyondThreshold").value(true));
        String page = mvc.perform(get("/regions/6501")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("统计口径差异");
        String en = mvc.perform(get("/regions/6501/computed/{i}/2022", IND).param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("id=\"computed-differs\"").contains("differs from the computed figure");

        files.load(new MapFileSet().with("indicators.yaml", indicators("    difference_threshold: 0.5\n")), "planner");
        String relaxed = mvc.perform(get("/regions/6501/computed/{i}/2022", IND)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(relaxed).doesNotContain("id=\"computed-differs\"");
    }

    @Test
    void aThresholdOutsideZeroToOneAFormulaMixingUnitsAndARatioWithoutDenominatorAreRefusedWithTheirField() {
        String more = """
                    difference_threshold: 5
                  - code: TEST_RVC_REVENUE
                    name_zh: 测试收入
                    name_en: Test revenue
                    unit_zh: 亿元
                    unit_en: 100 million yuan
                    polarity: positive
                    aggregation: sum
                  - code: TEST_RVC_MIXED
                    name_zh: 错误公式
                    name_en: Wrong formula
                    unit_zh: 万户
                    unit_en: 10k households
                    polarity: positive
                    aggregation: not_additive
                    formula: (TEST_RVC_USERS + TEST_RVC_REVENUE) * 2
                  - code: TEST_RVC_PER_USER
                    name_zh: 户均收入
                    name_en: Revenue per subscriber
                    unit_zh: 元
                    unit_en: yuan
                    polarity: positive
                    aggregation: not_additive
                    formula: TEST_RVC_REVENUE / TEST_RVC_USERS * 10000
                  - code: TEST_RVC_SHARE
                    name_zh: 占比
                    name_en: Share
                    unit_zh: "%"
                    unit_en: "%"
                    polarity: positive
                    aggregation: ratio
                    numerator: TEST_RVC_USERS
                """;
        long before = jdbc.sql("select count(*) from indicator where code like 'TEST_RVC_%'").query(Long.class).single();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> files.load(new MapFileSet().with("indicators.yaml", indicators(more)), "planner"));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(InputProblem::kind)
                .containsExactlyInAnyOrder(FrameworkProblem.THRESHOLD_RANGE, FrameworkProblem.RATIO_NEEDS_PARTS);
        assertThat(e.problems()).extracting(InputProblem::field).anyMatch(f -> f.endsWith("difference_threshold"))
                .anyMatch(f -> f.endsWith("denominator"));

        // the formula is judged once the file reads: only the sum of different units, not the quotient
        InvalidInputException units = catchThrowableOfType(InvalidInputException.class, () -> files.load(new MapFileSet()
                .with("indicators.yaml", indicators(more.replace("    difference_threshold: 5\n", "")
                        .replace("numerator: TEST_RVC_USERS", "numerator: TEST_RVC_USERS\n    denominator: TEST_RVC_REVENUE"))), "planner"));
        assertThat(units).isNotNull();
        assertThat(units.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(FrameworkProblem.FORMULA_UNITS);
            assertThat(p.field()).isEqualTo("indicators[TEST_RVC_MIXED].formula");
            assertThat(p.args()).containsExactly("TEST_RVC_USERS (万户), TEST_RVC_REVENUE (亿元)");
        });
        assertThat(jdbc.sql("select count(*) from indicator where code like 'TEST_RVC_%'").query(Long.class).single())
                .as("nothing written").isEqualTo(before);
        assertThat(messages.getMessage("problem.framework.formula-units", new Object[] {"A (万户), B (亿元)"}, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("对不同计量单位的指标做加减：A (万户), B (亿元)");
        assertThat(messages.getMessage("problem.framework.threshold-range", null, Locale.ENGLISH)).contains("between 0 and 1");
    }
}
