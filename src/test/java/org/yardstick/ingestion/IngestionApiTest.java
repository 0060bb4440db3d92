package org.yardstick.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yardstick.YardstickTest;
import org.yardstick.ingestion.internal.DocumentTextTest;

/** {@code POST /api/v1/ingest}: text and files in, proposals out, bad input refused, scope kept, nothing stored. */
@YardstickTest
class IngestionApiTest {

    static final String TEXT = "二、发展目标\n到2020年，行政村通宽带比例达到98%以上，电子商务交易额年均增长30%以上。\n";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcTemplate jdbc;

    /** A demo account as a program signs in: the API takes no browser session for a write. */
    RequestPostProcessor as(String username) {
        return httpBasic(username, "yardstick-demo");
    }

    long rows() {
        return jdbc.queryForObject("select (select count(*) from plan) + (select count(*) from target) "
                + "+ (select count(*) from observation) + (select count(*) from indicator)", Long.class);
    }

    @Test
    void textInProposalsOutWithSentencesOffsetsAndCatalogueMatches() throws Exception {
        long before = rows();
        mvc.perform(post("/api/v1/ingest").with(as("planner")).with(csrf()).param("year", "2017")
                        .contentType(MediaType.TEXT_PLAIN).content(TEXT.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].kind").value("target"))
                .andExpect(jsonPath("$.items[0].indicator").value("行政村通宽带比例"))
                .andExpect(jsonPath("$.items[0].catalogue.code").value("VILLAGE_BB_RATE"))
                .andExpect(jsonPath("$.items[0].value").value(98))
                .andExpect(jsonPath("$.items[0].unit").value("%"))
                .andExpect(jsonPath("$.items[0].year").value(2020))
                .andExpect(jsonPath("$.items[0].qualifier").value("OVER"))
                .andExpect(jsonPath("$.items[0].qualifierWord").value("以上"))
                .andExpect(jsonPath("$.items[0].region").value("65"))
                .andExpect(jsonPath("$.items[0].start").value(7))
                .andExpect(jsonPath("$.items[0].sentence").value("到2020年，行政村通宽带比例达到98%以上，电子商务交易额年均增长30%以上。"))
                .andExpect(jsonPath("$.items[1].kind").value("target_growth"))
                .andExpect(jsonPath("$.items[1].value").value(30))
                .andExpect(jsonPath("$.sections[0].title").value("发展目标"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aWordFileGivesWhatItsTextGives() throws Exception {
        String fromText = mvc.perform(post("/api/v1/ingest").with(as("admin")).with(csrf())
                        .contentType(MediaType.TEXT_PLAIN).content(TEXT.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String fromWord = mvc.perform(multipart("/api/v1/ingest").file(new MockMultipartFile("file", "plan.docx",
                        "application/octet-stream", DocumentTextTest.docx(TEXT.strip()))).with(as("admin")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        JsonNode a = mapper.readTree(fromText).get("items");
        JsonNode b = mapper.readTree(fromWord).get("items");
        assertThat(b.size()).isEqualTo(a.size()).isEqualTo(2);
        for (int i = 0; i < a.size(); i++) {
            for (String f : new String[] {"kind", "value", "unit", "year", "qualifier", "sentence", "indicator"}) {
                assertThat(b.get(i).get(f)).as(f).isEqualTo(a.get(i).get(f));
            }
        }
    }

    @Test
    void badInputIsRefusedWithProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/ingest").with(as("planner")).with(csrf()).contentType(MediaType.TEXT_PLAIN).content(" "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:yardstick:invalid-input"))
                .andExpect(jsonPath("$.problems[0].code").value("ingest.empty"))
                .andExpect(jsonPath("$.problems[0].reason").value("没有文字内容"));
        // in the language the client asks for
        mvc.perform(post("/api/v1/ingest").with(as("planner")).header("Accept-Language", "en")
                        .contentType(MediaType.TEXT_PLAIN).content(" "))
                .andExpect(jsonPath("$.problems[0].reason").value("holds no text"));
        mvc.perform(multipart("/api/v1/ingest").file(new MockMultipartFile("file", "scan.pdf", "application/pdf",
                        DocumentTextTest.pdf(null))).with(as("planner")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("ingest.no-text-layer"))
                .andExpect(jsonPath("$.problems[0].source").value("scan.pdf"));
        byte[] garbage = new byte[300];
        java.util.Arrays.fill(garbage, (byte) 0x03);
        mvc.perform(multipart("/api/v1/ingest").file(new MockMultipartFile("file", "x.txt", "text/plain", garbage))
                        .with(as("planner")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("ingest.binary"));
    }

    @Test
    void onlyPlannersInTheirRegionAndAdministrators() throws Exception {
        mvc.perform(post("/api/v1/ingest").with(csrf()).contentType(MediaType.TEXT_PLAIN).content(TEXT))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/ingest").with(as("reporter")).with(csrf()).contentType(MediaType.TEXT_PLAIN).content(TEXT))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/ingest").with(as("planner")).with(csrf()).param("region", "15")
                .contentType(MediaType.TEXT_PLAIN).content(TEXT)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/ingest").with(httpBasic("admin", "yardstick-demo")).param("region", "15")
                        .contentType(MediaType.TEXT_PLAIN).content(TEXT))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].region").value("15"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointWithAnExample() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("/api/v1/ingest"),
                        org.hamcrest.Matchers.containsString("multipart/form-data"),
                        org.hamcrest.Matchers.containsString("text/plain"),
                        org.hamcrest.Matchers.containsString("ingest.empty"),
                        org.hamcrest.Matchers.containsString("VILLAGE_BB_RATE"))));
    }
}
