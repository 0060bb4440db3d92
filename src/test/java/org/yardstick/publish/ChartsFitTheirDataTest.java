package org.yardstick.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Target;
import org.yardstick.framework.Targets;
import org.yardstick.framework.Plans;
import org.yardstick.web.ChartAxis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Charts fit their data (issue 15: 88 of 110 indicator pages drew a year axis from 1000 to 3500 around
 * one year): on EVERY demo indicator's page and every target's progress page, the time axis the
 * page emits runs exactly from the first period drawn to the last, and a page with one period
 * says so in a sentence instead of drawing a chart.
 */
@YardstickTest
class ChartsFitTheirDataTest {

    /** The series or trajectory chart (not the map, whose data comes from its own endpoint). */
    static final Pattern CHART = Pattern.compile("data-chart-kind=\"(?:series|progress)\"[^>]*?data-chart=\"([^\"]+)\"");

    @Autowired MockMvc mvc;
    @Autowired Indicators indicators;
    @Autowired Plans plans;
    @Autowired Targets targets;
    @Autowired JsonMapper json;

    private String page(String url) throws Exception {
        var r = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r.getContentAsString();
    }

    /** The x of every point of a chart's data, as the chart places it. */
    private static List<Double> xs(JsonNode chart) {
        List<Double> xs = new ArrayList<>();
        if (chart.has("series")) {
            chart.get("series").forEach(s -> s.get("points").forEach(p -> xs.add(ChartAxis.position(p.get(0).asString()))));
            chart.get("targets").forEach(t -> xs.add(ChartAxis.position(t.get("period").asString())));
        }
        for (String k : List.of("observed", "comparator", "path", "pathHigh", "linear", "compound", "band")) {
            if (chart.has(k)) {
                chart.get(k).forEach(p -> xs.add(p.get(0).asDouble()));
            }
        }
        if (chart.has("target") && !chart.get("target").isNull()) {
            xs.add(chart.get("target").get("year").asDouble());
        }
        return xs;
    }

    private void assertFits(String url, String html, int[] counts) {
        Matcher m = CHART.matcher(html);
        if (!m.find()) {
            assertThat(html).as(url + ": no chart, so a sentence").containsAnyOf("ys-one-period", "尚无已审核的数据");
            counts[1]++;
            return;
        }
        JsonNode chart = json.readTree(HtmlUtils.htmlUnescape(m.group(1)));
        List<Double> xs = xs(chart);
        JsonNode axis = chart.get("axis");
        assertThat(axis).as(url + ": axis").isNotNull();
        double min = xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(axis.get("min").asDouble()).as(url + ": axis starts at the first period drawn").isEqualTo(min);
        assertThat(axis.get("max").asDouble()).as(url + ": axis ends at the last period drawn").isEqualTo(max);
        assertThat(min).as(url).isLessThan(max).isGreaterThan(1990);
        assertThat(max).as(url).isLessThan(2100);
        counts[0]++;
    }

    @Test
    void everyIndicatorPageDrawsOnlyTheYearsOfItsData() throws Exception {
        int[] counts = new int[2];
        for (Indicator i : indicators.all()) {
            String url = "/indicators/" + i.code();
            assertFits(url, page(url), counts);
        }
        assertThat(counts[0]).as("indicator pages with a chart").isPositive();
        assertThat(counts[0] + counts[1]).isEqualTo(indicators.all().size());
    }

    @Test
    void everyTargetsProgressPageDrawsOnlyTheYearsOfItsData() throws Exception {
        int[] counts = new int[2];
        for (var plan : plans.all()) {
            for (Target t : targets.ofPlan(plan)) {
                if (t.indicatorCode() != null) {
                    String url = "/indicators/" + t.indicatorCode() + "/progress?target=" + t.id();
                    assertFits(url, page(url), counts);
                }
            }
        }
        assertThat(counts[0]).as("progress pages with a chart").isPositive();
    }

    @Test
    void theAxisOfOnePeriodIsNoAxisAndOfSeveralIsTheirSpan() {
        assertThat(ChartAxis.of(List.of("2016"))).isNull();
        assertThat(ChartAxis.of(List.of("2016", "2016"))).isNull();
        assertThat(ChartAxis.of(List.of())).isNull();
        assertThat(ChartAxis.of(List.of("2015", "2020", "2016"))).containsEntry("min", 2015).containsEntry("max", 2020)
                .containsEntry("points", 3);
        assertThat(ChartAxis.of(List.of("2015Q3", "2016-03"))).containsEntry("min", 2015.5)
                .containsEntry("max", 2016 + 2 / 12.0);
        assertThat(ChartAxis.of(List.of(2015, 2030))).containsEntry("min", 2015).containsEntry("max", 2030);
    }
}
