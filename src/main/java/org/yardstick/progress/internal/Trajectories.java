package org.yardstick.progress.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.yardstick.framework.Disaggregation;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.Targets;
import org.yardstick.observation.Observation;
import org.yardstick.progress.Progress;
import org.yardstick.progress.ProgressSnapshot;
import org.yardstick.progress.rules.Assessment;
import org.yardstick.progress.rules.Projection;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.shared.NotFoundException;
import org.yardstick.shared.Period;

/** Builds an indicator's trajectory towards a target, and the data of its chart (kind {@code progress}). */
@Service
public class Trajectories {

    private final Indicators indicators;
    private final Targets targets;
    private final Regions regions;
    private final Plans plans;
    private final Progress progress;

    Trajectories(Indicators indicators, Targets targets, Regions regions, Plans plans, Progress progress) {
        this.indicators = indicators;
        this.targets = targets;
        this.regions = regions;
        this.plans = plans;
        this.progress = progress;
    }

    /**
     * The trajectory towards a target (by id; else the region's first target; else the indicator's
     * first target), or the figures of a region alone when the indicator has no target there.
     */
    public Trajectory of(String indicatorCode, @Nullable Long targetId, @Nullable String regionCode) {
        Indicator indicator = indicators.get(indicatorCode);
        List<Target> all = targets.ofIndicator(indicatorCode);
        Target target = null;
        if (targetId != null) {
            target = all.stream().filter(t -> t.id() == targetId).findFirst()
                    .orElseThrow(() -> new NotFoundException("target", Long.toString(targetId)));
        } else if (regionCode != null) {
            target = all.stream().filter(t -> t.regionCode().equals(regionCode)).findFirst().orElse(null);
        } else if (!all.isEmpty()) {
            target = all.get(0);
        }
        String chosen = target != null ? target.regionCode() : regionCode;
        if (chosen == null) {
            throw new NotFoundException("target of indicator", indicatorCode);
        }
        Region region = regions.get(chosen);
        Set<String> regionCodes = new LinkedHashSet<>();
        regionCodes.add(region.code());
        all.forEach(t -> regionCodes.add(t.regionCode()));
        List<Target> one = target == null ? List.of() : List.of(target);
        ProgressSnapshot snapshot = progress.snapshot(one, List.of(indicatorCode), List.of(region.code()));
        Assessment assessment = target == null ? null : snapshot.assess(target).assessment();
        String breakdown = target == null ? Disaggregation.TOTAL : target.disaggregationCode();
        List<Observation> observed = yearly(snapshot.levels(indicatorCode, region.code(), breakdown));
        List<Observation> comparator = target == null || target.comparatorRegionCode() == null ? List.of()
                : yearly(snapshot.levels(indicatorCode, target.comparatorRegionCode(), breakdown));
        if (target != null && target.comparatorRegionCode() != null) {
            regionCodes.add(target.comparatorRegionCode());
        }
        Map<String, Region> names = new LinkedHashMap<>(regions.byCodes(regionCodes));
        Map<Long, String> planCodes = new HashMap<>();
        plans.all().forEach(p -> planCodes.put(p.id(), p.code()));
        return new Trajectory(indicator, region, all, target, assessment, observed, comparator, names, planCodes);
    }

    private static List<Observation> yearly(List<Observation> levels) {
        return levels.stream().filter(o -> o.period().type() == Period.Type.YEAR).toList();
    }

    /**
     * The chart of kind {@code progress}: observed points, the straight path from the start to the
     * target level, the linear and compound projections from the latest figure to the target year,
     * and the projection's range as a band widening from the latest figure to [low, high].
     */
    public static Map<String, Object> chart(Trajectory t, String unit, Map<String, String> labels) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("unit", unit);
        chart.put("labels", labels);
        chart.put("observed", points(t.observed()));
        chart.put("comparator", points(t.comparator()));
        Assessment a = t.assessment();
        if (a != null && a.start() != null && a.targetLevel() != null) {
            chart.put("path", List.of(List.of(a.start().year(), a.start().value()), List.of(a.targetYear(), a.targetLevel())));
            if (a.targetLevelHigh() != null) {
                chart.put("pathHigh", List.of(List.of(a.start().year(), a.start().value()),
                        List.of(a.targetYear(), a.targetLevelHigh())));
            }
            Map<String, Object> goal = new LinkedHashMap<>();
            goal.put("year", a.targetYear());
            goal.put("value", a.targetLevel());
            goal.put("high", a.targetLevelHigh());
            chart.put("target", goal);
        }
        Projection p = a == null ? null : a.projection();
        if (p != null && a.latest() != null && p.year() > a.latest().year()) {
            int from = a.latest().year();
            double y0 = a.latest().value();
            chart.put("linear", List.of(List.of(from, y0), List.of(p.year(), p.linear())));
            if (p.compound() != null) {
                List<List<Object>> curve = new ArrayList<>();
                double growth = Math.pow(p.compound() / y0, 1.0 / (p.year() - from));
                for (int y = from; y <= p.year(); y++) {
                    curve.add(List.of(y, y0 * Math.pow(growth, y - from)));
                }
                chart.put("compound", curve);
            }
            chart.put("band", List.of(List.of(from, y0), List.of(p.year(), p.low()), List.of(p.year(), p.high())));
        }
        chart.put("axis", axis(chart));
        return chart;
    }

    /** The time axis over every year the chart draws a point at, and no further. */
    @SuppressWarnings("unchecked")
    private static @org.jspecify.annotations.Nullable Map<String, Object> axis(Map<String, Object> chart) {
        List<Object> years = new ArrayList<>();
        for (String k : List.of("observed", "comparator", "path", "pathHigh", "linear", "compound", "band")) {
            Object v = chart.get(k);
            if (v != null) {
                ((List<List<Object>>) v).forEach(p -> years.add(p.get(0)));
            }
        }
        if (chart.get("target") != null) {
            years.add(((Map<String, Object>) chart.get("target")).get("year"));
        }
        return org.yardstick.web.ChartAxis.of(years);
    }

    private static List<List<Object>> points(List<Observation> observations) {
        List<List<Object>> points = new ArrayList<>();
        observations.forEach(o -> points.add(List.of(o.period().year(), o.number())));
        return points;
    }
}
