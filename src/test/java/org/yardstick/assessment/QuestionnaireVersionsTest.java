package org.yardstick.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.assessment.internal.Assessments;
import org.yardstick.assessment.internal.Questionnaires;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/** Planners upload new questionnaire versions (checked whole, line and field named); old scores stay. */
@YardstickTest
@Transactional
class QuestionnaireVersionsTest {

    static final String PASSWORD = "Panel-7#qTz-Analyse-2026";

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
        String name = "asm-q-" + role.name().toLowerCase(java.util.Locale.ROOT) + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        try {
            accounts.create(new NewAccount(name, "问卷测试", PASSWORD, role, region, organisation, false), "admin");
        } finally {
            As.nobody();
        }
        return name;
    }

    private String yaml(Questionnaires.Version v, int version) {
        return questionnaires.yaml(v.id()).replaceFirst("(?m)^version: \\d+", "version: " + version);
    }

    @Test
    void aNewVersionIsCheckedStoredListedAndLeavesOldScoresAlone() throws Exception {
        String planner = account(Role.PLANNER, "6501", null);
        Questionnaires.Version current = questionnaires.latest();
        int next = current.questionnaire().version() + 1;

        // an old assessment, submitted under the current version through a bulk import of one enterprise
        String code = AssessmentApiTest.code("91650102MA7X0002T");
        StringBuilder csv = new StringBuilder("questionnaire," + current.questionnaire().code() + ","
                + current.questionnaire().version() + "\ncredit_code,name,county,industry,size_class");
        current.questionnaire().questions().forEach(q -> csv.append(',').append(q.code()));
        csv.append('\n').append(code).append(",旧版企业,650102,C,SMALL");
        current.questionnaire().questions().forEach(q -> csv.append(',').append(switch (q.kind()) {
            case YES_NO -> "yes";
            case NUMBER -> "1";
            case SINGLE, MULTIPLE -> q.options().get(q.options().size() - 1).code();
        }));
        mvc.perform(multipart("/api/v1/assessment/imports").file(new MockMultipartFile("file", "old.csv", "text/csv",
                        csv.append('\n').toString().getBytes(StandardCharsets.UTF_8))).with(httpBasic(planner, PASSWORD)))
                .andExpect(status().isOk());
        long id = jdbc.sql("select a.id from asm_assessment a join asm_enterprise e on e.id = a.enterprise_id "
                + "where e.credit_code = ?").param(code).query(Long.class).single();
        BigDecimal before = jdbc.sql("select total_score from asm_assessment where id = ?").param(id)
                .query(BigDecimal.class).single();

        // bad files: refused with line and field, nothing stored
        String sum90 = yaml(current, next).replaceFirst("weight: 20\n    questions", "weight: 10\n    questions");
        mvc.perform(post("/api/v1/assessment/questionnaires").contentType("text/yaml").content(sum90)
                        .with(httpBasic(planner, PASSWORD)).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("assessment.weights-sum"))
                .andExpect(jsonPath("$.problems[0].line").isNumber());
        String overlap = yaml(current, next).replace("{stage: single_coverage, from: 40", "{stage: single_coverage, from: 35");
        mvc.perform(post("/api/v1/assessment/questionnaires").contentType("text/yaml").content(overlap)
                        .with(httpBasic(planner, PASSWORD)).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[*].code").value(hasItem("assessment.stages-gap")));
        mvc.perform(post("/api/v1/assessment/questionnaires").contentType("text/yaml")
                        .content(yaml(current, current.questionnaire().version()))
                        .with(httpBasic(planner, PASSWORD)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("version"))
                .andExpect(jsonPath("$.problems[0].reason").value(containsString("须大于问卷")));
        // dryRun stores nothing
        mvc.perform(post("/api/v1/assessment/questionnaires").param("dryRun", "true").contentType("text/yaml")
                        .content(yaml(current, next)).with(httpBasic(planner, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dryRun").value(true));
        assertThat(questionnaires.latest().id()).isEqualTo(current.id());
        // a reporter may not
        String reporter = account(Role.REPORTER, "6501", null);
        mvc.perform(post("/api/v1/assessment/questionnaires").contentType("text/yaml").content(yaml(current, next))
                        .with(httpBasic(reporter, PASSWORD)))
                .andExpect(status().isForbidden());

        // a new version with other stage bands and weights
        String changed = yaml(current, next).replace("{stage: starting, from: 0, to: 40}", "{stage: starting, from: 0, to: 50}")
                .replace("{stage: single_coverage, from: 40", "{stage: single_coverage, from: 50");
        mvc.perform(post("/api/v1/assessment/questionnaires").contentType("text/yaml").content(changed)
                        .with(httpBasic(planner, PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(next));
        assertThat(questionnaires.latest().questionnaire().version()).isEqualTo(next);
        mvc.perform(get("/api/v1/assessment/questionnaires"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version").value(next))
                .andExpect(jsonPath("$[0].assessments").value(0))
                .andExpect(jsonPath("$[?(@.id == " + current.id() + ")].submitted").value(hasItem(
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1))));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'questionnaire' and actor = ?")
                .param(planner).query(Integer.class).single()).isPositive();

        // the old assessment keeps its version and its score
        assertThat(jdbc.sql("select total_score from asm_assessment where id = ?").param(id).query(BigDecimal.class)
                .single()).isEqualByComparingTo(before);
        As.user(details, "admin");
        try {
            var view = assessments.get(id);
            assertThat(view.questionnaire().version()).isEqualTo(current.questionnaire().version());
        } finally {
            As.nobody();
        }
    }

    @Test
    void thePageListsVersionsAndRefusesABadFileWithItsLine() throws Exception {
        String planner = account(Role.PLANNER, "6501", null);
        Questionnaires.Version current = questionnaires.latest();
        mvc.perform(get("/assessment/questionnaires").with(user(details.loadUserByUsername(planner))).param("lang", "zh"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("自评估问卷版本")))
                .andExpect(content().string(containsString(current.questionnaire().code())));
        String bad = yaml(current, current.questionnaire().version() + 1)
                .replaceFirst("weight: 20\n    questions", "weight: 10\n    questions");
        mvc.perform(multipart("/assessment/questionnaires").file(new MockMultipartFile("file", "q.yaml", null,
                        bad.getBytes(StandardCharsets.UTF_8))).with(user(details.loadUserByUsername(planner))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("uploadProblems"));
        assertThat(questionnaires.latest().id()).isEqualTo(current.id());
        String reporter = account(Role.REPORTER, "6501", null);
        mvc.perform(get("/assessment/questionnaires").with(user(details.loadUserByUsername(reporter))))
                .andExpect(status().isForbidden());
    }
}
