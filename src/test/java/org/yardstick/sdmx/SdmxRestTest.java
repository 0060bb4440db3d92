package org.yardstick.sdmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.StoredObservations;
import org.yardstick.YardstickTest;

/**
 * The SDMX REST interface as an SDMX client uses it, anonymously: structures and data messages that
 * validate against the official SDMX-ML 2.1 schemas, the three data formats, approved figures only, and
 * every refusal answered with its reason and status, never a 500.
 */
@YardstickTest
@Transactional
class SdmxRestTest {

    static final String SS = "application/vnd.sdmx.structurespecificdata+xml;version=2.1";
    static final String CSV = "application/vnd.sdmx.data+csv;version=1.0.0";
    static final String JSON = "application/vnd.sdmx.data+json;version=1.0.0";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    private byte[] body(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsByteArray();
    }

    private String text(ResultActions r) throws Exception {
        return new String(body(r), StandardCharsets.UTF_8);
    }

    @Test
    void everyStructureValidatesAgainstTheSdmxMessageSchema() throws Exception {
        for (String path : List.of("/sdmx/rest/dataflow/all/all/latest?references=all", "/sdmx/rest/dataflow",
                "/sdmx/rest/datastructure/YARDSTICK/DSD_YARDSTICK/1.0?references=children",
                "/sdmx/rest/codelist/YARDSTICK/CL_REGION/latest", "/sdmx/rest/codelist/all/all/all",
                "/sdmx/rest/conceptscheme/YARDSTICK/CS_YARDSTICK/1.0")) {
            ResultActions r = mvc.perform(get(path)).andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("application/vnd.sdmx.structure+xml"));
            assertThat(SdmxSchemas.errors(SdmxSchemas.message(), body(r))).as(path).isEmpty();
        }
    }

    @Test
    void structuresCarryTheFrameworkInBothLanguages() throws Exception {
        String regions = text(mvc.perform(get("/sdmx/rest/codelist/YARDSTICK/CL_REGION")).andExpect(status().isOk()));
        assertThat(regions).contains("<str:Code id=\"65\"", "<str:Parent><Ref id=\"CN\"", "xml:lang=\"zh\"",
                "xml:lang=\"en\"");
        String all = text(mvc.perform(get("/sdmx/rest/dataflow/YARDSTICK/all/latest").param("references", "all"))
                .andExpect(status().isOk()));
        assertThat(all).contains("<str:Dataflow id=\"ALL\"", "<str:Dataflow id=\"COMPUTED\"",
                "<str:Dataflow id=\"xj-county-info\"", "<str:Codelist id=\"CL_INDICATOR\"", "<str:Code id=\"IIDI\"",
                "<str:Codelist id=\"CL_UNIT\"", "<str:Codelist id=\"CL_FREQ\"", "<str:Codelist id=\"CL_BREAKDOWN\"",
                "<str:Code id=\"_T\"", "<str:DataStructure id=\"DSD_YARDSTICK\"", "<str:TimeDimension id=\"TIME_PERIOD\"",
                "<str:ConceptScheme id=\"CS_YARDSTICK\"");
        String flowOnly = text(mvc.perform(get("/sdmx/rest/dataflow/YARDSTICK/ALL/1.0")).andExpect(status().isOk()));
        assertThat(flowOnly).contains("<str:Dataflow id=\"ALL\"").doesNotContain("Codelist", "DataStructure id=");
    }

    @Test
    void structureSpecificDataValidatesWithTheDsdDerivedSchema() throws Exception {
        ResultActions r = mvc.perform(get("/sdmx/rest/data/ALL/A.65.IIDI._T").param("startPeriod", "2010")
                .param("endPeriod", "2015").header("Accept", SS)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/vnd.sdmx.structurespecificdata+xml"));
        String xml = new String(body(r), StandardCharsets.UTF_8);
        assertThat(SdmxSchemas.errors(SdmxSchemas.data(false), body(r))).isEmpty();
        assertThat(xml).contains("<Series FREQ=\"A\" REF_AREA=\"65\" INDICATOR=\"IIDI\" BREAKDOWN=\"_T\">",
                "TIME_PERIOD=\"2010\" OBS_VALUE=\"43.05\"", "TIME_PERIOD=\"2015\" OBS_VALUE=\"56.96\"");
        // the envelope alone is what the generic schema can check: it refuses the abstract data set
        assertThat(SdmxSchemas.errors(SdmxSchemas.message(), body(r))).isNotEmpty();

        ResultActions flat = mvc.perform(get("/sdmx/rest/data/YARDSTICK,ALL,latest/A.65..")
                .param("dimensionAtObservation", "AllDimensions").param("format", "structurespecificdata"))
                .andExpect(status().isOk());
        assertThat(SdmxSchemas.errors(SdmxSchemas.data(true), body(flat))).isEmpty();
        assertThat(text(flat)).contains("<Obs FREQ=\"A\" REF_AREA=\"65\" INDICATOR=\"IDI\"").doesNotContain("<Series");
    }

    @Test
    void theWholeFlowValidatesToo() throws Exception {
        ResultActions r = mvc.perform(get("/sdmx/rest/data/ALL")).andExpect(status().isOk());
        assertThat(SdmxSchemas.errors(SdmxSchemas.data(false), body(r))).isEmpty();
    }

    @Test
    void sdmxCsvHasTheDataflowColumnAndFullPrecision() throws Exception {
        String csv = text(mvc.perform(get("/sdmx/rest/data/ALL/A.65.IIDI+IDI.").header("Accept", CSV))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("application/vnd.sdmx.data+csv")));
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("DATAFLOW,FREQ,REF_AREA,INDICATOR,BREAKDOWN,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,"
                + "OBS_STATUS,OBS_QUALIFIER,COVERAGE");
        assertThat(lines).contains("YARDSTICK:ALL(1.0),A,65,IDI,_T,2010,40.12," + unitOf("IDI") + ",A,,",
                "YARDSTICK:ALL(1.0),A,65,IIDI,_T,2015,56.96," + unitOf("IIDI") + ",A,,");
        assertThat(lines.stream().skip(1)).allMatch(l -> l.split(",", -1).length == 11)
                .allMatch(l -> l.contains(",65,IDI,") || l.contains(",65,IIDI,"));
        // ordered by series, then time
        assertThat(lines.indexOf("YARDSTICK:ALL(1.0),A,65,IDI,_T,2010,40.12," + unitOf("IDI") + ",A,,"))
                .isLessThan(lines.indexOf("YARDSTICK:ALL(1.0),A,65,IDI,_T,2015,70.2," + unitOf("IDI") + ",A,,"));
    }

    private String unitOf(String indicator) throws Exception {
        String structure = text(mvc.perform(get("/sdmx/rest/codelist/YARDSTICK/CL_UNIT")));
        String en = jdbc.sql("select unit_en from indicator where code = ?").param(indicator).query(String.class).single();
        // the unit's code is the one whose English name is the indicator's unit
        String marker = "<com:Name xml:lang=\"en\">" + en.replace("&", "&amp;").replace("<", "&lt;") + "</com:Name>";
        int at = structure.indexOf(marker);
        assertThat(at).as("unit %s in CL_UNIT", en).isPositive();
        int code = structure.lastIndexOf("<str:Code id=\"", at);
        return structure.substring(code + 14, structure.indexOf('"', code + 14));
    }

    @Test
    void sdmxJsonHasTheRequiredFields() throws Exception {
        mvc.perform(get("/sdmx/rest/data/ALL/A.65.IIDI._T").header("Accept", JSON).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/vnd.sdmx.data+json"))
                .andExpect(jsonPath("$.header.id").isNotEmpty())
                .andExpect(jsonPath("$.header.prepared").isNotEmpty())
                .andExpect(jsonPath("$.header.sender.id").value("YARDSTICK"))
                .andExpect(jsonPath("$.dataSets[0].action").value("Information"))
                .andExpect(jsonPath("$.dataSets[0].series['0:0:0:0'].observations['0'][0]").value(43.05))
                .andExpect(jsonPath("$.dataSets[0].series['0:0:0:0'].observations['1'][0]").value(56.96))
                .andExpect(jsonPath("$.structure.dimensions.series[1].id").value("REF_AREA"))
                .andExpect(jsonPath("$.structure.dimensions.series[1].values[0].id").value("65"))
                .andExpect(jsonPath("$.structure.dimensions.series[2].values[0].name").isNotEmpty())
                .andExpect(jsonPath("$.structure.dimensions.observation[0].id").value("TIME_PERIOD"))
                .andExpect(jsonPath("$.structure.dimensions.observation[0].values[1].id").value("2015"))
                .andExpect(jsonPath("$.structure.attributes.observation[1].id").value("OBS_STATUS"))
                .andExpect(jsonPath("$.structure.attributes.observation[1].values[0].id").value("A"));
        mvc.perform(get("/sdmx/rest/data/ALL/A.65.IIDI._T").param("format", "jsondata")
                        .param("dimensionAtObservation", "AllDimensions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dataSets[0].observations['0:0:0:0:1'][0]").value(56.96))
                .andExpect(jsonPath("$.structure.dimensions.observation[4].id").value("TIME_PERIOD"));
    }

    /** Stores a figure of an indicator's total in a region straight in the table, in a status. */
    private void figure(String indicator, String region, String year, String value, String status) {
        StoredObservations.of(indicator).region(region).period(year).value(value).status(status).at(java.time.Instant.now())
                .insert(jdbc);
    }

    @Test
    void onlyApprovedFiguresArePublished() throws Exception {
        List<String> statuses = List.of("DRAFT", "SUBMITTED", "RETURNED", "APPROVED");
        for (int i = 0; i < statuses.size(); i++) {
            figure("IIDI", "65", Integer.toString(2031 + i), Integer.toString(71 + i), statuses.get(i));
        }
        // how each format writes a time period
        java.util.Map<String, String> period = java.util.Map.of("csv", ",%s,", "jsondata", "{\"id\":\"%s\"",
                "structurespecificdata", "TIME_PERIOD=\"%s\"");
        period.forEach((format, pattern) -> {
            try {
                String body = text(mvc.perform(get("/sdmx/rest/data/ALL/A.65.IIDI._T").param("startPeriod", "2031")
                        .param("format", format)).andExpect(status().isOk()));
                assertThat(body).as(format).contains(pattern.formatted("2034")).doesNotContain(pattern.formatted("2031"),
                        pattern.formatted("2032"), pattern.formatted("2033"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        String all = text(mvc.perform(get("/sdmx/rest/data/ALL").param("format", "csv")).andExpect(status().isOk()));
        assertThat(all).contains(",IIDI,_T,2034,74,").doesNotContain(",IIDI,_T,2031,", ",IIDI,_T,2032,",
                ",IIDI,_T,2033,");
        // and nothing but the approved figures: as many lines as approved levels
        long approved = jdbc.sql("select count(*) from observation where status = 'APPROVED' and measure = 'LEVEL'")
                .query(Long.class).single();
        assertThat(all.lines().count() - 1).isEqualTo(approved);
    }

    @Test
    void aDataSetFlowHasItsIndicatorsAtItsLevel() throws Exception {
        String county = jdbc.sql("select min(code) from region where level = 'COUNTY'").query(String.class).single();
        figure("BB_USERS", county, "2024", "12.345678", "APPROVED");
        String csv = text(mvc.perform(get("/sdmx/rest/data/xj-county-info/A...").param("format", "csv"))
                .andExpect(status().isOk()));
        // other tests may have approved figures of other counties: this county's are the one stored here
        assertThat(csv.lines().skip(1).filter(l -> l.contains("," + county + ",")).toList()).singleElement().asString()
                .startsWith("YARDSTICK:xj-county-info(1.0),A," + county + ",BB_USERS,_T,2024,12.345678,");
        assertThat(csv.lines().skip(1).toList()).allSatisfy(l -> assertThat(l).startsWith("YARDSTICK:xj-county-info(1.0),A,"));
        // the province's figures are not of this county data set
        assertThat(csv).doesNotContain(",65,");
    }

    @Test
    void computedFiguresCarryTheirCoverageAndWithheldOnesAreNotPublished() throws Exception {
        long indicator = jdbc.sql("select id from indicator where code = 'BB_USERS'").query(Long.class).single();
        long region = jdbc.sql("select id from region where code = '65'").query(Long.class).single();
        for (String[] row : List.of(new String[] {"2041", "false", "123.456"}, new String[] {"2042", "true", "999"})) {
            jdbc.sql("""
                    insert into aggregate_value (indicator_id, region_id, period, period_start, computed, withheld,
                                                 covered, expected, input_count, updated_at)
                    values (?, ?, ?, ?, ?, ?, 12, 14, 12, ?)""")
                    .params(indicator, region, row[0], java.sql.Date.valueOf(row[0] + "-01-01"),
                            new java.math.BigDecimal(row[2]), Boolean.parseBoolean(row[1]), OffsetDateTime.now())
                    .update();
        }
        String csv = text(mvc.perform(get("/sdmx/rest/data/COMPUTED/A.65.BB_USERS._T").param("format", "csv"))
                .andExpect(status().isOk()));
        assertThat(csv).contains("YARDSTICK:COMPUTED(1.0),A,65,BB_USERS,_T,2041,123.456," + unitOf("BB_USERS") + ",C,,12/14")
                .doesNotContain("2042");
        long shown = jdbc.sql("select count(*) from aggregate_value where withheld = false").query(Long.class).single();
        String all = text(mvc.perform(get("/sdmx/rest/data/COMPUTED").param("format", "csv")).andExpect(status().isOk()));
        assertThat(all.lines().skip(1).toList()).hasSize((int) shown).allMatch(l -> l.matches(".*,C,[A-Z_]*,\\d+/\\d+$"));
        mvc.perform(get("/sdmx/rest/data/COMPUTED/A.65.BB_USERS.urban")).andExpect(status().isNotFound());
    }

    @Test
    void unknownFlowsAndStructuresAre404WithTheReason() throws Exception {
        mvc.perform(get("/sdmx/rest/data/NOPE/all").header("Accept-Language", "en")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("NOPE")));
        mvc.perform(get("/sdmx/rest/data/OTHER,ALL,1.0/all")).andExpect(status().isNotFound());
        mvc.perform(get("/sdmx/rest/data/YARDSTICK,ALL,9.9/all")).andExpect(status().isNotFound());
        mvc.perform(get("/sdmx/rest/codelist/YARDSTICK/CL_NOPE")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("CL_NOPE")));
        mvc.perform(get("/sdmx/rest/dataflow/YARDSTICK/NOPE/latest")).andExpect(status().isNotFound());
        mvc.perform(get("/sdmx/rest/datastructure/YARDSTICK/OTHER")).andExpect(status().isNotFound());
        // a well-formed key that selects nothing: SDMX's "no results"
        mvc.perform(get("/sdmx/rest/data/ALL/A.NOWHERE..")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:yardstick:sdmx:no-results"));
    }

    @Test
    void malformedKeysAndPeriodsAre400WithTheReason() throws Exception {
        mvc.perform(get("/sdmx/rest/data/ALL/A.65.IIDI").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("3 dimensions")));
        mvc.perform(get("/sdmx/rest/data/ALL/A.65.IIDI._T.X")).andExpect(status().isBadRequest());
        mvc.perform(get("/sdmx/rest/data/ALL/A.6'5.IIDI._T")).andExpect(status().isBadRequest());
        mvc.perform(get("/sdmx/rest/data/ALL/A.65.IIDI._T").param("startPeriod", "2020").param("endPeriod", "2010")
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("2020")));
        for (String absurd : List.of("99999", "0001", "2015-13", "2015-Q5", "yesterday", "2015-02-30")) {
            assertThat(mvc.perform(get("/sdmx/rest/data/ALL/all").param("startPeriod", absurd)).andReturn()
                    .getResponse().getStatus()).as(absurd).isEqualTo(400);
        }
        mvc.perform(get("/sdmx/rest/data/ALL/all").param("dimensionAtObservation", "REF_AREA"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/sdmx/rest/codelist/all").param("references", "cousins")).andExpect(status().isBadRequest());
    }

    @Test
    void unsupportedFormatsAre406() throws Exception {
        mvc.perform(get("/sdmx/rest/data/ALL/all").header("Accept", "application/pdf")).andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/sdmx/rest/data/ALL/all").header("Accept", "application/vnd.sdmx.genericdata+xml;version=2.1"))
                .andExpect(status().isNotAcceptable());
        mvc.perform(get("/sdmx/rest/data/ALL/all").header("Accept", "application/vnd.sdmx.data+json;version=2.0.0"))
                .andExpect(status().isNotAcceptable());
        mvc.perform(get("/sdmx/rest/data/ALL/all").param("format", "xlsx")).andExpect(status().isNotAcceptable());
        mvc.perform(get("/sdmx/rest/codelist/all").header("Accept", "application/json")).andExpect(status().isNotAcceptable());
        mvc.perform(get("/sdmx/rest/data/ALL/all").header("Accept", "text/csv;q=0.5, application/pdf"))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("application/vnd.sdmx.data+csv"));
    }

    /**
     * A client that asks for SDMX-ML gets its refusals as SDMX-ML 2.1 Error messages (valid against the official
     * schema) with the standard code and the reason in both languages; the HTTP status stays the same.
     */
    @Test
    void sdmxMlClientsGetSdmxErrorMessages() throws Exception {
        record Case(String url, String accept, int status, String code, String reasonEn) {}
        String structure = "application/vnd.sdmx.structure+xml;version=2.1";
        for (Case c : List.of(
                new Case("/sdmx/rest/data/NOPE/all", SS, 404, "100", "no dataflow \"NOPE\""),
                new Case("/sdmx/rest/data/ALL/A.NOWHERE..", SS, 404, "100", "no approved data in flow ALL"),
                new Case("/sdmx/rest/data/ALL/A.65.IIDI", SS, 400, "140", "3 dimensions"),
                new Case("/sdmx/rest/data/ALL/A.65.IIDI._T?startPeriod=2020&endPeriod=2010", SS, 400, "150", "is after"),
                new Case("/sdmx/rest/data/ALL/all?startPeriod=2015-13", SS, 400, "140", "2015-13"),
                new Case("/sdmx/rest/codelist/YARDSTICK/CL_NOPE", structure, 404, "100", "CL_NOPE"),
                new Case("/sdmx/rest/codelist/all?references=cousins", structure, 400, "140", "cousins"),
                new Case("/sdmx/rest/data/ALL/all", "application/vnd.sdmx.genericdata+xml;version=2.1", 406, "1000",
                        "genericdata"))) {
            var r = mvc.perform(get(c.url).header("Accept", c.accept).header("Accept-Language", "en"))
                    .andExpect(status().is(c.status))
                    .andExpect(content().contentTypeCompatibleWith("application/vnd.sdmx.error+xml"));
            byte[] xml = body(r);
            assertThat(SdmxSchemas.errors(SdmxSchemas.message(), xml)).as(c.url).isEmpty();
            var doc = javax.xml.parsers.DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xml));
            var root = doc.getDocumentElement();
            assertThat(root.getLocalName()).isEqualTo("Error");
            var message = (org.w3c.dom.Element) root.getElementsByTagNameNS("*", "ErrorMessage").item(0);
            assertThat(message.getAttribute("code")).as(c.url).isEqualTo(c.code);
            var texts = message.getElementsByTagNameNS("*", "Text");
            assertThat(texts.getLength()).isEqualTo(2);
            var en = (org.w3c.dom.Element) texts.item(0);
            assertThat(en.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("en");
            assertThat(en.getTextContent()).as(c.url).contains(c.reasonEn);
            var zh = (org.w3c.dom.Element) texts.item(1);
            assertThat(zh.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("zh");
            assertThat(zh.getTextContent()).isNotEqualTo(en.getTextContent());
        }
        // Chinese first by default; other clients keep problem details
        String zhFirst = text(mvc.perform(get("/sdmx/rest/data/NOPE/all").header("Accept", SS)));
        assertThat(zhFirst.indexOf("xml:lang=\"zh\"")).isLessThan(zhFirst.indexOf("xml:lang=\"en\""));
        mvc.perform(get("/sdmx/rest/data/NOPE/all").header("Accept", CSV)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/sdmx/rest/data/NOPE/all")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theInterfaceIsPublicAndReadOnly() throws Exception {
        mvc.perform(get("/sdmx/rest/dataflow")).andExpect(status().isOk());
        int status = mvc.perform(post("/sdmx/rest/data/ALL")).andReturn().getResponse().getStatus();
        assertThat(status).isIn(Arrays.asList(302, 401, 403, 405));
    }

    @Test
    void theOpenApiDocumentHasTheSdmxTag() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/sdmx/rest/data/{flow}/{key}'].get.tags[0]").value("SDMX"));
    }
}
