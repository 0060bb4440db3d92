package org.yardstick.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.security.Accounts;
import org.yardstick.security.Role;

/** Size figures through the registration API (size class by the NBS 2017 rule), and the form's county picker. */
@YardstickTest
@Transactional
class RegistrationFiguresTest {

    static final String PASSWORD = AssessmentFixtures.PASSWORD;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService details;
    @Autowired Accounts accounts;

    @AfterEach
    void back() {
        As.nobody();
    }

    private String enterpriseAccount() {
        return AssessmentFixtures.account(details, accounts, Role.ENTERPRISE, null, "xj-xinte-energy");
    }

    @Test
    void theSizeClassIsDerivedFromTheFiguresGivenToTheApi() throws Exception {
        String me = enterpriseAccount();
        String code = AssessmentApiTest.code("91650102MA7X0013C");
        // negative figures: refused whole, each named; nothing stored
        mvc.perform(post("/api/v1/assessment/enterprise").with(httpBasic(me, PASSWORD)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"creditCode\":\"" + code + "\",\"name\":\"规模测试企业\",\"regionCode\":\"650102\","
                                + "\"industryCode\":\"3985\",\"employees\":-3,\"revenue\":-1,\"totalAssets\":10}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[*].field").value(containsInAnyOrder("employees", "revenue")))
                .andExpect(jsonPath("$.problems[0].reason").value("may not be negative"));
        assertThat(jdbc.sql("select count(*) from asm_enterprise where credit_code = ?").param(code).query(Integer.class)
                .single()).isZero();
        // neither figures enough nor a stated class: refused naming sizeClass
        mvc.perform(post("/api/v1/assessment/enterprise").with(httpBasic(me, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"creditCode\":\"" + code + "\",\"name\":\"规模测试企业\",\"regionCode\":\"650102\","
                                + "\"industryCode\":\"3985\",\"employees\":1200}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("sizeClass"));

        // 工业: 1,200 persons and 52,000 万元 of revenue → large, whatever class was stated
        mvc.perform(post("/api/v1/assessment/enterprise").with(httpBasic(me, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"creditCode\":\"" + code + "\",\"name\":\"规模测试企业\",\"regionCode\":\"650102\","
                                + "\"industryCode\":\"3985\",\"sizeClass\":\"SMALL\",\"employees\":1200,\"revenue\":52000,"
                                + "\"totalAssets\":80000,\"aboveScale\":true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sizeClass").value("LARGE"))
                .andExpect(jsonPath("$.sizeStated").value(false));
        assertThat(jdbc.sql("select employees || '/' || cast(revenue as integer) from asm_enterprise where credit_code = ?")
                .param(code).query(String.class).single()).isEqualTo("1200/52000");
    }

    @Test
    void theRegistrationFormChoosesTheCountyWithTheRegionPicker() throws Exception {
        var me = details.loadUserByUsername(enterpriseAccount());
        String zh = mvc.perform(get("/assessment").with(user(me)).param("lang", "zh")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("data-ys-region-picker").contains("name=\"regionCode\"").contains("所在区县")
                .contains("ys-rp-search");
        assertThat(mvc.perform(get("/assessment").with(user(me)).param("lang", "en")).andReturn().getResponse()
                .getContentAsString()).contains("choose it in the list");
    }
}
