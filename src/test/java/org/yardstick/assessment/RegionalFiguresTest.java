package org.yardstick.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.assessment.engine.Stage;
import org.yardstick.assessment.internal.Questionnaires;
import org.yardstick.region.Regions;

/**
 * Regional figures over generated submitted assessments (a test generator, not demo data): a county with 3
 * enterprises is suppressed, and a second county with it, so the prefecture's total does not give it away.
 */
@YardstickTest
@Transactional
class RegionalFiguresTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Regions regions;
    @Autowired Questionnaires questionnaires;
    @Autowired UserDetailsService details;

    @AfterEach
    void back() {
        As.nobody();
    }

    private int serial;

    private void generate(String county, double... totals) {
        long q = questionnaires.latest().id();
        long region = regions.get(county).id();
        for (double t : totals) {
            String first17 = String.format("91%s%09d", county, 100_000 + serial++);
            String code = AssessmentApiTest.code(first17.substring(0, 17));
            jdbc.sql("insert into asm_enterprise (credit_code, name, region_id, industry_code, size_class, above_scale, "
                            + "registered_by, registered_at) values (?, ?, ?, '39', 'MEDIUM', ?, 'test', ?)")
                    .params(code, "生成企业" + serial, region, serial % 2 == 0, OffsetDateTime.parse("2026-06-01T00:00:00Z"))
                    .update();
            long e = jdbc.sql("select id from asm_enterprise where credit_code = ?").param(code).query(Long.class).single();
            Stage stage = t >= 80 ? Stage.INNOVATION : t >= 60 ? Stage.INTEGRATION : t >= 40 ? Stage.SINGLE_COVERAGE : Stage.STARTING;
            jdbc.sql("insert into asm_assessment (enterprise_id, questionnaire_id, status, total_score, stage, submitted_at, "
                            + "updated_at) values (?, ?, 'SUBMITTED', ?, ?, ?, ?)")
                    .params(e, q, t, stage.name(), OffsetDateTime.parse("2026-06-01T00:00:00Z"),
                            OffsetDateTime.parse("2026-06-01T00:00:00Z")).update();
        }
    }

    @Test
    void aCountyOfThreeIsSuppressedAndCannotBeRecoveredFromThePrefectureTotal() throws Exception {
        List<String> counties = regions.children(regions.get("6501")).stream().map(r -> r.code()).limit(3).toList();
        assertThat(counties).hasSize(3);
        generate(counties.get(0), 50, 60, 70, 80, 90, 40, 65);
        generate(counties.get(1), 30, 55, 75);
        generate(counties.get(2), 45, 50, 62, 70, 85, 66);

        mvc.perform(get("/api/v1/assessment/regions/6501").with(user(details.loadUserByUsername("planner"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.regionCode == '" + counties.get(0) + "')].verdict").value("PUBLISHED"))
                .andExpect(jsonPath("$.rows[?(@.regionCode == '" + counties.get(0) + "')].assessments").value(7))
                // (50+60+70+80+90+40+65)/7 = 65.0; at 集成提升 or above: 60, 70, 80, 90, 65 → 5 of 7
                .andExpect(jsonPath("$.rows[?(@.regionCode == '" + counties.get(0) + "')].meanScore").value(65.0))
                .andExpect(jsonPath("$.rows[?(@.regionCode == '" + counties.get(0) + "')].shareIntegrationOrAbove").value(71.4))
                .andExpect(jsonPath("$.rows[?(@.regionCode == '" + counties.get(1) + "')].verdict").value("TOO_FEW"))
                .andExpect(jsonPath("$.rows[?(@.regionCode == '" + counties.get(1) + "')].meanScore").value(org.hamcrest.Matchers.contains((Object) null)))
                .andExpect(jsonPath("$.rows[?(@.regionCode == '" + counties.get(2) + "')].verdict").value("SECONDARY"))
                .andExpect(jsonPath("$.total.verdict").value("PUBLISHED"))
                .andExpect(jsonPath("$.total.assessments").value(16));

        mvc.perform(get("/api/v1/assessment/regions/6501").with(user(details.loadUserByUsername("reviewer"))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/assessment/regions/6501").with(user(details.loadUserByUsername("reporter"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/assessment/regions/6501")).andExpect(status().isUnauthorized());
    }

    @Test
    void aDominatedCountyIsSuppressedEvenWithManyEnterprises() throws Exception {
        List<String> counties = regions.children(regions.get("6501")).stream().map(r -> r.code()).limit(2).toList();
        Random random = new Random(13);
        generate(counties.get(0), 100, 1, 1, 1, 0, 0);
        double[] many = new double[12];
        for (int i = 0; i < many.length; i++) {
            many[i] = 20 + random.nextInt(60);
        }
        generate(counties.get(1), many);
        mvc.perform(get("/api/v1/assessment/regions/6501").with(user(details.loadUserByUsername("planner"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.regionCode == '" + counties.get(0) + "')].verdict").value("DOMINATED"))
                .andExpect(jsonPath("$.rows[?(@.regionCode == '" + counties.get(1) + "')].verdict").value("SECONDARY"));
    }
}
