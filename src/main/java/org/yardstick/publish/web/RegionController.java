package org.yardstick.publish.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yardstick.aggregation.AggregateFigure;
import org.yardstick.aggregation.Aggregates;
import org.yardstick.framework.Disaggregation;
import org.yardstick.framework.Disaggregations;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Targets;
import org.yardstick.observation.Measure;
import org.yardstick.observation.Observation;
import org.yardstick.observation.Observations;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.shared.NotFoundException;

/** Regions: the hierarchy, and every figure and target known for one region. */
@Controller
class RegionController {

    private final Regions regions;
    private final Observations observations;
    private final Indicators indicators;
    private final Targets targets;
    private final Plans plans;
    private final Disaggregations disaggregations;

    private final Aggregates aggregates;

    RegionController(Regions regions, Observations observations, Indicators indicators, Targets targets, Plans plans,
                     Disaggregations disaggregations, Aggregates aggregates) {
        this.aggregates = aggregates;
        this.regions = regions;
        this.observations = observations;
        this.indicators = indicators;
        this.targets = targets;
        this.plans = plans;
        this.disaggregations = disaggregations;
    }

    @GetMapping("/regions")
    String list(Model model) {
        return region("CN", model);
    }

    @GetMapping("/regions/{code}")
    String region(@PathVariable String code, Model model) {
        Region region = regions.get(code);
        List<Observation> figures = observations.approvedOfRegion(code);
        List<AggregateFigure> computed = aggregates.ofRegion(code);
        Map<String, Indicator> used = indicators.byCodes(figures.stream().map(Observation::indicatorCode).distinct().toList());
        used.putAll(indicators.byCodes(computed.stream().map(AggregateFigure::indicatorCode).distinct().toList()));
        var regionTargets = targets.ofRegion(code);
        used.putAll(indicators.byCodes(regionTargets.stream().map(t -> t.indicatorCode())
                .filter(c -> c != null).distinct().toList()));
        Map<String, Disaggregation> breakdowns = new LinkedHashMap<>();
        disaggregations.all().forEach(d -> breakdowns.put(d.code(), d));
        Map<Long, String> planCodes = new LinkedHashMap<>();
        plans.all().forEach(p -> planCodes.put(p.id(), p.code()));
        model.addAttribute("region", region);
        model.addAttribute("ancestors", regions.ancestors(region));
        model.addAttribute("children", regions.children(region));
        model.addAttribute("plans", plans.forRegion(region.id()));
        model.addAttribute("figures", figures);
        model.addAttribute("computed", computed);
        Map<String, BigDecimal> reportedTotals = new HashMap<>();
        figures.stream().filter(o -> o.disaggregationCode().equals("_T") && o.measure() == Measure.LEVEL)
                .forEach(o -> reportedTotals.put(o.indicatorCode() + "|" + o.period().code(), o.value()));
        model.addAttribute("reportedTotals", reportedTotals);
        model.addAttribute("targets", regionTargets);
        model.addAttribute("indicators", used);
        model.addAttribute("breakdowns", breakdowns);
        model.addAttribute("planCodes", planCodes);
        return "publish/region";
    }

    /** A computed figure (汇总值) and what it rests on: the region's sub-regions with their figures or none. */
    @GetMapping("/regions/{code}/computed/{indicator}/{period}")
    String computed(@PathVariable String code, @PathVariable String indicator, @PathVariable String period, Model model) {
        Region region = regions.get(code);
        Indicator i = indicators.get(indicator);
        AggregateFigure figure = aggregates.find(indicator, code, period)
                .orElseThrow(() -> new NotFoundException("computed figure", indicator + " " + code + " " + period));
        model.addAttribute("region", region);
        model.addAttribute("ancestors", regions.ancestors(region));
        model.addAttribute("indicator", i);
        model.addAttribute("figure", figure);
        model.addAttribute("reported", observations.approvedSeries(indicator, code).stream()
                .filter(o -> o.period().code().equals(period)).findFirst().orElse(null));
        model.addAttribute("inputs", aggregates.inputs(indicator, code, period));
        model.addAttribute("categories", aggregates.categories(indicator, code, period));
        Map<String, Disaggregation> breakdowns = new LinkedHashMap<>();
        disaggregations.all().forEach(d -> breakdowns.put(d.code(), d));
        model.addAttribute("breakdowns", breakdowns);
        return "publish/computed";
    }
}
