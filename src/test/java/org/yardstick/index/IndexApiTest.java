package org.yardstick.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.index.engine.Panel;
import org.yardstick.observation.ObservationFiles;
import org.yardstick.region.Regions;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index API: scores at full precision in JSON, CSV and Excel, equal to the batch command's to
 * 1e-12, with period and node filters; definitions replaced with their YAML under the editor's
 * checks, versions and scope, by token or Basic.
 */
@YardstickTest
@Transactional
class IndexApiTest {

    static final String PASSWORD = "Kq7#vLm2pX9w-index";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService details;
    @Autowired Accounts accounts;
    @Autowired FrameworkFiles frameworkFiles;
    @Autowired ObservationFiles observationFiles;
    @Autowired IndexDefinitions definitions;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    @TempDir
    Path dir;

    @AfterEach
    void back() {
        As.nobody();
    }

    private String account(Role role, String region) {
        String name = "idxapi-" + role.name().toLowerCase(Locale.ROOT) + "-" + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        try {
            accounts.create(new NewAccount(name, "指数接口测试", PASSWORD, role, region, null, false), "admin");
        } finally {
            As.nobody();
        }
        return name;
    }

    private GeneratedIndexData generated() {
        As.user(details, "admin");
        try {
            return GeneratedIndexData.load(11, true, regions, frameworkFiles, observationFiles, definitions);
        } finally {
            As.nobody();
        }
    }

    /** The same index for the batch command: the definition with a data section, the approved figures as a wide CSV. */
    private Map<String, String[]> batch(GeneratedIndexData data) throws Exception {
        String spec = data.definitionYaml().replace("regions: {scope: \"65\", level: prefecture}\n", "")
                .replace("periods: {from: 2016, to: 2018}\n", "data: {unit: region, period: period, group: group}\n");
        Files.writeString(dir.resolve("spec.yaml"), spec);
        Panel p = data.panel();
        StringBuilder csv = new StringBuilder("region,period,group," + String.join(",", data.indicators) + "\n");
        for (int t = 0; t < p.periodCount(); t++) {
            for (int u = 0; u < p.unitCount(); u++) {
                StringBuilder line = new StringBuilder(p.units().get(u) + "," + p.periods().get(t) + ",65");
                boolean any = false;
                for (int c = 0; c < p.columns().size(); c++) {
                    double v = p.value(c, u, t);
                    any |= !Double.isNaN(v);
                    line.append(',').append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v));
                }
                if (any) {
                    csv.append(line).append('\n');
                }
            }
        }
        // GBK on purpose: the platform import's encoding
        Files.write(dir.resolve("data.csv"), csv.toString().getBytes("GBK"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = org.yardstick.index.cli.IndexCommand.run(new String[] {"index", "compute", "--spec",
                dir.resolve("spec.yaml").toString(), "--data", dir.resolve("data.csv").toString(), "--out",
                dir.resolve("wide.csv").toString(), "--long", dir.resolve("long.csv").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Map<String, String[]> rows = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("long.csv")).subList(1, Files.readAllLines(dir.resolve("long.csv")).size())) {
            String[] c = line.split(",", -1);
            rows.put(c[0] + "/" + c[1] + "/" + c[2], c);
        }
        return rows;
    }

    @Test
    void downloadedScoresMatchTheBatchCommandTo1e12() throws Exception {
        GeneratedIndexData data = generated();
        Map<String, String[]> expected = batch(data);
        assertThat(expected).hasSizeGreaterThan(100);

        String csv = mvc.perform(get("/api/v1/indices/" + data.code + "/scores").param("format", "csv"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("unit,period,node,score,rank,reference");
        assertThat(lines).hasSize(expected.size() + 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            String[] e = expected.get(c[0] + "/" + c[1] + "/" + c[2]);
            assertThat(e).as(line).isNotNull();
            if (e[3].isEmpty()) {
                assertThat(c[3]).isEmpty();
            } else {
                assertThat(Double.parseDouble(c[3])).as(line).isCloseTo(Double.parseDouble(e[3]), within(1e-12));
            }
            assertThat(c[4]).as(line).isEqualTo(e[4]);
        }

        JsonNode body = json.readTree(mvc.perform(get("/api/v1/indices/" + data.code + "/scores"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.get("scores").size()).isEqualTo(expected.size());
        for (JsonNode s : body.get("scores")) {
            String[] e = expected.get(s.get("unit").asString() + "/" + s.get("period").asString() + "/"
                    + s.get("node").asString());
            if (!e[3].isEmpty()) {
                assertThat(s.get("score").asDouble()).isCloseTo(Double.parseDouble(e[3]), within(1e-12));
            }
        }

        byte[] xlsx = mvc.perform(get("/api/v1/indices/" + data.code + "/scores").param("format", "xlsx")
                        .param("period", "2018").param("node", data.code))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet scores = wb.getSheet("scores");
            assertThat(wb.getSheet("metadata").getRow(0).getCell(1).getStringCellValue()).isEqualTo(data.code);
            assertThat(scores.getLastRowNum()).isEqualTo(data.units.size());
            for (int r = 1; r <= scores.getLastRowNum(); r++) {
                String key = scores.getRow(r).getCell(0).getStringCellValue() + "/2018/" + data.code;
                assertThat(scores.getRow(r).getCell(4).getNumericCellValue())
                        .isCloseTo(Double.parseDouble(expected.get(key)[3]), within(1e-12));
            }
        }
    }

    @Test
    void filtersFormatsAndBadParameters() throws Exception {
        GeneratedIndexData data = generated();
        mvc.perform(get("/api/v1/indices/" + data.code + "/scores").param("period", "2017").param("node", "P1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.nodes[0]").value("P1"))
                .andExpect(jsonPath("$.scores.length()").value(data.units.size()))
                .andExpect(jsonPath("$.scores[0].period").value("2017"))
                .andExpect(jsonPath("$.scores[0].node").value("P1"));
        byte[] bom = mvc.perform(get("/api/v1/indices/" + data.code + "/scores").param("format", "csv")
                        .param("layout", "wide").param("bom", "true")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new byte[] {bom[0], bom[1], bom[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bom, StandardCharsets.UTF_8)).contains("unit,period," + data.code + "," + data.code + "_rank,P1");
        mvc.perform(get("/api/v1/indices/" + data.code + "/scores").param("period", "2031").param("node", "NOPE")
                        .param("format", "pdf"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems.length()").value(3))
                .andExpect(jsonPath("$.problems[0].field").value("period"))
                .andExpect(jsonPath("$.problems[0].value").value("2031"))
                .andExpect(jsonPath("$.problems[1].field").value("node"))
                .andExpect(jsonPath("$.problems[2].field").value("format"));
        mvc.perform(get("/api/v1/indices/NOPE/scores")).andExpect(status().isNotFound());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/indices/{code}/scores'].get.tags[0]").value("indices"))
                .andExpect(jsonPath("$.paths['/api/v1/indices/{code}'].put.summary").exists())
                .andExpect(jsonPath("$.paths['/api/v1/indices/{code}'].put.security").isArray());
        // an index with unpublished weights is not computed: the reasons, not scores
        mvc.perform(get("/api/v1/indices/IIDI/scores")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems.length()").isNumber());
    }

    private static String yaml(String code, String weight) {
        return IndexDefinitionsTest.valid(code, weight);
    }

    private long versions(String code) {
        return jdbc.sql("select count(*) from index_definition_version v join index_definition d on d.id = v.definition_id "
                + "where d.code = ?").param(code).query(Long.class).single();
    }

    @Test
    void putSavesVersionsWithTheEditorsChecksAndAnswers412ToAStaleIfMatch() throws Exception {
        String planner = account(Role.PLANNER, "65");
        String code = "TAPI" + System.nanoTime() % 1_000_000;
        String url = "/api/v1/indices/" + code;
        // no credentials: refused before anything is read (the platform's CSRF guard answers 403 here, not 401)
        mvc.perform(put(url).contentType("application/yaml").content(yaml(code, "1")))
                .andExpect(status().is4xxClientError());
        mvc.perform(put(url).with(httpBasic(planner, "wrong-password-entirely")).contentType("application/yaml")
                        .content(yaml(code, "1")))
                .andExpect(status().isUnauthorized());
        mvc.perform(put(url).with(httpBasic(planner, PASSWORD)).contentType("application/yaml").content(yaml(code, "-1")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].line").value(6))
                .andExpect(jsonPath("$.problems[0].value").value("-1.0"));
        mvc.perform(put(url).with(httpBasic(planner, PASSWORD)).contentType("application/yaml")
                        .content(yaml("OTHER" + code, "1")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.problems[0].field").value("index.code"));
        assertThat(jdbc.sql("select count(*) from index_definition where code = ?").param(code).query(Long.class).single())
                .isZero();

        mvc.perform(put(url).with(httpBasic(planner, PASSWORD)).contentType("application/yaml").content(yaml(code, "1"))
                        .param("note", "by script"))
                .andExpect(status().isCreated()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put(url).with(httpBasic(planner, PASSWORD)).header("If-Match", "\"1\"").contentType("application/yaml")
                        .content(yaml(code, "2")).param("dryRun", "true"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(false));
        assertThat(versions(code)).isEqualTo(1);
        mvc.perform(put(url).with(httpBasic(planner, PASSWORD)).header("If-Match", "\"1\"").contentType("application/yaml")
                        .content(yaml(code, "2")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.changed").value(true));
        mvc.perform(put(url).with(httpBasic(planner, PASSWORD)).header("If-Match", "\"1\"").contentType("application/yaml")
                        .content(yaml(code, "3")))
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.current").value(2));
        assertThat(versions(code)).isEqualTo(2);
        assertThat(definitions.history(code).get(0).origin()).isEqualTo(IndexDefinitions.API);
        mvc.perform(get(url)).andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.yaml").value(yaml(code, "2")));

        // scope: a planner of another province may not replace Xinjiang's index; a reporter may not at all
        String outside = account(Role.PLANNER, "1501");
        mvc.perform(put(url).with(httpBasic(outside, PASSWORD)).contentType("application/yaml").content(yaml(code, "4")))
                .andExpect(status().isForbidden());
        String reporter = account(Role.REPORTER, "650102");
        mvc.perform(put(url).with(httpBasic(reporter, PASSWORD)).contentType("application/yaml").content(yaml(code, "4")))
                .andExpect(status().isForbidden());
        assertThat(versions(code)).isEqualTo(2);
    }
}
