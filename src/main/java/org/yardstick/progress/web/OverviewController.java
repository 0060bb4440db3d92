package org.yardstick.progress.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.progress.internal.Charts;
import org.yardstick.progress.internal.Evaluations;
import org.yardstick.progress.internal.PlanEvaluation;
import org.yardstick.progress.internal.ReportKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan overview (进展总览): counts by status and by chapter, early warnings, the targets
 * furthest behind, what changed since the previous year or since a date, and every target with its
 * status and reason. Public: approved figures only.
 */
@Controller
class OverviewController {

    private final Plans plans;
    private final Evaluations evaluations;
    private final Charts charts;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    OverviewController(Plans plans, Evaluations evaluations, Charts charts, MessageSource messages, JsonMapper json,
                       Clock clock) {
        this.plans = plans;
        this.evaluations = evaluations;
        this.charts = charts;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/plans/{code}/overview")
    String overview(@PathVariable String code,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate since,
                    Model model, Locale locale) {
        Plan plan = plans.get(code);
        Instant moment = since == null ? null : since.atStartOfDay(clock.getZone()).toInstant();
        PlanEvaluation e = evaluations.evaluate(plan, null, moment);
        model.addAttribute("evaluation", e);
        model.addAttribute("since", since);
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("statusChart", json.writeValueAsString(charts.statusCounts(e.counts(), locale)));
        model.addAttribute("sectionChart", json.writeValueAsString(charts.sectionStack(e.chapters(),
                messages.getMessage("overview.chapter.other", null, locale), locale)));
        return "progress/overview";
    }
}
