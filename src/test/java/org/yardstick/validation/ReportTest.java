package org.yardstick.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.observation.Severity;
import org.yardstick.validation.internal.ValidationReport;

/**
 * The report of a whole data set and period: figures of three counties in two prefectures, checked
 * for the planner of Xinjiang and for the reviewer of Urumqi. Rolled back after each test.
 */
@YardstickTest
@Transactional
class ReportTest {

    @Autowired MockMvc mvc;
    @Autowired ValidationReport report;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void figures() {
        StoredFigures f = new StoredFigures(jdbc);
        // 天山区 (Urumqi): FTTH above broadband subscribers, and a rate above 100 — two errors
        f.put("BB_USERS", "650102", "2025", "10", "DRAFT");
        f.put("FTTH_USERS", "650102", "2025", "20", "DRAFT");
        f.put("FTTB_RATE", "650102", "2025", "120", "SUBMITTED");
        // 沙依巴克区 (Urumqi): broadband subscribers doubled — a warning
        f.put("BB_USERS", "650103", "2024", "100", "APPROVED");
        f.put("BB_USERS", "650103", "2025", "200", "DRAFT");
        f.put("FTTH_USERS", "650103", "2025", "150", "DRAFT");
        // 克拉玛依区 (Karamay): a negative count — an error
        f.put("INTERNET_PORTS", "650203", "2025", "-1", "DRAFT");
        // 2024 is another period: its wrong figure is not in the 2025 report
        f.put("FTTB_RATE", "650203", "2024", "101", "APPROVED");
    }

    @Test
    @WithUserDetails("planner")
    void everyRegionInScopeIsCheckedAgainstEveryRule() {
        ValidationReport.Report r = report.run("xj-county-info", "2025");
        assertThat(r.scope().code()).isEqualTo("65");
        assertThat(r.regionsWithFigures()).isGreaterThanOrEqualTo(3);
        assertThat(r.regions()).isGreaterThan(90);
        List<String> lines = r.lines().stream().filter(l -> List.of("650102", "650103", "650203").contains(l.region().code()))
                .map(l -> l.region().code() + " " + l.finding().indicatorCode() + " " + l.rule().code() + " "
                        + l.finding().severity() + " " + (l.value() == null ? "" : l.value().stripTrailingZeros().toPlainString()))
                .toList();
        assertThat(lines).containsExactly(
                "650102 FTTB_RATE fttb-rate-0-100 ERROR 120",
                "650102 FTTH_USERS ftth-le-bb ERROR 20",
                "650103 BB_USERS bb-users-yoy-50 WARNING 200",
                "650203 INTERNET_PORTS internet-ports-not-negative ERROR -1");
        assertThat(r.counts()).filteredOn(c -> c.rule().code().equals("ftth-le-bb")).singleElement()
                .satisfies(c -> {
                    assertThat(c.severity()).isEqualTo(Severity.ERROR);
                    assertThat(c.findings()).isGreaterThanOrEqualTo(1);
                });
        assertThat(r.counts().get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    @WithUserDetails("reviewer")
    void aReviewerSeesOnlyTheRegionsOfTheirPrefecture() {
        ValidationReport.Report r = report.run("xj-county-info", "2025");
        assertThat(r.scope().code()).isEqualTo("6501");
        assertThat(r.lines()).extracting(l -> l.region().code()).contains("650102", "650103").doesNotContain("650203")
                .allMatch(code -> code.startsWith("6501"));
    }

    @Test
    @WithUserDetails("planner")
    void thePageShowsCountsAndEveryFindingInTheReadersLanguage() throws Exception {
        mvc.perform(get("/rules/report").param("dataSet", "xj-county-info").param("period", "2025"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("按规则统计"), containsString("问题明细"),
                        containsString("天山区 (650102)"), containsString("克拉玛依区 (650203)"),
                        containsString("FTTH_USERS（20）应 ≤ BB_USERS（10）"), containsString("为 120，高于上限 100"),
                        containsString("比上年（100）变化 +100.0%，为 200，超过 50% 的阈值"),
                        containsString("/rules/report.csv?dataSet=xj-county-info&amp;period=2025"))));
        mvc.perform(get("/rules/report").param("dataSet", "xj-county-info").param("period", "2025").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("By rule"), containsString("Tianshan"),
                        containsString("FTTH_USERS (20) must be ≤ BB_USERS (10)"),
                        containsString("changed by +100.0% on the year before (100 → 200), more than 50%"),
                        not(containsString("问题明细")))));
    }

    @Test
    @WithUserDetails("planner")
    void theFindingsExportAsCsv() throws Exception {
        byte[] body = mvc.perform(get("/rules/report.csv").param("dataSet", "xj-county-info").param("period", "2025")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("validation-xj-county-info-2025.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFregion_code,region,indicator_code,indicator,value,severity,rule_code,rule,message\r\n");
        assertThat(csv).contains("650102,Tianshan District,FTTH_USERS,Fibre-to-the-home connections,20,Error,ftth-le-bb,")
                .contains("FTTH_USERS (20) must be ≤ BB_USERS (10)")
                .contains("650203,").contains(",-1,Error,internet-ports-not-negative,");
    }

    @Test
    @WithUserDetails("planner")
    void aPeriodOfTheWrongKindIsExplained() throws Exception {
        mvc.perform(get("/rules/report").param("dataSet", "xj-county-info").param("period", "2025Q1"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("不是数据集 xj-county-info 采集的时期类型")));
        mvc.perform(get("/rules/report.csv").param("dataSet", "xj-county-info").param("period", "2025-03").param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("period: is not a period of the kind the data set xj-county-info collects")));
        mvc.perform(get("/rules/report").param("dataSet", "no-such-set").param("period", "2025"))
                .andExpect(status().isNotFound());
    }

    @Test
    @WithUserDetails("reporter")
    void aReporterGetsNoReport() throws Exception {
        mvc.perform(get("/rules/report").param("dataSet", "xj-county-info").param("period", "2025"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/rules/report.csv").param("dataSet", "xj-county-info").param("period", "2025"))
                .andExpect(status().isForbidden());
    }
}
