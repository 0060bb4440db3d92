package org.yardstick.framework.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.audit.AuditEvent;
import org.yardstick.audit.AuditTrail;
import org.yardstick.framework.Change;
import org.yardstick.framework.IndicatorNature;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.framework.Targets;
import org.yardstick.framework.internal.FrameworkChanges;
import org.yardstick.framework.internal.TargetCommand;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/**
 * The authoring forms in the browser's place: each form creates and edits through the one write path,
 * refuses bad input whole with the field, the value and the reason beside the field, checks as it is
 * filled in (htmx) without writing, keeps to the account's scope, and the target page shows the history.
 */
@YardstickTest
@Transactional
class AuthoringPagesTest {

    static final String PASSWORD = "Fwui-authoring-5821-qz";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService details;
    @Autowired Plans plans;
    @Autowired Targets targets;
    @Autowired Indicators indicators;
    @Autowired AuditTrail audit;
    @Autowired FrameworkChanges changes;

    @BeforeEach
    void accounts() {
        As.user(details, "admin");
        accounts.create(new NewAccount("fwui-xj", "规划处（测试）", PASSWORD, Role.PLANNER, "65", null, false), "test");
        accounts.create(new NewAccount("fwui-nm", "规划处（内蒙古，测试）", PASSWORD, Role.PLANNER, "15", null, false), "test");
        As.nobody();
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    RequestPostProcessor as(String name) {
        return user(details.loadUserByUsername(name));
    }

    MockHttpServletRequestBuilder form(String url, String... fields) {
        MockHttpServletRequestBuilder b = post(url).with(csrf()).with(as("fwui-xj"));
        for (int i = 0; i < fields.length; i += 2) {
            b.param(fields[i], fields[i + 1]);
        }
        return b;
    }

    static final String[] PLAN = {"code", "fwui-plan", "name_zh", "测试规划", "name_en", "Test plan", "region", "65",
            "start_year", "2021", "end_year", "2025", "baseline_year", "2020"};

    void newPlan() throws Exception {
        mvc.perform(form("/authoring/plans/new", PLAN)).andExpect(redirectedUrl("/authoring/plans/fwui-plan"));
    }

    String counts() {
        StringBuilder s = new StringBuilder();
        for (String t : List.of("plan", "plan_section", "goal", "key_project", "task", "task_unit", "target", "target_revision",
                "indicator", "audit_event")) {
            s.append(t).append('=').append(jdbc.sql("select count(*) from " + t).query(Long.class).single()).append(' ');
        }
        return s.toString();
    }

    static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    // ---- plans

    @Test
    void aPlannerCreatesEditsAndRetiresAPlan() throws Exception {
        mvc.perform(get("/authoring/plans/new").with(as("fwui-xj"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("新建规划"), containsString("name=\"baseline_year\""))));
        newPlan();
        assertThat(plans.find("fwui-plan")).get().satisfies(p -> assertThat(p.endYear()).isEqualTo(2025));
        mvc.perform(get("/authoring/plans/fwui-plan").with(as("fwui-xj"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("测试规划"), containsString("/authoring/plans/fwui-plan/targets/new"))));

        String[] edited = PLAN.clone();
        edited[3] = "测试规划（修订）";
        mvc.perform(form("/authoring/plans/fwui-plan/edit", edited)).andExpect(redirectedUrl("/authoring/plans/fwui-plan"));
        assertThat(plans.get("fwui-plan").name().zh()).isEqualTo("测试规划（修订）");

        // retiring needs a reason
        mvc.perform(form("/authoring/plans/fwui-plan/retire", "reason", "")).andExpect(flash().attributeExists("problems"));
        assertThat(plans.get("fwui-plan").retired()).isFalse();
        mvc.perform(form("/authoring/plans/fwui-plan/retire", "reason", "superseded by the 15th plan"))
                .andExpect(flash().attribute("retired", "fwui-plan"));
        assertThat(plans.get("fwui-plan").retired()).isTrue();
        mvc.perform(get("/authoring/plans/fwui-plan").with(as("fwui-xj"))).andExpect(content().string(containsString("已停用")));
        assertThat(audit.search(new AuditTrail.Filter("plan", null, null, null, "fwui-plan"), 10).stream()
                .map(AuditEvent::action).toList()).contains("create", "update", "retire");
    }

    @Test
    void aRefusedPlanNamesFieldValueAndReasonInBothLanguagesAndWritesNothing() throws Exception {
        String before = counts();
        String[] bad = PLAN.clone();
        bad[11] = "20x5"; // end_year
        bad[7] = "99"; // region
        mvc.perform(form("/authoring/plans/new", bad)).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("终止年"), containsString("20x5"), containsString("is-invalid"),
                        containsString("data-problem=\"file.not-an-integer\""), containsString("99"),
                        containsString("data-problem=\"framework.unknown-region\""))));
        mvc.perform(form("/authoring/plans/new", bad).param("lang", "en")).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("End year"), containsString("is not a whole number"),
                        containsString("is not a known region code"))));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theFormIsCheckedAsItIsFilledInWithoutWritingAndWithoutNagingAboutEmptyFields() throws Exception {
        String before = counts();
        mvc.perform(form("/authoring/plans/new", "_check", "1", "code", "fwui-plan", "region", "99", "start_year", "2030", "baseline_year", "2020",
                        "end_year", "2025"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"authoring-form\""), not(containsString("<html")),
                        containsString("data-problem=\"framework.unknown-region\""), containsString("data-problem=\"framework.year-order\""),
                        not(containsString("data-problem=\"framework.required\"")))));
        // a whole, correct plan is checked and still not written
        mvc.perform(form("/authoring/plans/new", with(PLAN, "_check", "1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("暂未发现问题")));
        assertThat(counts()).isEqualTo(before);
        assertThat(plans.find("fwui-plan")).isEmpty();
    }

    @Test
    void aPlannerOfAnotherRegionGets403() throws Exception {
        newPlan();
        mvc.perform(get("/authoring/plans/fwui-plan").with(as("fwui-nm"))).andExpect(status().isForbidden());
        mvc.perform(get("/authoring/plans/fwui-plan/sections/new").with(as("fwui-nm"))).andExpect(status().isForbidden());
        mvc.perform(post("/authoring/plans/fwui-plan/sections/new").with(csrf()).with(as("fwui-nm"))
                .param("code", "1").param("title_zh", "一").param("title_en", "One")).andExpect(status().isForbidden());
        mvc.perform(post("/authoring/plans/new").with(csrf()).with(as("fwui-nm")).params(params(PLAN)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/authoring/plans/new").with(as("reporter"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from plan_section s join plan p on p.id = s.plan_id where p.code = 'fwui-plan'")
                .query(Long.class).single()).isZero();
        // and the plan page offers editing to those who may only
        mvc.perform(get("/plans/fwui-plan").with(as("fwui-xj"))).andExpect(content().string(containsString("/authoring/plans/fwui-plan")));
        mvc.perform(get("/plans/fwui-plan").with(as("fwui-nm"))).andExpect(content().string(not(containsString("/authoring/plans/fwui-plan"))));
        mvc.perform(get("/plans").with(as("fwui-xj"))).andExpect(content().string(containsString("/authoring/plans/new")));
        mvc.perform(get("/plans")).andExpect(content().string(not(containsString("/authoring/plans/new"))));
    }

    static org.springframework.util.MultiValueMap<String, String> params(String... fields) {
        org.springframework.util.LinkedMultiValueMap<String, String> m = new org.springframework.util.LinkedMultiValueMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            m.add(fields[i], fields[i + 1]);
        }
        return m;
    }

    // ---- sections, goals, key projects, tasks

    @Test
    void sectionsGoalsKeyProjectsAndTasksWithUnitsInOrder() throws Exception {
        newPlan();
        String base = "/authoring/plans/fwui-plan/";
        mvc.perform(form(base + "sections/new", "code", "1", "title_zh", "总体要求", "title_en", "General",
                "indicators", "FTTH_USERS\nIIDI")).andExpect(redirectedUrl(base.substring(0, base.length() - 1)));
        mvc.perform(form(base + "goals/new", "code", "G1", "section", "1", "text_zh", "到2025年……", "text_en", "By 2025 …"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(form(base + "projects/new", "code", "K1", "section", "1", "name_zh", "光纤工程", "name_en", "Fibre"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(form(base + "tasks/new", "code", "T1", "section", "1", "title_zh", "推进光纤到户", "title_en", "Fibre to homes",
                "start_year", "2021", "deadline_year", "2023", "units", "xj-kjt\nxj-jxw")).andExpect(status().is3xxRedirection());
        var plan = plans.get("fwui-plan");
        assertThat(plans.tasks(plan).get(0).unitCodes()).containsExactly("xj-kjt", "xj-jxw");
        assertThat(plans.keyProjects(plan)).extracting(k -> k.code()).containsExactly("K1");
        assertThat(plans.outline(plan).get(0).goals()).extracting(g -> g.code()).containsExactly("G1");

        // reorder the units: the other one leads now
        mvc.perform(get(base + "tasks/T1/edit").with(as("fwui-xj"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("xj-kjt\nxj-jxw")));
        mvc.perform(form(base + "tasks/T1/edit", "code", "T1", "section", "1", "title_zh", "推进光纤到户", "title_en", "Fibre to homes",
                "start_year", "2021", "deadline_year", "2023", "units", "xj-jxw, xj-kjt")).andExpect(status().is3xxRedirection());
        assertThat(plans.tasks(plan).get(0).unitCodes()).containsExactly("xj-jxw", "xj-kjt");

        // a task without units, with an unknown unit, a deadline before its start: refused, named
        String before = counts();
        mvc.perform(form(base + "tasks/new", "code", "T2", "title_zh", "x", "title_en", "x", "start_year", "2024",
                        "deadline_year", "2022", "units", "nobody"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("nobody"), containsString("data-problem=\"framework.unknown-organisation\""),
                        containsString("data-problem=\"framework.year-order\""))));
        mvc.perform(form(base + "sections/new", "code", "2", "parent", "9", "title_zh", "", "title_en", "x"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("data-problem=\"framework.unknown-section\""),
                        containsString("data-problem=\"framework.required\""))));
        assertThat(counts()).isEqualTo(before);
    }

    // ---- indicators

    @Test
    void indicatorsWithEveryAttributeBindingAndDerived() throws Exception {
        mvc.perform(get("/authoring/indicators/new").with(as("fwui-xj"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"formula\""), containsString("name=\"period_rule\""),
                        containsString("约束性指标"))));
        mvc.perform(form("/authoring/indicators/new", "code", "FWUI_A", "name_zh", "甲", "name_en", "A", "unit_zh", "万户",
                "unit_en", "10k", "nature", "BINDING", "polarity", "POSITIVE", "aggregation", "SUM", "period_rule", "LAST",
                "incomplete", "WARN", "decimals", "1")).andExpect(redirectedUrl("/indicators/FWUI_A"));
        assertThat(indicators.get("FWUI_A").nature()).isEqualTo(IndicatorNature.BINDING);
        // the aggregation chosen decides the fields: a ratio asks for numerator and denominator
        mvc.perform(form("/authoring/indicators/new", "_check", "1", "aggregation", "RATIO"))
                .andExpect(content().string(allOf(containsString("name=\"numerator\""), containsString("name=\"denominator\""))));
        mvc.perform(form("/authoring/indicators/new", "code", "FWUI_D", "name_zh", "乙", "name_en", "B", "nature", "EXPECTED",
                "polarity", "POSITIVE", "aggregation", "NOT_ADDITIVE", "formula", "FWUI_A * 2", "incomplete", "WARN",
                "decimals", "2")).andExpect(redirectedUrl("/indicators/FWUI_D"));
        assertThat(indicators.get("FWUI_D").formula()).isEqualTo("FWUI_A * 2");
        // a formula over itself is refused, beside the field
        String before = counts();
        mvc.perform(form("/authoring/indicators/FWUI_D/edit", "code", "FWUI_D", "name_zh", "乙", "name_en", "B", "nature", "EXPECTED",
                        "polarity", "POSITIVE", "aggregation", "NOT_ADDITIVE", "formula", "FWUI_D + 1", "incomplete", "WARN",
                        "decimals", "2"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("FWUI_D + 1"), containsString("data-problem=\"framework.formula-self\""))));
        assertThat(counts()).isEqualTo(before);
        mvc.perform(get("/indicators/FWUI_A").with(as("fwui-xj"))).andExpect(content().string(containsString("/authoring/indicators/FWUI_A/edit")));
        mvc.perform(get("/indicators/FWUI_A")).andExpect(content().string(not(containsString("/authoring/indicators/FWUI_A/edit"))));
    }

    @Test
    void anIndicatorIsRetiredFromItsPageWithAReasonAndForcedOnlyWhenFiguresReferToIt() throws Exception {
        mvc.perform(form("/authoring/indicators/new", "code", "FWUI_R", "name_zh", "丙", "name_en", "C", "unit_zh", "户",
                "unit_en", "households", "nature", "EXPECTED", "polarity", "POSITIVE", "aggregation", "SUM", "period_rule", "LAST",
                "incomplete", "WARN", "decimals", "0")).andExpect(redirectedUrl("/indicators/FWUI_R"));
        mvc.perform(get("/indicators/FWUI_R").with(as("fwui-xj")))
                .andExpect(content().string(allOf(containsString("/authoring/indicators/FWUI_R/retire"), containsString("停用本指标"))));
        mvc.perform(get("/indicators/FWUI_R")).andExpect(content().string(not(containsString("/authoring/indicators/FWUI_R/retire"))));
        // no reason: refused, named on the page it comes back to, nothing written
        assertThat(retireProblems("FWUI_R", "")).containsExactly("reason framework.reason-required");
        assertThat(indicators.get("FWUI_R").retired()).isFalse();
        mvc.perform(form("/authoring/indicators/FWUI_R/retire", "reason", "与另一指标重复")).andExpect(redirectedUrl("/indicators/FWUI_R"))
                .andExpect(flash().attribute("retired", "FWUI_R"));
        assertThat(indicators.get("FWUI_R").retired()).isTrue();
        mvc.perform(get("/indicators/FWUI_R").with(as("fwui-xj")).param("lang", "en"))
                .andExpect(content().string(not(containsString("/authoring/indicators/FWUI_R/retire"))));
        // an indicator with figures needs the box ticked
        assertThat(retireProblems("IDI", "不再监测")).singleElement().asString().endsWith("framework.force-needed");
        assertThat(indicators.get("IDI").retired()).isFalse();
        mvc.perform(get("/indicators/IDI").with(as("fwui-xj")).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Retire this indicator"),
                        containsString("even though figures or targets refer to it"))));
    }

    /** Retires an indicator through its page's form and answers the problems it came back with, as "field code". */
    @SuppressWarnings("unchecked")
    java.util.List<String> retireProblems(String code, String reason) throws Exception {
        var flashed = mvc.perform(form("/authoring/indicators/" + code + "/retire", "reason", reason))
                .andExpect(redirectedUrl("/indicators/" + code)).andReturn().getFlashMap().get("problems");
        return flashed == null ? java.util.List.of() : ((java.util.List<org.yardstick.shared.InputProblem>) flashed).stream()
                .map(p -> p.field() + " " + p.kind().key()).toList();
    }

    // ---- targets

    static final String[] TARGET = {"code", "t-fibre", "kind", "AT_LEAST", "indicator", "FTTH_USERS", "region", "65",
            "disaggregation", "_T", "value", "300", "baseline_year", "2020", "target_year", "2025", "qualifier_text", "以上",
            "statement_zh", "光纤到户用户达到300万户以上", "statement_en", "At least 3 million fibre homes"};

    @Test
    void targetsOfEveryKindShowTheirOwnFields() throws Exception {
        newPlan();
        String base = "/authoring/plans/fwui-plan/targets/";
        mvc.perform(get(base + "new").param("kind", "RANGE").with(as("fwui-xj")))
                .andExpect(content().string(allOf(containsString("name=\"value_high\""), not(containsString("name=\"comparator\"")))));
        mvc.perform(form(base + "new", "_check", "1", "kind", "COMPARATOR"))
                .andExpect(content().string(allOf(containsString("name=\"comparator\""), not(containsString("name=\"value\"")))));
        mvc.perform(form(base + "new", "_check", "1", "kind", "CHANGE"))
                .andExpect(content().string(containsString("name=\"change_unit\"")));
        mvc.perform(form(base + "new", "_check", "1", "kind", "INCREASE"))
                .andExpect(content().string(allOf(containsString("name=\"limit\""), not(containsString("name=\"value\"")))));

        mvc.perform(form(base + "new", TARGET)).andExpect(redirectedUrl("/plans/fwui-plan/targets/t-fibre"));
        mvc.perform(form(base + "new", "code", "t-range", "kind", "RANGE", "indicator", "FTTH_USERS", "region", "65",
                "value", "3", "value_high", "5", "target_year", "2025", "statement_zh", "3-5", "statement_en", "3-5"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(form(base + "new", "code", "t-change", "kind", "CHANGE", "indicator", "FTTH_USERS", "region", "65",
                "value", "20", "change_unit", "PERCENT", "baseline_year", "2020", "target_year", "2025", "statement_zh", "提高20%",
                "statement_en", "Up 20%")).andExpect(status().is3xxRedirection());
        mvc.perform(form(base + "new", "code", "t-mile", "kind", "MILESTONE", "region", "65", "target_year", "2025",
                "statement_zh", "基本建成", "statement_en", "Basically built", "source.document", "", "source.quote", ""))
                .andExpect(status().is3xxRedirection());
        var plan = plans.get("fwui-plan");
        assertThat(targets.ofPlan(plan)).extracting(Target::kind)
                .containsExactly(TargetKind.AT_LEAST, TargetKind.RANGE, TargetKind.CHANGE, TargetKind.MILESTONE);
        assertThat(targets.find(plan.id(), "t-fibre").orElseThrow().qualifier()).isEqualTo(Qualifier.OVER);

        // a range whose upper end is below its value, a change without its unit: refused, named
        String before = counts();
        mvc.perform(form(base + "new", "code", "t-bad", "kind", "RANGE", "indicator", "FTTH_USERS", "region", "65",
                        "value", "5", "value_high", "3", "target_year", "2025", "statement_zh", "x", "statement_en", "x"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("区间上限"), containsString("data-problem=\"framework.range-order\""))));
        mvc.perform(form(base + "new", "code", "t-fibre", "kind", "VALUE", "indicator", "NOPE", "region", "65", "value", "abc",
                        "target_year", "2025", "statement_zh", "x", "statement_en", "x"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("data-problem=\"framework.code-exists\""),
                        containsString("data-problem=\"framework.unknown-indicator\""), containsString("data-problem=\"file.not-a-number\""))));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aTargetYearBeforeItsBaselineYearIsRefusedInTheFormNamingTheField() throws Exception {
        newPlan();
        String before = counts();
        String[] bad = TARGET.clone();
        bad[15] = "2019"; // target_year, before the baseline year 2020
        assertThat(bad[14]).isEqualTo("target_year");
        mvc.perform(form("/authoring/plans/fwui-plan/targets/new", bad)).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("data-problem=\"framework.year-order\""),
                        org.hamcrest.Matchers.matchesPattern("(?s).*is-invalid\"\\s+id=\"f-baseline_year\".*"),
                        containsString("不能晚于 target_year（2019）"))));
        mvc.perform(form("/authoring/plans/fwui-plan/targets/new", bad).param("lang", "en")).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("data-problem=\"framework.year-order\""),
                        containsString("must not be after target_year (2019)"))));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void adjustingATargetNeedsAReasonAndTheHistoryAndTheReportSayIt() throws Exception {
        mvc.perform(form("/authoring/plans/new", "code", "fwui-plan", "name_zh", "测试规划", "name_en", "Test plan", "region", "65",
                "start_year", "2016", "end_year", "2020", "baseline_year", "2015")).andExpect(status().is3xxRedirection());
        String base = "/authoring/plans/fwui-plan/targets/";
        String[] target = TARGET.clone();
        target[15] = "2020";
        target[13] = "2015";
        mvc.perform(form(base + "new", target)).andExpect(status().is3xxRedirection());
        String[] adjusted = target.clone();
        adjusted[11] = "250";
        String before = counts();
        mvc.perform(form(base + "t-fibre/edit", adjusted)).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("调整原因"), containsString("data-problem=\"framework.reason-required\""))));
        assertThat(counts()).isEqualTo(before);
        mvc.perform(form(base + "t-fibre/edit", with(adjusted, "reason", "中期评估后按实际进度下调")))
                .andExpect(redirectedUrl("/plans/fwui-plan/targets/t-fibre"));
        Target t = targets.find(plans.get("fwui-plan").id(), "t-fibre").orElseThrow();
        assertThat(t.value()).isEqualByComparingTo(new BigDecimal("250"));

        String page = mvc.perform(get("/indicators/FTTH_USERS/progress").param("target", String.valueOf(t.id())).with(as("fwui-xj")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("目标值调整记录", "由 300 调整为 250", "中期评估后按实际进度下调", "/authoring/plans/fwui-plan/targets/t-fibre/parts");
        String en = mvc.perform(get("/indicators/FTTH_USERS/progress").param("target", String.valueOf(t.id())).param("lang", "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("from 300 to 250 because: 中期评估后按实际进度下调").doesNotContain("/authoring/plans/fwui-plan/targets/t-fibre/parts");
        // the evaluation report of a plan says which targets were adjusted, when, from what to what and why
        var seed = plans.get("xj-info-13fyp");
        Target cables = targets.find(seed.id(), "t-xb-cables").orElseThrow();
        As.user(details, "fwui-xj");
        var c = TargetCommand.of(cables);
        changes.adjustTarget("xj-info-13fyp", "t-xb-cables", new TargetCommand(c.code(), c.indicatorCode(), c.regionCode(),
                c.disaggregationCode(), c.kind(), c.qualifier(), c.qualifierText(), c.value().add(BigDecimal.ONE), c.valueHigh(),
                c.changeUnit(), c.limit(), c.comparatorRegionCode(), c.baselineYear(), c.targetYear(), c.statement(), c.source()),
                Change.form("中期评估后新增一国"));
        As.nobody();
        String report = mvc.perform(get("/plans/xj-info-13fyp/report").param("kind", "mid-term"))
                .andReturn().getResponse().getContentAsString();
        assertThat(report).contains("目标值调整情况", "t-xb-cables", "调整为 " + c.value().add(BigDecimal.ONE).stripTrailingZeros().toPlainString(), "中期评估后新增一国");
    }
}
