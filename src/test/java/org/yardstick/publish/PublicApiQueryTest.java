package org.yardstick.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yardstick.YardstickTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public API's lists: paging, filters, fields, ETags, the new reads, and every bad parameter as a 400/406. */
@YardstickTest
class PublicApiQueryTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    private JsonNode read(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void pagesAreSlicesOfTheStableWholeWithLinksAndATotal() throws Exception {
        JsonNode all = read(mvc.perform(get("/api/v1/indicators")).andExpect(status().isOk())
                .andExpect(header().exists("X-Total-Count")).andReturn());
        int total = all.size();
        assertThat(total).isGreaterThan(6);
        MvcResult second = mvc.perform(get("/api/v1/indicators").param("page", "2").param("size", "3"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", Integer.toString(total)))
                .andExpect(header().string("Link", containsString("page=1&size=3>; rel=\"prev\"")))
                .andExpect(header().string("Link", containsString("page=3&size=3>; rel=\"next\"")))
                .andExpect(header().string("Link", containsString("page=" + ((total + 2) / 3) + "&size=3>; rel=\"last\"")))
                .andReturn();
        JsonNode page = read(second);
        assertThat(page.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(page.get(i).get("code").asString()).isEqualTo(all.get(3 + i).get("code").asString());
        }
        // past the end: an empty page, still with the total
        mvc.perform(get("/api/v1/indicators").param("page", "999").param("size", "3")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0)).andExpect(header().string("X-Total-Count", Integer.toString(total)));
        // the same request twice: the same order
        assertThat(read(mvc.perform(get("/api/v1/indicators")).andReturn())).isEqualTo(all);
    }

    @Test
    void fieldsSelectWhatEachItemCarries() throws Exception {
        JsonNode body = read(mvc.perform(get("/api/v1/plans").param("fields", "startYear,code")).andExpect(status().isOk())
                .andReturn());
        assertThat(body.size()).isGreaterThan(0);
        for (JsonNode p : body) {
            assertThat(p.propertyNames()).containsExactly("startYear", "code");
        }
    }

    @Test
    void figuresFilterByPeriodRegionSubtreeLevelAndBreakdown() throws Exception {
        String url = "/api/v1/indicators/IIDI/observations";
        mvc.perform(get(url).param("region", "65").param("period", "2016..2020")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThan(0)))
                .andExpect(jsonPath("$[*].period", everyItem(org.hamcrest.Matchers.oneOf("2016", "2017", "2018", "2019", "2020"))))
                .andExpect(jsonPath("$[*].period", not(hasItem("2015"))));
        // CN itself has no IIDI figures; its subtree has Xinjiang's
        mvc.perform(get(url).param("region", "CN")).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get(url).param("region", "CN").param("descendants", "true")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].region", hasItem("65")));
        // Inner Mongolia's subtree does not hold Xinjiang
        mvc.perform(get(url).param("region", "15").param("descendants", "true")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].region", not(hasItem("65"))));
        mvc.perform(get(url).param("level", "province")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].region", hasItem("65")));
        mvc.perform(get(url).param("level", "county")).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get(url).param("breakdown", "urban")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].disaggregation", everyItem(is("urban"))));
        mvc.perform(get("/api/v1/regions/65/observations").param("indicator", "IIDI").param("period", "2015"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].indicator", everyItem(is("IIDI"))))
                .andExpect(jsonPath("$[*].period", everyItem(is("2015")))).andExpect(jsonPath("$[0].value").value(56.96));
    }

    @Test
    void targetsFilterByTheirStatus() throws Exception {
        mvc.perform(get("/api/v1/plans/xj-info-13fyp/targets").param("status", "cannot_be_judged").param("indicator", "IIDI"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].progress.status", everyItem(is("cannot_be_judged"))))
                .andExpect(jsonPath("$[*].indicator", everyItem(is("IIDI"))))
                .andExpect(jsonPath("$[?(@.kind == 'value')].value", hasItem(68.0)));
        mvc.perform(get("/api/v1/plans/xj-info-13fyp/targets").param("period", "2040..2050")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void tasksShowTheirSupervisionStatusAndNoPeople() throws Exception {
        JsonNode tasks = read(mvc.perform(get("/api/v1/plans/xj-info-13fyp/tasks")).andExpect(status().isOk()).andReturn());
        assertThat(tasks.size()).isGreaterThan(0);
        Set<String> statuses = Set.of("not_started", "in_progress", "due_soon", "overdue", "completed", "completed_late");
        for (JsonNode t : tasks) {
            assertThat(t.get("plan").asString()).isEqualTo("xj-info-13fyp");
            assertThat(statuses).contains(t.get("status").asString());
            assertThat(t.propertyNames()).containsExactlyInAnyOrder("plan", "kind", "code", "title", "lead", "coUnits", "start",
                    "deadline", "completedOn", "status", "latestProgress", "latestPeriod", "targets");
        }
        String some = tasks.get(0).get("status").asString();
        mvc.perform(get("/api/v1/plans/xj-info-13fyp/tasks").param("status", some)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].status", everyItem(is(some))));
        mvc.perform(get("/api/v1/plans/nope/tasks")).andExpect(status().isNotFound());
    }

    @Test
    void etagsAnswerUnchangedReadsWith304() throws Exception {
        for (String url : List.of("/api/v1/plans", "/api/v1/plans/xj-info-13fyp", "/api/v1/indicators/IIDI/observations",
                "/api/v1/regions/65", "/api/v1/plans/xj-info-13fyp/tasks")) {
            MvcResult first = mvc.perform(get(url)).andExpect(status().isOk()).andExpect(header().exists("ETag"))
                    .andExpect(header().string("Cache-Control", containsString("public"))).andReturn();
            String etag = first.getResponse().getHeader("ETag");
            mvc.perform(get(url).header("If-None-Match", etag)).andExpect(status().isNotModified())
                    .andExpect(content().string(""));
            mvc.perform(get(url).header("If-None-Match", "\"something-else\"")).andExpect(status().isOk());
        }
        // another page is another representation
        String one = mvc.perform(get("/api/v1/indicators").param("size", "2")).andReturn().getResponse().getHeader("ETag");
        String two = mvc.perform(get("/api/v1/indicators").param("size", "2").param("page", "2")).andReturn().getResponse()
                .getHeader("ETag");
        assertThat(one).isNotEqualTo(two);
    }

    /** Each bad parameter: 400 problem details naming the parameter, the value and the reason, in both languages. */
    @Test
    void badParametersAreNamedNever500() throws Exception {
        record Bad(String url, String parameter, String value, String reasonEn) {}
        List<Bad> bad = new ArrayList<>(List.of(
                new Bad("/api/v1/plans?size=1001", "size", "1001", "largest page size, 1000"),
                new Bad("/api/v1/plans?size=0", "size", "0", "at least 1"),
                new Bad("/api/v1/plans?page=abc", "page", "abc", "at least 1"),
                new Bad("/api/v1/indicators?fields=code,colour", "fields", "colour", "not a known field"),
                new Bad("/api/v1/indicators/IIDI/observations?period=2023..2018", "period", "2023..2018", "starts after it ends"),
                new Bad("/api/v1/indicators/IIDI/observations?period=1800..2020", "period", "1800..2020", "between 1900 and 2200"),
                new Bad("/api/v1/indicators/IIDI/observations?period=2020..9999", "period", "2020..9999", "between 1900 and 2200"),
                new Bad("/api/v1/indicators/IIDI/observations?period=last-year", "period", "last-year", "range of years"),
                new Bad("/api/v1/indicators/IIDI/observations?region=nowhere", "region", "nowhere", "must be one of"),
                new Bad("/api/v1/indicators/IIDI/observations?level=galaxy", "level", "galaxy", "must be one of"),
                new Bad("/api/v1/indicators/IIDI/observations?breakdown=left-handed", "breakdown", "left-handed", "must be one of"),
                new Bad("/api/v1/indicators/IIDI/observations?region=65&descendants=maybe", "descendants", "maybe", "must be one of"),
                new Bad("/api/v1/indicators/IIDI/observations?descendants=true", "descendants", "true", "is required"),
                new Bad("/api/v1/indicators/IIDI/computed?region=65&period=2020..2010", "period", "2020..2010", "starts after it ends"),
                new Bad("/api/v1/regions/65/observations?indicator=NOPE", "indicator", "NOPE", "must be one of"),
                new Bad("/api/v1/regions?fields=name,population", "fields", "population", "not a known field"),
                new Bad("/api/v1/plans/xj-info-13fyp/targets?status=fine", "status", "fine", "must be one of"),
                new Bad("/api/v1/plans/xj-info-13fyp/targets?indicator=NOPE", "indicator", "NOPE", "must be one of"),
                new Bad("/api/v1/plans/xj-info-13fyp/tasks?status=late", "status", "late", "must be one of"),
                new Bad("/api/v1/plans/xj-info-13fyp/tasks?kind=chore", "kind", "chore", "must be one of")));
        for (Bad b : bad) {
            mvc.perform(get(b.url).header("Accept-Language", "en")).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:yardstick:bad-parameter"))
                    .andExpect(jsonPath("$.problems[0].field").value(b.parameter))
                    .andExpect(jsonPath("$.problems[0].value").value(b.value))
                    .andExpect(jsonPath("$.problems[0].reason").value(containsString(b.reasonEn)));
        }
        // in Chinese by default, every problem at once
        mvc.perform(get("/api/v1/indicators/IIDI/observations?size=5000&period=2023..2018&fields=colour"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.problems[*].field", org.hamcrest.Matchers.containsInAnyOrder("size", "period", "fields")))
                .andExpect(jsonPath("$.problems[?(@.field == 'size')].reason", hasItem("超过每页最大条数 1000")))
                .andExpect(jsonPath("$.title").value("请求参数有误"));
    }

    @Test
    void unsupportedAcceptIs406ProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/plans").header("Accept", "application/xml").header("Accept-Language", "en"))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.problems[0].field").value("Accept"))
                .andExpect(jsonPath("$.problems[0].value").value("application/xml"))
                .andExpect(jsonPath("$.problems[0].reason").value(containsString("application/json")));
    }

    @Test
    void theOpenApiDocumentHasATitleErrorSchemasAndTheNewReads() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value(containsString("Yardstick")))
                .andExpect(jsonPath("$.info.description").value(containsString("If-None-Match")))
                .andExpect(jsonPath("$.info.contact.name").exists())
                .andExpect(jsonPath("$.components.schemas.ProblemDetail.properties.problems").exists())
                .andExpect(jsonPath("$.components.responses.RateLimited").exists())
                .andExpect(jsonPath("$.paths['/api/v1/plans/{code}/tasks'].get.tags[0]").value("public"))
                .andExpect(jsonPath("$.paths['/api/v1/plans/{code}/targets'].get.responses['400']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/indicators/{code}/observations'].get.parameters[*].name",
                        org.hamcrest.Matchers.hasItems("period", "region", "descendants", "level", "breakdown", "page",
                                "size", "fields")));
    }

    @Test
    void theApiGuideInBothLanguages() throws Exception {
        mvc.perform(get("/api-guide")).andExpect(status().isOk())
                .andExpect(content().string(containsString("接口指南")))
                .andExpect(content().string(containsString("If-None-Match")))
                .andExpect(content().string(containsString("/api/v1/plans?size=5000")));
        mvc.perform(get("/api-guide").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("API guide")))
                .andExpect(content().string(containsString("Retry-After")));
        mvc.perform(get("/")).andExpect(content().string(containsString("href=\"/api-guide\"")));
    }
}
