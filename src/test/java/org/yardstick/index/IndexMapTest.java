package org.yardstick.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.index.engine.Panel;
import org.yardstick.observation.ObservationFiles;
import org.yardstick.region.Regions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The index page's map: each prefecture's score of the index's root for the year, the engine's to the last digit. */
@YardstickTest
@Transactional
class IndexMapTest {

    @Autowired FrameworkFiles frameworkFiles;
    @Autowired ObservationFiles observationFiles;
    @Autowired IndexDefinitions definitions;
    @Autowired IndexResults results;
    @Autowired Regions regions;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    GeneratedIndexData data;

    @BeforeEach
    void generatedFiguresAndDefinition() {
        data = GeneratedIndexData.load(2016, false, regions, frameworkFiles, observationFiles, definitions);
    }

    @Test
    void theMapShowsTheScoresOfTheIndexPage() throws Exception {
        IndexResult result = results.compute(definitions.get(data.code)).result();
        Panel scores = result.scores();
        int top = result.tree().aggregates().size() - 1;
        String body = mvc.perform(get("/api/v1/indices/{c}/map", data.code).param("year", "2018")).andExpect(status().isOk())
                .andExpect(jsonPath("$.region.code").value("65"))
                .andExpect(jsonPath("$.boundaries").value("/api/v1/regions/65/boundaries"))
                .andReturn().getResponse().getContentAsString();
        int compared = 0;
        int drawn = 0;
        for (JsonNode a : json.readTree(body).path("areas")) {
            drawn += data.units.contains(a.path("code").asString()) ? 1 : 0;
            int u = scores.unitIndex(a.path("code").asString());
            if (u >= 0 && !Double.isNaN(scores.value(top, u, 2))) {
                assertThat(a.path("value").asDouble()).as(a.path("code").asString()).isEqualTo(scores.value(top, u, 2));
                assertThat(a.path("origin").asString()).isEqualTo("computed");
                compared++;
            }
        }
        // every unit the map draws (6590, 自治区直辖县级行政区划, has no shape of its own on the sketch map)
        assertThat(drawn).isGreaterThanOrEqualTo(data.units.size() - 1);
        assertThat(compared).isEqualTo(drawn);
        mvc.perform(get("/api/v1/indices/{c}/map", data.code).param("year", "two")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("year"));
        mvc.perform(get("/api/v1/indices/NOPE/map")).andExpect(status().isNotFound());
        mvc.perform(get("/indices/{c}", data.code)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-map-src=\"/api/v1/indices/" + data.code + "/map\"")));
    }
}
