package org.yardstick.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yardstick.YardstickTest;

/** The data-entry and review pages as a reporter and a reviewer use them. */
@YardstickTest
class CollectionPagesTest {

    static final String FORM = "/collect/xj-county-info/650205/2025";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    @BeforeEach
    void clear() {
        jdbc.sql("delete from observation where region_id = (select id from region where code = '650205') and submission_id is not null").update();
        jdbc.sql("delete from submission where region_id = (select id from region where code = '650205')").update();
    }

    @Test
    void theReporterSeesWhatIsOpenForTheirCounty() throws Exception {
        mvc.perform(get("/collect").with(as("reporter"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("天山区"), containsString("县（市、区）信息化发展年度监测表"),
                        containsString("2026-12-31"))));
    }

    @Test
    void theFormShowsEveryIndicatorWithItsCheckColumnInBothLanguages() throws Exception {
        mvc.perform(get(FORM).with(as("planner"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("互联网宽带接入用户"), containsString("上期值"),
                        containsString("name=\"value.BB_USERS\""), containsString("hx-post"))));
        mvc.perform(get(FORM).param("lang", "en").with(as("planner"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Last period"), not(containsString("上期值")))));
    }

    @Test
    void savingGoodValuesRedirectsAndShowsWhatWasSaved() throws Exception {
        mvc.perform(post(FORM).with(as("planner")).with(csrf()).param("value.BB_USERS", "12.5").param("value.FTTH_USERS", "6"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(FORM));
        mvc.perform(get(FORM).with(as("planner"))).andExpect(content().string(containsString("value=\"12.5\"")));
        // a figure typed in the browser is audited with the channel form (the API's say api)
        assertThat(jdbc.sql("""
                select count(*) from audit_event where entity_type = 'observation' and entity_key like 'BB_USERS/650205/%'
                and field = 'channel' and new_value = 'form'""").query(Long.class).single()).isPositive();
    }

    @Test
    void badValuesComeBackWithEveryProblemAndWhatWasTyped() throws Exception {
        mvc.perform(post(FORM).with(as("planner")).with(csrf()).param("value.BB_USERS", "十二").param("value.FTTH_USERS", "6"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("未保存任何数据"), containsString("不是数字"),
                        containsString("value=\"十二\""), containsString("is-invalid"))));
    }

    @Test
    void checkingAsYouTypeAnswersEveryFieldOutOfBand() throws Exception {
        mvc.perform(post(FORM + "/check").with(as("planner")).with(csrf()).param("value.BB_USERS", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"msg-BB_USERS\""), containsString("hx-swap-oob=\"true\""),
                        containsString("不是数字"), containsString("id=\"msg-FTTH_USERS\""))));
    }

    @Test
    void withoutCsrfTokenNothingIsSaved() throws Exception {
        mvc.perform(post(FORM).with(as("planner")).param("value.BB_USERS", "1")).andExpect(status().isForbidden());
    }

    @Test
    void theReviewQueueAndAccessRules() throws Exception {
        mvc.perform(get("/review").with(as("reviewer"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("待我审核")));
        mvc.perform(get("/collect")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/collect").with(as("department"))).andExpect(status().isForbidden());
        mvc.perform(get("/review").with(as("reporter"))).andExpect(status().isForbidden());
        mvc.perform(get(FORM).with(as("reporter"))).andExpect(status().isForbidden());
    }
}
