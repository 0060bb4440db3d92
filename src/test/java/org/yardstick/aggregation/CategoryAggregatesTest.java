package org.yardstick.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.MapFileSet;
import org.yardstick.StoredObservations;
import org.yardstick.YardstickTest;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.observation.DataSetFiles;
import org.yardstick.observation.DataSets;
import org.yardstick.progress.internal.Comparison;
import org.yardstick.progress.internal.Comparisons;
import org.yardstick.region.RegionLevel;

/**
 * Breakdown categories roll up the region tree as totals do (分组汇总值, decision 0086): the counties'
 * urban figures make the prefecture's and the region's urban figure by the indicator's rule, with
 * coverage counting the counties that reported the category; a prefecture's own category figure
 * stands for its counties; crossed cells make their margins first; a share by category is a ratio of
 * the category's sums, never a mean of the counties' shares. Computed when read: a figure approved
 * a moment ago is in the next read. Shown on the computed figure's page, in the prefecture
 * comparison's breakdown choice and by {@code GET /api/v1/indicators/{code}/computed?breakdown=}.
 */
@YardstickTest
class CategoryAggregatesTest {

    static final String SUM = "TEST_CAT_USERS";
    static final String MEAN = "TEST_CAT_SPEED";
    static final String NUM = "TEST_CAT_NUM";
    static final String DEN = "TEST_CAT_DEN";
    static final String SHARE = "TEST_CAT_SHARE";
    static final String DS = "t-cat-agg";
    static final List<String> ALL = List.of(SUM, MEAN, NUM, DEN, SHARE);

    @Autowired JdbcClient jdbc;
    @Autowired Aggregates aggregates;
    @Autowired FrameworkFiles files;
    @Autowired DataSetFiles dataSetFiles;
    @Autowired DataSets dataSets;
    @Autowired Comparisons comparisons;
    @Autowired MockMvc mvc;

    @BeforeEach
    void indicatorsCollectedByAreaAndIndustry() {
        files.load(new MapFileSet().with("indicators.yaml", """
                indicators:
                  - {code: TEST_CAT_USERS, name_zh: 分组汇总测试用户数, name_en: Category roll-up test subscribers, unit_zh: 万户,
                     unit_en: 10k households, polarity: positive, aggregation: sum, incomplete: show}
                  - {code: TEST_CAT_SPEED, name_zh: 分组汇总测试网速, name_en: Category roll-up test speed, unit_zh: Mbps,
                     unit_en: Mbps, polarity: positive, aggregation: mean, incomplete: show}
                  - {code: TEST_CAT_NUM, name_zh: 分组汇总测试分子, name_en: Category roll-up test numerator, unit_zh: 家,
                     unit_en: firms, polarity: positive, aggregation: sum, incomplete: show}
                  - {code: TEST_CAT_DEN, name_zh: 分组汇总测试分母, name_en: Category roll-up test denominator, unit_zh: 家,
                     unit_en: firms, polarity: positive, aggregation: sum, incomplete: show}
                  - {code: TEST_CAT_SHARE, name_zh: 分组汇总测试占比, name_en: Category roll-up test share, unit_zh: "%",
                     unit_en: "%", polarity: positive, aggregation: ratio, numerator: TEST_CAT_NUM, denominator: TEST_CAT_DEN,
                     incomplete: show}
                """), "planner");
        if (dataSets.find(DS).isEmpty()) {
            dataSetFiles.load(new MapFileSet().with("data-sets.yaml", """
                    data_sets:
                      - code: t-cat-agg
                        name_zh: 分组汇总测试报表
                        name_en: Category roll-up test form
                        region_level: county
                        period_type: year
                        indicators: [TEST_CAT_USERS, TEST_CAT_SPEED, TEST_CAT_NUM, TEST_CAT_DEN]
                        breakdowns: {area: [urban, rural-pastoral], industry: [equipment-ind, process-ind],
                                     crossed: [area, industry]}
                    """));
        }
        clear();
    }

    @AfterEach
    void clear() {
        for (String table : List.of("observation", "aggregate_value", "aggregate_term")) {
            jdbc.sql("delete from " + table + " where indicator_id in (select id from indicator where code in (:c))").param("c", ALL).update();
        }
    }

    void approved(String indicator, String region, String category, String value) {
        StoredObservations.of(indicator).region(region).period("2022").breakdown(category).value(value).approved().insert(jdbc);
    }

    /** 天山区 urban 3 and rural 4, 沙依巴克区 urban 6: 6501's urban is 9 with 2 counties covered. */
    void twoDistrictsOfUrumqi() {
        approved(SUM, "650102", "urban", "3");
        approved(SUM, "650102", "rural-pastoral", "4");
        approved(SUM, "650103", "urban", "6");
    }

    int countiesOf(String prefecture) {
        return jdbc.sql("select count(*) from region c join region p on p.id = c.parent_id where p.code = ? and c.level = 'COUNTY'")
                .param(prefecture).query(Integer.class).single();
    }

    static Map<String, AggregateFigure> byBreakdown(List<CategoryFigure> figures) {
        Map<String, AggregateFigure> out = new HashMap<>();
        figures.forEach(c -> out.put(c.breakdown(), c.figure()));
        return out;
    }

    @Test
    void theCountiesCategoriesMakeThePrefecturesAndTheRegionsWithTheirCoverage() {
        approved(SUM, "650102", "urban", "3.25");
        approved(SUM, "650102", "rural-pastoral", "4");
        approved(SUM, "650103", "urban", "6");
        approved(SUM, "650104", "urban", "100");
        int counties = countiesOf("6501");

        // no recomputation: computed when read
        Map<String, AggregateFigure> prefecture = byBreakdown(aggregates.categories(SUM, "6501", "2022"));
        assertThat(prefecture.get("urban").value()).isEqualByComparingTo("109.25");
        assertThat(prefecture.get("urban").covered()).isEqualTo(3);
        assertThat(prefecture.get("urban").expected()).isEqualTo(counties);
        assertThat(prefecture.get("rural-pastoral").value()).isEqualByComparingTo("4");
        assertThat(prefecture.get("rural-pastoral").covered()).isEqualTo(1);
        assertThat(byBreakdown(aggregates.categories(SUM, "65", "2022")).get("urban").value()).isEqualByComparingTo("109.25");

        // the prefecture's own category figure stands for its counties above it (reported beats computed)
        approved(SUM, "6501", "urban", "120");
        assertThat(byBreakdown(aggregates.categories(SUM, "6501", "2022")).get("urban").value()).as("its computed figure stays")
                .isEqualByComparingTo("109.25");
        AggregateFigure region = byBreakdown(aggregates.categories(SUM, "65", "2022")).get("urban");
        assertThat(region.value()).isEqualByComparingTo("120");
    }

    @Test
    void crossedCellsMakeTheirMarginsAndRollUpThemselves() {
        approved(SUM, "650102", "urban+equipment-ind", "40");
        approved(SUM, "650102", "urban+process-ind", "20");
        approved(SUM, "650103", "urban+equipment-ind", "5");
        approved(SUM, "650103", "urban+process-ind", "1");
        approved(SUM, "650103", "rural-pastoral+equipment-ind", "2");
        approved(SUM, "650103", "rural-pastoral+process-ind", "3");

        Map<String, AggregateFigure> prefecture = byBreakdown(aggregates.categories(SUM, "6501", "2022"));
        assertThat(prefecture.get("urban+equipment-ind").value()).isEqualByComparingTo("45");
        assertThat(prefecture.get("urban").value()).as("the margins of each county's cells, summed").isEqualByComparingTo("66");
        assertThat(prefecture.get("urban").covered()).isEqualTo(2);
        assertThat(prefecture.get("equipment-ind").value()).as("only 650103 has both areas of equipment").isEqualByComparingTo("7");
        assertThat(prefecture.get("rural-pastoral").value()).isEqualByComparingTo("5");
    }

    @Test
    void aMeanIsTheMeanOfTheCategoryAndAShareIsARatioOfTheCategorysSums() {
        approved(MEAN, "650102", "urban", "100");
        approved(MEAN, "650103", "urban", "50");
        approved(MEAN, "650104", "rural-pastoral", "20");
        // county shares 10/100 = 10 % and 90/100 = 90 % ... but weights differ: 10/100 and 90/1000
        approved(NUM, "650102", "urban", "10");
        approved(DEN, "650102", "urban", "100");
        approved(NUM, "650103", "urban", "90");
        approved(DEN, "650103", "urban", "1000");

        Map<String, AggregateFigure> speed = byBreakdown(aggregates.categories(MEAN, "6501", "2022"));
        assertThat(speed.get("urban").value()).isEqualByComparingTo("75");
        assertThat(speed.get("rural-pastoral").value()).isEqualByComparingTo("20");

        AggregateFigure share = byBreakdown(aggregates.categories(SHARE, "6501", "2022")).get("urban");
        assertThat(share.value()).as("100 × (10 + 90) / (100 + 1000), not the mean of 10 %% and 9 %%")
                .isEqualByComparingTo(new BigDecimal("10000").divide(new BigDecimal("1100"), java.math.MathContext.DECIMAL128));
        assertThat(share.covered()).isEqualTo(2);
    }

    @Test
    void aNumeratorWithoutItsDenominatorIsWithheldWithItsReason() {
        approved(NUM, "650102", "urban", "10");
        approved(DEN, "650102", "urban", "100");
        approved(NUM, "650103", "urban", "90");
        AggregateFigure share = byBreakdown(aggregates.categories(SHARE, "6501", "2022")).get("urban");
        assertThat(share.withheld()).isTrue();
        assertThat(share.lack()).isEqualTo("DENOMINATOR");
        assertThat(share.lacking()).isEqualTo(1);
    }

    /** Property: over random county figures, each category's prefecture figure is the sum of its counties', and the categories add up to the total. */
    @Test
    void thePartsSumToTheAggregateOnRandomFigures() {
        List<String> counties = jdbc.sql("""
                select c.code from region c join region p on p.id = c.parent_id where p.code = '6501' and c.level = 'COUNTY' order by c.code""")
                .query(String.class).list();
        Random random = new Random(20261205L);
        for (int trial = 0; trial < 5; trial++) {
            clear();
            BigDecimal urban = BigDecimal.ZERO;
            BigDecimal rural = BigDecimal.ZERO;
            for (String county : counties) {
                BigDecimal u = BigDecimal.valueOf(random.nextInt(1_000_000), 2);
                BigDecimal r = BigDecimal.valueOf(random.nextInt(1_000_000), 3);
                approved(SUM, county, "urban", u.toPlainString());
                approved(SUM, county, "rural-pastoral", r.toPlainString());
                urban = urban.add(u);
                rural = rural.add(r);
            }
            aggregates.recompute(List.of(SUM), "2022");
            Map<String, AggregateFigure> prefecture = byBreakdown(aggregates.categories(SUM, "6501", "2022"));
            assertThat(prefecture.get("urban").value()).isEqualByComparingTo(urban);
            assertThat(prefecture.get("rural-pastoral").value()).isEqualByComparingTo(rural);
            assertThat(prefecture.get("urban").complete()).isTrue();
            assertThat(aggregates.find(SUM, "6501", "2022").orElseThrow().value()).as("the total made from the parts")
                    .isEqualByComparingTo(prefecture.get("urban").value().add(prefecture.get("rural-pastoral").value()));
        }
    }

    @Test
    void aNonAdditiveIndicatorHasNoCategoryFigures() {
        jdbc.sql("update indicator set aggregation = 'NOT_ADDITIVE' where code = ?").param(MEAN).update();
        approved(MEAN, "650102", "urban", "100");
        assertThat(aggregates.categories(MEAN, "6501", "2022")).isEmpty();
    }

    @Test
    void theComparisonOffersTheCategoriesOfPlacesAboveTheCounties() {
        twoDistrictsOfUrumqi();
        aggregates.recompute(List.of(SUM), "2022");
        Comparison c = comparisons.compare(SUM, "65", RegionLevel.PREFECTURE, "urban", 2022);
        assertThat(c.breakdown()).isEqualTo("urban");
        assertThat(c.breakdowns()).extracting(d -> d.code()).contains("_T", "urban", "rural-pastoral");
        assertThat(c.rows()).filteredOn(r -> r.region().code().equals("6501")).singleElement()
                .satisfies(r -> assertThat(r.value().value()).isEqualByComparingTo("9"));
    }

    @Test
    void theMapOfACategoryShowsEachPrefecturesRolledUpFigureAndABadOneIsRefused() throws Exception {
        twoDistrictsOfUrumqi();
        mvc.perform(get("/api/v1/indicators/" + SUM + "/map").param("region", "65").param("year", "2022").param("breakdown", "urban"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.areas[?(@.code == '6501')].value", hasItem(9)))
                .andExpect(jsonPath("$.areas[?(@.code == '6501')].origin", hasItem("computed")))
                .andExpect(jsonPath("$.areas[?(@.code == '6501')].covered", hasItem(2)));
        mvc.perform(get("/api/v1/indicators/" + SUM + "/map").param("region", "65").param("year", "2022").param("breakdown", "suburb"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("breakdown"));
        String compare = mvc.perform(get("/compare").param("indicator", SUM).param("level", "PREFECTURE").param("scope", "65")
                        .param("breakdown", "urban").param("period", "2022"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(compare).as("the comparison's map draws the category it ranks").contains("breakdown=urban");
    }

    @Test
    void thePageAndTheApiShowTheCategoriesAndABadBreakdownIsRefusedNamingTheField() throws Exception {
        twoDistrictsOfUrumqi();
        aggregates.recompute(List.of(SUM), "2022");

        String zh = mvc.perform(get("/regions/6501/computed/" + SUM + "/2022"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("id=\"computed-categories\"", "分组汇总值", "data-breakdown=\"urban\"", "data-breakdown=\"rural-pastoral\"");
        String en = mvc.perform(get("/regions/6501/computed/" + SUM + "/2022").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("By breakdown (computed)");

        mvc.perform(get("/api/v1/indicators/" + SUM + "/computed").param("region", "6501").param("breakdown", "urban"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].breakdown").value("urban"))
                .andExpect(jsonPath("$[0].value").value(9))
                .andExpect(jsonPath("$[0].covered").value(2));
        mvc.perform(get("/api/v1/indicators/" + SUM + "/computed").param("region", "6501").param("breakdown", "all"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].breakdown", hasItem("_T")))
                .andExpect(jsonPath("$[*].breakdown", hasItem("rural-pastoral")));
        mvc.perform(get("/api/v1/indicators/" + SUM + "/computed").param("region", "6501"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].breakdown", not(hasItem("urban"))));
        mvc.perform(get("/api/v1/indicators/" + SUM + "/computed").param("region", "6501").param("breakdown", "suburb"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("breakdown"));
    }
}
