package org.yardstick.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.audit.AuditEvent;
import org.yardstick.audit.AuditTrail;
import org.yardstick.observation.Severity;
import org.yardstick.validation.internal.Condition;
import org.yardstick.validation.internal.Operator;
import org.yardstick.validation.internal.RuleForm;
import org.yardstick.validation.internal.RuleKind;
import org.yardstick.validation.internal.ValidationRule;
import org.yardstick.validation.internal.ValidationRules;

/**
 * The rule list and editor: who may see and change rules, what a wrong form says, conflicts, and
 * the audit trail of every change. Each test runs in a transaction that is rolled back.
 */
@YardstickTest
@Transactional
class RulePagesTest {

    @Autowired MockMvc mvc;
    @Autowired ValidationRules rules;
    @Autowired AuditTrail audit;

    /** A form for a new rule; {@code fields} as name, value pairs override the defaults. */
    static MockHttpServletRequestBuilder newRule(String... fields) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("code", "t-rule", "nameZh", "测试规则", "nameEn", "Test rule",
                "severity", "ERROR", "dataSet", "xj-county-info", "enabled", "true"));
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        MockHttpServletRequestBuilder b = post("/rules").with(csrf());
        form.forEach(b::param);
        return b;
    }

    List<String> auditActions(String code) {
        return audit.search(new AuditTrail.Filter(ValidationRules.ENTITY, null, null, null, code), 100).stream()
                .filter(e -> e.entityKey().equals(code)).map(AuditEvent::action).distinct().toList();
    }

    // ---- reading

    @Test
    @WithUserDetails("planner")
    void theListShowsTheDemoRulesInChineseAndEnglish() throws Exception {
        mvc.perform(get("/rules")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("校验规则"), containsString("光纤到户数不超过互联网宽带接入用户"),
                        containsString("光纤到户数 ≤ 互联网宽带接入用户"), containsString("光纤到大楼比例 在 0 至 100 之间（含）"),
                        containsString("互联网宽带接入用户 同比变化超过 50%"), containsString("/rules/new?kind=COMPARISON"),
                        containsString("/rules/ftth-le-bb/edit"))));
        mvc.perform(get("/rules").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Validation rules"),
                        containsString("Fibre-to-the-home connections ≤ Broadband internet subscribers"),
                        containsString("Broadband internet subscribers changes by more than 50% on the year before"),
                        not(containsString("校验规则</h1>")))));
    }

    @Test
    @WithUserDetails("reviewer")
    void aReviewerReadsTheRulesButCannotChangeThem() throws Exception {
        mvc.perform(get("/rules")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("ftth-le-bb"), not(containsString("/rules/ftth-le-bb/edit")))));
        mvc.perform(get("/rules/new")).andExpect(status().isForbidden());
        mvc.perform(newRule("kind", "RANGE", "indicator", "FTTB_RATE", "min", "0")).andExpect(status().isForbidden());
        assertThat(rules.find("t-rule")).isEmpty();
    }

    @Test
    @WithUserDetails("reporter")
    void aReporterMayNeitherReadNorChangeRules() throws Exception {
        int version = rules.get("ftth-le-bb").version();
        mvc.perform(get("/rules")).andExpect(status().isForbidden());
        mvc.perform(get("/rules/new")).andExpect(status().isForbidden());
        mvc.perform(newRule("kind", "RANGE", "indicator", "FTTB_RATE", "min", "0")).andExpect(status().isForbidden());
        mvc.perform(post("/rules/ftth-le-bb/disable").with(csrf()).param("version", Integer.toString(version)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/rules/ftth-le-bb/delete").with(csrf()).param("version", Integer.toString(version)))
                .andExpect(status().isForbidden());
        assertThat(rules.get("ftth-le-bb").enabled()).isTrue();
        assertThat(rules.find("t-rule")).isEmpty();
    }

    @Test
    void theAnonymousPublicIsSentToLogIn() throws Exception {
        mvc.perform(get("/rules")).andExpect(status().is3xxRedirection());
    }

    // ---- the form

    @Test
    @WithUserDetails("planner")
    void theFormShowsTheFieldsOfTheChosenKind() throws Exception {
        mvc.perform(get("/rules/new").param("kind", "COMPARISON")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"operator\""), containsString("name=\"other\""),
                        not(containsString("name=\"min\"")), containsString("hx-get=\"/rules/fields\""))));
        // htmx asks for the fields of another kind, keeping what was typed
        mvc.perform(get("/rules/fields").param("kind", "RANGE").param("min", "7").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"kind-fields\""), containsString("name=\"min\""),
                        containsString("value=\"7\""), not(containsString("name=\"operator\"")), not(containsString("<html")))));
        mvc.perform(get("/rules/fields").param("kind", "YOY_CHANGE")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"threshold\""), containsString("name=\"direction\""))));
    }

    @Test
    @WithUserDetails("planner")
    void aPlannerAddsARuleAndTheAuditTrailRecordsIt() throws Exception {
        mvc.perform(newRule("kind", "COMPARISON", "indicator", "INTERNET_PORTS", "operator", "GE", "other", "BB_USERS",
                        "factor", "0.5"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/rules"))
                .andExpect(flash().attribute("saved", "t-rule"));
        ValidationRule r = rules.get("t-rule");
        assertThat(r.condition()).isEqualTo(new Condition.Comparison(Operator.GE, "BB_USERS", new java.math.BigDecimal("0.5")));
        assertThat(r.severity()).isEqualTo(Severity.ERROR);
        assertThat(r.updatedBy()).isEqualTo("planner");
        List<AuditEvent> history = audit.history(ValidationRules.ENTITY, r.id());
        assertThat(history).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo("create");
            assertThat(e.actor()).isEqualTo("planner");
            assertThat(e.entityKey()).isEqualTo("t-rule");
        });
        assertThat(history).extracting(e -> e.field() + "=" + e.newValue())
                .contains("kind=COMPARISON", "indicator=INTERNET_PORTS", "operator=GE", "other=BB_USERS", "factor=0.5",
                        "severity=ERROR", "data_set=xj-county-info");
    }

    @Test
    @WithUserDetails("planner")
    void badInputIsExplainedBesideEachFieldAndNothingIsSaved() throws Exception {
        int before = rules.all().size();
        mvc.perform(newRule("kind", "RANGE", "indicator", "NO_SUCH_INDICATOR", "min", "100", "max", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("未保存"), containsString("不是已知的指标代码"),
                        containsString("小于下限（100）"), containsString("value=\"NO_SUCH_INDICATOR\""))));
        mvc.perform(newRule("kind", "RANGE", "indicator", "FTTB_RATE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("取值范围至少需要填写下限或上限")));
        mvc.perform(newRule("kind", "COMPARISON", "indicator", "FTTH_USERS", "operator", "LE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("为必填项"), containsString("name=\"other\""))));
        mvc.perform(newRule("kind", "YOY_CHANGE", "indicator", "BB_USERS", "threshold", "0", "lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("must be greater than 0"),
                        containsString("Nothing was saved"))));
        mvc.perform(newRule("code", "ftth-le-bb", "kind", "RANGE", "indicator", "IIDI", "min", "x", "lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("is already the code of another rule"),
                        containsString("is not an indicator of the data set xj-county-info"), containsString("is not a number"))));
        assertThat(rules.all()).hasSize(before);
        assertThat(rules.find("t-rule")).isEmpty();
    }

    @Test
    @WithUserDetails("planner")
    void anEditIsAuditedWithOldAndNewValues() throws Exception {
        ValidationRule r = rules.get("fttb-rate-0-100");
        mvc.perform(post("/rules/fttb-rate-0-100/edit").with(csrf()).param("version", Integer.toString(r.version()))
                        .param("nameZh", r.name().zh()).param("nameEn", r.name().en()).param("kind", "RANGE")
                        .param("severity", "WARNING").param("dataSet", "xj-county-info").param("indicator", "FTTB_RATE")
                        .param("min", "0").param("max", "99").param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        ValidationRule after = rules.get("fttb-rate-0-100");
        assertThat(after.version()).isEqualTo(r.version() + 1);
        assertThat(after.severity()).isEqualTo(Severity.WARNING);
        List<AuditEvent> updates = audit.history(ValidationRules.ENTITY, r.id()).stream()
                .filter(e -> e.action().equals("update")).toList();
        assertThat(updates).extracting(e -> e.field() + ":" + e.oldValue() + "→" + e.newValue())
                .containsExactlyInAnyOrder("severity:ERROR→WARNING", "max:100→99");
        assertThat(updates).allSatisfy(e -> assertThat(e.actor()).isEqualTo("planner"));
    }

    @Test
    @WithUserDetails("planner")
    void aConcurrentEditIsAConflictAndChangesNothing() throws Exception {
        ValidationRule r = rules.get("fttb-rate-0-100");
        String seen = Integer.toString(r.version());
        // someone else changes the rule first
        rules.update(r.code(), r.version(), RuleForm.of(r).withKind(RuleKind.RANGE));
        ValidationRule now = rules.get(r.code());
        mvc.perform(post("/rules/fttb-rate-0-100/edit").with(csrf()).param("version", seen)
                        .param("nameZh", "我的修改").param("kind", "RANGE").param("severity", "ERROR")
                        .param("indicator", "FTTB_RATE").param("min", "0").param("max", "50"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("已被 planner 修改"), containsString("value=\"我的修改\""))));
        assertThat(rules.get(r.code())).isEqualTo(now);
        mvc.perform(post("/rules/fttb-rate-0-100/disable").with(csrf()).param("version", seen))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("failed", "fttb-rate-0-100"));
        assertThat(rules.get(r.code()).enabled()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void disablingEnablingAndDeletingAreAudited() throws Exception {
        ValidationRule r = rules.get("bb-users-yoy-50");
        mvc.perform(post("/rules/bb-users-yoy-50/disable").with(csrf()).param("version", Integer.toString(r.version())))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("saved", "bb-users-yoy-50"));
        assertThat(rules.get(r.code()).enabled()).isFalse();
        assertThat(rules.evaluator().rules()).extracting(ValidationRule::code).doesNotContain("bb-users-yoy-50");
        mvc.perform(get("/rules")).andExpect(content().string(containsString("已停用")));
        mvc.perform(post("/rules/bb-users-yoy-50/enable").with(csrf()).param("version", Integer.toString(r.version() + 1)))
                .andExpect(status().is3xxRedirection());
        assertThat(rules.get(r.code()).enabled()).isTrue();
        mvc.perform(post("/rules/bb-users-yoy-50/delete").with(csrf()).param("version", Integer.toString(r.version() + 2)))
                .andExpect(status().is3xxRedirection());
        assertThat(rules.find(r.code())).isEmpty();
        assertThat(rules.evaluator().rules()).extracting(ValidationRule::code).doesNotContain("bb-users-yoy-50");
        assertThat(auditActions("bb-users-yoy-50")).contains("disable", "enable", "delete");
        List<AuditEvent> deleted = audit.history(ValidationRules.ENTITY, r.id()).stream()
                .filter(e -> e.action().equals("delete")).toList();
        assertThat(deleted).extracting(e -> e.field() + "=" + e.oldValue()).contains("kind=YOY_CHANGE", "threshold=50");
        assertThat(deleted).allSatisfy(e -> assertThat(e.actor()).isEqualTo("admin"));
    }

    @Test
    @WithUserDetails("planner")
    void anUnknownRuleIsA404() throws Exception {
        mvc.perform(get("/rules/no-such-rule/edit")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("校验规则")));
    }
}
