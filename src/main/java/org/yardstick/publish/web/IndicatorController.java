package org.yardstick.publish.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yardstick.aggregation.AggregateFigure;
import org.yardstick.aggregation.Aggregates;
import org.yardstick.framework.Disaggregation;
import org.yardstick.framework.Disaggregations;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.Targets;
import org.yardstick.observation.Measure;
import org.yardstick.observation.Observation;
import org.yardstick.observation.Observations;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.shared.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/** The indicator catalogue and one indicator's page: its series, targets and the quotes behind them. */
@Controller
class IndicatorController {

    private final Indicators indicators;
    private final Observations observations;
    private final Targets targets;
    private final Regions regions;
    private final Disaggregations disaggregations;
    private final Plans plans;
    private final JsonMapper json;
    private final Aggregates aggregates;
    private final MessageSource messages;

    IndicatorController(Indicators indicators, Observations observations, Targets targets, Regions regions,
                        Disaggregations disaggregations, Plans plans, JsonMapper json, Aggregates aggregates,
                        MessageSource messages) {
        this.aggregates = aggregates;
        this.messages = messages;
        this.indicators = indicators;
        this.observations = observations;
        this.targets = targets;
        this.regions = regions;
        this.disaggregations = disaggregations;
        this.plans = plans;
        this.json = json;
    }

    @GetMapping("/indicators")
    String list(Model model) {
        model.addAttribute("indicators", indicators.all());
        return "publish/indicators";
    }

    @GetMapping("/indicators/{code}")
    String indicator(@PathVariable String code, @RequestParam(required = false) @Nullable String region,
                     @RequestParam(required = false) @Nullable String year, Model model, Locale locale) {
        Indicator indicator = indicators.get(code);
        // the map's year when the address names one (?year=2023); the map opens on the latest otherwise
        model.addAttribute("mapYear", year != null && year.matches("\\d{4}") ? year : null);
        List<Observation> all = observations.approvedOfIndicator(code);
        List<Target> indicatorTargets = targets.ofIndicator(code);

        // regions that have figures or targets for this indicator; by default the first with figures
        Set<String> regionCodes = new LinkedHashSet<>();
        all.forEach(o -> regionCodes.add(o.regionCode()));
        indicatorTargets.forEach(t -> regionCodes.add(t.regionCode()));
        regionCodes.addAll(aggregates.regionsOf(code));
        String chosen = region != null ? region : regionCodes.stream().findFirst().orElse(null);
        Region chosenRegion = null;
        if (chosen != null) {
            chosenRegion = regions.find(chosen).orElseThrow(() -> new NotFoundException("region", chosen));
        }
        Map<String, Region> regionsByCode = new LinkedHashMap<>();
        for (String c : regionCodes) {
            regions.find(c).ifPresent(r -> regionsByCode.put(c, r));
        }
        Map<String, Disaggregation> breakdowns = new LinkedHashMap<>();
        disaggregations.all().forEach(d -> breakdowns.put(d.code(), d));
        Map<Long, String> planCodes = new LinkedHashMap<>();
        plans.all().forEach(p -> planCodes.put(p.id(), p.code()));

        model.addAttribute("indicator", indicator);
        model.addAttribute("observations", all);
        model.addAttribute("targets", indicatorTargets);
        model.addAttribute("regions", regionsByCode);
        model.addAttribute("region", chosenRegion);
        model.addAttribute("breakdowns", breakdowns);
        model.addAttribute("planCodes", planCodes);
        Map<String, Object> chart = chosenRegion == null ? null
                : chart(indicator, chosenRegion, all, aggregates.series(code, chosenRegion.code()), indicatorTargets, breakdowns,
                        locale);
        boolean empty = chart == null || (((List<?>) chart.get("series")).isEmpty() && ((List<?>) chart.get("targets")).isEmpty());
        // one period only: a chart would say nothing a sentence does not (issue 15)
        boolean onePeriod = !empty && chart.get("axis") == null;
        model.addAttribute("chart", empty || onePeriod ? null : json.writeValueAsString(chart));
        model.addAttribute("onePeriod", onePeriod ? single(chart) : null);
        return "publish/indicator";
    }

    /**
     * The chart's data: one line per breakdown of the chosen region's levels, and the targets that
     * name a level, as points at their target year.
     */
    private Map<String, Object> chart(Indicator indicator, Region region, List<Observation> all, List<AggregateFigure> computed,
                                      List<Target> ts, Map<String, Disaggregation> breakdowns, Locale locale) {
        Map<String, List<List<Object>>> lines = new LinkedHashMap<>();
        for (Observation o : all) {
            if (o.regionCode().equals(region.code()) && o.measure() == Measure.LEVEL) {
                Disaggregation d = breakdowns.get(o.disaggregationCode());
                String name = d == null ? o.disaggregationCode() : d.name().in(locale);
                lines.computeIfAbsent(name, k -> new ArrayList<>()).add(List.of(o.period().code(), o.value()));
            }
        }
        // the region's computed figures (汇总值), a line of their own beside what it reported
        String computedName = messages.getMessage("computed.aggregate", null, locale);
        for (AggregateFigure a : computed) {
            if (!a.withheld() && a.period().type() == org.yardstick.shared.Period.Type.YEAR) {
                lines.computeIfAbsent(computedName, k -> new ArrayList<>()).add(List.of(a.period().code(), a.value()));
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        lines.forEach((name, points) -> series.add(Map.of("name", name, "points", points)));
        List<Map<String, Object>> targetPoints = new ArrayList<>();
        for (Target t : ts) {
            BigDecimal level = levelOf(t);
            if (t.regionCode().equals(region.code()) && level != null) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("period", Integer.toString(t.targetYear()));
                p.put("value", level);
                p.put("high", t.valueHigh());
                p.put("label", t.statement().in(locale));
                targetPoints.add(p);
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("unit", indicator.unit().in(locale));
        chart.put("series", series);
        chart.put("targets", targetPoints);
        // the time axis runs over the periods shown and no further; none when there is one period only
        List<Object> periods = new ArrayList<>();
        lines.values().forEach(ps -> ps.forEach(p -> periods.add(p.get(0))));
        targetPoints.forEach(p -> periods.add(p.get("period")));
        chart.put("axis", org.yardstick.web.ChartAxis.of(periods));
        return chart;
    }

    /** The one period a chart would show, and what it shows then: "2016: 59.8 (全区)". */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> single(Map<String, Object> chart) {
        Map<String, Object> one = new LinkedHashMap<>();
        List<String> values = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) chart.get("series")) {
            for (List<Object> p : (List<List<Object>>) s.get("points")) {
                one.putIfAbsent("period", p.get(0));
                values.add(s.get("name") + " " + new BigDecimal(p.get(1).toString()).stripTrailingZeros().toPlainString());
            }
        }
        for (Map<String, Object> t : (List<Map<String, Object>>) chart.get("targets")) {
            one.putIfAbsent("period", t.get("period"));
            values.add(String.valueOf(t.get("label")));
        }
        one.put("values", String.join("; ", values));
        return one;
    }

    /** The level a target names directly, if its kind names one. */
    private static @Nullable BigDecimal levelOf(Target t) {
        return switch (t.kind()) {
            case VALUE, AT_LEAST, AT_MOST, RANGE, COUNT -> t.value();
            default -> null;
        };
    }
}
