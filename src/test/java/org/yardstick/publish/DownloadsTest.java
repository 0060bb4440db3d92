package org.yardstick.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yardstick.YardstickTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anonymous visitors take away every public table: CSV (with and without BOM), Excel with a metadata
 * sheet, JSON; approved figures at full precision with codes, provenance and coverage; bad formats
 * and unknown codes answered with problem details.
 */
@YardstickTest
class DownloadsTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** Performs a download (streamed, so dispatched again once written) and answers the finished response. */
    MockHttpServletResponse download(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult started = mvc.perform(request).andReturn();
        if (started.getRequest().isAsyncStarted()) {
            return mvc.perform(asyncDispatch(started)).andReturn().getResponse();
        }
        return started.getResponse();
    }

    @Test
    void indicatorCsvHasCodesNamesFullPrecisionAndTheSourceSentence() throws Exception {
        MockHttpServletResponse r = download(get("/indicators/IIDI/download").param("format", "csv"));
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("text/csv");
        assertThat(r.getHeader("Content-Disposition")).contains("attachment").contains("indicator-IIDI.csv");
        String csv = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("indicator,indicator_name,region,region_name,region_level,period,breakdown");
        assertThat(csv).contains("IIDI,两化融合发展总指数,65,新疆维吾尔自治区,PROVINCE,2015,_T")
                .contains(",56.96,").contains("xj-info-13fyp").contains("发展总指数从2010年的43.05提升到2015年的56.96");
        assertThat(r.getContentAsByteArray()[0]).isEqualTo((byte) 'i');
    }

    @Test
    void csvForExcelHasAByteOrderMarkAndEnglishNamesOnRequest() throws Exception {
        MockHttpServletResponse r = download(get("/indicators/IIDI/download").param("format", "csv").param("bom", "true")
                .param("lang", "en"));
        byte[] bytes = r.getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Xinjiang");
    }

    @Test
    void excelHasTheDataAndAMetadataSheetWithLicenceAndUnit() throws Exception {
        MockHttpServletResponse r = download(get("/regions/65/download").param("format", "xlsx"));
        assertThat(r.getStatus()).isEqualTo(200);
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            Sheet data = wb.getSheet("data");
            assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("indicator");
            assertThat(data.getLastRowNum()).isGreaterThan(10);
            Sheet meta = wb.getSheet("metadata");
            StringBuilder all = new StringBuilder();
            meta.forEach(row -> row.forEach(c -> all.append(c.getStringCellValue()).append('|')));
            assertThat(all.toString()).contains("许可协议|CC BY 4.0").contains("/regions/65").contains("数据截至|2026-06-01");
        }
        MockHttpServletResponse i = download(get("/indicators/IIDI/download").param("format", "xlsx"));
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(i.getContentAsByteArray()))) {
            StringBuilder all = new StringBuilder();
            wb.getSheet("metadata").forEach(row -> row.forEach(c -> all.append(c.getStringCellValue()).append('|')));
            assertThat(all.toString()).contains("单位|").contains("定义|");
        }
    }

    @Test
    void planJsonListsTargetsWithStatusAndTheirSentence() throws Exception {
        MockHttpServletResponse r = download(get("/plans/xj-info-13fyp/download").param("format", "json"));
        assertThat(r.getContentType()).startsWith("application/json");
        JsonNode root = json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
        assertThat(root.get("metadata").toString()).contains("CC BY 4.0");
        JsonNode iidi = null;
        for (JsonNode row : root.get("rows")) {
            if ("IIDI".equals(row.get("indicator").asString()) && !row.get("target").isNull()) {
                iidi = row;
            }
        }
        assertThat(iidi).isNotNull();
        assertThat(iidi.get("target_value").decimalValue()).isEqualByComparingTo("68");
        assertThat(iidi.get("baseline_value").decimalValue()).isEqualByComparingTo("56.96");
        assertThat(iidi.get("source_quote").asString()).contains("68");
        assertThat(iidi.get("status").asString()).isNotBlank();
    }

    @Test
    void computedFiguresCarryTheirCoverage() throws Exception {
        String csv = download(get("/regions/65/download")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(l -> l.contains(",computed,") || l.contains(",derived,")).toList())
                .allSatisfy(l -> assertThat(l).matches(".*,(computed|derived),\\d+,\\d+,.*"));
    }

    @Test
    void comparisonDownloadsItsRankingTable() throws Exception {
        MockHttpServletResponse r = download(get("/compare/download").param("indicator", "BB_USERS")
                .param("level", "PROVINCE").param("scope", "CN").param("format", "csv"));
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8))
                .startsWith("indicator,scope,region_level,breakdown,period,region,region_name,rank,quartile,value");
    }

    /**
     * A weak ETag from the state of the data (decision 0083): the same request with it answers 304 and
     * writes nothing; another format, language or level is another tag; a revised figure changes it.
     */
    @Test
    void downloadsCarryAWeakEtagOfTheirDataAndAMatchAnswers304WithoutWriting() throws Exception {
        for (String url : List.of("/indicators/IIDI/download", "/regions/65/download")) {
            MockHttpServletResponse first = download(get(url).param("format", "xlsx"));
            String etag = first.getHeader("ETag");
            assertThat(etag).as(url).startsWith("W/\"");
            MvcResult again = mvc.perform(get(url).param("format", "xlsx").header("If-None-Match", etag)).andReturn();
            assertThat(again.getRequest().isAsyncStarted()).as("nothing streamed").isFalse();
            assertThat(again.getResponse().getStatus()).isEqualTo(304);
            assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
            assertThat(again.getResponse().getHeader("ETag")).isEqualTo(etag);
            assertThat(download(get(url).param("format", "csv")).getHeader("ETag")).isNotEqualTo(etag);
            assertThat(download(get(url).param("format", "xlsx").param("lang", "en")).getHeader("ETag")).isNotEqualTo(etag);
            assertThat(download(get(url).param("format", "xlsx").header("If-None-Match", "W/\"stale\"")).getStatus())
                    .isEqualTo(200);
        }
        assertThat(download(get("/indicators/IIDI/download").param("level", "PROVINCE")).getHeader("ETag"))
                .isNotEqualTo(download(get("/indicators/IIDI/download")).getHeader("ETag"));
        // a revision of one approved figure (its version raised) is a new tag; undone, the old one again
        String before = download(get("/indicators/IIDI/download")).getHeader("ETag");
        long id = jdbc.sql("""
                select min(o.id) from observation o join indicator i on i.id = o.indicator_id
                where i.code = 'IIDI' and o.status = 'APPROVED'""").query(Long.class).single();
        jdbc.sql("update observation set version = version + 1 where id = ?").param(id).update();
        try {
            assertThat(download(get("/indicators/IIDI/download")).getHeader("ETag")).isNotEqualTo(before);
        } finally {
            jdbc.sql("update observation set version = version - 1 where id = ?").param(id).update();
        }
        assertThat(download(get("/indicators/IIDI/download")).getHeader("ETag")).isEqualTo(before);
    }

    @Test
    void anUnknownFormatIsABadRequestNamingIt() throws Exception {
        // the refusal is streamed like a download: read it once written, not while it is being written
        MockHttpServletResponse r = download(get("/indicators/IIDI/download").param("format", "pdf").param("lang", "en"));
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(MediaType.parseMediaType(r.getContentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        String problem = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(problem, "$.field")).isEqualTo("format");
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(problem, "$.value")).isEqualTo("pdf");
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(problem, "$.detail")).isEqualTo("unknown format pdf: use csv, xlsx or json");
        mvc.perform(get("/compare/download").param("indicator", "BB_USERS").param("format", "docx"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void unknownCodesAreNotFound() throws Exception {
        mvc.perform(get("/indicators/NO_SUCH/download")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/plans/no-such-plan/download")).andExpect(status().isNotFound());
        mvc.perform(get("/regions/XX/download")).andExpect(status().isNotFound());
        mvc.perform(get("/indicators/IIDI/download").param("level", "GALAXY")).andExpect(status().isNotFound());
        mvc.perform(get("/compare/download").param("indicator", "NO_SUCH")).andExpect(status().isNotFound());
    }

    @Test
    void thePagesLinkTheirDownloadsInBothLanguages() throws Exception {
        mvc.perform(get("/plans/xj-info-13fyp")).andExpect(content().string(
                org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("/plans/xj-info-13fyp/download?format=xlsx"),
                        org.hamcrest.Matchers.containsString("CSV（Excel）"))));
        mvc.perform(get("/indicators/IIDI").param("lang", "en")).andExpect(content().string(
                org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("/indicators/IIDI/download?format=csv&amp;bom=true"),
                        org.hamcrest.Matchers.containsString("CSV (Excel)"))));
        mvc.perform(get("/regions/65")).andExpect(content().string(
                org.hamcrest.Matchers.containsString("/regions/65/download?format=json")));
        // level and scope given: opened on the indicator alone, the page says there is nothing to compare unless two
        // regions report it, which the demo does not (it passed in a full run only through other tests' figures)
        mvc.perform(get("/compare").param("indicator", "BB_USERS").param("level", "PROVINCE").param("scope", "CN"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/compare/download?indicator=BB_USERS")));
    }
}
