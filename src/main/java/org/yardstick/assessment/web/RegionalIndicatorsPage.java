package org.yardstick.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yardstick.assessment.engine.Stage;
import org.yardstick.assessment.internal.RegionalIndicators;
import tools.jackson.databind.json.JsonMapper;

/**
 * The regional self-assessment page (public, under {@code /regions/}: only what disclosure control publishes): a
 * region's figures and its child regions', with coverage, the stage distribution as a chart, suppressed cells saying
 * so and why, links to the indicator pages.
 */
@Controller
class RegionalIndicatorsPage {

    private final RegionalIndicators indicators;
    private final MessageSource messages;
    private final JsonMapper json;

    RegionalIndicatorsPage(RegionalIndicators indicators, MessageSource messages, JsonMapper json) {
        this.indicators = indicators;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/regions/{code}/self-assessment")
    String page(@PathVariable String code, @RequestParam(required = false) @Nullable String year, Model model,
                Locale locale) {
        Integer y = null;
        try {
            y = RegionalIndicatorsApi.year(year);
        } catch (org.yardstick.shared.InvalidInputException e) {
            model.addAttribute("badYear", year); // said on the page; the newest year is shown instead
        }
        RegionalIndicators.Table t = indicators.table(code, y);
        model.addAttribute("table", t);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("indicators", RegionalIndicators.INDICATORS);
        model.addAttribute("stageIndicators", RegionalIndicators.STAGE_INDICATORS);
        // the stage chart: one bar per child region (and the region itself), stacked by stage; suppressed counts absent
        List<RegionalIndicators.Row> rows = new ArrayList<>(t.rows());
        rows.add(0, t.total());
        List<String> categories = rows.stream().map(r -> r.regionName().in(locale)).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        for (Stage s : Stage.values()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("label", messages.getMessage("asm.stage." + s.name(), null, locale));
            one.put("status", s.name());
            one.put("data", rows.stream().map(r -> r.stages().get(s).value()).toList());
            series.add(one);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", categories);
        chart.put("series", series);
        model.addAttribute("chart", json.writeValueAsString(chart));
        return "assessment/regional";
    }
}
