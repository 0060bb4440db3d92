package org.yardstick.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipInputStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import org.yardstick.security.internal.ApiTokens;

/** The framework API with a personal access token: every write and every refusal (403, 404, 422), nothing half-written. */
@YardstickTest
@Transactional
class FrameworkApiTest {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired UserDetailsService details;
    @Autowired JdbcClient jdbc;
    @Autowired Indicators indicators;
    @Autowired Plans plans;
    @Autowired Targets targets;

    String xj;
    String nm;

    @BeforeEach
    void tokens() {
        As.user(details, "admin");
        accounts.create(new NewAccount("fw-api-xj", "规划处（接口测试）", "Fw-api-5531-xj", Role.PLANNER, "65", null, false), "test");
        accounts.create(new NewAccount("fw-api-nm", "规划处（接口测试）", "Fw-api-5531-nm", Role.PLANNER, "15", null, false), "test");
        As.user(details, "fw-api-xj");
        xj = tokens.create("framework tests", null).secret();
        As.user(details, "fw-api-nm");
        nm = tokens.create("framework tests", null).secret();
        As.nobody();
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder r) {
        return r.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static final String INDICATOR = """
            {"code":"FW_API_USERS","name":{"zh":"接口测试指标","en":"API test indicator"},"unit":{"zh":"万户","en":"10k households"},
             "polarity":"POSITIVE","aggregation":"SUM"}""";
    static final String PLAN = """
            {"code":"fw-api-plan","name":{"zh":"接口规划","en":"API plan"},"regionCode":"65","startYear":2021,"endYear":2025,
             "baselineYear":2020}""";
    static final String TARGET = """
            {"code":"t1","indicatorCode":"FW_API_USERS","regionCode":"65","kind":"AT_LEAST","qualifier":"OVER","qualifierText":"以上",
             "value":500,"baselineYear":2020,"targetYear":2025,"statement":{"zh":"达到500万户以上","en":"At least 5 million"}}""";

    void planWithTarget() throws Exception {
        mvc.perform(as(xj, post("/api/v1/indicators")).content(INDICATOR)).andExpect(status().isCreated());
        mvc.perform(as(xj, post("/api/v1/plans")).content(PLAN)).andExpect(status().isCreated());
        mvc.perform(as(xj, post("/api/v1/plans/fw-api-plan/targets")).content(TARGET)).andExpect(status().isCreated());
    }

    @Test
    void theWritesAreInTheOpenApiDocumentWithExamples() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/frameworks'].post.tags[0]").value("frameworks"))
                .andExpect(jsonPath("$.paths['/api/v1/frameworks'].post.requestBody.content['multipart/form-data']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/frameworks'].post.requestBody.content['application/yaml']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/frameworks/{plan}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/indicators'].post.requestBody.content['application/json']").exists())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(Matchers.allOf(
                        Matchers.containsString("FTTH_RATE"), Matchers.containsString("中期评估后动态调整"))))
                .andExpect(jsonPath("$.paths['/api/v1/indicators/{code}'].delete").exists())
                .andExpect(jsonPath("$.paths['/api/v1/plans/{plan}/targets/{target}'].patch.summary").value(Matchers.containsString("reason")))
                .andExpect(jsonPath("$.paths['/api/v1/plans/{plan}/{part}/{code}'].patch").exists());
    }

    @Test
    void aTargetYearBeforeItsBaselineYearIsRefusedWith422NamingTheField() throws Exception {
        mvc.perform(as(xj, post("/api/v1/indicators")).content(INDICATOR)).andExpect(status().isCreated());
        mvc.perform(as(xj, post("/api/v1/plans")).content(PLAN)).andExpect(status().isCreated());
        long before = count("target");
        mvc.perform(as(xj, post("/api/v1/plans/fw-api-plan/targets")).header("Accept-Language", "en")
                        .content(TARGET.replace("\"targetYear\":2025", "\"targetYear\":2019")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems.length()").value(1))
                .andExpect(jsonPath("$.problems[0].field").value("baseline_year"))
                .andExpect(jsonPath("$.problems[0].value").value("2020"))
                .andExpect(jsonPath("$.problems[0].code").value("framework.year-order"))
                .andExpect(jsonPath("$.problems[0].reason").value("must not be after target_year (2019)"));
        assertThat(count("target")).isEqualTo(before);
        // nor by a change: an adjustment that moves the target year before the baseline
        mvc.perform(as(xj, post("/api/v1/plans/fw-api-plan/targets")).content(TARGET)).andExpect(status().isCreated());
        mvc.perform(as(xj, patch("/api/v1/plans/fw-api-plan/targets/t1")).content("{\"targetYear\":2018,\"reason\":\"提前\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("baseline_year"))
                .andExpect(jsonPath("$.problems[0].code").value("framework.year-order"));
    }

    @Test
    void indicatorsAreCreatedChangedAndRetired() throws Exception {
        mvc.perform(as(xj, post("/api/v1/indicators")).content(INDICATOR))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/indicators/FW_API_USERS"))
                .andExpect(jsonPath("$.code").value("FW_API_USERS"))
                .andExpect(jsonPath("$.nature").value("EXPECTED"));
        mvc.perform(as(xj, patch("/api/v1/indicators/FW_API_USERS"))
                        .content("{\"nature\":\"BINDING\",\"name\":{\"en\":\"Renamed\"},\"reason\":\"约束性\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nature").value("BINDING"))
                .andExpect(jsonPath("$.name.zh").value("接口测试指标"))
                .andExpect(jsonPath("$.name.en").value("Renamed"));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'indicator' and entity_key = 'FW_API_USERS' "
                + "and field = 'channel' and new_value = 'api'").query(Long.class).single()).isEqualTo(2);
        mvc.perform(as(xj, delete("/api/v1/indicators/FW_API_USERS")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("reason"))
                .andExpect(jsonPath("$.problems[0].code").value("framework.reason-required"));
        mvc.perform(as(xj, delete("/api/v1/indicators/FW_API_USERS").param("reason", "重复")))
                .andExpect(status().isNoContent());
        assertThat(indicators.get("FW_API_USERS").retired()).isTrue();
    }

    @Test
    void aRetireThatWouldOrphanFiguresIsRefusedUnlessForced() throws Exception {
        mvc.perform(as(xj, delete("/api/v1/indicators/IDI").header("Accept-Language", "en").param("reason", "不再监测")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("framework.force-needed"))
                .andExpect(jsonPath("$.problems[0].reason").value(Matchers.startsWith("has ")));
        assertThat(indicators.get("IDI").retired()).isFalse();
        mvc.perform(as(xj, delete("/api/v1/indicators/IDI").param("reason", "不再监测").param("force", "true")))
                .andExpect(status().isNoContent());
    }

    @Test
    void badInputIsRefusedWholeWith422NamingEveryField() throws Exception {
        long before = count("indicator");
        mvc.perform(as(xj, post("/api/v1/indicators")).content("{\"code\":\"FW BAD\",\"aggregation\":\"RATIO\",\"polarity\":\"POSITIVE\","
                        + "\"unit\":{\"zh\":\"%\",\"en\":\"%\"},\"name\":{\"zh\":\"\",\"en\":\"x\"},\"extra\":1}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[*].field").value(Matchers.hasItem("extra")));
        mvc.perform(as(xj, post("/api/v1/indicators")).content("{\"code\":\"FW BAD\",\"aggregation\":\"RATIO\",\"polarity\":\"POSITIVE\","
                        + "\"unit\":{\"zh\":\"%\",\"en\":\"%\"},\"name\":{\"zh\":\"\",\"en\":\"x\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[*].field").value(Matchers.hasItems("code", "name_zh", "numerator", "denominator")));
        mvc.perform(as(xj, post("/api/v1/indicators")).content("{\"code\":\"FW_X\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[*].field").value(Matchers.hasItems("name", "unit", "polarity", "aggregation")));
        assertThat(count("indicator")).isEqualTo(before);
    }

    @Test
    void targetsAreAdjustedWithAReasonAndTheirHistoryIsRead() throws Exception {
        planWithTarget();
        long revisions = count("target_revision");
        mvc.perform(as(xj, patch("/api/v1/plans/fw-api-plan/targets/t1")).content("{\"value\":450}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("framework.reason-required"));
        mvc.perform(as(xj, patch("/api/v1/plans/fw-api-plan/targets/t1")).content("{\"kind\":\"RANGE\",\"value\":5,\"valueHigh\":3,"
                        + "\"reason\":\"x\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("value_high"))
                .andExpect(jsonPath("$.problems[0].code").value("framework.range-order"));
        assertThat(count("target_revision")).as("nothing written").isEqualTo(revisions);
        mvc.perform(as(xj, patch("/api/v1/plans/fw-api-plan/targets/t1")).content("{\"value\":450,\"reason\":\"中期评估后调整\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(450));
        mvc.perform(as(xj, get("/api/v1/plans/fw-api-plan/targets/t1/history")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[1].action").value("ADJUST"))
                .andExpect(jsonPath("$[1].oldValue").value(500))
                .andExpect(jsonPath("$[1].newValue").value(450))
                .andExpect(jsonPath("$[1].reason").value("中期评估后调整"))
                .andExpect(jsonPath("$[1].channel").value("API"));
        mvc.perform(as(xj, delete("/api/v1/plans/fw-api-plan/targets/t1").param("reason", "取消"))).andExpect(status().isNoContent());
        mvc.perform(as(xj, delete("/api/v1/plans/fw-api-plan/targets/nope").param("reason", "x"))).andExpect(status().isNotFound());
    }

    @Test
    void partsOfAPlanGoThroughTheApi() throws Exception {
        planWithTarget();
        mvc.perform(as(xj, post("/api/v1/plans/fw-api-plan/sections"))
                        .content("{\"code\":\"1\",\"title\":{\"zh\":\"目标\",\"en\":\"Goals\"},\"indicatorCodes\":[\"FW_API_USERS\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(as(xj, post("/api/v1/plans/fw-api-plan/goals"))
                        .content("{\"code\":\"g1\",\"sectionCode\":\"1\",\"text\":{\"zh\":\"普及宽带\",\"en\":\"Broadband\"}}"))
                .andExpect(status().isCreated());
        mvc.perform(as(xj, post("/api/v1/plans/fw-api-plan/key-projects"))
                        .content("{\"code\":\"k1\",\"name\":{\"zh\":\"工程\",\"en\":\"Project\"},\"targetCodes\":[\"t1\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(as(xj, post("/api/v1/plans/fw-api-plan/tasks"))
                        .content("{\"code\":\"T1\",\"sectionCode\":\"1\",\"title\":{\"zh\":\"任务\",\"en\":\"Task\"},\"unitCodes\":[]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("framework.no-units"));
        mvc.perform(as(xj, post("/api/v1/plans/fw-api-plan/tasks"))
                        .content("{\"code\":\"T1\",\"sectionCode\":\"1\",\"title\":{\"zh\":\"任务\",\"en\":\"Task\"},\"unitCodes\":[\"xj-kjt\",\"xj-fgw\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(as(xj, patch("/api/v1/plans/fw-api-plan/tasks/T1")).content("{\"unitCodes\":[\"xj-fgw\",\"xj-kjt\"],\"reason\":\"调整\"}"))
                .andExpect(status().isNoContent());
        assertThat(plans.tasks(plans.get("fw-api-plan")).get(0).leadCode()).isEqualTo("xj-fgw");
        mvc.perform(as(xj, patch("/api/v1/plans/fw-api-plan/goals/g1")).content("{\"text\":{\"en\":\"Broadband for all\"}}"))
                .andExpect(status().isNoContent());
        mvc.perform(as(xj, delete("/api/v1/plans/fw-api-plan/sections/1").param("reason", "合并")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("framework.has-live-parts"));
        mvc.perform(as(xj, delete("/api/v1/plans/fw-api-plan/tasks/T1").param("reason", "完成"))).andExpect(status().isNoContent());
        mvc.perform(as(xj, delete("/api/v1/plans/fw-api-plan/goals/g1").param("reason", "重复"))).andExpect(status().isNoContent());
        mvc.perform(as(xj, delete("/api/v1/plans/fw-api-plan/key-projects/k1").param("reason", "取消"))).andExpect(status().isNoContent());
        mvc.perform(as(xj, delete("/api/v1/plans/fw-api-plan/sections/1").param("reason", "合并"))).andExpect(status().isNoContent());
        mvc.perform(as(xj, patch("/api/v1/plans/fw-api-plan/tasks/T9")).content("{}")).andExpect(status().isNotFound());
        mvc.perform(as(xj, patch("/api/v1/plans/fw-api-plan")).content("{\"endYear\":2026,\"reason\":\"延长\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.endYear").value(2026));
        mvc.perform(as(xj, delete("/api/v1/plans/fw-api-plan").param("reason", "取代"))).andExpect(status().isNoContent());
    }

    @Test
    void outOfScopeIs403AndUnknownIs404AndNoCredentialsIsRefused() throws Exception {
        planWithTarget();
        mvc.perform(as(nm, patch("/api/v1/plans/fw-api-plan/targets/t1")).content("{\"value\":1,\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(nm, post("/api/v1/plans")).content(PLAN.replace("fw-api-plan", "fw-api-2")))
                .andExpect(status().isForbidden());
        assertThat(plans.find("fw-api-2")).isEmpty();
        mvc.perform(as(xj, patch("/api/v1/plans/no-such-plan")).content("{}")).andExpect(status().isNotFound());
        mvc.perform(as(xj, patch("/api/v1/indicators/NO_SUCH")).content("{}")).andExpect(status().isNotFound());
        // without credentials a write is refused before anything reads it: 401, nothing written
        mvc.perform(post("/api/v1/indicators").contentType(MediaType.APPLICATION_JSON).content(INDICATOR))
                .andExpect(status().isUnauthorized());
        assertThat(indicators.find("FW_API_USERS")).get().satisfies(i -> assertThat(i.name().en()).isEqualTo("API test indicator"));
    }

    @Test
    void frameworkFilesArePreviewedAppliedAndExported() throws Exception {
        byte[] zip = mvc.perform(as(xj, get("/api/v1/frameworks/xj-info-13fyp")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("application/zip")))
                .andReturn().getResponse().getContentAsByteArray();
        String plan = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("plans/xj-info-13fyp.yaml")) {
                    plan = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(plan).contains("t-community-platform-2020");
        // the zip as it came: nothing to do
        mvc.perform(multipart("/api/v1/frameworks").file(new MockMultipartFile("files", "xj.zip", "application/zip", zip))
                        .param("dryRun", "true").header("Authorization", "Bearer " + xj))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.items").isEmpty());
        String changed = plan.replaceFirst("(- id: \"t-community-platform-2020\"[\\s\\S]*?value: )95", "$190");
        mvc.perform(as(xj, post("/api/v1/frameworks")).contentType("application/yaml").param("dryRun", "true")
                        .content(changed.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].key").value("xj-info-13fyp/t-community-platform-2020"))
                .andExpect(jsonPath("$.items[0].fields[0].oldValue").value("95"))
                .andExpect(jsonPath("$.items[0].fields[0].newValue").value("90"));
        Plan p = plans.get("xj-info-13fyp");
        assertThat(targets.find(p.id(), "t-community-platform-2020").orElseThrow().value()).isEqualByComparingTo("95");
        mvc.perform(as(xj, post("/api/v1/frameworks")).contentType("application/yaml").param("reason", "中期调整")
                        .content(changed.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.counts.target.changed").value(1));
        assertThat(targets.find(p.id(), "t-community-platform-2020").orElseThrow().value()).isEqualByComparingTo("90");
        mvc.perform(as(xj, post("/api/v1/frameworks")).contentType("application/yaml")
                        .content("plan:\n  code: [oops\n".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].line").value(Matchers.greaterThan(0)));
        mvc.perform(as(nm, post("/api/v1/frameworks")).contentType("application/yaml").content(changed.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/frameworks/xj-info-13fyp")).andExpect(status().isUnauthorized());
        mvc.perform(as(xj, get("/api/v1/frameworks/no-such-plan"))).andExpect(status().isNotFound());
    }
}
