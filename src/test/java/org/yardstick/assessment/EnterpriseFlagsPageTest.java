package org.yardstick.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.assessment.engine.RegionalProblem;
import org.yardstick.region.Regions;
import org.yardstick.security.Accounts;
import org.yardstick.security.Role;
import org.yardstick.shared.InputProblem;

/** The 贯标 / 示范 flags form of the region's reviewer, in Chinese and English: set with a reason, audited, scoped. */
@YardstickTest
@Transactional
class EnterpriseFlagsPageTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Regions regions;
    @Autowired UserDetailsService details;
    @Autowired Accounts accounts;

    @AfterEach
    void back() {
        As.nobody();
    }

    private UserDetails account(Role role, String region) {
        return details.loadUserByUsername(AssessmentFixtures.account(details, accounts, role, region,
                role == Role.ENTERPRISE ? "xj-xinte-energy" : null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRegionsReviewerSetsTheFlagsSayingWhy() throws Exception {
        String code = AssessmentApiTest.code("94650102MA7X0012B");
        jdbc.sql("insert into asm_enterprise (credit_code, name, region_id, industry_code, size_class, above_scale, "
                        + "registered_by, registered_at) values (?, '标记测试企业', ?, '39', 'MEDIUM', true, 'test', ?)")
                .params(code, regions.get("650102").id(), OffsetDateTime.parse("2026-06-01T00:00:00Z")).update();
        UserDetails reviewer = account(Role.REVIEWER, "6501");

        String zh = mvc.perform(get("/assessment/enterprises").with(user(reviewer)).param("lang", "zh"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("贯标 / 示范企业").contains("标记测试企业").contains("天山区").contains("id=\"f-" + code + "\"");
        assertThat(mvc.perform(get("/assessment/enterprises").with(user(reviewer)).param("lang", "en"))
                .andReturn().getResponse().getContentAsString()).contains("Reason").contains("Last set");
        assertThat(mvc.perform(get("/assessment/imports").with(user(reviewer))).andReturn().getResponse()
                .getContentAsString()).contains("href=\"/assessment/enterprises\"");

        // no reason: refused, nothing stored, the page says which field
        var refused = mvc.perform(post("/assessment/enterprises/" + code + "/flags").with(user(reviewer)).with(csrf())
                        .param("pilot", "true").param("reason", " "))
                .andExpect(redirectedUrl("/assessment/enterprises")).andReturn();
        List<InputProblem> problems = (List<InputProblem>) refused.getFlashMap().get("problems");
        assertThat(problems).extracting(InputProblem::field).containsExactly("reason");
        assertThat(problems).extracting(InputProblem::kind).containsExactly(RegionalProblem.REASON_REQUIRED);
        assertThat(mvc.perform(get("/assessment/enterprises").with(user(reviewer)).param("lang", "zh")
                .flashAttrs(refused.getFlashMap())).andReturn().getResponse().getContentAsString()).contains("依据");
        assertThat(jdbc.sql("select pilot from asm_enterprise where credit_code = ?").param(code).query(Boolean.class)
                .single()).isFalse();

        mvc.perform(post("/assessment/enterprises/" + code + "/flags").with(user(reviewer)).with(csrf())
                        .param("pilot", "true").param("reason", "贯标试点名单（2026）"))
                .andExpect(redirectedUrl("/assessment/enterprises")).andExpect(flash().attribute("done", code));
        assertThat(jdbc.sql("select pilot, demonstration, flags_set_by from asm_enterprise where credit_code = ?").param(code)
                .query((rs, n) -> rs.getBoolean(1) + "/" + rs.getBoolean(2) + "/" + rs.getString(3)).single())
                .isEqualTo("true/false/" + reviewer.getUsername());
        assertThat(jdbc.sql("select field || ':' || old_value || '>' || new_value || ':' || reason from audit_event "
                        + "where entity_type = 'enterprise' and entity_key = ? and action = 'update' order by id")
                .param(code).query(String.class).list())
                .contains("pilot:false>true:贯标试点名单（2026）");
        assertThat(mvc.perform(get("/assessment/enterprises").with(user(reviewer)))
                .andReturn().getResponse().getContentAsString()).containsPattern("id=\"pilot-" + code + "\"[^>]*checked");

        // another region's reviewer neither sees nor sets it; an enterprise account has no such page
        UserDetails elsewhere = account(Role.REVIEWER, "6502");
        assertThat(mvc.perform(get("/assessment/enterprises").with(user(elsewhere))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain(code);
        mvc.perform(post("/assessment/enterprises/" + code + "/flags").with(user(elsewhere)).with(csrf())
                .param("reason", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/assessment/enterprises").with(user(account(Role.ENTERPRISE, null)))).andExpect(status().isForbidden());
    }
}
