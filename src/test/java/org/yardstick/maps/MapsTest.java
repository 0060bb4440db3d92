package org.yardstick.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.MapFileSet;
import org.yardstick.YardstickTest;
import org.yardstick.aggregation.Aggregates;
import org.yardstick.maps.internal.Boundaries;
import org.yardstick.maps.internal.BoundaryMap;
import org.yardstick.observation.ObservationFiles;
import org.yardstick.observation.ObservationStatus;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map of 宽带接入用户: the counties of Urumqi report for 2023 and are approved, and the map of
 * Xinjiang's prefectures shows Urumqi's computed sum with its coverage, on the sketch boundaries
 * keyed to the prefectures; Urumqi's counties have no boundaries, so that level is a table; nothing
 * unapproved shows; a deployer's directory wins over the sketch; bad requests are problem details.
 */
@YardstickTest
@Transactional
class MapsTest {

    static final Map<String, String> URUMQI = Map.of("650102", "10.5", "650103", "20.25", "650104", "30", "650105", "5",
            "650106", "7", "650107", "1.5", "650109", "3", "650121", "2.75");

    @Autowired MockMvc mvc;
    @Autowired ObservationFiles files;
    @Autowired Aggregates aggregates;
    @Autowired Boundaries boundaries;
    @Autowired Regions regions;
    @Autowired JsonMapper json;

    @BeforeEach
    void urumqiCountiesApprovedFor2023() {
        StringBuilder approved = new StringBuilder("indicator,region,period,disaggregation,measure,base_period,value,qualifier,document,line,quote\n");
        URUMQI.forEach((code, value) -> approved.append("BB_USERS,").append(code).append(",2023,,level,,").append(value).append(",,,,\n"));
        files.load(new MapFileSet().with("approved.csv", approved.toString()), "approved.csv", ObservationStatus.APPROVED, "test");
        // a submitted figure of Karamay's 独山子区 is not published, on the map or anywhere
        files.load(new MapFileSet().with("submitted.csv", "indicator,region,period,disaggregation,measure,base_period,value,qualifier,document,line,quote\n"
                + "BB_USERS,650202,2023,,level,,999,,,,\n"), "submitted.csv", ObservationStatus.SUBMITTED, "test");
        aggregates.recompute(List.of("BB_USERS"), "2023");
    }

    @Test
    void everyPrefectureOfXinjiangHasItsShapeOnTheSketchMap() {
        BoundaryMap map = boundaries.of("65").orElseThrow();
        assertThat(map.sketch()).isTrue();
        assertThat(map.attribution()).contains("echarts", "Apache-2.0");
        Region xinjiang = regions.get("65");
        List<String> prefectures = regions.children(xinjiang).stream()
                .filter(r -> r.level() == RegionLevel.PREFECTURE && !r.code().equals("6590")) // 自治区直辖县级行政区划: its cities are drawn one by one
                .map(Region::code).toList();
        assertThat(prefectures).hasSizeGreaterThanOrEqualTo(13);
        assertThat(map.areaCodes()).containsAll(prefectures);
        assertThat(map.areaCodes()).contains("6505", "659001"); // 哈密 by its name (the file says 652200); 石河子 by its code
        assertThat(regions.byCodes(map.areaCodes())).hasSize(map.areaCodes().size());
        JsonNode geo = json.readTree(map.geoJson());
        for (JsonNode f : geo.path("features")) {
            assertThat(f.path("properties").path("code").asString()).as(f.path("properties").path("name").asString()).isNotEmpty();
        }
        // and every province of China on the country's map
        List<String> provinces = regions.children(regions.get("CN")).stream().filter(r -> r.level() == RegionLevel.PROVINCE)
                .map(Region::code).toList();
        assertThat(boundaries.of("CN").orElseThrow().areaCodes()).containsAll(provinces);
        assertThat(boundaries.has("6501")).isFalse();
        assertThat(boundaries.of("../65")).isEmpty();
    }

    @Test
    void theMapOfPrefecturesShowsUrumqisComputedSumWithCoverage() throws Exception {
        BigDecimal sum = URUMQI.values().stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        // without a year the map opens on the latest year with figures (other tests may have approved later ones)
        JsonNode opened = JsonMapper.builder().build().readTree(mvc.perform(get("/api/v1/indicators/BB_USERS/map"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> years = new java.util.ArrayList<>();
        opened.path("years").forEach(y -> years.add(y.asText()));
        assertThat(years).contains("2023");
        assertThat(opened.path("year").asText()).isEqualTo(java.util.Collections.max(years));
        String body = mvc.perform(get("/api/v1/indicators/BB_USERS/map").param("year", "2023")).andExpect(status().isOk())
                .andExpect(jsonPath("$.region.code").value("65"))
                .andExpect(jsonPath("$.year").value("2023"))
                .andExpect(jsonPath("$.years", hasItem("2023")))
                .andExpect(jsonPath("$.boundaries").value("/api/v1/regions/65/boundaries"))
                .andExpect(jsonPath("$.sketch").value(true))
                .andExpect(jsonPath("$.path[0].code").value("CN"))
                .andExpect(jsonPath("$.areas[?(@.code == '6501')].origin", hasItem("computed")))
                .andExpect(jsonPath("$.areas[?(@.code == '6501')].covered", hasItem(8)))
                .andExpect(jsonPath("$.areas[?(@.code == '6501')].expected", hasItem(8)))
                .andReturn().getResponse().getContentAsString();
        JsonNode urumqi = area(body, "6501");
        assertThat(urumqi.path("value").decimalValue()).isEqualByComparingTo(sum);
        // the submitted 999 of 独山子区 is in no figure of Karamay
        JsonNode karamay = area(body, "6502");
        assertThat(karamay.path("value").isNull() || karamay.path("value").decimalValue().compareTo(new BigDecimal("999")) < 0).isTrue();
        // Xinjiang's own 2015 figure is not an area's
        mvc.perform(get("/api/v1/indicators/BB_USERS/map").param("region", "65").param("year", "2015")).andExpect(status().isOk())
                .andExpect(jsonPath("$.areas[?(@.code == '6501')].value", hasItem((Object) null)));
    }

    @Test
    void belowAPrefectureWithoutBoundariesTheFiguresComeAsATable() throws Exception {
        mvc.perform(get("/api/v1/indicators/BB_USERS/map").param("region", "6501").param("year", "2023")).andExpect(status().isOk())
                .andExpect(jsonPath("$.boundaries").isEmpty())
                .andExpect(jsonPath("$.areas[?(@.code == '650103')].value", hasItem(20.25)))
                .andExpect(jsonPath("$.areas[?(@.code == '650103')].origin", hasItem("reported")))
                .andExpect(jsonPath("$.path[*].code", hasItem("65")));
        mvc.perform(get("/api/v1/indicators/BB_USERS/map").param("region", "6502").param("year", "2023")).andExpect(status().isOk())
                .andExpect(jsonPath("$.areas[?(@.code == '650202')].value", hasItem((Object) null)));
    }

    @Test
    void theBoundariesAreGeoJsonKeyedByDivisionCode() throws Exception {
        String etag = mvc.perform(get("/api/v1/regions/65/boundaries")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andExpect(header().string("X-Map-Sketch", "true"))
                .andExpect(jsonPath("$.features[*].properties.code", hasItem("6501")))
                .andReturn().getResponse().getHeader("ETag");
        mvc.perform(get("/api/v1/regions/65/boundaries").header("If-None-Match", etag)).andExpect(status().isNotModified());
        mvc.perform(get("/api/v1/regions/650102/boundaries")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void badRequestsAreProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/indicators/BB_USERS/map").param("year", "20x3")).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.problems[0].field").value("year"))
                .andExpect(jsonPath("$.problems[0].value").value("20x3"));
        mvc.perform(get("/api/v1/indicators/BB_USERS/map").param("year", "2023-01")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/indicators/NOPE/map")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOPE"));
        mvc.perform(get("/api/v1/indicators/BB_USERS/map").param("region", "999999")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.kind").value("region"));
    }

    @Test
    void theIndicatorPageCarriesTheMapInBothLanguages() throws Exception {
        mvc.perform(get("/indicators/BB_USERS")).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-map-src=\"/api/v1/indicators/BB_USERS/map\"")))
                .andExpect(content().string(containsString("示意图")))
                .andExpect(content().string(containsString("/js/map")));
        mvc.perform(get("/indicators/BB_USERS").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Map by region")))
                .andExpect(content().string(not(containsString("分地区地图"))));
        mvc.perform(get("/compare").param("indicator", "BB_USERS").param("level", "PREFECTURE").param("scope", "65")
                        .param("period", "2023")).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-map-src=\"/api/v1/indicators/BB_USERS/map?region=65\"")))
                .andExpect(content().string(containsString("data-map-year=\"2023\"")));
    }

    @Test
    void aDeployersDirectoryWinsWithItsAttribution() throws Exception {
        Path dir = Path.of(getClass().getResource("/maps/6501.json").toURI()).getParent();
        Boundaries deployed = new Boundaries(regions, json, dir.toString(), false);
        BoundaryMap urumqi = deployed.of("6501").orElseThrow();
        assertThat(urumqi.sketch()).isFalse();
        assertThat(urumqi.attribution()).contains("审图号");
        assertThat(urumqi.areaCodes()).containsExactly("650102", "650103");
        assertThat(deployed.has("6501")).isTrue();
        assertThat(deployed.has("65")).isFalse(); // no sketch maps when they are switched off
        assertThat(deployed.of("65")).isEmpty();
    }

    private JsonNode area(String body, String code) {
        for (JsonNode a : json.readTree(body).path("areas")) {
            if (a.path("code").asString().equals(code)) {
                return a;
            }
        }
        throw new AssertionError("no area " + code + " in " + body);
    }
}
