package org.yardstick.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
import org.yardstick.assessment.engine.Questionnaire;
import org.yardstick.assessment.internal.AssessmentImports;
import org.yardstick.assessment.internal.Questionnaires;
import org.yardstick.region.Regions;
import org.yardstick.security.Accounts;
import org.yardstick.security.Role;

/**
 * A questionnaire version with per-industry variants (test fixture): an enterprise of section I answers the
 * "services" variant (B3 removed, B4 added) in the API, on the page and in a bulk file; its peers are those of the
 * same variant only; a bad industry is refused.
 */
@YardstickTest
@Transactional
class QuestionnaireVariantsApiTest {

    static final String PASSWORD = AssessmentFixtures.PASSWORD;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Regions regions;
    @Autowired Questionnaires questionnaires;
    @Autowired UserDetailsService details;
    @Autowired Accounts accounts;

    @AfterEach
    void back() {
        As.nobody();
    }

    private String account(Role role, String region, String organisation) {
        return AssessmentFixtures.account(details, accounts, role, region, organisation);
    }

    private Questionnaires.Version installVariants() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/assessment/variants.yaml")) {
            int next = jdbc.sql("select coalesce(max(version), 0) + 1 from asm_questionnaire where code = 'example-gbt23020'")
                    .query(Integer.class).single();
            questionnaires.latest(); // the example first, when none is stored
            return questionnaires.install(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("version: 1\n", "version: " + Math.max(next, 2) + "\n"), "test");
        }
    }

    private int serial;

    /** A generated peer of industry 65 with a submitted assessment under the version, in a variant or none. */
    private void peer(long questionnaire, String variant, double total) {
        AssessmentFixtures.submitted(jdbc, questionnaire, regions.get("650102").id(),
                AssessmentApiTest.code(String.format("93650102%09d", 800_000 + serial++)), "65", "SMALL", total, variant,
                List.of());
    }

    static final String SERVICES_ANSWERS = AssessmentApiTest.ALL_ANSWERS
            .replace("{\"question\":\"B3\",\"value\":\"office\"}", "{\"question\":\"B4\",\"value\":\"yes\"}");

    @Test
    void anEnterpriseOfSectionIAnswersTheServicesVariantAndIsComparedWithinIt() throws Exception {
        Questionnaires.Version v = installVariants();
        for (double t : new double[] {50, 55, 60, 65, 70}) {
            peer(v.id(), "services", t);
        }
        // the same industry under the questionnaire itself: not comparable, not counted
        for (double t : new double[] {10, 20, 30, 40, 45}) {
            peer(v.id(), null, t);
        }

        mvc.perform(get("/api/v1/assessment/questionnaire").param("industry", "6510"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.variant").value("services"))
                .andExpect(jsonPath("$.dimensions[0].questions[*].code").value(hasItem("B4")));
        mvc.perform(get("/api/v1/assessment/questionnaire"))
                .andExpect(jsonPath("$.variants[*].code").value(org.hamcrest.Matchers.contains("services", "chemicals")));
        mvc.perform(get("/api/v1/assessment/questionnaire").param("industry", "99").header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("industry"))
                .andExpect(jsonPath("$.problems[0].code").value("assessment.unknown-industry"));

        String me = account(Role.ENTERPRISE, null, "xj-xinte-energy");
        mvc.perform(post("/api/v1/assessment/enterprise").with(httpBasic(me, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"creditCode\":\"" + AssessmentApiTest.code("91650102MA7X0009W") + "\",\"name\":\"信息服务测试\","
                                + "\"regionCode\":\"650102\",\"industryCode\":\"6510\",\"sizeClass\":\"SMALL\"}"))
                .andExpect(status().isCreated());
        // B3 is removed by the variant: refused whole, nothing stored
        mvc.perform(put("/api/v1/assessment/answers").with(httpBasic(me, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content(AssessmentApiTest.ALL_ANSWERS))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("B3"))
                .andExpect(jsonPath("$.problems[0].code").value("assessment.unknown-question"));
        mvc.perform(put("/api/v1/assessment/answers").with(httpBasic(me, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(SERVICES_ANSWERS))
                .andExpect(status().isOk()).andExpect(jsonPath("$.variant").value("services"));
        mvc.perform(post("/api/v1/assessment/submit").with(httpBasic(me, PASSWORD)))
                .andExpect(status().isOk())
                // infrastructure: B1 30 + B2 50 % of 40 + B4 30 = 80 → 0.2 × 15 points more than with B3 "office"
                .andExpect(jsonPath("$.total").value(88.8));
        mvc.perform(get("/api/v1/assessment/result").with(httpBasic(me, PASSWORD)))
                .andExpect(jsonPath("$.variant").value("services"))
                .andExpect(jsonPath("$.dimensions.infrastructure").value(80.0))
                // the five peers of the variant (and the enterprise), not the five under the questionnaire itself
                .andExpect(jsonPath("$.peers[0].count").value(6))
                .andExpect(jsonPath("$.peers[0].percentile").value(100.0));
        var u = details.loadUserByUsername(me);
        String page = mvc.perform(get("/assessment").with(user(u)).param("lang", "zh")).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("适用的问卷变体：信息服务业").contains("是否使用云服务");
        String result = mvc.perform(get("/assessment/result").with(user(u)).param("lang", "en")).andReturn().getResponse()
                .getContentAsString();
        assertThat(result).contains("same industry variant");
    }

    @Test
    void aBulkFileAnswersEachRowsVariant() throws Exception {
        Questionnaires.Version v = installVariants();
        Questionnaire q = v.questionnaire();
        String planner = account(Role.PLANNER, "6501", null);
        List<String> columns = new ArrayList<>(AssessmentImports.FIELDS);
        q.allQuestions().forEach(x -> columns.add(x.code()));
        String services = AssessmentApiTest.code("91650102MA7X0010A");
        String plain = AssessmentApiTest.code("91650102MA7X0011A");
        // row 3: section I with B3 answered (removed there) → refused; row 4: manufacturing with B4 (not its question)
        String bad = csv(q, columns, List.of(row(services, "65", "office", "yes"), row(plain, "39", "office", "yes")));
        mvc.perform(post("/api/v1/assessment/imports").with(httpBasic(planner, PASSWORD)).header("Accept-Language", "en")
                        .contentType("text/csv").content(bad.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("B3", "B4")))
                .andExpect(jsonPath("$.problems[*].line").value(org.hamcrest.Matchers.containsInAnyOrder(3, 4)));
        assertThat(jdbc.sql("select count(*) from asm_enterprise where credit_code in (?, ?)").params(services, plain)
                .query(Integer.class).single()).isZero();

        String good = csv(q, columns, List.of(row(services, "65", "", "yes"), row(plain, "39", "office", "")));
        mvc.perform(post("/api/v1/assessment/imports").with(httpBasic(planner, PASSWORD))
                        .contentType("text/csv").content(good.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select coalesce(a.variant, '-') from asm_assessment a join asm_enterprise e on e.id = a.enterprise_id "
                + "where e.credit_code in (?, ?) order by e.industry_code").params(services, plain).query(String.class).list())
                .containsExactly("-", "services");
    }

    private static java.util.Map<String, String> row(String code, String industry, String b3, String b4) {
        java.util.Map<String, String> r = new java.util.HashMap<>(java.util.Map.of("credit_code", code, "name", "批量" + code,
                "county", "650102", "industry", industry, "size_class", "SMALL", "above_scale", "no"));
        java.util.Map<String, String> answers = new java.util.HashMap<>(java.util.Map.of("B1", "yes", "B2", "1.5", "S1",
                "design", "S2", "100", "I1", "integrated", "I2", "yes", "C1", "chain", "C2", "yes", "K1", "yes"));
        answers.putAll(java.util.Map.of("K2", "5", "E1", "30", "E2", "20", "B3", b3, "B4", b4));
        r.putAll(answers);
        return r;
    }

    private static String csv(Questionnaire q, List<String> columns, List<java.util.Map<String, String>> rows) {
        StringBuilder s = new StringBuilder("questionnaire," + q.code() + "," + q.version() + "\n");
        s.append(String.join(",", columns)).append('\n');
        for (var r : rows) {
            s.append(String.join(",", columns.stream().map(c -> r.getOrDefault(c, "")).toList())).append('\n');
        }
        return s.toString();
    }
}
