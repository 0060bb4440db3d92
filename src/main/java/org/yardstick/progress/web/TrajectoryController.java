package org.yardstick.progress.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yardstick.progress.internal.Trajectories;
import org.yardstick.progress.internal.Trajectory;
import tools.jackson.databind.json.JsonMapper;

/**
 * An indicator's progress towards a target (进展与预测): observed series, the straight path from the
 * baseline to the target, the projection (linear and compound) with its range to the target year,
 * the rates and the status with its reason. The progress view of the indicator page.
 */
@Controller
class TrajectoryController {

    static final String[] SERIES = {"observed", "comparator", "path", "linear", "compound", "range", "target"};

    private final Trajectories trajectories;
    private final MessageSource messages;
    private final JsonMapper json;

    TrajectoryController(Trajectories trajectories, MessageSource messages, JsonMapper json) {
        this.trajectories = trajectories;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/indicators/{code}/progress")
    String trajectory(@PathVariable String code, @RequestParam(required = false) @Nullable Long target,
                      @RequestParam(required = false) @Nullable String region, Model model, Locale locale) {
        Trajectory t = trajectories.of(code, target, region);
        Map<String, String> labels = new LinkedHashMap<>();
        for (String s : SERIES) {
            labels.put(s, messages.getMessage("trajectory.series." + s, null, locale));
        }
        model.addAttribute("trajectory", t);
        Map<String, Object> chart = t.observed().isEmpty() && t.assessment() == null ? null
                : Trajectories.chart(t, t.indicator().unit().in(locale), labels);
        // a single year says more in a sentence than as a chart (issue 15)
        boolean onePeriod = chart != null && chart.get("axis") == null;
        model.addAttribute("chart", chart == null || onePeriod ? null : json.writeValueAsString(chart));
        model.addAttribute("onePeriod", onePeriod);
        return "progress/trajectory";
    }
}
