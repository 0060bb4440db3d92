package org.yardstick.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yardstick.YardstickTest;
import org.yardstick.observation.Observation;
import org.yardstick.observation.Observations;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API's figure lists are filtered, ordered and paged by the database (decision 0083): for every
 * filter, the pages put together are exactly the approved figures an in-memory filter of the whole list
 * keeps, in the same order, with the same total; a page past the end is empty and still counts them.
 */
@YardstickTest
class PublicFiguresInSqlTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired Observations observations;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;

    /** The indicator with the most approved figures in more than one region (the demo's richest). */
    private String richest() {
        return jdbc.sql("""
                select i.code from observation o join indicator i on i.id = o.indicator_id where o.status = 'APPROVED'
                group by i.code having count(distinct o.region_id) > 1 order by count(*) desc, i.code fetch first 1 rows only""")
                .query(String.class).single();
    }

    private List<String> keys(List<Observation> figures) {
        return figures.stream().map(o -> String.join("/", o.indicatorCode(), o.regionCode(), o.period().code(),
                o.disaggregationCode(), o.measure().name().toLowerCase(java.util.Locale.ROOT),
                o.basePeriod() == null ? "-" : o.basePeriod().code(), o.value().toPlainString())).toList();
    }

    private String key(JsonNode v) {
        return String.join("/", v.get("indicator").asString(), v.get("region").asString(), v.get("period").asString(),
                v.get("disaggregation").asString(), v.get("measure").asString(),
                v.get("basePeriod").isNull() ? "-" : v.get("basePeriod").asString(), v.get("value").decimalValue().toPlainString());
    }

    /** Every page of a list of 3 at a time, put together; checks each page's total. */
    private List<String> allPages(String url, Map<String, String> params, int expectedTotal) throws Exception {
        List<String> got = new ArrayList<>();
        int pages = Math.max(1, (expectedTotal + 2) / 3);
        for (int page = 1; page <= pages + 1; page++) {
            var request = get(url).param("size", "3").param("page", Integer.toString(page));
            params.forEach(request::param);
            MvcResult r = mvc.perform(request).andExpect(status().isOk()).andReturn();
            assertThat(r.getResponse().getHeader("X-Total-Count")).as(url + params).isEqualTo(Integer.toString(expectedTotal));
            JsonNode body = json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
            if (page > pages) {
                assertThat(body.size()).as("past the end").isZero();
            }
            body.forEach(v -> got.add(key(v)));
        }
        return got;
    }

    private static final Comparator<Observation> BY_REGION = Comparator.comparing(Observation::regionCode)
            .thenComparing(Observation::disaggregationCode).thenComparing(o -> o.measure().name())
            .thenComparing(Observation::period).thenComparing(o -> o.basePeriod() == null ? "" : o.basePeriod().code());

    @Test
    void indicatorPagesAreTheInMemoryFilterOfEveryApprovedFigure() throws Exception {
        String code = richest();
        List<Observation> all = new ArrayList<>(observations.approvedOfIndicator(code));
        all.sort(BY_REGION);
        Map<String, Region> byCode = regions.byCodes(all.stream().map(Observation::regionCode).distinct().toList());
        Region some = byCode.values().stream().filter(r -> r.level() == RegionLevel.PROVINCE).findFirst()
                .orElse(byCode.values().iterator().next());
        Region top = regions.ancestors(some).isEmpty() ? some : regions.ancestors(some).get(0);
        int year = all.get(all.size() / 2).period().year();

        Map<Map<String, String>, Predicate<Observation>> cases = new LinkedHashMap<>();
        cases.put(Map.of(), o -> true);
        cases.put(Map.of("region", some.code()), o -> o.regionCode().equals(some.code()));
        cases.put(Map.of("region", top.code(), "descendants", "true"), o -> byCode.get(o.regionCode()).isWithin(top));
        cases.put(Map.of("level", some.level().name().toLowerCase(java.util.Locale.ROOT)),
                o -> byCode.get(o.regionCode()).level() == some.level());
        cases.put(Map.of("period", year + ".." + (year + 2)), o -> o.period().year() >= year && o.period().year() <= year + 2);
        cases.put(Map.of("period", ".." + year), o -> o.period().year() <= year);
        cases.put(Map.of("breakdown", "_T"), o -> o.disaggregationCode().equals("_T"));
        cases.put(Map.of("region", top.code(), "descendants", "true", "level", "prefecture", "period", year + "..",
                "breakdown", "_T"), o -> byCode.get(o.regionCode()).isWithin(top)
                && byCode.get(o.regionCode()).level() == RegionLevel.PREFECTURE && o.period().year() >= year
                && o.disaggregationCode().equals("_T"));
        int nonEmpty = 0;
        for (var c : cases.entrySet()) {
            List<String> expected = keys(all.stream().filter(c.getValue()).toList());
            nonEmpty += expected.isEmpty() ? 0 : 1;
            assertThat(allPages("/api/v1/indicators/" + code + "/observations", c.getKey(), expected.size()))
                    .as(code + " " + c.getKey()).containsExactlyElementsOf(expected);
        }
        assertThat(nonEmpty).as("cases with figures").isGreaterThanOrEqualTo(5);
    }

    @Test
    void regionPagesAreTheInMemoryFilterOfItsApprovedFigures() throws Exception {
        String region = jdbc.sql("""
                select r.code from observation o join region r on r.id = o.region_id where o.status = 'APPROVED'
                group by r.code order by count(*) desc, r.code fetch first 1 rows only""").query(String.class).single();
        List<Observation> all = observations.approvedOfRegion(region);
        String indicator = all.get(0).indicatorCode();
        int year = all.get(0).period().year();
        Map<Map<String, String>, Predicate<Observation>> cases = new LinkedHashMap<>();
        cases.put(Map.of(), o -> true);
        cases.put(Map.of("indicator", indicator), o -> o.indicatorCode().equals(indicator));
        cases.put(Map.of("period", Integer.toString(year)), o -> o.period().year() == year);
        cases.put(Map.of("breakdown", "_T", "period", year + ".."), o -> o.disaggregationCode().equals("_T")
                && o.period().year() >= year);
        for (var c : cases.entrySet()) {
            List<Observation> expected = all.stream().filter(c.getValue()).toList();
            assertThat(expected).as(c.getKey().toString()).isNotEmpty();
            // the order within a period (total first, then the categories) is the SQL's; compare as a set and by indicator
            List<String> got = allPages("/api/v1/regions/" + region + "/observations", c.getKey(), expected.size());
            assertThat(got).as(region + " " + c.getKey()).containsExactlyInAnyOrderElementsOf(keys(expected));
            assertThat(got.stream().map(k -> k.substring(0, k.indexOf('/'))).toList()).isSorted();
        }
    }

    @Test
    void nothingMatchingStillAnswersATotalOfZero() throws Exception {
        mvc.perform(get("/api/v1/indicators/" + richest() + "/observations").param("period", "1901..1902"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Total-Count", "0"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.length()").value(0));
    }
}
