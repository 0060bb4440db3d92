package org.yardstick.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.index.engine.Decimals;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.observation.ObservationFiles;
import org.yardstick.region.Regions;
import org.yardstick.shared.InvalidInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The index page's imputation report, decimals and downloads, and reference regions on the platform. */
@YardstickTest
@Transactional
class IndexResultsOutTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService details;
    @Autowired FrameworkFiles frameworkFiles;
    @Autowired ObservationFiles observationFiles;
    @Autowired IndexDefinitions definitions;
    @Autowired IndexResults results;
    @Autowired Regions regions;
    @Autowired JsonMapper json;

    @AfterEach
    void back() {
        As.nobody();
    }

    private GeneratedIndexData generated() {
        As.user(details, "admin");
        try {
            return GeneratedIndexData.load(5, false, regions, frameworkFiles, observationFiles, definitions);
        } finally {
            As.nobody();
        }
    }

    @Test
    void thePageShowsTheImputationReportFullPrecisionAndTheDownloads() throws Exception {
        GeneratedIndexData data = generated();
        IndexResult result = results.compute(definitions.get(data.code)).result();
        int missing = result.imputationReport().missing();
        assertThat(missing).isPositive();
        int root = result.tree().aggregateIndex(data.code);
        int last = result.scores().periodCount() - 1;
        double score = result.scores().value(root, 0, last);
        mvc.perform(get("/indices/" + data.code).param("decimals", "full")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("缺失值插补"),
                        containsString("计算前缺失 " + missing + " 个数值"), containsString("用同一上级地区的均值插补"),
                        containsString(Decimals.format(score)), containsString("/api/v1/indices/" + data.code
                                + "/scores?format=xlsx"), containsString("全部精度"))));
        mvc.perform(get("/indices/" + data.code).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Imputation of missing values"),
                        containsString(missing + " values were missing before computing"),
                        containsString(String.format(java.util.Locale.ROOT, "%.2f", score)),
                        not(containsString("缺失值插补")))));
    }

    @Test
    void aReferenceRegionIsScoredAndShownButNotRankedOnThePlatform() throws Exception {
        GeneratedIndexData data = generated();
        String reference = data.units.get(0);
        String yaml = data.definitionYaml().replace("  impute: {method: group_mean}\n",
                "  impute: {method: group_mean}\n  reference: {units: [\"" + reference + "\"]}\n");
        As.user(details, "admin");
        try {
            definitions.save(data.code, 1, yaml, "reference region");
        } finally {
            As.nobody();
        }
        JsonNode body = json.readTree(mvc.perform(get("/api/v1/indices/" + data.code + "/scores")
                        .param("period", "2018").param("node", data.code))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Set<Integer> ranks = new HashSet<>();
        int others = 0;
        for (JsonNode s : body.get("scores")) {
            if (s.get("unit").asString().equals(reference)) {
                assertThat(s.get("reference").asBoolean()).isTrue();
                assertThat(s.get("rank").isNull()).isTrue();
                assertThat(s.get("score").isNumber()).isTrue();
            } else {
                ranks.add(s.get("rank").asInt());
                others++;
            }
        }
        assertThat(ranks).contains(1).allMatch(r -> r >= 1 && r <= data.units.size() - 1);
        assertThat(others).isEqualTo(data.units.size() - 1);
        String name = regions.get(reference).name().zh();
        mvc.perform(get("/indices/" + data.code)).andExpect(status().isOk())
                .andExpect(content().string(containsString("参照单位（计算并显示，不参与排名，也不作为标准化的上下限）：" + name)));
        // an unknown reference region is refused when saved, with its line
        As.user(details, "admin");
        try {
            assertThatThrownBy(() -> definitions.save(data.code, 2, yaml.replace(reference, "NOPE99"), "unknown"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.problems()).hasSize(1);
                        assertThat(e.problems().get(0).value()).isEqualTo("NOPE99");
                        assertThat(e.problems().get(0).line()).isEqualTo(6);
                    });
        } finally {
            As.nobody();
        }
        assertThat(definitions.get(data.code).version()).isEqualTo(2);
    }
}
