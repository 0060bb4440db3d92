package org.yardstick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An analyst who wants to compare countries does it through the API alone, without a restart: a
 * world region with 141 countries, six indicators, a data set with back-filled windows, a long CSV of
 * four years with full-precision values, bulk submission and bulk approval by a second person, and
 * the figures readable at once, exactly as given.
 */
@YardstickTest
class AnalystThroughTheApiTest {

    static final String PASSWORD = "Panel-7#qTz-Analyse-2026";
    static final int COUNTRIES = 141;
    static final List<String> YEARS = List.of("2020", "2021", "2022", "2023");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService details;
    @Autowired JdbcClient jdbc;
    /** Reads decimals as written, not as doubles. */
    final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private String account(String prefix, Role role, String region) {
        String name = prefix + "-" + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        try {
            accounts.create(new NewAccount(name, "分析测试账号", PASSWORD, role, region, null, false), "admin");
        } finally {
            As.nobody();
        }
        return name;
    }

    private MvcResult call(MockHttpServletRequestBuilder request, String who, String password) throws Exception {
        return mvc.perform(request.with(httpBasic(who, password)).header("Accept-Language", "en")).andReturn();
    }

    private JsonNode ok(MvcResult r, int status) throws Exception {
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(status);
        String body = r.getResponse().getContentAsString();
        return body.isEmpty() ? json.createObjectNode() : json.readTree(body);
    }

    /** A value with thirteen significant digits and ten decimals, different for every cell. */
    static BigDecimal value(int country, int indicator, int year) {
        return new BigDecimal(String.format(Locale.ROOT, "%d.%010d", 100 + country, 1_234_567_891L + 37L * country
                + 1009L * indicator + 7L * year));
    }

    @Test
    void anAnalystBuildsAWorldPanelApprovesItAndReadsItBackExactly() throws Exception {
        String run = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        String world = "W" + run;
        // the world region sits at the top: the administrator adds it (demo password), then the analyst works in it
        ok(call(post("/api/v1/regions").contentType(MediaType.APPLICATION_JSON).content("""
                {"code":"%s","level":"WORLD","nameZh":"世界","nameEn":"World"}""".formatted(world)),
                "admin", "yardstick-demo"), 201);
        String analyst = account("analyst", Role.PLANNER, world);
        String reviewer = account("panel-reviewer", Role.REVIEWER, world);

        // 141 countries in one all-or-nothing request
        List<String> countries = new ArrayList<>();
        StringBuilder regions = new StringBuilder("[");
        for (int c = 0; c < COUNTRIES; c++) {
            String code = world + "-C" + c;
            countries.add(code);
            regions.append(c == 0 ? "" : ",").append("""
                    {"code":"%s","parent":"%s","level":"COUNTRY","nameZh":"国家%d","nameEn":"Country %d"}"""
                    .formatted(code, world, c, c));
        }
        JsonNode added = ok(call(post("/api/v1/regions").contentType(MediaType.APPLICATION_JSON)
                .content(regions.append("]").toString()), analyst, PASSWORD), 201);
        assertThat(added.get("count").asInt()).isEqualTo(COUNTRIES);

        // six indicators in the shared catalogue
        List<String> indicators = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String code = "P" + run + "_" + i;
            indicators.add(code);
            ok(call(post("/api/v1/indicators").contentType(MediaType.APPLICATION_JSON).content("""
                    {"code":"%s","name":{"zh":"面板指标%d","en":"Panel indicator %d"},"unit":{"zh":"指数","en":"index"},
                     "polarity":"POSITIVE","aggregation":"MEAN","nature":"EXPECTED","decimals":6,
                     "description":{"zh":"","en":""},"incomplete":"WARN"}""".formatted(code, i, i)),
                    analyst, PASSWORD), 201);
        }

        // a data set of the countries with windows for four past years, back-filled with a reason
        String dataSet = "panel-" + run.toLowerCase(Locale.ROOT);
        StringBuilder windows = new StringBuilder();
        for (String y : YEARS) {
            windows.append(windows.isEmpty() ? "" : ",").append("""
                    {"period":"%s","opensOn":"2026-05-01","closesOn":"2026-12-31","reason":"补录历史面板数据"}""".formatted(y));
        }
        StringBuilder items = new StringBuilder();
        for (String i : indicators) {
            items.append(items.isEmpty() ? "" : ",").append("{\"code\":\"%s\",\"required\":true}".formatted(i));
        }
        ok(call(post("/api/v1/data-sets").contentType(MediaType.APPLICATION_JSON).content("""
                {"code":"%s","nameZh":"国际比较面板","nameEn":"International panel","regionLevel":"COUNTRY","periodType":"YEAR",
                 "indicators":[%s],"regions":["%s"],"windows":[%s]}""".formatted(dataSet, items, world, windows)),
                analyst, PASSWORD), 201);

        // a long CSV of 141 × 6 × 4 = 3,384 figures; a dry run first writes nothing
        StringBuilder csv = new StringBuilder("indicator,region,period,value\n");
        for (int c = 0; c < COUNTRIES; c++) {
            for (int i = 0; i < indicators.size(); i++) {
                for (String y : YEARS) {
                    csv.append(indicators.get(i)).append(',').append(countries.get(c)).append(',').append(y).append(',')
                            .append(value(c, i, Integer.parseInt(y)).toPlainString()).append('\n');
                }
            }
        }
        int cells = COUNTRIES * indicators.size() * YEARS.size();
        JsonNode dry = ok(call(post("/api/v1/figures").param("dataSet", dataSet).param("dryRun", "true")
                .contentType("text/csv").content(csv.toString()), analyst, PASSWORD), 200);
        assertThat(dry.get("added").asInt()).isEqualTo(cells);
        assertThat(stored(dataSet)).isZero();
        JsonNode imported = ok(call(post("/api/v1/figures").param("dataSet", dataSet)
                .contentType("text/csv").content(csv.toString()), analyst, PASSWORD), 200);
        assertThat(imported.get("added").asInt()).isEqualTo(cells);

        // submitted by the analyst, approved by the reviewer: one request each, not 564 clicks
        JsonNode submitted = ok(call(post("/api/v1/submissions/submit").param("dataSet", dataSet).param("period", "2020..2023")
                .param("region", world).param("descendants", "true"), analyst, PASSWORD), 200);
        JsonNode approved = ok(call(post("/api/v1/submissions/approve").param("dataSet", dataSet).param("period", "2020..2023")
                .param("region", world).param("descendants", "true"), reviewer, PASSWORD), 200);
        assertThat(submitted.toString()).contains(Integer.toString(COUNTRIES * YEARS.size()));
        assertThat(approved.toString()).contains(Integer.toString(COUNTRIES * YEARS.size()));

        // readable at once through the public API and on the pages, at full precision
        String country = countries.get(97);
        JsonNode figures = ok(mvc.perform(get("/api/v1/indicators/{code}/observations", indicators.get(4))
                .param("region", country)).andReturn(), 200);
        assertThat(figures.size()).isEqualTo(YEARS.size());
        for (JsonNode f : figures) {
            int year = Integer.parseInt(f.get("period").asString());
            assertThat(f.get("value").decimalValue()).isEqualByComparingTo(value(97, 4, year));
        }
        String page = mvc.perform(get("/regions/{code}", country).param("lang", "en")).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Panel indicator 4").contains("Country 97");
        // the world region's computed mean of its 141 countries exists without a rebuild
        JsonNode computed = ok(mvc.perform(get("/api/v1/indicators/{code}/computed", indicators.get(0))
                .param("region", world)).andReturn(), 200);
        assertThat(computed.toString()).contains("2023");
    }

    private long stored(String dataSet) {
        return jdbc.sql("""
                select count(*) from observation o join submission s on s.id = o.submission_id
                join data_set d on d.id = s.data_set_id where d.code = ?""").param(dataSet).query(Long.class).single();
    }
}
