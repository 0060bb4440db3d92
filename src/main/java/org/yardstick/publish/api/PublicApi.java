package org.yardstick.publish.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.aggregation.Aggregates;
import org.yardstick.framework.Disaggregation;
import org.yardstick.framework.Disaggregations;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Targets;
import org.yardstick.observation.Measure;
import org.yardstick.observation.Observations;
import org.yardstick.progress.Progress;
import org.yardstick.progress.ProgressText;
import org.yardstick.progress.rules.Status;
import org.yardstick.publish.api.ApiModels.IndicatorDetail;
import org.yardstick.publish.api.ApiModels.IndicatorSummary;
import org.yardstick.publish.api.ApiModels.ObservationView;
import org.yardstick.publish.api.ApiModels.PlanSummary;
import org.yardstick.publish.api.ApiModels.RegionDetail;
import org.yardstick.publish.api.ApiModels.RegionRef;
import org.yardstick.publish.api.ApiModels.TargetView;
import org.yardstick.publish.api.ApiModels.TaskView;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.LocalizedText;
import org.yardstick.supervision.ItemStatus;
import org.yardstick.supervision.Items;
import org.yardstick.web.ApiQuery;

/**
 * The public read API (公开数据接口): plans, their targets with progress, the supervision status of their
 * tasks, indicators, regions and the approved figures with their sources. Versioned under
 * {@code /api/v1/}; described at {@code /v3/api-docs}. Every list is paged ({@code page}, {@code size} ≤
 * {@value ApiQuery#MAX_SIZE}) in a stable order, with {@code Link} and {@code X-Total-Count}, and takes
 * {@code fields=}; every answer carries an ETag from its content.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "public", description = "Published plans, targets, tasks, indicators, regions and approved figures: "
        + "anonymous reads, paged, filtered, with ETags; anonymous clients are rate-limited")
class PublicApi {

    /** The parameters of every list: the page, its size and the fields of each item. */
    record ListParams(@Parameter(description = "page number, from 1", example = "1") @Nullable String page,
                      @Parameter(description = "page size, at most 1000 (the default)", example = "100") @Nullable String size,
                      @Parameter(description = "comma-separated fields of each item, e.g. code,name; all when absent")
                      @Nullable String fields) {
        ApiQuery.Reading reading(Class<? extends Record> type, List<InputProblem> problems) {
            return ApiQuery.reading(page, size, fields, type, problems);
        }
    }
    private static final String PERIOD = "a year or a range of years, e.g. 2020 or 2018..2023 (ends may be open: 2018..)";
    private static final String LIST_HEADERS = "one page, in a stable order; headers Link (first, prev, next, last), "
            + "X-Total-Count, ETag, X-RateLimit-Limit/-Remaining/-Reset";

    private final Plans plans;
    private final Targets targets;
    private final Indicators indicators;
    private final Regions regions;
    private final Observations observations;
    private final Progress progress;
    private final ProgressText text;
    private final Aggregates aggregates;
    private final Disaggregations breakdowns;
    private final Items items;

    /** A region's ETag is the digest of what a writer changes (RegionsApi's If-Match takes it). */
    private final org.yardstick.region.RegionAuthoring regionStates;

    PublicApi(Plans plans, Targets targets, Indicators indicators, Regions regions, Observations observations,
              Progress progress, ProgressText text, Aggregates aggregates, Disaggregations breakdowns, Items items,
              org.yardstick.region.RegionAuthoring regionStates) {
        this.regionStates = regionStates;
        this.aggregates = aggregates;
        this.plans = plans;
        this.targets = targets;
        this.indicators = indicators;
        this.regions = regions;
        this.observations = observations;
        this.progress = progress;
        this.text = text;
        this.breakdowns = breakdowns;
        this.items = items;
    }

    record PlanDetail(PlanSummary plan, List<String> indicators, List<TargetView> targets) {}

    @GetMapping("/plans")
    @Operation(summary = "All plans", description = LIST_HEADERS)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            value = """
                    [{"code": "xj-info-13fyp", "name": {"zh": "新疆维吾尔自治区“十三五”信息化发展规划", "en": "…"},
                      "region": {"code": "65", "name": {"zh": "新疆维吾尔自治区", "en": "Xinjiang"}, "level": "province"},
                      "startYear": 2016, "endYear": 2020, "baselineYear": 2015}]""")))
    @ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_PARAMETER)
    @ApiResponse(responseCode = "429", ref = OpenApiDocument.RATE_LIMITED)
    ResponseEntity<List<?>> plans(
            @ParameterObject ListParams list, HttpServletRequest request) {
        List<InputProblem> problems = new ArrayList<>();
        ApiQuery.Reading r = list.reading(PlanSummary.class, problems);
        ApiQuery.refuse(problems);
        List<Plan> all = plans.all();
        Map<Long, Region> byId = regions.byIds(all.stream().map(Plan::regionId).distinct().toList());
        return ApiQuery.answer(all.stream().map(x -> PlanSummary.of(x, byId.get(x.regionId()))).toList(), r, request);
    }

    @GetMapping("/plans/{code}")
    @Operation(summary = "A plan with the indicators it monitors and its targets, each with its progress")
    ResponseEntity<PlanDetail> plan(@PathVariable String code) {
        Plan p = plans.get(code);
        Region r = regions.find(p.regionId()).orElseThrow();
        return ResponseEntity.ok().cacheControl(ApiQuery.PUBLIC)
                .body(new PlanDetail(PlanSummary.of(p, r), plans.indicatorCodes(p), targetViews(p)));
    }

    private List<TargetView> targetViews(Plan p) {
        return progress.ofPlan(p).stream()
                .map(tp -> TargetView.of(p.code(), tp.target(), ApiModels.progress(tp.assessment(), this::both)))
                .toList();
    }

    @GetMapping("/plans/{code}/targets")
    @Operation(summary = "A plan's targets with their progress, filtered by status, indicator and target year",
            description = LIST_HEADERS)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            value = """
                    [{"code": "T3", "indicator": "IIDI", "targetYear": 2020, "value": 68.0,
                      "progress": {"status": "cannot_be_judged", "asOfYear": 2016, "progressPercent": 43.9}}]""")))
    @ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_PARAMETER)
    @ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
    ResponseEntity<List<?>> planTargets(
            @PathVariable String code,
            @Parameter(description = "progress status, e.g. on_track, at_risk, achieved") @RequestParam(required = false)
            @Nullable String status,
            @Parameter(description = "indicator code") @RequestParam(required = false) @Nullable String indicator,
            @Parameter(description = "target year or range, e.g. 2020 or 2018..2025") @RequestParam(required = false)
            @Nullable String period,
            @ParameterObject ListParams list, HttpServletRequest request) {
        Plan plan = plans.get(code);
        List<InputProblem> problems = new ArrayList<>();
        ApiQuery.Reading r = list.reading(TargetView.class, problems);
        ApiQuery.oneOf("status", status, lowerNames(Status.values()), problems);
        ApiQuery.oneOf("indicator", indicator, new LinkedHashSet<>(plans.indicatorCodes(plan)), problems);
        ApiQuery.Years years = ApiQuery.years(period, problems);
        ApiQuery.refuse(problems);
        List<TargetView> shown = targetViews(plan).stream()
                .filter(t -> status == null || status.isBlank() || (t.progress() != null && t.progress().status().equals(status)))
                .filter(t -> indicator == null || indicator.isBlank() || indicator.equals(t.indicator()))
                .filter(t -> years == null || years.contains(t.targetYear()))
                .toList();
        return ApiQuery.answer(shown, r, request);
    }

    @GetMapping("/plans/{code}/tasks")
    @Operation(summary = "The supervision status (督查督办) of a plan's tasks and key projects",
            description = "Public fields only: what the task is, which units (organisations) lead and share it, its "
                    + "dates, its status on today's date, and the progress of its lead unit's latest report. No people, "
                    + "no report texts. " + LIST_HEADERS)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            value = """
                    [{"plan": "xj-info-13fyp", "kind": "task", "code": "R1", "title": {"zh": "…", "en": "…"},
                      "lead": {"code": "xj-dit", "name": {"zh": "自治区工业和信息化厅", "en": "…"}}, "coUnits": [],
                      "start": "2016-01-01", "deadline": "2020-12-31", "completedOn": null, "status": "overdue",
                      "latestProgress": 80, "latestPeriod": "2020Q4", "targets": ["T3"]}]""")))
    @ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_PARAMETER)
    @ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
    ResponseEntity<List<?>> planTasks(
            @PathVariable String code,
            @Parameter(description = "not_started, in_progress, due_soon, overdue, completed, completed_late")
            @RequestParam(required = false) @Nullable String status,
            @Parameter(description = "task or key_project") @RequestParam(required = false) @Nullable String kind,
            @ParameterObject ListParams list, HttpServletRequest request) {
        Plan plan = plans.get(code);
        List<InputProblem> problems = new ArrayList<>();
        ApiQuery.Reading r = list.reading(TaskView.class, problems);
        ApiQuery.oneOf("status", status, lowerNames(ItemStatus.values()), problems);
        ApiQuery.oneOf("kind", kind, lowerNames(org.yardstick.supervision.ItemKind.values()), problems);
        ApiQuery.refuse(problems);
        var today = items.today();
        int dueSoon = items.dueSoonDays();
        List<TaskView> shown = items.all().stream().filter(i -> i.planCode().equals(plan.code()))
                .map(i -> TaskView.of(i, i.status(today, dueSoon)))
                .filter(t -> status == null || status.isBlank() || t.status().equals(status))
                .filter(t -> kind == null || kind.isBlank() || t.kind().equals(kind))
                .toList();
        return ApiQuery.answer(shown, r, request);
    }

    @GetMapping("/indicators")
    @Operation(summary = "The indicator catalogue", description = LIST_HEADERS)
    @ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_PARAMETER)
    ResponseEntity<List<?>> indicators(
            @ParameterObject ListParams list, HttpServletRequest request) {
        List<InputProblem> problems = new ArrayList<>();
        ApiQuery.Reading r = list.reading(IndicatorSummary.class, problems);
        ApiQuery.refuse(problems);
        return ApiQuery.answer(indicators.all().stream().map(IndicatorSummary::of).toList(), r, request);
    }

    @GetMapping("/indicators/{code}")
    @Operation(summary = "An indicator with every target set for it")
    ResponseEntity<IndicatorDetail> indicator(@PathVariable String code) {
        Indicator i = indicators.get(code);
        Map<Long, String> planCodes = new HashMap<>();
        plans.all().forEach(p -> planCodes.put(p.id(), p.code()));
        List<TargetView> ts = targets.ofIndicator(code).stream()
                .map(t -> TargetView.of(planCodes.get(t.planId()), t, null)).toList();
        return ResponseEntity.ok().cacheControl(ApiQuery.PUBLIC).body(new IndicatorDetail(IndicatorSummary.of(i),
                i.description(), i.numeratorCode(), i.denominatorCode(), i.formula(), ts));
    }

    @GetMapping("/indicators/{code}/observations")
    @Operation(summary = "The approved figures of an indicator, filtered by region (or its subtree), level, period "
            + "and breakdown", description = "Ordered by region, breakdown, measure and period. " + LIST_HEADERS)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            value = """
                    [{"indicator": "IIDI", "region": "65", "period": "2015", "disaggregation": "_T", "measure": "level",
                      "basePeriod": null, "value": 56.96, "qualifier": "exact", "qualifierText": "",
                      "sources": [{"document": "xj-info-13fyp", "line": 41, "quote": "…"}]}]""")))
    @ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_PARAMETER)
    @ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "406", ref = OpenApiDocument.NOT_ACCEPTABLE)
    @ApiResponse(responseCode = "429", ref = OpenApiDocument.RATE_LIMITED)
    ResponseEntity<List<?>> indicatorObservations(
            @PathVariable String code,
            @Parameter(description = "region code, e.g. 65") @RequestParam(required = false) @Nullable String region,
            @Parameter(description = "true: the region and every region under it") @RequestParam(required = false)
            @Nullable String descendants,
            @Parameter(description = "only regions of this level: province, prefecture, county, …")
            @RequestParam(required = false) @Nullable String level,
            @Parameter(description = PERIOD) @RequestParam(required = false) @Nullable String period,
            @Parameter(description = "breakdown (分组) code, e.g. _T for the total") @RequestParam(required = false)
            @Nullable String breakdown,
            @ParameterObject ListParams list, HttpServletRequest request) {
        indicators.get(code);
        Filter filter = filter(region, descendants, level, period, breakdown, list);
        return filter.answer(code, null, Observations.FigureOrder.BY_REGION, request);
    }

    @GetMapping("/indicators/{code}/computed")
    @Operation(summary = "The computed figures (汇总值) of an indicator in a region: aggregates of its sub-regions' approved "
            + "figures, years made from quarters or months, or a derived indicator's values, with their coverage; a withheld "
            + "one has no value; where the region reported the period itself, its figure (which counts), the difference "
            + "(统计口径差异) and whether it exceeds the indicator's threshold", description = LIST_HEADERS)
    @ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_PARAMETER)
    @ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
    ResponseEntity<List<?>> indicatorComputed(
            @PathVariable String code,
            @Parameter(description = "region code, e.g. 6501") @RequestParam String region,
            @Parameter(description = PERIOD) @RequestParam(required = false) @Nullable String period,
            @Parameter(description = "_T (default): the totals; a category code (urban, urban+large): that category rolled up "
                    + "from the sub-regions' figures of it (分组汇总值); all: the totals and every category")
            @RequestParam(required = false) @Nullable String breakdown,
            @ParameterObject ListParams list, HttpServletRequest request) {
        indicators.get(code);
        regions.get(region);
        List<InputProblem> problems = new ArrayList<>();
        ApiQuery.Reading r = list.reading(ApiModels.ComputedView.class, problems);
        ApiQuery.Years years = ApiQuery.years(period, problems);
        String chosen = breakdown == null || breakdown.isBlank() ? "_T" : breakdown.strip();
        if (!chosen.equals("_T") && !chosen.equals("all") && breakdowns.all().stream().noneMatch(d -> d.code().equals(chosen))) {
            problems.add(ApiQuery.problem("breakdown", chosen, org.yardstick.shared.FileProblem.NOT_ONE_OF,
                    "_T, all or a breakdown code"));
        }
        ApiQuery.refuse(problems);
        List<ApiModels.ComputedView> out = new ArrayList<>();
        if (chosen.equals("_T") || chosen.equals("all")) {
            Map<String, BigDecimal> reported = new HashMap<>();
            observations.approvedSeries(code, region).stream().filter(o -> o.measure() == Measure.LEVEL)
                    .forEach(o -> reported.put(o.period().code(), o.value()));
            aggregates.series(code, region).stream()
                    .filter(a -> years == null || years.contains(a.period().year()))
                    .forEach(a -> out.add(ApiModels.ComputedView.of(a, reported.get(a.period().code()))));
        }
        if (!chosen.equals("_T")) {
            Map<String, Map<String, BigDecimal>> reported = new HashMap<>();
            for (var c : aggregates.categoriesOf(code, List.of(region))) {
                if ((chosen.equals("all") || c.breakdown().equals(chosen))
                        && (years == null || years.contains(c.figure().period().year()))) {
                    BigDecimal own = reported.computeIfAbsent(c.breakdown(), b -> {
                        Map<String, BigDecimal> byPeriod = new HashMap<>();
                        observations.approvedSeries(code, region, b).forEach(o -> byPeriod.put(o.period().code(), o.value()));
                        return byPeriod;
                    }).get(c.figure().period().code());
                    out.add(ApiModels.ComputedView.of(c.figure(), c.breakdown(), own));
                }
            }
        }
        return ApiQuery.answer(out, r, request);
    }

    @GetMapping("/regions")
    @Operation(summary = "The regions directly under a region (default: the top of the hierarchy)", description = LIST_HEADERS)
    @ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_PARAMETER)
    @ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
    ResponseEntity<List<?>> regions(
            @Parameter(description = "parent region code, e.g. CN or 65") @RequestParam(required = false) @Nullable String parent,
            @ParameterObject ListParams list, HttpServletRequest request) {
        List<InputProblem> problems = new ArrayList<>();
        ApiQuery.Reading r = list.reading(RegionRef.class, problems);
        ApiQuery.refuse(problems);
        List<Region> shown = parent == null ? regions.roots() : regions.children(regions.get(parent));
        return ApiQuery.answer(shown.stream().map(RegionRef::of).toList(), r, request);
    }

    @GetMapping("/regions/{code}")
    @Operation(summary = "A region with its ancestors and subdivisions")
    ResponseEntity<RegionDetail> region(@PathVariable String code) {
        Region r = regions.get(code);
        return ResponseEntity.ok().cacheControl(ApiQuery.PUBLIC).eTag(org.yardstick.web.ETags.ofContent(regionStates.state(r)))
                .body(new RegionDetail(r.code(), r.name(),
                r.level().name().toLowerCase(Locale.ROOT), r.official(),
                regions.ancestors(r).stream().map(RegionRef::of).toList(),
                regions.children(r).stream().map(RegionRef::of).toList()));
    }

    @GetMapping("/regions/{code}/observations")
    @Operation(summary = "Every approved figure of a region, filtered by indicator, period and breakdown",
            description = "Ordered by indicator, measure, period and breakdown (the total first). " + LIST_HEADERS)
    @ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_PARAMETER)
    @ApiResponse(responseCode = "404", ref = OpenApiDocument.NOT_FOUND)
    ResponseEntity<List<?>> regionObservations(
            @PathVariable String code,
            @Parameter(description = "indicator code") @RequestParam(required = false) @Nullable String indicator,
            @Parameter(description = PERIOD) @RequestParam(required = false) @Nullable String period,
            @Parameter(description = "breakdown (分组) code, e.g. _T for the total") @RequestParam(required = false)
            @Nullable String breakdown,
            @ParameterObject ListParams list, HttpServletRequest request) {
        regions.get(code);
        Filter filter = filter(null, null, null, period, breakdown, list);
        List<InputProblem> problems = new ArrayList<>();
        if (indicator != null && !indicator.isBlank() && indicators.find(indicator).isEmpty()) {
            problems.add(ApiQuery.problem("indicator", indicator, org.yardstick.shared.FileProblem.NOT_ONE_OF,
                    "the codes of GET /api/v1/indicators"));
        }
        ApiQuery.refuse(problems);
        return filter.answer(indicator == null || indicator.isBlank() ? null : indicator, regions.get(code),
                Observations.FigureOrder.BY_INDICATOR, request);
    }

    /** The filters of a list of figures, read and checked together. */
    private final class Filter {
        final ApiQuery.Reading reading;
        final @Nullable Region region;
        final boolean subtree;
        final @Nullable RegionLevel level;
        final ApiQuery.@Nullable Years years;
        final @Nullable String breakdown;

        Filter(ApiQuery.Reading reading, @Nullable Region region, boolean subtree,
               @Nullable RegionLevel level, ApiQuery.@Nullable Years years, @Nullable String breakdown) {
            this.reading = reading;
            this.region = region;
            this.subtree = subtree;
            this.level = level;
            this.years = years;
            this.breakdown = breakdown;
        }

        /** One page of the figures of an indicator and/or in a region, filtered, ordered and cut by the database. */
        ResponseEntity<List<?>> answer(@Nullable String indicator, @Nullable Region in, Observations.FigureOrder order,
                                       HttpServletRequest request) {
            Region scope = in != null ? in : region;
            var f = new Observations.FigureFilter(indicator, scope, in == null && subtree, level,
                    years == null ? null : years.from(), years == null ? null : years.to(), breakdown);
            var page = observations.approvedPage(f, order, ApiQuery.offset(reading.page()), reading.page().size());
            return ApiQuery.answerPage(page.figures().stream().map(ObservationView::of).toList(), page.total(), reading,
                    request);
        }
    }

    private Filter filter(@Nullable String region, @Nullable String descendants, @Nullable String level,
                          @Nullable String period, @Nullable String breakdown, ListParams list) {
        List<InputProblem> problems = new ArrayList<>();
        ApiQuery.Reading r = list.reading(ObservationView.class, problems);
        ApiQuery.Years years = ApiQuery.years(period, problems);
        Region scope = null;
        if (region != null && !region.isBlank()) {
            scope = regions.find(region).orElse(null);
            if (scope == null) {
                problems.add(ApiQuery.problem("region", region, org.yardstick.shared.FileProblem.NOT_ONE_OF,
                        "the codes of GET /api/v1/regions"));
            }
        }
        ApiQuery.oneOf("descendants", descendants, Set.of("true", "false"), problems);
        boolean subtree = "true".equals(descendants);
        if (subtree && (region == null || region.isBlank())) {
            problems.add(ApiQuery.problem("descendants", descendants, org.yardstick.shared.FileProblem.MISSING_FIELD));
        }
        ApiQuery.oneOf("level", level, lowerNames(RegionLevel.values()), problems);
        RegionLevel l = level == null || level.isBlank() || problems.stream().anyMatch(q -> q.field().equals("level"))
                ? null : RegionLevel.valueOf(level.toUpperCase(Locale.ROOT));
        String b = breakdown == null || breakdown.isBlank() ? null : breakdown;
        if (b != null) {
            ApiQuery.oneOf("breakdown", b, breakdowns.all().stream().map(Disaggregation::code)
                    .collect(Collectors.toCollection(LinkedHashSet::new)), problems);
        }
        ApiQuery.refuse(problems);
        return new Filter(r, scope, subtree, l, years, b);
    }

    private static Set<String> lowerNames(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private LocalizedText both(org.yardstick.progress.rules.Message m) {
        return LocalizedText.of(text.of(m, Locale.SIMPLIFIED_CHINESE), text.of(m, Locale.ENGLISH));
    }
}
