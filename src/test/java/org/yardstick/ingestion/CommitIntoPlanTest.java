package org.yardstick.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.Targets;
import org.yardstick.ingestion.rules.ItemKind;

/**
 * Committing a document's proposals into an EXISTING plan through the framework import's merge preview: the
 * plan's own parts are kept, the document's added; a unit that disagrees with the catalogue is refused; the
 * preview writes nothing. Each test runs in a transaction rolled back at its end (nothing left for other tests).
 */
@YardstickTest
@Transactional
class CommitIntoPlanTest {

    static final String PLAN = "xj-info-13fyp";
    static final String TEXT = "一、发展目标\n到2020年，全区行政村通宽带比例达到99%以上，全区数据中心机架数达到5万个。\n";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Plans plans;
    @Autowired Targets targets;
    final ObjectMapper json = new ObjectMapper();

    long stored() {
        return jdbc.queryForObject("select (select count(*) from plan) + (select count(*) from target) "
                + "+ (select count(*) from observation) + (select count(*) from indicator) + (select count(*) from document)"
                + " + (select count(*) from plan_section)", Long.class);
    }

    MockHttpServletResponse api(String username, Map<String, Object> body, boolean dryRun) throws Exception {
        return mvc.perform(post("/api/v1/ingest/commit").param("dryRun", Boolean.toString(dryRun))
                .with(httpBasic(username, "yardstick-demo")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(body))).andReturn().getResponse();
    }

    static Map<String, Object> request(String text, String plan, List<Integer> accept) {
        return Map.of("text", text, "plan", plan, "documentCode", "xj-bb-special", "issuer", "自治区通信管理局",
                "nameZh", "新疆宽带发展专项规划", "nameEn", "Xinjiang broadband plan", "accept", accept, "year", 2017);
    }

    @Test
    void dryRunShowsWhatIsAddedKeepsThePlanAndWritesNothing() throws Exception {
        long before = stored();
        int planTargets = targets.ofPlan(plans.get(PLAN)).size();
        MockHttpServletResponse r = api("planner", request(TEXT, PLAN, List.of(0, 1)), true);
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode answer = json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
        assertThat(answer.get("dryRun").asBoolean()).isTrue();
        assertThat(answer.get("existingPlan").asBoolean()).isTrue();
        assertThat(answer.at("/counts/target/added").asInt()).isEqualTo(2);
        assertThat(answer.at("/counts/target/unchanged").asInt()).isEqualTo(planTargets);
        assertThat(answer.at("/counts/target/retired").asInt()).isZero();
        assertThat(answer.at("/counts/target/changed").asInt()).isZero();
        assertThat(answer.at("/counts/indicator/added").asInt()).isEqualTo(1);
        for (JsonNode item : answer.get("items")) {
            assertThat(item.get("action").asText()).as(item.toString()).isEqualTo("added");
        }
        String indicators = answer.at("/files/indicators.yaml").asText();
        assertThat(indicators).contains("name_en: \"Data centre racks\"").doesNotContain("name_en: \"全区数据中心机架数\"");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void commitAddsTheDocumentsTargetsUnderItsOwnSectionAndKeepsThePlans() throws Exception {
        var plan = plans.get(PLAN);
        List<Target> old = targets.ofPlan(plan);
        MockHttpServletResponse r = api("planner", request(TEXT, PLAN, List.of(0, 1)), false);
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        List<Target> now = targets.ofPlan(plan);
        assertThat(now).hasSize(old.size() + 2);
        assertThat(now).extracting(Target::id).containsAll(old.stream().map(Target::id).toList());
        Target village = now.stream().filter(t -> !old.contains(t) && "VILLAGE_BB_RATE".equals(t.indicatorCode()))
                .findFirst().orElseThrow();
        assertThat(village.value()).isEqualByComparingTo("99");
        assertThat(plans.outline(plan)).extracting(s -> s.code()).contains("xj-bb-special");
        assertThat(jdbc.queryForObject("select name_en from indicator where name_zh = '全区数据中心机架数' or name_zh = '数据中心机架数'",
                String.class)).isEqualTo("Data centre racks");
        // the same document again: its codes are taken, nothing is added twice
        MockHttpServletResponse again = api("planner", request(TEXT, PLAN, List.of(0)), true);
        assertThat(json.readTree(again.getContentAsString(StandardCharsets.UTF_8)).at("/counts/target/added").asInt()).isZero();
    }

    @Test
    void aUnitThatDisagreesWithTheCatalogueIsRefusedNeverMerged() throws Exception {
        long before = stored();
        String text = "一、发展目标\n到2020年，全区行政村通宽带比例达到5000个。\n";
        MockHttpServletResponse r = api("planner", request(text, PLAN, List.of(0)), false);
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("ingest.unit-conflict").contains("VILLAGE_BB_RATE");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void badRequestsAreRefusedWholeAndScopeIsKept() throws Exception {
        long before = stored();
        MockHttpServletResponse unknown = api("planner", request(TEXT, "no-such-plan", List.of(0)), false);
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).contains("ingest.unknown-plan").contains("no-such-plan");
        MockHttpServletResponse badIndex = api("planner", request(TEXT, PLAN, List.of(7)), false);
        assertThat(badIndex.getStatus()).isEqualTo(422);
        assertThat(badIndex.getContentAsString(StandardCharsets.UTF_8)).contains("accept");
        MockHttpServletResponse nothing = api("planner", request(TEXT, PLAN, List.of()), false);
        assertThat(nothing.getStatus()).isEqualTo(422);
        assertThat(nothing.getContentAsString(StandardCharsets.UTF_8)).contains("ingest.nothing-accepted");
        // Inner Mongolia's plan is outside the Xinjiang planner's region
        assertThat(api("planner", request(TEXT, "nm-info-13fyp", List.of(0)), true).getStatus()).isEqualTo(403);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theReviewPageOffersThePlansPreviewsAndCommitsIntoOne() throws Exception {
        MockHttpSession session = new MockHttpSession();
        var admin = user(accounts.loadUserByUsername("admin"));
        mvc.perform(post("/ingest").session(session).with(admin).with(csrf()).param("text", TEXT).param("region", "65")
                .param("year", "2017"));
        String page = mvc.perform(get("/ingest/review").session(session).with(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("value=\"" + PLAN + "\"").contains("name=\"nameEn_1\"").contains("Data centre racks");
        int planTargets = targets.ofPlan(plans.get(PLAN)).size();
        var preview = mvc.perform(form(session, "preview").with(admin)).andReturn().getResponse();
        assertThat(preview.getStatus()).isEqualTo(200);
        assertThat(preview.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"preview\"").contains("xj-bb-special-t1");
        assertThat(targets.ofPlan(plans.get(PLAN))).hasSize(planTargets);
        var done = mvc.perform(form(session, "commit").with(admin)).andReturn().getResponse();
        assertThat(done.getStatus()).as(done.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(done.getContentAsString(StandardCharsets.UTF_8)).contains("/plans/" + PLAN);
        assertThat(targets.ofPlan(plans.get(PLAN))).hasSize(planTargets + 2);
    }

    @Test
    void unknownResponsibleUnitsBecomeNewOrganisationsAndGoalHeadingsGoals() throws Exception {
        String text = "一、发展目标\n到2020年，全区行政村通宽带比例达到99%以上。\n二、主要任务\n（一）建设大数据中心。"
                + "加快建设自治区政务大数据中心。（责任单位：自治区科技厅、自治区大数据发展局）\n";
        JsonNode proposed = json.readTree(mvc.perform(post("/api/v1/ingest").param("year", "2017")
                .with(httpBasic("planner", "yardstick-demo")).with(csrf()).contentType(MediaType.TEXT_PLAIN)
                .content(text.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        List<Integer> all = new java.util.ArrayList<>();
        for (int i = 0; i < proposed.get("items").size(); i++) {
            all.add(i);
        }
        assertThat(proposed.get("items").findValuesAsText("kind")).contains("task", "target");
        JsonNode dry = json.readTree(api("planner", request(text, PLAN, all), true).getContentAsString(StandardCharsets.UTF_8));
        String orgs = dry.at("/files/organisations.yaml").asText();
        assertThat(orgs).contains("name_zh: \"自治区大数据发展局\"").doesNotContain("科技厅");
        // the goal is the sentence under the 目标 heading, not the heading's title
        assertThat(dry.at("/files/plans~1" + PLAN + ".yaml").asText())
                .containsPattern("text_zh: \"?到2020年，全区行政村通宽带比例达到99%以上。").doesNotContain("text_zh: 发展目标");
        assertThat(dry.at("/counts/goal/added").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from organisation where name_zh = '自治区大数据发展局'", Long.class)).isZero();
        MockHttpServletResponse done = api("planner", request(text, PLAN, all), false);
        assertThat(done.getStatus()).as(done.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from organisation where name_zh = '自治区大数据发展局'", Long.class)).isOne();
        var task = plans.tasks(plans.get(PLAN)).stream().filter(t -> t.code().startsWith("xj-bb-special-")).findFirst().orElseThrow();
        assertThat(task.toString()).contains("xj-kjt");
    }

    @Test
    void theCommitIsInTheOpenApiDocument() throws Exception {
        JsonNode doc = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        JsonNode op = doc.at("/paths/~1api~1v1~1ingest~1commit/post");
        assertThat(op.get("summary").asText()).contains("existing plan");
        assertThat(op.get("tags").toString()).contains("ingestion");
        assertThat(op.get("parameters").toString()).contains("dryRun");
        assertThat(op.at("/requestBody/content/application~1json").toString()).contains("nm-info-13fyp");
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(MockHttpSession session,
                                                                                                   String action) {
        var r = post("/ingest/review").session(session).with(csrf()).param("action", action).param("into", PLAN)
                .param("accept", "0").param("accept", "1").param("documentCode", "xj-bb-special")
                .param("issuer", "自治区通信管理局").param("nameZh", "新疆宽带发展专项规划").param("nameEn", "Xinjiang broadband plan")
                .param("region", "65");
        String[][] items = {{"VILLAGE_BB_RATE", "行政村通宽带比例", "", "99", "%"}, {"", "数据中心机架数", "Data centre racks", "5", "万个"}};
        for (int i = 0; i < items.length; i++) {
            r.param("code_" + i, items[i][0]).param("name_" + i, items[i][1]).param("nameEn_" + i, items[i][2])
                    .param("value_" + i, items[i][3]).param("high_" + i, "").param("unit_" + i, items[i][4])
                    .param("year_" + i, "2020");
        }
        return r;
    }
}
