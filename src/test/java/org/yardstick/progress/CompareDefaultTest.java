package org.yardstick.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;

/**
 * The comparison's default when it would be thin (issue 15 item 6): an indicator whose approved figures
 * come from fewer than two regions in any year gets a plain sentence and the comparisons that exist (with
 * how many regions report), not a one-region ranking; with two regions reporting, the comparison itself.
 * The indicator is one with no approved figure in the shared test database (other tests add theirs).
 */
@YardstickTest
class CompareDefaultTest {

    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    String indicator;

    @BeforeEach
    void anIndicatorWithoutApprovedFigures() {
        Figures.removeAll(jdbc);
        indicator = jdbc.sql("""
                select i.code from indicator i where i.code <> 'IDI' and not exists
                  (select 1 from observation o where o.indicator_id = i.id and o.status = 'APPROVED')
                order by i.code fetch first 1 rows only""").query(String.class).single();
    }

    @AfterEach
    void clean() {
        Figures.removeAll(jdbc);
    }

    private String page(String lang) throws Exception {
        return mvc.perform(get("/compare").param("indicator", indicator).param("lang", lang))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void oneRegionReportingIsSaidPlainlyAndTheComparisonsThatExistAreOffered() throws Exception {
        Figures.approved(jdbc, indicator, "650102", 2019, "_T", 12);
        // 8 of Urumqi's districts report another indicator: the busiest comparison, offered with its count
        for (String c : ComparisonTest.COUNTIES) {
            Figures.approved(jdbc, "IDI", c, 2019, "_T", 10);
        }
        String zh = page("zh");
        assertThat(zh).contains("id=\"compare-thin\"", "同一年有已审核数据的地区不足两个，无法比较", "现有数据可做的比较")
                .doesNotContain("data-chart-kind=\"comparison\"", "id=\"ranking\"");
        assertThat(zh).containsPattern("href=\"/compare\\?indicator=[^\"]+&amp;level=[A-Z]+&amp;scope=[^\"]+&amp;period=\\d{4}\"");
        assertThat(zh).containsPattern("，\\d{4}年：\\d+个[^<]*地区报送（[^<]+）");
        String en = page("en");
        assertThat(en).contains("Fewer than two regions have approved figures for", "Comparisons the figures allow")
                .containsPattern(", \\d{4}: (one|\\d+) [^<]*regions? reporting \\(in [^<]+\\)")
                .doesNotContain("无法比较", "data-chart-kind=\"comparison\"");
        // the chosen indicator stays chosen in the form
        assertThat(zh).containsPattern("<option value=\"" + indicator + "\" selected=\"selected\"");
    }

    @Test
    void twoRegionsReportingMakeAComparison() throws Exception {
        Figures.approved(jdbc, indicator, "650102", 2019, "_T", 12);
        Figures.approved(jdbc, indicator, "650103", 2019, "_T", 15);
        String zh = page("zh");
        assertThat(zh).doesNotContain("id=\"compare-thin\"").contains("data-chart-kind=\"comparison\"", "id=\"ranking\"");
    }

    @Test
    void anIndicatorWithNothingApprovedIsSaidPlainlyToo() throws Exception {
        String zh = page("zh");
        assertThat(zh).contains("id=\"compare-thin\"", "无法比较").doesNotContain("id=\"ranking\"");
    }

    @Test
    void anUnknownIndicatorIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/compare").param("indicator", "NO_SUCH_INDICATOR")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }
}
