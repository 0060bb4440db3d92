package org.yardstick.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Indicators;
import org.yardstick.observation.Observations;
import org.yardstick.progress.internal.QuartileGap;

/**
 * Region comparison (issue 15 item 6): it opens on an indicator and scope that have approved figures, the
 * scope is chosen with the region picker, not typed as a code, and a quarter of one region is named as the
 * region it is, never a group. Constructed figures in 克拉玛依市's four districts (6502), year 2019.
 */
@YardstickTest
class CompareDefaultsTest {

    static final List<String> KARAMAY = List.of("650202", "650203", "650204", "650205");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Observations observations;
    @Autowired Indicators indicators;

    @BeforeEach
    void figures() {
        Figures.removeAll(jdbc);
        for (int i = 0; i < KARAMAY.size(); i++) {
            Figures.approved(jdbc, "IDI", KARAMAY.get(i), 2019, "_T", 10 * (i + 1)); // 10, 20, 30, 40
        }
    }

    @AfterEach
    void clean() {
        Figures.removeAll(jdbc);
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theComparisonOpensOnWhatHasApprovedFigures() throws Exception {
        Observations.Busiest busiest = observations.busiestComparison(null).orElseThrow();
        assertThat(busiest.regions()).isGreaterThanOrEqualTo(4);
        String html = page("/compare");
        assertThat(html).contains("data-chart-kind=\"comparison\"", "id=\"ranking\"")
                .doesNotContain("id=\"compare-no-data\"")
                .contains(indicators.get(busiest.indicatorCode()).name().zh())
                .contains("name=\"scope\" value=\"" + busiest.scopeCode() + "\"");
        // one indicator chosen, no level or scope: where that indicator has the most figures
        Observations.Busiest idi = observations.busiestComparison("IDI").orElseThrow();
        assertThat(page("/compare?indicator=IDI")).contains("name=\"scope\" value=\"" + idi.scopeCode() + "\"")
                .doesNotContain("id=\"compare-no-data\"");
    }

    @Test
    void theScopeIsChosenWithTheRegionPickerInBothLanguages() throws Exception {
        String html = page("/compare?indicator=IDI&level=COUNTY&scope=6502&period=2019");
        assertThat(html).contains("data-ys-region-picker", "role=\"combobox\"", "role=\"tree\"", "/js/region-picker",
                "value=\"克拉玛依市\"", "输入地区名称或代码");
        assertThat(page("/compare?indicator=IDI&level=COUNTY&scope=6502&period=2019&lang=en"))
                .contains("Type a region&#39;s name or code").doesNotContain("输入地区名称或代码");
    }

    @Test
    void aQuarterOfOneRegionIsNamedAsThatRegionNotAGroup() throws Exception {
        String html = page("/compare?indicator=IDI&level=COUNTY&scope=6502&period=2019");
        assertThat(html).contains("在4个地区中，最好的乌尔禾区为40，最差的独山子区为10，相差30，两者之比为4。", ">最好<", ">最差<")
                .doesNotContain("领先组", "落后组", "最好的1个地区");
        String en = page("/compare?indicator=IDI&level=COUNTY&scope=6502&period=2019&lang=en");
        assertThat(en).contains(">Best<", ">Worst<").doesNotContain("Leading quarter", "the best 1 average");
        // quarters hold every ranked region once, whatever their number
        for (int n = 1; n <= 23; n++) {
            int total = 0;
            for (int q = 1; q <= 4; q++) {
                total += QuartileGap.size(q, n);
            }
            assertThat(total).as("n = " + n).isEqualTo(n);
        }
        assertThat(QuartileGap.size(1, 4)).isEqualTo(1);
        assertThat(QuartileGap.size(1, 8)).isEqualTo(2);
    }
}
