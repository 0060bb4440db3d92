package org.yardstick.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.assessment.engine.CreditCode;
import org.yardstick.assessment.internal.Assessments;
import org.yardstick.assessment.internal.Questionnaires;
import org.yardstick.security.Accounts;
import org.yardstick.security.Role;

/**
 * The self-assessment through the API alone, by Basic: registration, drafts, submission, result, return by
 * the region's reviewer; bad input refused whole; old scores kept under a new questionnaire version.
 */
@YardstickTest
@Transactional
class AssessmentApiTest {

    static final String PASSWORD = AssessmentFixtures.PASSWORD;

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService details;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Questionnaires questionnaires;
    @Autowired Assessments assessments;

    @AfterEach
    void back() {
        As.nobody();
    }

    private String account(Role role, String region, String organisation) {
        return AssessmentFixtures.account(details, accounts, role, region, organisation);
    }

    static String code(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String user, String body) {
        // reasons asserted in English: the API answers in the language the client asks for
        return r.with(httpBasic(user, PASSWORD)).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    static final String ALL_ANSWERS = "{\"answers\":[{\"question\":\"B1\",\"value\":\"yes\"},"
            + "{\"question\":\"B2\",\"value\":\"1.5\",\"unit\":\"%\"},{\"question\":\"B3\",\"value\":\"office\"},"
            + "{\"question\":\"S1\",\"value\":\"design,sales\"},{\"question\":\"S2\",\"value\":\"100\"},"
            + "{\"question\":\"I1\",\"value\":\"integrated\"},{\"question\":\"I2\",\"value\":\"yes\"},"
            + "{\"question\":\"C1\",\"value\":\"chain\"},{\"question\":\"C2\",\"value\":\"yes\"},"
            + "{\"question\":\"K1\",\"value\":\"yes\"},{\"question\":\"K2\",\"value\":\"5\",\"unit\":\"项\"},"
            + "{\"question\":\"E1\",\"value\":\"30\"},{\"question\":\"E2\",\"value\":\"20\"}]}";

    @Test
    void anEnterpriseRegistersAnswersSubmitsAndIsReturnedByItsReviewer() throws Exception {
        String me = account(Role.ENTERPRISE, null, "xj-xinte-energy");
        String good = code("91650102MA7X0000Q");

        // bad registration: refused whole, each field named
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        mvc.perform(json(post("/api/v1/assessment/enterprise"), me, "{\"creditCode\":\"" + wrongCheck
                        + "\",\"name\":\"\",\"regionCode\":\"150102\",\"industryCode\":\"399999\",\"sizeClass\":\"LARGE\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[*].field").value(containsInAnyOrder(
                        "creditCode", "name", "regionCode", "industryCode")))
                .andExpect(jsonPath("$.problems[0].reason").value(
                        "has a wrong check character: it should end in " + good.charAt(17)));
        assertThat(jdbc.sql("select count(*) from asm_enterprise where credit_code = ?").param(wrongCheck)
                .query(Integer.class).single()).isZero();

        mvc.perform(json(post("/api/v1/assessment/enterprise"), me, "{\"creditCode\":\"" + good.toLowerCase(Locale.ROOT)
                        + "\",\"name\":\"新特能源股份有限公司\",\"regionCode\":\"650102\",\"industryCode\":\"3985\","
                        + "\"sizeClass\":\"LARGE\",\"aboveScale\":true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.creditCode").value(good))
                .andExpect(jsonPath("$.organisationCode").value("xj-xinte-energy"));
        // once only
        mvc.perform(json(post("/api/v1/assessment/enterprise"), me, "{\"creditCode\":\"" + code("91650102MA7X0000R")
                        + "\",\"name\":\"又一家\",\"regionCode\":\"650102\",\"industryCode\":\"39\",\"sizeClass\":\"SMALL\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("assessment.already-registered"));

        // the questionnaire is public
        mvc.perform(get("/api/v1/assessment/questionnaire"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dimensions[0].name.zh").value("基础建设"))
                .andExpect(jsonPath("$.stages[2].stage").value("INTEGRATION"));

        // bad answers: refused whole, nothing stored
        mvc.perform(json(put("/api/v1/assessment/answers"), me, "{\"answers\":[{\"question\":\"B1\",\"value\":\"yes\"},"
                        + "{\"question\":\"B3\",\"value\":\"cloud\"},{\"question\":\"B2\",\"value\":\"2\",\"unit\":\"万元\"}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[*].field").value(containsInAnyOrder("B3", "B2")))
                .andExpect(jsonPath("$.problems[*].reason").value(hasItem("is given in 万元, the question asks for %")));
        mvc.perform(get("/api/v1/assessment/mine").with(httpBasic(me, PASSWORD))).andExpect(status().isNotFound());

        // a draft, resumed
        mvc.perform(json(put("/api/v1/assessment/answers"), me, "{\"answers\":[{\"question\":\"B1\",\"value\":\"yes\"}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(get("/api/v1/assessment/mine").with(httpBasic(me, PASSWORD)))
                .andExpect(jsonPath("$.answers[0].question").value("B1"));
        mvc.perform(post("/api/v1/assessment/submit").with(httpBasic(me, PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems.length()").value(12))
                .andExpect(jsonPath("$.problems[0].code").value("assessment.unanswered"));

        mvc.perform(json(put("/api/v1/assessment/answers"), me, ALL_ANSWERS)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/assessment/submit").with(httpBasic(me, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.total").value(85.8))
                .andExpect(jsonPath("$.stage").value("INNOVATION"));
        mvc.perform(json(put("/api/v1/assessment/answers"), me, "{\"answers\":[{\"question\":\"B1\",\"value\":\"no\"}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("assessment.not-editable"));

        mvc.perform(get("/api/v1/assessment/result").with(httpBasic(me, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dimensions.infrastructure").value(65.0))
                .andExpect(jsonPath("$.weakest").value("single-application"))
                .andExpect(jsonPath("$.costliest[0].question").value("S1"))
                // alone in its peer group: suppressed, no figures
                .andExpect(jsonPath("$.peers[?(@.group == 'INDUSTRY')].verdict").value(org.hamcrest.Matchers.contains("TOO_FEW")))
                .andExpect(jsonPath("$.peers[?(@.group == 'INDUSTRY')].percentile").value(org.hamcrest.Matchers.contains((Object) null)));

        long id = jdbc.sql("select a.id from asm_assessment a join asm_enterprise e on e.id = a.enterprise_id "
                + "where e.credit_code = ?").param(good).query(Long.class).single();
        String reviewer = account(Role.REVIEWER, "6501", null);
        String elsewhere = account(Role.REVIEWER, "6502", null);
        mvc.perform(json(post("/api/v1/assessment/" + id + "/return"), elsewhere, "{\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/assessment/" + id + "/return"), reviewer, "{\"reason\":\" \"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("reason"));
        mvc.perform(json(post("/api/v1/assessment/" + id + "/return"), reviewer, "{\"reason\":\"B2 应为近三年数据\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.returnReason").value("B2 应为近三年数据"));
        // returned: editable again
        mvc.perform(json(put("/api/v1/assessment/answers"), me, "{\"answers\":[{\"question\":\"B2\",\"value\":\"3\"}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"));

        assertThat(jdbc.sql("select action || ':' || field || ':' || coalesce(old_value, '') || '>' || coalesce(new_value, '') "
                        + "from audit_event where entity_type = 'assessment' and entity_id = ? order by id")
                .param(id).query(String.class).list())
                .contains("update:B1:>yes", "submit:total:>85.800", "return:status:SUBMITTED>RETURNED", "update:B2:1.5 %>3 %");
        assertThat(jdbc.sql("select reason from audit_event where entity_type = 'assessment' and action = 'return' and field <> 'channel' and entity_id = ?")
                .param(id).query(String.class).single()).isEqualTo("B2 应为近三年数据");
    }

    @Test
    void aNewQuestionnaireVersionNeverChangesAnOldScore() throws Exception {
        String me = account(Role.ENTERPRISE, null, "xj-xinte-energy");
        mvc.perform(json(post("/api/v1/assessment/enterprise"), me, "{\"creditCode\":\"" + code("91650102MA7X0000T")
                        + "\",\"name\":\"新特能源股份有限公司\",\"regionCode\":\"650102\",\"industryCode\":\"39\","
                        + "\"sizeClass\":\"LARGE\"}"))
                .andExpect(status().isCreated());
        mvc.perform(json(put("/api/v1/assessment/answers"), me, ALL_ANSWERS)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/assessment/submit").with(httpBasic(me, PASSWORD))).andExpect(status().isOk());
        long id = jdbc.sql("select max(id) from asm_assessment").query(Long.class).single();

        As.user(details, "admin");
        questionnaires.install(Questionnaires.example().replace("version: 1", "version: 2")
                .replace("    weight: 20\n    questions:\n      - code: B1", "    weight: 30\n    questions:\n      - code: B1")
                .replace("    weight: 15\n    questions:\n      - code: K1", "    weight: 5\n    questions:\n      - code: K1"),
                "admin");
        assertThat(questionnaires.latest().questionnaire().version()).isEqualTo(2);
        assertThat(assessments.result(id).score().total()).isEqualByComparingTo(new BigDecimal("85.8"));
        assertThat(assessments.result(id).assessment().questionnaire().version()).isEqualTo(1);
        As.nobody();
        // under the new version the enterprise starts afresh
        mvc.perform(get("/api/v1/assessment/mine").with(httpBasic(me, PASSWORD))).andExpect(status().isNotFound());
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(doc).contains("\"/api/v1/assessment/questionnaire\"", "\"/api/v1/assessment/answers\"",
                "\"/api/v1/assessment/submit\"", "\"/api/v1/assessment/result\"", "\"/api/v1/assessment/enterprise\"",
                "\"/api/v1/assessment/{id}/return\"", "\"/api/v1/assessment/regions/{code}\"", "\"assessment\"");
    }

    @Test
    void anAccountWithoutAnEnterpriseOrOfAnotherRoleCannotAnswer() throws Exception {
        String department = account(Role.DEPARTMENT, null, "xj-kjt");
        mvc.perform(json(put("/api/v1/assessment/answers"), department, "{\"answers\":[]}"))
                .andExpect(status().isForbidden());
        String unregistered = account(Role.ENTERPRISE, null, "xj-xinte-energy");
        mvc.perform(json(put("/api/v1/assessment/answers"), unregistered, "{\"answers\":[]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("assessment.no-enterprise"));
        mvc.perform(put("/api/v1/assessment/answers").contentType(MediaType.APPLICATION_JSON).content("{\"answers\":[]}"))
                .andExpect(status().isUnauthorized());
    }
}
