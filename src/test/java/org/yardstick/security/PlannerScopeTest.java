package org.yardstick.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.MapFileSet;
import org.yardstick.YardstickTest;
import org.yardstick.index.IndexDefinitions;
import org.yardstick.observation.DataSetFiles;
import org.yardstick.validation.internal.RuleForm;
import org.yardstick.validation.internal.ValidationRule;
import org.yardstick.validation.internal.ValidationRules;

/**
 * A planner plans for the region of the account only: the demo's {@code planner} (新疆, 65) cannot
 * publish or edit an index over 内蒙古 (15), nor create, edit, switch or delete the validation rules
 * of Inner Mongolia's data sets or national rules. Everything here is rolled back.
 */
@YardstickTest
@Transactional
class PlannerScopeTest {

    @Autowired IndexDefinitions indices;
    @Autowired ValidationRules rules;
    @Autowired DataSetFiles dataSets;
    @Autowired UserDetailsService accounts;
    @Autowired MockMvc mvc;

    static String index(String code, String scope) {
        return """
                index: {code: %s, name_zh: 范围测试指数, name_en: Scope test index}
                regions: {scope: "%s", level: prefecture}
                periods: [2015, 2016]
                aggregates:
                  - {code: ROOT, name_zh: 总, name_en: Total}
                indicators:
                  - {code: IIDI, name_zh: 两化融合, name_en: Integration, parent: ROOT}
                  - {code: IDI, name_zh: 信息化, name_en: Informatization, parent: ROOT}
                """.formatted(code, scope);
    }

    static RuleForm rule(String code, String dataSet, String indicator, String max) {
        return new RuleForm(code, "范围测试规则", "", "range", "warning", dataSet, indicator, "", "", "", "0", max, "", "",
                "true");
    }

    @BeforeEach
    void innerMongoliaHasADataSet() {
        As.nobody();
        dataSets.load(new MapFileSet().with("data-sets.yaml", """
                data_sets:
                  - code: nm-scope-test
                    name_zh: 内蒙古盟市信息化年报
                    name_en: Inner Mongolia league informatization form
                    region_level: prefecture
                    period_type: year
                    plan: nm-info-13fyp
                    indicators: [PHONE_PENETRATION]
                """));
    }

    @AfterEach
    void logOut() {
        As.nobody();
    }

    @Test
    void aPlannerOfXinjiangCannotPublishAnIndexOverInnerMongolia() {
        As.user(accounts, "planner");
        assertThatThrownBy(() -> indices.save(null, 0, index("TSCOPE1", "15"), "抢先发布"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("15");
        assertThat(indices.find("TSCOPE1")).isEmpty();
        // the planner's own region is allowed: the check is about scope, not about planning
        assertThat(indices.save(null, 0, index("TSCOPE2", "65"), "本区").changed()).isTrue();
    }

    @Test
    void aPlannerOfXinjiangCannotEditAnIndexOverInnerMongoliaNorMoveItsScope() {
        As.user(accounts, "admin");
        indices.save(null, 0, index("TSCOPE3", "15"), "内蒙古的指数");
        As.user(accounts, "planner");
        assertThatThrownBy(() -> indices.save("TSCOPE3", 1, index("TSCOPE3", "15").replace("Scope test", "Taken"), ""))
                .isInstanceOf(AccessDeniedException.class);
        // moving the scope to the planner's own region does not take the index over either
        assertThatThrownBy(() -> indices.save("TSCOPE3", 1, index("TSCOPE3", "65"), ""))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(indices.get("TSCOPE3").version()).isEqualTo(1);
        assertThat(indices.get("TSCOPE3").coverage().scopeCode()).isEqualTo("15");
    }

    @Test
    void aPlannerOfXinjiangCannotTouchTheRulesOfInnerMongolia() throws Exception {
        As.user(accounts, "admin");
        ValidationRule theirs = rules.create(rule("nm-scope-rule", "nm-scope-test", "PHONE_PENETRATION", "200"));
        As.user(accounts, "planner");
        assertThat(rules.mayChange(theirs)).isFalse();
        assertThatThrownBy(() -> rules.create(rule("nm-scope-new", "nm-scope-test", "PHONE_PENETRATION", "100")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rules.update("nm-scope-rule", theirs.version(),
                rule("nm-scope-rule", "nm-scope-test", "PHONE_PENETRATION", "1"))).isInstanceOf(AccessDeniedException.class);
        // nor by moving it to the planner's own data set
        assertThatThrownBy(() -> rules.update("nm-scope-rule", theirs.version(),
                rule("nm-scope-rule", "xj-county-info", "BB_USERS", "1"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rules.setEnabled("nm-scope-rule", theirs.version(), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rules.delete("nm-scope-rule", theirs.version())).isInstanceOf(AccessDeniedException.class);
        assertThat(rules.get("nm-scope-rule")).isEqualTo(theirs);
        assertThat(rules.find("nm-scope-new")).isEmpty();
        // and the rules page offers the planner no buttons for it (their own rules keep theirs)
        As.nobody();
        String page = mvc.perform(get("/rules").with(user(accounts.loadUserByUsername("planner")))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("/rules/ftth-le-bb/edit").doesNotContain("/rules/nm-scope-rule/edit")
                .doesNotContain("/rules/nm-scope-rule/delete");
    }

    @Test
    void aPlannerOfXinjiangCannotChangeANationalRuleButKeepsTheirOwn() {
        As.user(accounts, "admin");
        // no data set holds PHONE_PENETRATION but Inner Mongolia's: a rule of every data set on it checks Inner Mongolia
        ValidationRule national = rules.create(rule("nm-scope-any", "", "PHONE_PENETRATION", "200"));
        As.user(accounts, "planner");
        assertThatThrownBy(() -> rules.setEnabled("nm-scope-any", national.version(), false))
                .isInstanceOf(AccessDeniedException.class);
        ValidationRule own = rules.create(rule("xj-scope-own", "xj-county-info", "FTTB_RATE", "100"));
        assertThat(rules.mayChange(own)).isTrue();
        assertThat(rules.setEnabled("xj-scope-own", own.version(), false).enabled()).isFalse();
    }
}
