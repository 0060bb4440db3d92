package org.yardstick.publish;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;

/** The JSON API serves the same data as the pages, documented by OpenAPI. */
@YardstickTest
class PublicApiTest {

    @Autowired MockMvc mvc;

    @Test
    void plans() throws Exception {
        mvc.perform(get("/api/v1/plans")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItems("xj-info-13fyp", "nm-info-13fyp", "xj-mfg-internet-2017")));
    }

    @Test
    void planWithTargetsAndProgress() throws Exception {
        mvc.perform(get("/api/v1/plans/xj-info-13fyp")).andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.region.code").value("65"))
                .andExpect(jsonPath("$.targets[?(@.indicator == 'IIDI' && @.kind == 'value')].value", hasItem(68.0)))
                .andExpect(jsonPath("$.targets[?(@.indicator == 'IIDI' && @.kind == 'value')].progress.status",
                        hasItem("cannot_be_judged"))) // 2020 has passed on the test clock; latest figure 2016
                .andExpect(jsonPath("$.targets[0].statement.zh").isNotEmpty())
                .andExpect(jsonPath("$.targets[0].source.quote").isNotEmpty());
    }

    @Test
    void observationsWithTheirSources() throws Exception {
        mvc.perform(get("/api/v1/indicators/IIDI/observations").param("region", "65")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.period == '2015' && @.measure == 'level')].value", hasItem(56.96)))
                .andExpect(jsonPath("$[0].sources[0].document").isNotEmpty());
    }

    @Test
    void regions() throws Exception {
        mvc.perform(get("/api/v1/regions").param("parent", "65")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("6501")));
        mvc.perform(get("/api/v1/regions/6501")).andExpect(status().isOk())
                .andExpect(jsonPath("$.ancestors[*].code", hasItems("CN", "65")));
    }

    @Test
    void unknownCodesAreProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/plans/nope")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.kind").value("plan")).andExpect(jsonPath("$.code").value("nope"));
    }

    @Test
    void openApiDocumentAndHealth() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/plans']").exists());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }
}
