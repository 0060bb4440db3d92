package org.yardstick.progress.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yardstick.progress.ProgressText;
import org.yardstick.progress.rules.Status;

/**
 * The data of the progress charts, as the chart kinds of {@code yardstick.js} read it from the
 * {@code data-chart} attribute: labels already in the user's language, numbers as numbers.
 */
@Component("charts")
public class Charts {

    /** The order statuses are shown in, best first. */
    public static final List<Status> ORDER = List.of(Status.ACHIEVED, Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK,
            Status.NOT_ACHIEVED, Status.INSUFFICIENT_DATA, Status.CANNOT_BE_JUDGED, Status.NOT_ASSESSED);

    private final ProgressText text;

    Charts(ProgressText text) {
        this.text = text;
    }

    /** {@link #ORDER}, for templates. */
    public List<Status> order() {
        return ORDER;
    }

    /** Kind {@code statusCounts}: one bar per status. */
    public Map<String, Object> statusCounts(Map<Status, Long> counts, Locale locale) {
        List<Map<String, Object>> bars = new ArrayList<>();
        for (Status s : ORDER) {
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("status", s.name());
            bar.put("label", text.status(s, locale));
            bar.put("count", counts.getOrDefault(s, 0L));
            bars.add(bar);
        }
        return Map.of("bars", bars);
    }

    /** Kind {@code sectionStack}: one stacked bar per chapter, a stack per status. */
    public Map<String, Object> sectionStack(List<PlanEvaluation.Chapter> chapters, String otherLabel, Locale locale) {
        List<String> categories = new ArrayList<>();
        for (PlanEvaluation.Chapter c : chapters) {
            categories.add(c.section() == null ? otherLabel : c.section().code() + " " + c.section().title().in(locale));
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (Status s : ORDER) {
            List<Long> data = chapters.stream().map(c -> c.counts().getOrDefault(s, 0L)).toList();
            if (data.stream().anyMatch(n -> n > 0)) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("status", s.name());
                one.put("label", text.status(s, locale));
                one.put("data", data);
                series.add(one);
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", categories);
        chart.put("series", series);
        return chart;
    }
}
