package org.yardstick.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yardstick.TestClock;

/**
 * Issue 10's planner journey through the API alone, from an EMPTY start (no demo, a database of this test
 * alone: in-memory H2, or a fresh schema of the PostgreSQL database when the run is on PostgreSQL): the
 * initial administrator (of the one top-level region an empty start gets) adds the region tree, an organisation
 * and the planner, reporter and reviewer accounts; the planner creates a plan, an indicator, a target and a data
 * set with a window; the reporter posts figures and submits them; the reviewer approves them in bulk; the
 * target's progress reads the figure; the audit trail holds every step, each with channel {@code api}.
 */
@SpringBootTest(properties = {"yardstick.demo.load-on-empty=false", "yardstick.admin.initial-password=" + PlannerJourneyApiTest.ADMIN,
    "yardstick.supervision.scheduler.enabled=false"})
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@DirtiesContext
class PlannerJourneyApiTest {

    static final String ADMIN = "Panel-7#qTz-Analyse-2026";
    static final String PASSWORD = "Journey-4#kWx-Plan-2026";
    static final String SCHEMA = "planner_journey";

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) throws Exception {
        org.yardstick.EmptyDatabase.register(registry, SCHEMA);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    static MockHttpServletRequestBuilder as(String user, String password, MockHttpServletRequestBuilder r) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return r.header("Authorization", "Basic " + basic).contentType(MediaType.APPLICATION_JSON);
    }

    static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder r) {
        return as(user, user.equals("admin") ? ADMIN : PASSWORD, r);
    }

    static String account(String username, String role, String region) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "（旅程）\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"" + role + "\",\"regionCode\":\"" + region + "\"}";
    }

    @Test
    void aPlannerRunsTheirPlanFromAnEmptyStartThroughTheApiAlone() throws Exception {
        assertThat(jdbc.sql("select count(*) from plan where code <> 'j-etag-plan'").query(Long.class).single()).as("no demo").isZero();
        assertThat(jdbc.sql("select code from region where code not like 'J-ETAG%'").query(String.class).list()).as("the one top-level region").containsExactly("CN");

        // the administrator: the region tree, an organisation (责任单位) and the accounts
        mvc.perform(as("admin", post("/api/v1/regions")).content("""
                        [{"code":"65","parent":"CN","level":"PROVINCE","nameZh":"新疆维吾尔自治区","nameEn":"Xinjiang"},
                         {"code":"6501","parent":"65","level":"PREFECTURE","nameZh":"乌鲁木齐市","nameEn":"Urumqi"},
                         {"code":"650102","parent":"6501","level":"COUNTY","nameZh":"天山区","nameEn":"Tianshan District"},
                         {"code":"650103","parent":"6501","level":"COUNTY","nameZh":"沙依巴克区","nameEn":"Saybagh District"}]"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.count").value(4));
        mvc.perform(as("admin", post("/api/v1/organisations")).content("""
                        {"code":"XJ-STATS","nameZh":"新疆维吾尔自治区统计局","nameEn":"Statistics Bureau of Xinjiang",
                         "shortZh":"自治区统计局","kind":"AGENCY","region":"65","aliases":[]}"""))
                .andExpect(status().isCreated());
        mvc.perform(as("admin", post("/api/v1/accounts")).content(account("journey-planner", "PLANNER", "65")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("PLANNER"));
        mvc.perform(as("admin", post("/api/v1/accounts")).content(account("journey-reporter", "REPORTER", "650102")))
                .andExpect(status().isCreated());
        mvc.perform(as("admin", post("/api/v1/accounts")).content(account("journey-reviewer", "REVIEWER", "6501")))
                .andExpect(status().isCreated());
        // bad input is refused whole, naming the field
        mvc.perform(as("admin", post("/api/v1/accounts")).header("Accept-Language", "en")
                        .content(account("journey-nobody", "CHIEF", "65")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("role"))
                .andExpect(jsonPath("$.problems[0].value").value("CHIEF"))
                .andExpect(jsonPath("$.problems[0].reason").value(Matchers.startsWith("must be one of ADMIN")));
        mvc.perform(as("journey-planner", post("/api/v1/accounts")).content(account("journey-nobody", "REPORTER", "65")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from account where username = 'journey-nobody'").query(Long.class).single()).isZero();

        // the planner: indicator, plan, target, data set with a window
        mvc.perform(as("journey-planner", post("/api/v1/indicators")).content("""
                        {"code":"J_FTTH","name":{"zh":"光纤入户用户数","en":"FTTH subscribers"},"unit":{"zh":"户","en":"households"},
                         "polarity":"POSITIVE","aggregation":"SUM","nature":"BINDING"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.nature").value("BINDING"));
        mvc.perform(as("journey-planner", post("/api/v1/plans")).content("""
                        {"code":"j-plan","name":{"zh":"天山区信息化规划","en":"Tianshan informatization plan"},"regionCode":"65",
                         "startYear":2021,"endYear":2025,"baselineYear":2020}"""))
                .andExpect(status().isCreated());
        mvc.perform(as("journey-planner", post("/api/v1/plans/j-plan/targets")).content("""
                        {"code":"t1","indicatorCode":"J_FTTH","regionCode":"650102","kind":"AT_LEAST","qualifier":"OVER",
                         "qualifierText":"以上","value":50000,"baselineYear":2020,"targetYear":2025,
                         "statement":{"zh":"光纤入户用户达到5万户以上","en":"At least 50,000 FTTH subscribers"}}"""))
                .andExpect(status().isCreated());
        mvc.perform(as("journey-planner", post("/api/v1/data-sets")).content("""
                        {"code":"j-county","nameZh":"区县信息化年报","nameEn":"County informatization report","regionLevel":"COUNTY",
                         "periodType":"YEAR","planCode":"j-plan","indicators":[{"code":"J_FTTH","required":true}],
                         "windows":[{"period":"2025","opensOn":"2026-05-01","closesOn":"2026-06-30"}]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.windows[0].open").value(true));

        // the reporter: figures (a bad one first: refused whole, nothing stored), then the submission
        mvc.perform(as("journey-reporter", post("/api/v1/figures")).param("dataSet", "j-county").content("""
                        [{"indicator":"J_FTTH","region":"650102","period":"2025","value":"61234"},
                         {"indicator":"J_FTTH","region":"650103","period":"2025","value":"12x"}]"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[*].field").value(Matchers.hasItem("region")))
                .andExpect(jsonPath("$.problems[*].code").value(Matchers.hasItem("collection.out-of-scope")));
        assertThat(jdbc.sql("select count(*) from observation").query(Long.class).single()).isZero();
        mvc.perform(as("journey-reporter", post("/api/v1/figures")).param("dataSet", "j-county").content("""
                        [{"indicator":"J_FTTH","region":"650102","period":"2025","value":"61234"}]"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(1));
        mvc.perform(as("journey-reporter", post("/api/v1/submissions/submit")).param("dataSet", "j-county").param("period", "2025"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value(1));

        // the reviewer approves every submission of the prefecture at once
        mvc.perform(as("journey-reviewer", post("/api/v1/submissions/approve")).param("dataSet", "j-county")
                        .param("period", "2025").param("region", "6501").param("descendants", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value(1))
                .andExpect(jsonPath("$.refusedCount").value(0));

        // the target's progress reads the approved figure (public read API)
        mvc.perform(get("/api/v1/plans/j-plan"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets[0].code").value("t1"))
                .andExpect(jsonPath("$.targets[0].progress.status").value("achieved"))
                .andExpect(jsonPath("$.targets[0].progress.reason.args[0]").value(61234.0))
                .andExpect(jsonPath("$.targets[0].progress.reason.args[1]").value(2025));
        mvc.perform(get("/api/v1/indicators/J_FTTH/observations").param("region", "650102"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$..value").value(Matchers.hasItem(61234)));

        // every step is in the audit trail, by whom, through the API
        List<Map<String, Object>> steps = jdbc.sql("""
                        select distinct e.actor, e.entity_type, e.action from audit_event e
                        where exists (select 1 from audit_event c where c.field = 'channel' and c.new_value = 'api'
                                      and c.at = e.at and c.actor = e.actor and c.entity_type = e.entity_type
                                      and c.entity_key = e.entity_key and c.action = e.action)""")
                .query().listOfRows();
        List<String> seen = steps.stream().map(r -> r.get("actor") + " " + r.get("entity_type") + " " + r.get("action")).toList();
        assertThat(seen).contains(
                "admin region create", "admin organisation create", "admin account create",
                "journey-planner indicator create", "journey-planner plan create", "journey-planner target create",
                "journey-planner data_set create", "journey-reporter observation create",
                "journey-reporter submission submit", "journey-reviewer submission approve");
    }

    @Test
    void readsCarryETagsAnUnchangedOneIsAnswered304AndAStaleIfMatchIs412() throws Exception {
        mvc.perform(as("admin", post("/api/v1/indicators")).content("""
                        {"code":"J_ETAG","name":{"zh":"标签指标","en":"Tag indicator"},"unit":{"zh":"户","en":"households"},
                         "polarity":"POSITIVE","aggregation":"SUM"}"""))
                .andExpect(status().isCreated());
        mvc.perform(as("admin", post("/api/v1/plans")).content("""
                        {"code":"j-etag-plan","name":{"zh":"标签规划","en":"Tag plan"},"regionCode":"CN","startYear":2021,
                         "endYear":2025,"baselineYear":2020}"""))
                .andExpect(status().isCreated());
        mvc.perform(as("admin", post("/api/v1/data-sets")).content("""
                        {"code":"j-etag","nameZh":"标签报表","nameEn":"Tag report","regionLevel":"COUNTY","periodType":"YEAR",
                         "indicators":[{"code":"J_ETAG"}]}"""))
                .andExpect(status().isCreated());

        String tag = mvc.perform(as("admin", get("/api/v1/data-sets/j-etag")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("ETag", Matchers.matchesPattern("\"0-[0-9a-f]{8}\"")))
                .andReturn().getResponse().getHeader("ETag");
        mvc.perform(as("admin", get("/api/v1/data-sets/j-etag")).header("If-None-Match", tag))
                .andExpect(status().isNotModified())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(""));
        // a change with the tag read is taken; the same tag again is stale (412), and nothing changes
        mvc.perform(as("admin", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/data-sets/j-etag"))
                        .header("If-Match", tag).content("{\"nameEn\":\"Tag report (renamed)\",\"reason\":\"名称\"}"))
                .andExpect(status().isOk());
        mvc.perform(as("admin", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/data-sets/j-etag"))
                        .header("If-Match", tag).content("{\"nameEn\":\"Overwritten\",\"reason\":\"名称\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(as("admin", get("/api/v1/data-sets/j-etag")).header("If-None-Match", tag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nameEn").value("Tag report (renamed)"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("ETag", Matchers.startsWith("\"1-")));

        String plan = mvc.perform(as("admin", get("/api/v1/frameworks/j-etag-plan")).param("format", "yaml"))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
        assertThat(plan).matches("\"[0-9a-f]{32}\"");
        mvc.perform(as("admin", get("/api/v1/frameworks/j-etag-plan")).param("format", "yaml").header("If-None-Match", plan))
                .andExpect(status().isNotModified());
        mvc.perform(as("admin", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/plans/j-etag-plan"))
                        .content("{\"endYear\":2026,\"reason\":\"延期\"}"))
                .andExpect(status().isOk());
        mvc.perform(as("admin", get("/api/v1/frameworks/j-etag-plan")).param("format", "yaml").header("If-None-Match", plan))
                .andExpect(status().isOk());
    }

    @Test
    void regionsAndOrganisationsCarryETagsAnUnchangedOneIsAnswered304AndAStaleIfMatchIs412() throws Exception {
        mvc.perform(as("admin", post("/api/v1/regions")).content("""
                        [{"code":"J-ETAG","parent":"CN","level":"PROVINCE","nameZh":"标签省","nameEn":"Tag province"}]"""))
                .andExpect(status().isCreated());
        String tag = mvc.perform(get("/api/v1/regions/J-ETAG")).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("ETag");
        assertThat(tag).matches("\"[0-9a-f]{32}\"");
        mvc.perform(get("/api/v1/regions/J-ETAG").header("If-None-Match", tag)).andExpect(status().isNotModified());
        // a change with the tag read is taken and answers the new tag; the old tag again is stale: 412, nothing changed
        String renamed = mvc.perform(as("admin", patch("/api/v1/regions/J-ETAG")).header("If-Match", tag)
                        .content("{\"nameEn\":\"Tag province (renamed)\",\"reason\":\"名称\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nameEn").value("Tag province (renamed)"))
                .andReturn().getResponse().getHeader("ETag");
        assertThat(renamed).isNotEqualTo(tag);
        mvc.perform(as("admin", patch("/api/v1/regions/J-ETAG")).header("If-Match", tag).header("Accept-Language", "en")
                        .content("{\"nameEn\":\"Overwritten\",\"reason\":\"名称\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.problems[0].field").value("If-Match"))
                .andExpect(jsonPath("$.problems[0].reason").value(Matchers.containsString("someone changed it since you read it")));
        mvc.perform(get("/api/v1/regions/J-ETAG").header("If-None-Match", tag))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("ETag", renamed));
        assertThat(jdbc.sql("select name_en from region where code = 'J-ETAG'").query(String.class).single())
                .isEqualTo("Tag province (renamed)");
        // the public answer names the children: a new child is a new tag
        mvc.perform(as("admin", post("/api/v1/regions")).content("""
                        [{"code":"J-ETAG-1","parent":"J-ETAG","level":"PREFECTURE","nameZh":"标签市","nameEn":"Tag city"}]"""))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/regions/J-ETAG").header("If-None-Match", renamed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.children[0].code").value("J-ETAG-1"));

        mvc.perform(as("admin", post("/api/v1/organisations")).content("""
                        {"code":"J-ETAG-ORG","nameZh":"标签局","nameEn":"Tag bureau","shortZh":"标签局","kind":"AGENCY",
                         "region":"J-ETAG","aliases":[]}"""))
                .andExpect(status().isCreated());
        String orgTag = mvc.perform(get("/api/v1/organisations/J-ETAG-ORG")).andExpect(status().isOk())
                .andExpect(jsonPath("$.nameEn").value("Tag bureau"))
                .andReturn().getResponse().getHeader("ETag");
        assertThat(orgTag).matches("\"[0-9a-f]{32}\"");
        mvc.perform(get("/api/v1/organisations/J-ETAG-ORG").header("If-None-Match", orgTag)).andExpect(status().isNotModified());
        mvc.perform(as("admin", patch("/api/v1/organisations/J-ETAG-ORG")).header("If-Match", orgTag).content("""
                        {"code":"J-ETAG-ORG","nameZh":"标签局","nameEn":"Tag bureau (renamed)","shortZh":"标签局","kind":"AGENCY",
                         "region":"J-ETAG","aliases":[]}"""))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("ETag", Matchers.not(orgTag)));
        mvc.perform(as("admin", patch("/api/v1/organisations/J-ETAG-ORG")).header("If-Match", orgTag).content("""
                        {"code":"J-ETAG-ORG","nameZh":"标签局","nameEn":"Overwritten","shortZh":"标签局","kind":"AGENCY",
                         "region":"J-ETAG","aliases":[]}"""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(get("/api/v1/organisations/J-ETAG-ORG").header("If-None-Match", orgTag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nameEn").value("Tag bureau (renamed)"));
    }
}
