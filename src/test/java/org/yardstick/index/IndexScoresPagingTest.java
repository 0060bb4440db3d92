package org.yardstick.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.observation.ObservationFiles;
import org.yardstick.region.Regions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Index scores are read anonymously, at full precision, a page at a time (issue 14 item 5). */
@YardstickTest
class IndexScoresPagingTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService details;
    @Autowired FrameworkFiles frameworkFiles;
    @Autowired ObservationFiles observationFiles;
    @Autowired IndexDefinitions definitions;
    @Autowired Regions regions;
    @Autowired JsonMapper json;

    @Test
    void anonymousPagesOfTheScoresAreSlicesOfTheWhole() throws Exception {
        GeneratedIndexData data;
        As.user(details, "admin");
        try {
            data = GeneratedIndexData.load(23, false, regions, frameworkFiles, observationFiles, definitions);
        } finally {
            As.nobody();
        }
        String url = "/api/v1/indices/" + data.code + "/scores";
        JsonNode all = json.readTree(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).get("scores");
        int total = all.size();
        assertThat(total).isGreaterThan(20);
        JsonNode page = json.readTree(mvc.perform(get(url).param("page", "3").param("size", "7"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", Integer.toString(total)))
                .andExpect(header().string("Link", containsString("page=4&size=7>; rel=\"next\"")))
                .andExpect(header().string("Link", containsString("page=2&size=7>; rel=\"prev\"")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("scores");
        assertThat(page.size()).isEqualTo(7);
        for (int i = 0; i < 7; i++) {
            assertThat(page.get(i)).isEqualTo(all.get(14 + i));
        }
        mvc.perform(get(url).param("size", "5000").header("Accept-Language", "en")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("size"))
                .andExpect(jsonPath("$.problems[0].reason").value("is larger than the largest page size, 1000"));
        mvc.perform(get(url).param("page", "0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("page"));
    }
}
