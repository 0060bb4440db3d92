package org.yardstick.progress.web;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.yardstick.framework.Indicators;
import org.yardstick.observation.Observations;
import org.yardstick.progress.internal.Comparison;
import org.yardstick.progress.internal.Comparisons;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;
import org.yardstick.shared.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Region comparison (地区比较): every region of a level inside a region on one indicator — bar chart,
 * ranking table, the gap between the best and worst quarters (数字鸿沟) over time, and the
 * breakdowns the figures have. Public: approved figures only.
 */
@Controller
class CompareController {

    /** Regions per page of the ranking table. */
    static final int PAGE = 100;

    private final Comparisons comparisons;
    private final Indicators indicators;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Observations observations;
    private final Regions regions;

    CompareController(Comparisons comparisons, Indicators indicators, MessageSource messages, JsonMapper json,
                      Observations observations, Regions regions) {
        this.observations = observations;
        this.regions = regions;
        this.comparisons = comparisons;
        this.indicators = indicators;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/compare")
    String compare(@RequestParam(required = false) @Nullable String indicator,
                   @RequestParam(required = false) @Nullable String level,
                   @RequestParam(required = false) @Nullable String scope,
                   @RequestParam(required = false) @Nullable Integer period,
                   @RequestParam(required = false) @Nullable String breakdown,
                   @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "false") boolean all,
                   Model model, Locale locale) {
        boolean noIndicator = indicator == null || indicator.isBlank();
        if (noIndicator || blank(level) && blank(scope)) {
            // open on what has data (issue 15 item 6): the indicator, level and scope whose approved figures
            // cover the most regions — of the chosen indicator, if one is chosen
            var busiest = observations.busiestComparison(noIndicator ? null : indicator.strip());
            if (busiest.map(b -> b.regions() < 2).orElse(!noIndicator)) {
                // nothing to compare: fewer than two regions report (or none, for the chosen indicator). Say so
                // and offer the comparisons that exist rather than a thin one (issue 15, a single region is no ranking)
                return thin(noIndicator ? null : indicator.strip(), model, locale);
            }
            if (busiest.isPresent()) {
                indicator = busiest.get().indicatorCode();
                level = busiest.get().level().name();
                scope = busiest.get().scopeCode();
                period = period == null ? busiest.get().year() : period;
            }
        }
        RegionLevel regionLevel = level(blank(level) ? "PROVINCE" : level);
        scope = blank(scope) ? "CN" : scope.strip();
        model.addAttribute("indicators", indicators.all());
        model.addAttribute("levels", RegionLevel.values());
        model.addAttribute("level", regionLevel);
        model.addAttribute("scopeCode", scope);
        if (indicator == null || indicator.isBlank()) {
            model.addAttribute("comparison", null);
            return "progress/compare";
        }
        Comparison c = comparisons.compare(indicator, scope, regionLevel, breakdown, period);
        model.addAttribute("comparison", c);
        // the ranking table a hundred regions at a time (a country has 2,978 counties); the chart shows all
        int pages = Math.max(1, (c.rows().size() + PAGE - 1) / PAGE);
        int shown = Math.max(1, Math.min(pages, page));
        model.addAttribute("all", all);
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("pageRows", all ? c.rows()
                : c.rows().subList((shown - 1) * PAGE, Math.min(c.rows().size(), shown * PAGE)));
        String unit = c.indicator().unit().in(locale);
        List<Map<String, Object>> bars = new ArrayList<>();
        for (Comparison.Row r : c.rows()) {
            if (r.value() != null) {
                Map<String, Object> bar = new LinkedHashMap<>();
                bar.put("name", r.region().name().in(locale));
                bar.put("value", r.value().number());
                bar.put("quartile", r.quartile());
                bars.add(bar);
            }
        }
        Map<String, Object> barChart = new LinkedHashMap<>();
        barChart.put("unit", unit);
        barChart.put("bars", bars);
        barChart.put("quartileLabels", List.of(msg(c.quartileKey(1), locale), msg(c.quartileKey(2), locale),
                msg(c.quartileKey(3), locale), msg(c.quartileKey(4), locale)));
        model.addAttribute("barChart", bars.isEmpty() ? null : json.writeValueAsString(barChart));
        Map<String, Object> gapChart = new LinkedHashMap<>();
        gapChart.put("unit", unit);
        gapChart.put("years", c.gaps().stream().map(Comparison.YearGap::year).toList());
        gapChart.put("best", c.gaps().stream().map(g -> g.gap().bestMean()).toList());
        gapChart.put("worst", c.gaps().stream().map(g -> g.gap().worstMean()).toList());
        gapChart.put("difference", c.gaps().stream().map(g -> g.gap().difference()).toList());
        gapChart.put("labels", Map.of("best", msg("compare.gap.best", locale), "worst", msg("compare.gap.worst", locale),
                "difference", msg("compare.gap.difference", locale)));
        model.addAttribute("gapChart", c.gaps().isEmpty() ? null : json.writeValueAsString(gapChart));
        return "progress/compare";
    }

    /** Comparisons offered when the default would be thin: the busiest few, with how many regions report. */
    static final int OFFERED = 8;

    /** One comparison offered: what the link asks for (codes) and what it reads (names in the page's language). */
    record Offer(String indicatorCode, String levelCode, String scopeCode, String year, int regions,
                 String indicator, String level, String scope) {}

    private String thin(@Nullable String indicator, Model model, Locale locale) {
        model.addAttribute("indicators", indicators.all());
        model.addAttribute("levels", RegionLevel.values());
        model.addAttribute("level", RegionLevel.PROVINCE);
        model.addAttribute("scopeCode", "CN");
        model.addAttribute("comparison", null);
        var chosen = indicator == null ? null : indicators.find(indicator).orElseThrow(() -> new NotFoundException("indicator", indicator));
        model.addAttribute("thinIndicator", chosen == null ? null : chosen.name().in(locale));
        model.addAttribute("chosenIndicator", indicator);
        var busiest = observations.busiestComparisons(null, OFFERED);
        Map<String, String> names = new java.util.HashMap<>();
        indicators.all().forEach(i -> names.put(i.code(), i.name().in(locale)));
        var scopes = regions.byCodes(busiest.stream().map(Observations.Busiest::scopeCode).toList());
        List<Offer> offers = busiest.stream().map(b -> new Offer(b.indicatorCode(), b.level().name(), b.scopeCode(),
                Integer.toString(b.year()), b.regions(), names.getOrDefault(b.indicatorCode(), b.indicatorCode()),
                msg("level." + b.level().name(), locale),
                scopes.containsKey(b.scopeCode()) ? scopes.get(b.scopeCode()).name().in(locale) : b.scopeCode())).toList();
        model.addAttribute("offers", offers);
        model.addAttribute("thin", true);
        return "progress/compare";
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static RegionLevel level(String code) {
        try {
            return RegionLevel.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("region level", code);
        }
    }
}
