package org.yardstick.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.As;
import org.yardstick.MapFileSet;
import org.yardstick.YardstickTest;
import org.yardstick.assessment.engine.Stage;
import org.yardstick.assessment.internal.Questionnaires;
import org.yardstick.assessment.internal.RegionalIndicators;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Targets;
import org.yardstick.progress.Progress;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/**
 * The regional indicators end to end, committed (the recomputation runs after commit): generated submitted
 * assessments (a test generator) in three counties of 乌鲁木齐, one more submitted and returned through the API;
 * figures written as approved computed figures, suppressed cells nowhere public, a target on the mean score showing
 * progress, and no published figure minus others giving away a group of fewer than 5.
 */
@YardstickTest
class RegionalIndicatorsTest {

    static final String PASSWORD = "Panel-7#qTz-Analyse-2026";
    static final String PREFIX = "91659";
    static final OffsetDateTime WHEN = OffsetDateTime.parse("2026-06-01T00:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Regions regions;
    @Autowired Questionnaires questionnaires;
    @Autowired RegionalIndicators indicators;
    @Autowired UserDetailsService details;
    @Autowired Accounts accounts;
    @Autowired FrameworkFiles files;
    @Autowired Plans plans;
    @Autowired Targets targets;
    @Autowired Progress progress;

    private int serial;

    private String account(Role role, String region) {
        String name = "asm-reg-" + role.name().toLowerCase(Locale.ROOT) + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        try {
            accounts.create(new NewAccount(name, "自评估地区测试", PASSWORD, role, region, null, false), "admin");
        } finally {
            As.nobody();
        }
        return name;
    }
    private List<String> counties;

    @BeforeEach
    void counties() {
        counties = regions.children(regions.get("6501")).stream().map(Region::code).limit(3).toList();
        clear();
    }

    @AfterEach
    void clear() {
        As.nobody();
        String like = PREFIX + "%";
        jdbc.sql("delete from asm_answer where assessment_id in (select a.id from asm_assessment a join asm_enterprise e "
                + "on e.id = a.enterprise_id where e.credit_code like ?)").param(like).update();
        jdbc.sql("delete from asm_dimension_score where assessment_id in (select a.id from asm_assessment a join "
                + "asm_enterprise e on e.id = a.enterprise_id where e.credit_code like ?)").param(like).update();
        jdbc.sql("delete from asm_assessment where enterprise_id in (select id from asm_enterprise where credit_code like ?)")
                .param(like).update();
        jdbc.sql("delete from asm_enterprise where credit_code like ?").param(like).update();
        indicators.recomputeAll(); // summaries and computed figures without them
    }

    private void generate(String county, double... totals) {
        long q = questionnaires.latest().id();
        Region region = regions.get(county);
        for (double t : totals) {
            String first17 = String.format("%s%s%07d", PREFIX, county.substring(1), serial++);
            String code = AssessmentApiTest.code(first17.substring(0, 17));
            jdbc.sql("insert into asm_enterprise (credit_code, name, region_id, industry_code, size_class, above_scale, "
                            + "registered_by, registered_at, pilot) values (?, ?, ?, '39', 'MEDIUM', ?, 'test', ?, ?)")
                    .params(code, "生成企业" + serial, region.id(), serial % 2 == 0, WHEN, serial % 3 == 0).update();
            long e = jdbc.sql("select id from asm_enterprise where credit_code = ?").param(code).query(Long.class).single();
            Stage stage = t >= 80 ? Stage.INNOVATION : t >= 60 ? Stage.INTEGRATION : t >= 40 ? Stage.SINGLE_COVERAGE : Stage.STARTING;
            jdbc.sql("insert into asm_assessment (enterprise_id, questionnaire_id, status, total_score, stage, submitted_at, "
                    + "updated_at) values (?, ?, 'SUBMITTED', ?, ?, ?, ?)").params(e, q, t, stage.name(), WHEN, WHEN).update();
        }
        indicators.recomputeCounty(q, region.id(), 2026);
    }

    private Map<String, BigDecimal> published(String indicator) {
        Map<String, BigDecimal> out = new HashMap<>();
        jdbc.sql("select r.code, o.obs_value from observation o join indicator i on i.id = o.indicator_id "
                        + "join region r on r.id = o.region_id where i.code = ? and o.period = '2026' and o.status = 'APPROVED'")
                .param(indicator).query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Test
    void figuresFollowSubmissionsLiveAreSuppressedWhereSmallAndFeedATarget() throws Exception {
        generate(counties.get(0), 50, 60, 70, 80, 90, 40, 65);
        generate(counties.get(1), 30, 55, 75);
        generate(counties.get(2), 45, 50, 62, 70, 85, 66);

        Map<String, BigDecimal> mean = published(RegionalIndicators.MEAN_SCORE);
        assertThat(mean.get(counties.get(0))).isEqualByComparingTo("65.000");
        assertThat(mean).doesNotContainKey(counties.get(1)).doesNotContainKey(counties.get(2));
        assertThat(published(RegionalIndicators.ASSESSED).get("6501")).isEqualByComparingTo("16");
        assertThat(jdbc.sql("select count(*) from observation o join indicator i on i.id = o.indicator_id join region r "
                        + "on r.id = o.region_id where i.code like 'ASM%' and r.code in (?, ?) and o.created_by <> ?")
                .params(counties.get(1), counties.get(2), RegionalIndicators.AUTHOR).query(Integer.class).single()).isZero();
        noPublishedDifferenceRevealsAGroupOfFewerThanFive();

        // public API and page: the county of three is suppressed, saying why, with no figure anywhere
        mvc.perform(get("/api/v1/assessment/regional-indicators/6501").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.rows[?(@.regionCode == '" + counties.get(1) + "')].verdict").value("TOO_FEW"))
                .andExpect(jsonPath("$.rows[?(@.regionCode == '" + counties.get(2) + "')].verdict").value("SECONDARY"))
                .andExpect(jsonPath("$.rows[?(@.regionCode == '" + counties.get(0) + "')].meanScore").value(65.0))
                .andExpect(jsonPath("$.total.assessments").value(16));
        mvc.perform(get("/api/v1/regions/" + counties.get(1) + "/observations").param("indicator", "ASM_MEAN_SCORE"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/regions/6501/self-assessment").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Suppressed: fewer than 5 enterprises")))
                .andExpect(content().string(containsString("secondary suppression")));
        mvc.perform(get("/regions/6501/self-assessment"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不公布：参评企业少于 5 家")));

        // a target on the mean score of 乌鲁木齐 shows progress from these figures
        if (plans.find("t-asm-regional").isEmpty()) {
            files.load(new MapFileSet().with("plans/t-asm-regional.yaml", """
                    plan:
                      code: t-asm-regional
                      name_zh: 自评估地区指标测试规划
                      name_en: Self-assessment indicator test plan
                      region: "6501"
                      start_year: 2026
                      end_year: 2027
                      baseline_year: 2025
                    sections:
                      - code: "1"
                        title_zh: 目标
                        title_en: Goals
                        indicators: [ASM_MEAN_SCORE]
                    targets:
                      - id: t1
                        indicator: ASM_MEAN_SCORE
                        region: "6501"
                        kind: at_least
                        value: 60
                        target_year: 2027
                        statement_zh: 自评估平均得分达到60分
                        statement_en: Mean self-assessment score at least 60
                    """), "planner");
        }
        var target = targets.find(plans.find("t-asm-regional").orElseThrow().id(), "t1").orElseThrow();
        var latest = progress.assess(target).assessment().latest();
        assertThat(latest).isNotNull();
        assertThat(latest.value()).isEqualTo(mean.get("6501").doubleValue());

        // one more submission through the API: the county's figure moves after commit; a return moves it back
        String me = "asm-reg-" + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        accounts.create(new NewAccount(me, "自评估地区测试", PASSWORD, Role.ENTERPRISE, null, "xj-xinte-energy", false), "admin");
        As.nobody();
        String code = AssessmentApiTest.code(PREFIX + counties.get(0).substring(1) + "9999999".substring(0, 17 - 5 - 5));
        mvc.perform(post("/api/v1/assessment/enterprise").with(httpBasic(me, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"creditCode\":\"" + code + "\",\"name\":\"新特能源股份有限公司\",\"regionCode\":\""
                                + counties.get(0) + "\",\"industryCode\":\"3985\",\"sizeClass\":\"LARGE\",\"aboveScale\":true}"))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/v1/assessment/answers").with(httpBasic(me, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(AssessmentApiTest.ALL_ANSWERS)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/assessment/submit").with(httpBasic(me, PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(85.8));
        // (455 + 85.8) / 8 = 67.6
        assertThat(published(RegionalIndicators.MEAN_SCORE).get(counties.get(0))).isEqualByComparingTo("67.600");
        assertThat(progress.assess(target).assessment().latest().value())
                .isEqualTo(published(RegionalIndicators.MEAN_SCORE).get("6501").doubleValue());
        long id = jdbc.sql("select a.id from asm_assessment a join asm_enterprise e on e.id = a.enterprise_id "
                + "where e.credit_code = ?").param(code).query(Long.class).single();
        mvc.perform(post("/api/v1/assessment/" + id + "/return").with(httpBasic(account(Role.REVIEWER, "6501"), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"请核对 B2\"}"))
                .andExpect(status().isOk());
        assertThat(published(RegionalIndicators.MEAN_SCORE).get(counties.get(0))).isEqualByComparingTo("65.000");
        noPublishedDifferenceRevealsAGroupOfFewerThanFive();
    }

    /**
     * The attacker's view: every stored computed figure. For every published region, its sum of scores (mean × count)
     * minus its published children's sums leaves a group of 0 or at least 5 enterprises (counts likewise).
     */
    private void noPublishedDifferenceRevealsAGroupOfFewerThanFive() {
        Map<String, BigDecimal> mean = published(RegionalIndicators.MEAN_SCORE);
        Map<String, BigDecimal> count = published(RegionalIndicators.ASSESSED);
        int checked = 0;
        for (String code : count.keySet()) {
            Region r = regions.get(code);
            long rest = count.get(code).longValue();
            for (Region child : regions.children(r)) {
                if (count.containsKey(child.code())) {
                    rest -= count.get(child.code()).longValue();
                }
            }
            assertThat(rest == 0 || rest >= 5).as("%s minus its published children leaves %d enterprises", code, rest).isTrue();
            if (count.get(code).signum() > 0) {
                assertThat(mean).containsKey(code);
                assertThat(count.get(code).longValue()).isGreaterThanOrEqualTo(5);
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(3); // 6501, 65, CN at least
    }

    @Test
    void badInputIsRefusedWithFieldAndValue() throws Exception {
        mvc.perform(get("/api/v1/assessment/regional-indicators/6501").param("year", "20x6").header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("year"))
                .andExpect(jsonPath("$.problems[0].value").value("20x6"))
                .andExpect(jsonPath("$.problems[0].reason").value("is not a year from 2000 to 2100"));
        mvc.perform(get("/api/v1/assessment/regional-indicators/6501").param("year", "1800").header("Accept-Language", "zh"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].reason").value("不是 2000 至 2100 之间的年份"));
        mvc.perform(get("/api/v1/assessment/regional-indicators/NOPE")).andExpect(status().isNotFound());
        mvc.perform(get("/regions/6501/self-assessment").param("year", "abc").param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("is not a year from 2000 to 2100; the newest year is shown")));
        // a year with nothing submitted: a sentence with the year as a year (not "2,099"), and no empty chart
        mvc.perform(get("/regions/6501/self-assessment").param("year", "2099").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No submitted self-assessments in 2099 yet.")))
                .andExpect(content().string(not(containsString("stage-chart"))));

        generate(counties.get(0), 50, 60, 70, 80, 90);
        String code = jdbc.sql("select credit_code from asm_enterprise where credit_code like ? order by id")
                .param(PREFIX + "%").query(String.class).list().get(0);
        String planner = account(Role.PLANNER, "65");
        String reporter = account(Role.REPORTER, "6501");
        // flags: both flags and a reason, else refused whole and nothing stored
        mvc.perform(put("/api/v1/assessment/enterprises/" + code + "/flags").with(httpBasic(planner, PASSWORD))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content("{\"pilot\":true}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("demonstration", "reason")));
        assertThat(jdbc.sql("select count(*) from asm_enterprise where credit_code = ? and flags_set_by is not null")
                .param(code).query(Integer.class).single()).isZero();
        mvc.perform(put("/api/v1/assessment/enterprises/" + code + "/flags").with(httpBasic(reporter, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"pilot\":true,\"demonstration\":true,\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        int before = published(RegionalIndicators.DEMONSTRATION).getOrDefault(counties.get(0), BigDecimal.ZERO).intValue();
        mvc.perform(put("/api/v1/assessment/enterprises/" + code + "/flags").with(httpBasic(planner, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pilot\":true,\"demonstration\":true,\"reason\":\"示范企业名单\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.setBy").value(planner));
        // one 示范 enterprise in a county of five: a count of 1 is suppressed, not published
        assertThat(before).isZero();
        assertThat(published(RegionalIndicators.DEMONSTRATION)).doesNotContainKey(counties.get(0));
        mvc.perform(get("/api/v1/assessment/regional-indicators/6501"))
                .andExpect(jsonPath("$.rows[?(@.regionCode == '" + counties.get(0) + "')].demonstration.verdict").value("TOO_FEW"))
                .andExpect(content().string(not(containsString("\"demonstration\":{\"verdict\":\"TOO_FEW\",\"value\":1"))));
        assertThat(Locale.ROOT).isNotNull();
    }
}
