package org.yardstick.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Polarity;
import org.yardstick.progress.internal.Comparison;
import org.yardstick.progress.internal.Comparisons;
import org.yardstick.progress.internal.QuartileGap;
import org.yardstick.region.RegionLevel;

/**
 * The region comparison on constructed figures: Urumqi's eight county-level districts, the
 * informatization index 2016–2018 with an urban/rural breakdown in 2018 (an indicator the counties'
 * data-entry tests never touch, so the latest year is the constructed one).
 */
@YardstickTest
class ComparisonTest {

    /** Urumqi's county-level districts, and their constructed 2018 values: 10, 20, … 80. */
    static final List<String> COUNTIES = List.of("650102", "650103", "650104", "650105", "650106", "650107", "650109", "650121");

    @Autowired JdbcClient jdbc;
    @Autowired Comparisons comparisons;
    @Autowired MockMvc mvc;

    @BeforeEach
    void figures() {
        Figures.removeAll(jdbc);
        for (int i = 0; i < COUNTIES.size(); i++) {
            String c = COUNTIES.get(i);
            Figures.approved(jdbc, "IDI", c, 2016, "_T", 5 + i);          // 5 … 12
            Figures.approved(jdbc, "IDI", c, 2017, "_T", 8 + 2 * i);      // 8 … 22
            Figures.approved(jdbc, "IDI", c, 2018, "_T", 10 * (i + 1));   // 10 … 80
            Figures.approved(jdbc, "IDI", c, 2018, "urban", 6 * (i + 1));
            Figures.approved(jdbc, "IDI", c, 2018, "rural-pastoral", 4 * (i + 1));
        }
        // a tie in 2017: 650121 brought down to 650109’s 20
        jdbc.sql("update observation set obs_value = 20 where created_by = ? and period = '2017' and region_id = "
                + "(select id from region where code = '650121') and disaggregation_id = (select id from disaggregation where code = '_T')")
                .param(Figures.MARK).update();
    }

    @AfterEach
    void clean() {
        Figures.removeAll(jdbc);
    }

    @Test
    void rankingQuartilesAndTheGapBetweenBestAndWorstQuarters() {
        Comparison c = comparisons.compare("IDI", "6501", RegionLevel.COUNTY, null, null);
        assertThat(c.period()).isEqualTo(2018);
        assertThat(c.rows()).hasSize(8);
        assertThat(c.rows().get(0).region().code()).isEqualTo("650121");
        assertThat(c.rows()).extracting(Comparison.Row::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(c.rows()).extracting(Comparison.Row::quartile).containsExactly(1, 1, 2, 2, 3, 3, 4, 4);
        // best two: 80, 70 → 75; worst two: 10, 20 → 15
        assertThat(c.gap().k()).isEqualTo(2);
        assertThat(c.gap().bestMean()).isEqualTo(75.0);
        assertThat(c.gap().worstMean()).isEqualTo(15.0);
        assertThat(c.gap().difference()).isEqualTo(60.0);
        assertThat(c.gap().ratio()).isEqualTo(5.0);
        // change on the year before: 80 − 20
        assertThat(c.rows().get(0).change()).isEqualTo(60.0);
        // the gap over time: 2016 (11.5 − 5.5), 2017 (20 − 9: the tie at 20 leads), 2018
        assertThat(c.gaps()).extracting(Comparison.YearGap::year).containsExactly(2016, 2017, 2018);
        assertThat(c.gaps().get(0).gap().difference()).isCloseTo(6.0, within(1e-9));
        assertThat(c.gaps().get(1).gap().bestMean()).isCloseTo(20.0, within(1e-9));
        // the breakdowns the figures have, each summarised for 2018
        assertThat(c.breakdowns()).extracting(d -> d.code()).containsExactly("_T", "rural-pastoral", "urban");
        assertThat(c.byBreakdown()).extracting(b -> b.breakdown().code(), Comparison.BreakdownSummary::mean)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("_T", 45.0),
                        org.assertj.core.groups.Tuple.tuple("rural-pastoral", 18.0),
                        org.assertj.core.groups.Tuple.tuple("urban", 27.0));
    }

    @Test
    void tiesShareARankAndABreakdownCanBeCompared() {
        Comparison c = comparisons.compare("IDI", "6501", RegionLevel.COUNTY, "_T", 2017);
        assertThat(c.rows()).extracting(Comparison.Row::rank).containsExactly(1, 1, 3, 4, 5, 6, 7, 8);
        Comparison urban = comparisons.compare("IDI", "6501", RegionLevel.COUNTY, "urban", 2018);
        assertThat(urban.gap().difference()).isEqualTo(6 * 7.5 - 6 * 1.5);
        assertThat(urban.years()).containsExactly(2018);
    }

    @Test
    void lessIsBetterPutsTheLowestFirst() {
        QuartileGap g = QuartileGap.of(new double[] {10, 20, 30, 40, 50, 60, 70, 80}, Polarity.NEGATIVE);
        assertThat(g.bestMean()).isEqualTo(15.0);
        assertThat(g.worstMean()).isEqualTo(75.0);
        assertThat(g.difference()).isEqualTo(60.0);
        assertThat(g.ratio()).isEqualTo(5.0);
        assertThat(QuartileGap.of(new double[] {1, 2, 3}, Polarity.POSITIVE)).isNull();
        // n = 10: quarters of ⌈10/4⌉ = 3
        QuartileGap ten = QuartileGap.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, Polarity.POSITIVE);
        assertThat(ten.k()).isEqualTo(3);
        assertThat(ten.bestMean()).isEqualTo(9.0);
        assertThat(ten.worstMean()).isEqualTo(2.0);
        // a worst quarter at zero has no ratio
        assertThat(QuartileGap.of(new double[] {0, 0, 5, 9}, Polarity.POSITIVE).ratio()).isNull();
    }

    @Test
    void thePageShowsChartsTableAndGapInBothLanguages() throws Exception {
        String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/compare")
                        .param("indicator", "IDI").param("level", "COUNTY").param("scope", "6501"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("data-chart-kind=\"comparison\"", "data-chart-kind=\"gap\"", "2018年数字鸿沟",
                "最好的2个地区平均为75", "最差的2个地区平均为15", "相差60", "两者之比为5", "乌鲁木齐县", "领先组", "落后组",
                "城镇", "农村牧区");
        String en = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/compare")
                        .param("indicator", "IDI").param("level", "COUNTY").param("scope", "6501").param("lang", "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("The digital divide in 2018", "the best 2 average 75", "Leading quarter")
                .doesNotContain("数字鸿沟", "领先组");
    }
}
