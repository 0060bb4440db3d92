package org.yardstick.publish.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.aggregation.Aggregates;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Targets;
import org.yardstick.observation.Observation;
import org.yardstick.observation.Observations;
import org.yardstick.progress.Progress;
import org.yardstick.progress.ProgressText;
import org.yardstick.publish.api.ApiModels.IndicatorDetail;
import org.yardstick.publish.api.ApiModels.IndicatorSummary;
import org.yardstick.publish.api.ApiModels.ObservationView;
import org.yardstick.publish.api.ApiModels.PlanSummary;
import org.yardstick.publish.api.ApiModels.RegionDetail;
import org.yardstick.publish.api.ApiModels.RegionRef;
import org.yardstick.publish.api.ApiModels.TargetView;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.shared.LocalizedText;

/**
 * The public read API (公开数据接口): plans, their targets with progress, indicators, regions and the
 * approved figures with their sources. Versioned under {@code /api/v1/}; described at
 * {@code /v3/api-docs}.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "public", description = "Published plans, indicators, regions and approved figures")
class PublicApi {

    private final Plans plans;
    private final Targets targets;
    private final Indicators indicators;
    private final Regions regions;
    private final Observations observations;
    private final Progress progress;
    private final ProgressText text;
    private final Aggregates aggregates;

    PublicApi(Plans plans, Targets targets, Indicators indicators, Regions regions, Observations observations,
              Progress progress, ProgressText text, Aggregates aggregates) {
        this.aggregates = aggregates;
        this.plans = plans;
        this.targets = targets;
        this.indicators = indicators;
        this.regions = regions;
        this.observations = observations;
        this.progress = progress;
        this.text = text;
    }

    record PlanDetail(PlanSummary plan, List<String> indicators, List<TargetView> targets) {}

    @GetMapping("/plans")
    @Operation(summary = "All plans")
    List<PlanSummary> plans() {
        List<Plan> all = plans.all();
        Map<Long, Region> byId = regions.byIds(all.stream().map(Plan::regionId).distinct().toList());
        return all.stream().map(p -> PlanSummary.of(p, byId.get(p.regionId()))).toList();
    }

    @GetMapping("/plans/{code}")
    @Operation(summary = "A plan with the indicators it monitors and its targets, each with its progress")
    PlanDetail plan(@PathVariable String code) {
        Plan p = plans.get(code);
        Region r = regions.find(p.regionId()).orElseThrow();
        List<TargetView> views = progress.ofPlan(p).stream()
                .map(tp -> TargetView.of(p.code(), tp.target(), ApiModels.progress(tp.assessment(), this::both)))
                .toList();
        return new PlanDetail(PlanSummary.of(p, r), plans.indicatorCodes(p), views);
    }

    @GetMapping("/indicators")
    @Operation(summary = "The indicator catalogue")
    List<IndicatorSummary> indicators() {
        return indicators.all().stream().map(IndicatorSummary::of).toList();
    }

    @GetMapping("/indicators/{code}")
    @Operation(summary = "An indicator with every target set for it")
    IndicatorDetail indicator(@PathVariable String code) {
        Indicator i = indicators.get(code);
        Map<Long, String> planCodes = new HashMap<>();
        plans.all().forEach(p -> planCodes.put(p.id(), p.code()));
        List<TargetView> ts = targets.ofIndicator(code).stream()
                .map(t -> TargetView.of(planCodes.get(t.planId()), t, null)).toList();
        return new IndicatorDetail(IndicatorSummary.of(i), i.description(), i.numeratorCode(), i.denominatorCode(),
                i.formula(), ts);
    }

    @GetMapping("/indicators/{code}/observations")
    @Operation(summary = "The approved figures of an indicator, optionally for one region")
    List<ObservationView> indicatorObservations(
            @PathVariable String code,
            @Parameter(description = "region code, e.g. 65") @RequestParam(required = false) @Nullable String region) {
        indicators.get(code);
        if (region != null) {
            regions.get(region);
        }
        return observations.approvedOfIndicator(code).stream()
                .filter(o -> region == null || o.regionCode().equals(region))
                .map(ObservationView::of).toList();
    }

    @GetMapping("/indicators/{code}/computed")
    @Operation(summary = "The computed figures (汇总值) of an indicator in a region: aggregates of its sub-regions' approved "
            + "figures, years made from quarters or months, or a derived indicator's values, with their coverage; a withheld "
            + "one has no value; where the region reported the period itself, its figure (which counts), the difference "
            + "(统计口径差异) and whether it exceeds the indicator's threshold")
    List<ApiModels.ComputedView> indicatorComputed(
            @PathVariable String code,
            @Parameter(description = "region code, e.g. 6501") @RequestParam String region) {
        indicators.get(code);
        regions.get(region);
        Map<String, BigDecimal> reported = new HashMap<>();
        observations.approvedSeries(code, region).stream().filter(o -> o.measure() == org.yardstick.observation.Measure.LEVEL)
                .forEach(o -> reported.put(o.period().code(), o.value()));
        return aggregates.series(code, region).stream().map(a -> ApiModels.ComputedView.of(a, reported.get(a.period().code()))).toList();
    }

    @GetMapping("/regions")
    @Operation(summary = "The regions directly under a region (default: the top of the hierarchy)")
    List<RegionRef> regions(@Parameter(description = "parent region code, e.g. CN or 65")
                            @RequestParam(required = false) @Nullable String parent) {
        List<Region> list = parent == null ? regions.roots() : regions.children(regions.get(parent));
        return list.stream().map(RegionRef::of).toList();
    }

    @GetMapping("/regions/{code}")
    @Operation(summary = "A region with its ancestors and subdivisions")
    RegionDetail region(@PathVariable String code) {
        Region r = regions.get(code);
        return new RegionDetail(r.code(), r.name(), r.level().name().toLowerCase(Locale.ROOT), r.official(),
                regions.ancestors(r).stream().map(RegionRef::of).toList(),
                regions.children(r).stream().map(RegionRef::of).toList());
    }

    @GetMapping("/regions/{code}/observations")
    @Operation(summary = "Every approved figure of a region")
    List<ObservationView> regionObservations(@PathVariable String code) {
        regions.get(code);
        List<Observation> all = observations.approvedOfRegion(code);
        return all.stream().map(ObservationView::of).toList();
    }

    private LocalizedText both(org.yardstick.progress.rules.Message m) {
        return LocalizedText.of(text.of(m, Locale.SIMPLIFIED_CHINESE), text.of(m, Locale.ENGLISH));
    }
}
