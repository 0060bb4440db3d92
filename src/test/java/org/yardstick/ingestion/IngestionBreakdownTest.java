package org.yardstick.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;

/**
 * A figure given for several areas in one sentence (城市…，农村牧区…) through the API and the commit: one catalogue
 * indicator broken down by area where the platform breaks it down so (Inner Mongolia's access speed, stored by city
 * and rural-pastoral), two indicators clearly named where it does not (Xinjiang); the goal's sentences, English
 * drafts of sections and new organisations; two values for one area refused with nothing stored. Each test runs in
 * a transaction rolled back at its end.
 */
@YardstickTest
@Transactional
class IngestionBreakdownTest {

    static final String TEXT = """
            一、发展现状
            2016年，城市平均宽带接入能力达到25Mbps，农村牧区平均宽带接入能力6Mbps。
            二、发展目标
            （一）主要目标。
            到2020年，城市平均宽带接入能力达到60Mbps，农村牧区平均宽带接入能力达到15Mbps。
            三、主要任务
            （一）实施宽带乡村工程。
            推进农村牧区宽带进村入户。（责任单位：自治区大数据发展局、自治区经信委）
            """;

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    final ObjectMapper json = new ObjectMapper();

    long stored() {
        return jdbc.queryForObject("select (select count(*) from plan) + (select count(*) from target) "
                + "+ (select count(*) from observation) + (select count(*) from indicator) + (select count(*) from document)"
                + " + (select count(*) from organisation)", Long.class);
    }

    JsonNode propose(String text, String region) throws Exception {
        MockHttpServletResponse r = mvc.perform(post("/api/v1/ingest").param("region", region).param("year", "2017")
                .with(httpBasic("admin", "yardstick-demo")).with(csrf()).contentType(MediaType.TEXT_PLAIN)
                .content(text.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    MockHttpServletResponse commit(String text, String region, String plan, boolean dryRun) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("text", text, "region", region, "year", 2017, "planCode", plan,
                "nameZh", "宽带专项规划（导入）", "nameEn", "Broadband plan (ingested)", "documentCode", plan + "-doc",
                "issuer", "自治区人民政府", "startYear", 2016, "endYear", 2020));
        body.put("baselineYear", 2016);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < propose(text, region).get("items").size(); i++) {
            all.add(i);
        }
        body.put("accept", all);
        return mvc.perform(post("/api/v1/ingest/commit").param("dryRun", Boolean.toString(dryRun))
                .with(httpBasic("admin", "yardstick-demo")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(body))).andReturn().getResponse();
    }

    @Test
    void whereThePlatformBreaksTheIndicatorDownByAreaTheFiguresAreItsCategories() throws Exception {
        JsonNode items = propose(TEXT, "15").get("items");
        List<String> categories = new ArrayList<>();
        for (JsonNode i : items) {
            if (i.get("value").isNumber()) {
                assertThat(i.at("/catalogue/code").asText()).as(i.toString()).isEqualTo("BB_ACCESS_SPEED");
                categories.add(i.get("breakdown").asText() + "=" + i.get("category").asText());
            }
        }
        assertThat(categories).containsExactly("城市=city", "农村牧区=rural-pastoral", "城市=city", "农村牧区=rural-pastoral");
        MockHttpServletResponse r = commit(TEXT, "15", "nm-bb-ingested", false);
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        List<String> reported = jdbc.queryForList("""
                select d.code || '=' || cast(cast(o.obs_value as integer) as varchar(20)) from observation o join indicator i on i.id = o.indicator_id
                join disaggregation d on d.id = o.disaggregation_id join region r on r.id = o.region_id
                join observation_source s on s.observation_id = o.id join document doc on doc.id = s.document_id
                where i.code = 'BB_ACCESS_SPEED' and r.code = '15' and doc.code = 'nm-bb-ingested-doc' order by d.code""", String.class);
        assertThat(reported).containsExactly("city=25", "rural-pastoral=6");
        List<String> targets = jdbc.queryForList("""
                select d.code from target t join plan p on p.id = t.plan_id join disaggregation d on d.id = t.disaggregation_id
                where p.code = 'nm-bb-ingested' order by d.code""", String.class);
        assertThat(targets).containsExactly("city", "rural-pastoral");
    }

    @Test
    void elsewhereTheyAreTwoIndicatorsClearlyNamedAndGoalsSectionsAndOrganisationsHaveEnglishDrafts() throws Exception {
        JsonNode items = propose(TEXT, "65").get("items");
        List<String> names = new ArrayList<>();
        for (JsonNode i : items) {
            if (i.get("value").isNumber()) {
                assertThat(i.get("catalogue").isNull()).as(i.toString()).isTrue();
                assertThat(i.get("category").asText()).isEmpty();
                names.add(i.get("indicator").asText());
            }
        }
        assertThat(names).containsExactly("城市平均宽带接入能力", "农村牧区平均宽带接入能力", "城市平均宽带接入能力",
                "农村牧区平均宽带接入能力");
        MockHttpServletResponse r = commit(TEXT, "65", "xj-bb-ingested", true);
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode files = json.readTree(r.getContentAsString(StandardCharsets.UTF_8)).get("files");
        String plan = files.get("plans/xj-bb-ingested.yaml").asText();
        // the goal is the sentence under 主要目标, quoted with its line; sections have English drafts, not the Chinese
        assertThat(plan).contains("text_zh: \"到2020年，城市平均宽带接入能力达到60Mbps，农村牧区平均宽带接入能力达到15Mbps。\"")
                .contains("line: 5, quote: \"到2020年，城市平均宽带接入能力达到60Mbps")
                .contains("title_en: \"Current state\"").contains("title_en: \"Main goals\"")
                .doesNotContain("title_en: \"发展现状\"");
        assertThat(files.get("indicators.yaml").asText()).contains("name_zh: \"农村牧区平均宽带接入能力\"");
        assertThat(files.get("organisations.yaml").asText()).contains("name_zh: \"自治区大数据发展局\"")
                .contains("name_en: \"Autonomous Region big data Development Bureau\"");
    }

    @Test
    void twoValuesForOneAreaOfOneFigureAreRefusedAndNothingIsStored() throws Exception {
        String text = """
                一、发展现状
                2016年，城市平均宽带接入能力达到25Mbps，农村牧区平均宽带接入能力6Mbps。
                2016年，城市平均宽带接入能力达到30Mbps，农村牧区平均宽带接入能力6Mbps。
                """;
        long before = stored();
        MockHttpServletResponse r = commit(text, "15", "nm-bb-twice", false);
        assertThat(r.getStatus()).isEqualTo(422);
        String answer = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("problems").contains("\"line\":3").contains("30");
        assertThat(stored()).isEqualTo(before);
    }
}
