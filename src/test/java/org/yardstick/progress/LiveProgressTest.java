package org.yardstick.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.As;
import org.yardstick.TestClock;
import org.yardstick.YardstickTest;
import org.yardstick.observation.Submission;
import org.yardstick.observation.Submissions;
import org.yardstick.observation.internal.ObservationEditor;

/**
 * Live: a figure approved through the workflow changes the status on the overview and in the report
 * at once — no rebuild step. A target is set for 头屯河区 (650106) for the test; its county reports
 * 2024 in spring 2025 and 2025 in 2026 (the test clock moves), and the demo reviewer approves.
 */
@YardstickTest
class LiveProgressTest {

    static final String COUNTY = "650106";
    static final String TARGET = "live-test-bb-users";
    static final String DS = "xj-county-info";

    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired TestClock clock;
    @Autowired ObservationEditor editor;
    @Autowired Submissions submissions;
    @Autowired UserDetailsService accounts;

    @BeforeEach
    void aTargetForTheCounty() {
        clean();
        jdbc.sql("""
                insert into target (plan_id, code, indicator_id, region_id, disaggregation_id, kind, qualifier, qualifier_text,
                                    target_value, baseline_year, target_year, statement_zh, statement_en, ordinal)
                values ((select id from plan where code = 'xj-info-13fyp'), ?, (select id from indicator where code = 'BB_USERS'),
                        (select id from region where code = ?), (select id from disaggregation where code = '_T'), 'AT_LEAST',
                        'NONE', '', 25, 2024, 2026, '头屯河区宽带用户不少于25万户（测试）', 'Toutunhe: at least 250,000 broadband users (test)',
                        (select max(ordinal) + 1 from target))""")
                .params(TARGET, COUNTY).update();
    }

    @AfterEach
    void clean() {
        clock.reset();
        As.nobody();
        jdbc.sql("delete from target where code = ?").param(TARGET).update();
        jdbc.sql("delete from observation where region_id = (select id from region where code = ?) and submission_id is not null")
                .param(COUNTY).update();
        jdbc.sql("delete from submission where region_id = (select id from region where code = ?)").param(COUNTY).update();
    }

    void report(String period, String broadband) {
        As.user(accounts, "planner");
        var saved = editor.save(DS, COUNTY, period, List.of(entry("BB_USERS", broadband), entry("FTTH_USERS", "15"),
                entry("MOBILE_INTERNET_USERS", "50"), entry("INTERNET_PORTS", "30")));
        Submission s = submissions.submit(saved.submission().id(), saved.submission().version());
        As.user(accounts, "reviewer");
        submissions.approve(s.id(), s.version());
        As.nobody();
    }

    static ObservationEditor.Entry entry(String indicator, String value) {
        return new ObservationEditor.Entry("form", 0, indicator, value, "", null, null);
    }

    String row(String html) {
        int at = html.indexOf("<tr data-target=\"" + TARGET + "\">");
        assertThat(at).as("the test target is on the page").isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    String page(String url, String... params) throws Exception {
        var request = get(url);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    @Test
    void anApprovedFigureChangesTheStatusAtOnce() throws Exception {
        assertThat(row(page("/plans/xj-info-13fyp/overview"))).contains("ys-status-INSUFFICIENT_DATA", "尚无报告数据");

        clock.set(ZonedDateTime.of(2025, 3, 1, 10, 0, 0, 0, TestClock.ZONE).toInstant());
        report("2024", "20");
        assertThat(row(page("/plans/xj-info-13fyp/overview"))).contains("ys-status-INSUFFICIENT_DATA", "基期2024年之后尚无报告数据");

        clock.set(ZonedDateTime.of(2026, 6, 1, 10, 0, 0, 0, TestClock.ZONE).toInstant());
        report("2025", "25.3");

        // the overview, at once
        String overview = page("/plans/xj-info-13fyp/overview");
        assertThat(row(overview)).contains("ys-status-ACHIEVED", "2025年为25.3");
        // what changed since the figures approved from 1 May 2026: insufficient data → achieved, with the new figure
        String changes = page("/plans/xj-info-13fyp/overview", "since", "2026-05-01");
        int at = changes.indexOf("id=\"changes\"");
        String section = changes.substring(at, changes.indexOf("</section>", at));
        assertThat(section).contains("头屯河区宽带用户不少于25万户（测试）", "ys-status-INSUFFICIENT_DATA", "ys-status-ACHIEVED",
                "2025年：25.3");
        // and compared with the previous period (as of 2024): the same change
        String byYear = page("/plans/xj-info-13fyp/overview");
        assertThat(byYear).contains("与截至2024年的评估相比。");

        // the annual report speaks for 2025 and shows it achieved
        String report = page("/plans/xj-info-13fyp/report", "kind", "annual");
        assertThat(report).contains("评估截至2025年", "头屯河区宽带用户不少于25万户（测试）");
        int t = report.indexOf("头屯河区宽带用户不少于25万户（测试）</span>");
        assertThat(report.substring(t, report.indexOf("</tr>", t))).contains("ys-status-ACHIEVED");

        // the progress view of the indicator agrees
        assertThat(page("/indicators/BB_USERS/progress", "region", COUNTY)).contains("ys-status-ACHIEVED", "[2025,25.3]");
    }
}
