package org.yardstick.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.security.Accounts;
import org.yardstick.supervision.internal.ReportingPeriods;

/**
 * Every supervision endpoint for every kind of caller: the public, the demo department on its own
 * task (科技厅, T2.1.1), a department of another organisation (网信办), a planner, an administrator
 * and a reporter. "login" is a redirect to the login form; "done" a redirect after a change.
 */
@YardstickTest
@Transactional
class AccessMatrixTest {

    static final List<String> CALLERS = List.of("anonymous", Logins.DEPARTMENT, Logins.OTHER_DEPARTMENT, Logins.PLANNER,
            Logins.ADMIN, Logins.REPORTER);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Accounts accounts;
    @Autowired Items items;
    @Autowired ReportingPeriods periods;
    @Autowired JdbcClient jdbc;

    Item t1;
    String period;
    long report;
    long attachment;
    long milestone;
    final List<String> mismatches = new ArrayList<>();

    @BeforeEach
    void aReportWithEvidence() throws Exception {
        t1 = items.get("xj-mfg-internet-2017", "T2.1.1");
        period = periods.current(t1.planId(), items.today()).code();
        mvc.perform(multipart("/supervision/items/{id}/report", t1.id())
                .file(new MockMultipartFile("files", "evidence.txt", "text/plain", "平台清单".getBytes(StandardCharsets.UTF_8)))
                .param("period", period).param("progress", "30").param("narrative", "进展")
                .with(csrf()).with(Logins.as(users, accounts, Logins.DEPARTMENT)));
        report = jdbc.sql("select id from sup_report where item_id = ? and period = ?").params(t1.id(), period)
                .query(Long.class).single();
        attachment = jdbc.sql("select id from sup_attachment where report_id = ?").param(report).query(Long.class).single();
        jdbc.sql("insert into sup_milestone (item_id, title, due_date, created_at, created_by) "
                + "values (?, '平台建成10个', date '2019-12-31', current_timestamp, 'test')").param(t1.id()).update();
        milestone = jdbc.sql("select max(id) from sup_milestone where item_id = ?").param(t1.id()).query(Long.class).single();
    }

    /** Checks one endpoint for every caller, in the order of {@link #CALLERS}. */
    void check(String label, Supplier<MockHttpServletRequestBuilder> request, String... expected) throws Exception {
        for (int i = 0; i < CALLERS.size(); i++) {
            MockHttpServletRequestBuilder r = request.get().with(csrf());
            if (i > 0) {
                r.with(Logins.as(users, accounts, CALLERS.get(i)));
            }
            MockHttpServletResponse res = mvc.perform(r).andReturn().getResponse();
            String got = switch (res.getStatus()) {
                case 302 -> String.valueOf(res.getRedirectedUrl()).contains("/login") ? "login" : "done";
                default -> Integer.toString(res.getStatus());
            };
            if (!got.equals(expected[i])) {
                mismatches.add(label + " as " + CALLERS.get(i) + ": expected " + expected[i] + ", got " + got);
            }
        }
    }

    @Test
    void everyEndpointForEveryCaller() throws Exception {
        long id = t1.id();
        String item = "/supervision/items/" + id;
        //                                                     anon     dept     other    planner  admin    reporter
        check("list", () -> get("/supervision"), "200", "200", "200", "200", "200", "200");
        check("item page", () -> get(item), "200", "200", "200", "200", "200", "200");
        check("edit form", () -> get(item + "/edit"), "login", "403", "403", "200", "200", "403");
        check("edit", () -> post(item + "/edit").param("version", Integer.toString(items.get(id).version()))
                .param("lead", "xj-kjt").param("coUnits", "xj-jxw, xj-fgw, xj-jyt, xj-rst, xj-zgh")
                .param("start", "2017-01-01").param("deadline", "2020-12-31"),
                "login", "403", "403", "done", "done", "403");
        check("add milestone", () -> post(item + "/milestones").param("title", "中期评估").param("due", "2018-12-31"),
                "login", "403", "403", "done", "done", "403");
        check("mark milestone", () -> post(item + "/milestones/" + milestone).param("done", "true"),
                "login", "403", "403", "done", "done", "403");
        check("report form", () -> get(item + "/report"), "login", "200", "403", "403", "403", "403");
        check("file report", () -> post(item + "/report").param("period", period).param("progress", "35")
                .param("narrative", "进展"), "login", "done", "403", "403", "403", "403");
        check("comment", () -> post("/supervision/reports/" + report + "/comments").param("body", "请补充佐证材料"),
                "login", "403", "403", "done", "done", "403");
        check("attachment", () -> get("/supervision/attachments/" + attachment), "login", "200", "403", "200", "200", "403");
        check("notifications", () -> get("/supervision/notifications"), "login", "200", "200", "200", "200", "403");
        check("mark read", () -> post("/supervision/notifications/read"), "login", "done", "done", "done", "done", "403");
        check("department scoreboard", () -> get("/supervision/scoreboard/departments"),
                "login", "200", "200", "200", "200", "403");
        check("department export", () -> get("/supervision/scoreboard/departments.xlsx"),
                "login", "200", "200", "200", "200", "403");
        check("plan scoreboard", () -> get("/supervision/scoreboard/plans"), "login", "403", "403", "200", "200", "403");
        check("plan export", () -> get("/supervision/scoreboard/plans.xlsx"), "login", "403", "403", "200", "200", "403");
        check("reporting setting", () -> post("/supervision/plans/xj-mfg-internet-2017/setting").param("frequency", "QUARTER")
                .param("graceDays", "30"), "login", "403", "403", "done", "done", "403");
        check("contacts", () -> get("/supervision/contacts"), "login", "403", "403", "200", "200", "403");
        check("set contacts", () -> post("/supervision/contacts").param("unit", "xj-kjt").param("emails", "kjt@example.test"),
                "login", "403", "403", "done", "done", "403");
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theItemPageShowsReportsOnlyToTheUnitsAndPlanners() throws Exception {
        for (int i = 0; i < CALLERS.size(); i++) {
            var r = get("/supervision/items/{id}", t1.id());
            if (i > 0) {
                r.with(Logins.as(users, accounts, CALLERS.get(i)));
            }
            String page = mvc.perform(r).andReturn().getResponse().getContentAsString();
            boolean details = List.of(Logins.DEPARTMENT, Logins.PLANNER, Logins.ADMIN).contains(CALLERS.get(i));
            assertThat(page.contains("evidence.txt")).as(CALLERS.get(i) + " sees the evidence").isEqualTo(details);
            assertThat(page.contains("ys-history")).as(CALLERS.get(i) + " sees the history").isEqualTo(details);
            assertThat(page).as("everyone sees the published overview").contains("自治区科技厅").contains("2020-12-31");
        }
    }

    @Test
    void aDepartmentListsOnlyItsOwnItems() throws Exception {
        String own = mvc.perform(get("/supervision").with(Logins.as(users, accounts, Logins.DEPARTMENT)))
                .andReturn().getResponse().getContentAsString();
        assertThat(own).contains("data-item=\"xj-mfg-internet-2017/T2.1.1\"")
                .doesNotContain("data-item=\"xj-mfg-internet-2017/T2.5.1\"").doesNotContain("KP01");
        String other = mvc.perform(get("/supervision").with(Logins.as(users, accounts, Logins.OTHER_DEPARTMENT)))
                .andReturn().getResponse().getContentAsString();
        assertThat(other).contains("data-item=\"xj-mfg-internet-2017/T2.5.1\"")
                .doesNotContain("data-item=\"xj-mfg-internet-2017/T2.1.1\"");
        String everyone = mvc.perform(get("/supervision")).andReturn().getResponse().getContentAsString();
        assertThat(everyone).contains("data-item=\"xj-mfg-internet-2017/T2.1.1\"").contains("data-item=\"xj-info-13fyp/KP01\"");
    }
}
