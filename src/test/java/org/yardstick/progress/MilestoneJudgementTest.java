package org.yardstick.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yardstick.As;
import org.yardstick.TestClock;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.Targets;
import org.yardstick.progress.internal.JudgementProblem;
import org.yardstick.progress.internal.MilestoneJudgement;
import org.yardstick.progress.internal.MilestoneJudgements;
import org.yardstick.progress.rules.Status;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Milestones (基本建成…) have no figures: a planner judges them for a year with the grounds, and the
 * status follows at once — on the target's page, the overview and the rules' as-of views. Works on a
 * milestone of Xinjiang's plan set up for the test (removed after it, with its judgements), so no
 * other test sees a judged demo milestone.
 */
@YardstickTest
class MilestoneJudgementTest {

    static final String PLAN = "xj-info-13fyp";
    static final String TARGET = "judge-test-milestone";
    static final String PAGE = "/plans/" + PLAN + "/targets/" + TARGET;

    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired TestClock clock;
    @Autowired UserDetailsService accounts;
    @Autowired MilestoneJudgements judgements;
    @Autowired Progress progress;
    @Autowired Plans plans;
    @Autowired Targets targets;

    @BeforeEach
    void aMilestone() {
        clean();
        jdbc.sql("""
                insert into target (plan_id, code, indicator_id, region_id, disaggregation_id, kind, qualifier, qualifier_text,
                                    baseline_year, target_year, statement_zh, statement_en, ordinal)
                values ((select id from plan where code = ?), ?, null, (select id from region where code = '65'),
                        (select id from disaggregation where code = '_T'), 'MILESTONE', 'NONE', '', 2015, 2025,
                        '全区政务服务一网通办基本建成（测试）', 'One-stop online government services basically built (test)',
                        (select max(ordinal) + 1 from target))""")
                .params(PLAN, TARGET).update();
    }

    @AfterEach
    void clean() {
        clock.reset();
        As.nobody();
        jdbc.sql("delete from target where code = ?").param(TARGET).update();
    }

    Target target() {
        return targets.find(plans.get(PLAN).id(), TARGET).orElseThrow();
    }

    long stored() {
        return jdbc.sql("select count(*) from milestone_judgement where target_id = ?").param(target().id())
                .query(Long.class).single();
    }

    MockHttpServletResponse judge(String as, String verdict, String year, String note) throws Exception {
        MockHttpServletRequestBuilder request = post(PAGE + "/judgements").with(csrf())
                .param("verdict", verdict).param("year", year).param("note", note);
        if (as != null) {
            request.with(user(accounts.loadUserByUsername(as)));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    String page(String as, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get(PAGE);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        if (as != null) {
            request.with(user(accounts.loadUserByUsername(as)));
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    String overviewRow() throws Exception {
        String html = mvc.perform(get("/plans/" + PLAN + "/overview")).andReturn().getResponse().getContentAsString();
        int at = html.indexOf("<tr data-target=\"" + TARGET + "\">");
        assertThat(at).as("the test milestone is on the overview").isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    @Test
    void aPlannersJudgementChangesTheStatusAtOnceAndIsAudited() throws Exception {
        assertThat(page(null)).contains("ys-status-NOT_ASSESSED", "尚无人研判此目标。").doesNotContain("name=\"verdict\"");
        assertThat(page("planner")).contains("name=\"verdict\"", "记录研判");
        assertThat(overviewRow()).contains("ys-status-NOT_ASSESSED", PAGE);

        MockHttpServletResponse r = judge("planner", "AT_RISK", "2025", "三个地州尚未接入一体化平台");
        assertThat(r.getStatus()).isEqualTo(302);
        assertThat(r.getRedirectedUrl()).isEqualTo(PAGE);
        // judged short of it for 2025, five years after its target year 2020: not achieved
        assertThat(page(null)).contains("ys-status-NOT_ACHIEVED", "三个地州尚未接入一体化平台", "新疆维吾尔自治区规划人员");
        assertThat(overviewRow()).contains("ys-status-NOT_ACHIEVED");

        judge("admin", "ACHIEVED", "2025", "14个地州全部接入（督查报告）");
        String html = page(null, "lang", "en");
        assertThat(html).contains("ys-status-ACHIEVED", "Judgements", "14个地州全部接入（督查报告）", "三个地州尚未接入一体化平台");
        assertThat(overviewRow()).contains("ys-status-ACHIEVED");
        assertThat(judgements.history(target().id())).extracting(MilestoneJudgement::judgedBy)
                .containsExactly("admin", "planner");

        assertThat(jdbc.sql("""
                        select field, old_value, new_value from audit_event
                        where entity_type = 'target' and entity_id = ? and action = 'judge' order by id""")
                .param(target().id()).query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + "→" + rs.getString(3)).list())
                .containsExactly("verdict:null→AT_RISK", "year:null→2025", "verdict:AT_RISK→ACHIEVED", "year:2025→2025");
    }

    @Test
    void theJudgementThatCountsIsTheOneForTheYearAskedAndTheMomentAsked() {
        As.user(accounts, "planner");
        Plan plan = plans.get(PLAN);
        clock.set(ZonedDateTime.of(2026, 1, 10, 9, 0, 0, 0, TestClock.ZONE).toInstant());
        judgements.judge(plan, target(), "off_track", "2023", "进度滞后");
        clock.set(ZonedDateTime.of(2026, 2, 10, 9, 0, 0, 0, TestClock.ZONE).toInstant());
        judgements.judge(plan, target(), "ON_TRACK", "2024", "按计划推进");
        ProgressSnapshot snapshot = progress.snapshot(List.of(target()), List.of(), List.of());

        // the target year 2025 has passed on the test clock (2026) and the latest judgement is for 2024
        assertThat(snapshot.assess(target()).assessment().status()).isEqualTo(Status.CANNOT_BE_JUDGED);
        assertThat(snapshot.assess(target()).assessment().reason().args()).containsExactly(2025, 2024);
        assertThat(snapshot.assessAsOf(target(), 2023).assessment().status()).isEqualTo(Status.OFF_TRACK);
        assertThat(snapshot.assessAsOf(target(), 2022).assessment().status()).isEqualTo(Status.NOT_ASSESSED);
        // as it stood before the second judgement was made
        assertThat(snapshot.assess(target(), null, ZonedDateTime.of(2026, 2, 1, 0, 0, 0, 0, TestClock.ZONE).toInstant())
                .assessment().reason().args()).containsExactly(2025, 2023);
    }

    @Test
    void everyProblemOfAnEntryIsReportedAtOnceAndNothingIsStored() throws Exception {
        judge("planner", "ON_TRACK", "2024", "按计划推进");

        MockHttpServletResponse r = judge("planner", "MAYBE", "20x5", "  ");
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("未保存", "data-field=\"verdict\"", "data-field=\"year\"",
                "data-field=\"note\"", "不是“已实现、进展顺利、存在风险、明显滞后”之一", "应为 2015 至 2026 之间的年份", "不能为空",
                "value=\"20x5\"");
        assertThat(judge("planner", "ACHIEVED", "2027", "提前完成").getContentAsString())
                .contains("data-field=\"year\"", "应为 2015 至 2026 之间的年份", "提前完成");
        assertThat(judge("planner", "ACHIEVED", "2014", "x").getStatus()).isEqualTo(422);
        assertThat(judge("planner", "ACHIEVED", "2025", "长".repeat(MilestoneJudgements.MAX_NOTE + 1)).getContentAsString())
                .contains("data-field=\"note\"", "超过 1000 个字符");
        assertThat(judge("planner", "", "", "").getContentAsString()).contains("data-field=\"verdict\"", "data-field=\"year\"");
        assertThat(judge("planner", "achieved", "2025", "x").getStatus()).isEqualTo(302);

        r = mvc.perform(post(PAGE + "/judgements").with(csrf()).param("lang", "en").param("verdict", "MAYBE")
                .param("year", "2025").param("note", "x").with(user(accounts.loadUserByUsername("planner")))).andReturn().getResponse();
        assertThat(r.getContentAsString()).contains("Nothing was saved", "Verdict", "is not one of achieved, on track, at risk, off track");

        // the refused page's language switch goes to the form's page (its own address takes only POST)
        r = mvc.perform(post(PAGE + "/judgements").with(csrf()).header("Referer", "http://localhost" + PAGE)
                .param("verdict", "MAYBE").with(user(accounts.loadUserByUsername("planner")))).andReturn().getResponse();
        assertThat(r.getContentAsString()).contains("href=\"" + PAGE + "?lang=en\"")
                .doesNotContain("href=\"" + PAGE + "/judgements?lang=en\"");
        r = mvc.perform(post(PAGE + "/judgements").with(csrf()).header("Referer", "https://elsewhere.example/x")
                .param("verdict", "MAYBE").with(user(accounts.loadUserByUsername("planner")))).andReturn().getResponse();
        assertThat(r.getContentAsString()).contains("href=\"/?lang=en\"");

        assertThat(stored()).isEqualTo(2);
        assertThat(progress.assess(target()).assessment().status()).isEqualTo(Status.ACHIEVED);
    }

    @Test
    void aTargetWithFiguresIsNotJudgedItGoesToItsProgressPage() throws Exception {
        Target numeric = targets.ofPlan(plans.get(PLAN)).stream().filter(t -> t.indicatorCode() != null).findFirst().orElseThrow();
        MockHttpServletResponse r = mvc.perform(get("/plans/" + PLAN + "/targets/" + numeric.code())).andReturn().getResponse();
        assertThat(r.getRedirectedUrl()).isEqualTo("/indicators/" + numeric.indicatorCode() + "/progress?target=" + numeric.id());

        As.user(accounts, "planner");
        assertThatThrownBy(() -> judgements.judge(plans.get(PLAN), numeric, "ACHIEVED", "2020", "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::field, InputProblem::kind)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("target", JudgementProblem.NOT_A_MILESTONE)));
        assertThat(mvc.perform(get("/plans/" + PLAN + "/targets/no-such-target")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void onlyPlannersOfTheTargetsRegionMayJudge() throws Exception {
        assertThat(judge(null, "ACHIEVED", "2025", "x").getStatus()).isEqualTo(302);
        assertThat(judge(null, "ACHIEVED", "2025", "x").getRedirectedUrl()).endsWith("/login");
        for (String role : List.of("reporter", "reviewer", "reviewer-xj", "department", "enterprise")) {
            assertThat(judge(role, "ACHIEVED", "2025", "x").getStatus()).as(role).isEqualTo(403);
            assertThat(page(role)).as(role).doesNotContain("name=\"verdict\"");
        }
        assertThat(stored()).isZero();

        // the region's planner judges Xinjiang's milestones, not Inner Mongolia's
        Plan nm = plans.get("nm-info-13fyp");
        Target dcBase = targets.find(nm.id(), "t-national-dc-base").orElseThrow();
        As.user(accounts, "planner");
        assertThat(judgements.mayJudge(dcBase)).isFalse();
        assertThat(judgements.mayJudge(target())).isTrue();
        assertThatThrownBy(() -> judgements.judge(nm, dcBase, "ACHIEVED", "2020", "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(mvc.perform(get("/plans/nm-info-13fyp/targets/t-national-dc-base")
                .with(user(accounts.loadUserByUsername("planner")))).andReturn().getResponse().getContentAsString())
                .contains("ys-status-NOT_ASSESSED").doesNotContain("name=\"verdict\"");
    }

    @Test
    void aNoteTheAuditTrailCannotHoldIsAFieldErrorNotAServerError() throws Exception {
        // the judgement table holds 2000 characters, the audit row's reason 1000: 1500 used to pass the
        // form and fail in the database (500); now the form names the field and the limit
        String note = "长".repeat(1500);
        MockHttpServletResponse r = judge("planner", "ON_TRACK", "2025", note);
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString()).contains("未保存", "data-field=\"note\"", "超过 1000 个字符");
        assertThat(stored()).isZero();
        assertThat(judge("planner", "ON_TRACK", "2025", "长".repeat(MilestoneJudgements.MAX_NOTE)).getStatus())
                .isEqualTo(302);
        assertThat(stored()).isOne();
    }

    @Test
    void aRefererWithBracketsOrOtherOddCharactersIsNoServerError() throws Exception {
        for (String referer : List.of("http://localhost" + PAGE + "?x=[1]", "http://localhost/[", "http://[",
                "http://[::1]" + PAGE, "/plans[", "http://localhost" + PAGE + "?a=%5B&b=[", "http://localhost/?lang=[en]",
                "http://localhost" + PAGE + "?q=a%zz", "[", "http://localhost" + PAGE + "#[x]", "http://localhost/%",
                "http://localhost" + PAGE + "?x=%5B%5D&=&&lang=", "http://localhost/a b")) {
            MockHttpServletResponse r = mvc.perform(post(PAGE + "/judgements").with(csrf()).header("Referer", referer)
                    .param("verdict", "MAYBE").with(user(accounts.loadUserByUsername("planner")))).andReturn().getResponse();
            assertThat(r.getStatus()).as(referer).isEqualTo(422);
            assertThat(r.getContentAsString()).as(referer).contains("data-field=\"verdict\"", "lang=en\"");
        }
    }
}
