package org.yardstick.publish.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.yardstick.framework.Document;
import org.yardstick.framework.Documents;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Disaggregation;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Section;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.framework.Targets;
import org.yardstick.framework.Task;
import org.yardstick.observation.Observation;
import org.yardstick.progress.Progress;
import org.yardstick.progress.ProgressSnapshot;
import org.yardstick.progress.TargetProgress;
import org.yardstick.progress.rules.Assessment;
import org.yardstick.progress.rules.Status;
import org.yardstick.region.Organisation;
import org.yardstick.region.Organisations;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;

/** Assembles plan pages from the framework, the approved observations and the regions. */
@Service
public class PlanSheets {

    private final Plans plans;
    private final Progress progress;
    private final Documents documents;
    private final Targets targets;
    private final Regions regions;
    private final Organisations organisations;

    PlanSheets(Plans plans, Progress progress, Documents documents, Targets targets,
               Regions regions, Organisations organisations) {
        this.plans = plans;
        this.progress = progress;
        this.documents = documents;
        this.targets = targets;
        this.regions = regions;
        this.organisations = organisations;
    }

    public PlanSheet sheet(String planCode) {
        Plan plan = plans.get(planCode);
        Region region = regions.find(plan.regionId()).orElseThrow();
        Document document = plan.documentId() == null ? null : documents.find(plan.documentId()).orElse(null);
        List<Section> outline = plans.outline(plan);
        List<Target> planTargets = targets.ofPlan(plan);

        // the section each indicator is first listed in; targets' indicators not listed come last
        Map<String, String> sectionOf = new LinkedHashMap<>();
        outline.stream().flatMap(s -> s.flatten().stream())
                .forEach(s -> s.indicatorCodes().forEach(c -> sectionOf.putIfAbsent(c, s.code())));
        planTargets.stream().map(Target::indicatorCode).filter(Objects::nonNull)
                .forEach(c -> sectionOf.putIfAbsent(c, ""));
        // every series the page shows, read at once
        ProgressSnapshot snapshot = progress.snapshot(planTargets, sectionOf.keySet(), List.of(region.code()));
        List<TargetProgress> assessed = planTargets.stream().map(snapshot::assess).toList();
        Map<String, Assessment> assessments = new HashMap<>();
        assessed.forEach(a -> assessments.put(a.target().code(), a.assessment()));
        Map<String, Indicator> byCode = snapshot.indicators();
        Map<String, List<Target>> targetsOf = new HashMap<>();
        List<TargetProgress> milestones = new ArrayList<>();
        for (TargetProgress a : assessed) {
            Target t = a.target();
            if (t.kind() == TargetKind.MILESTONE && t.indicatorCode() == null) {
                milestones.add(a);
            } else {
                targetsOf.computeIfAbsent(t.indicatorCode(), k -> new ArrayList<>()).add(t);
            }
        }

        List<PlanSheet.Row> rows = new ArrayList<>();
        List<PlanSheet.Row> monitored = new ArrayList<>();
        for (Map.Entry<String, String> e : sectionOf.entrySet()) {
            Indicator indicator = byCode.get(e.getKey());
            if (indicator == null) {
                continue;
            }
            List<Target> ts = targetsOf.getOrDefault(indicator.code(), List.of());
            if (ts.isEmpty()) {
                List<Observation> series = snapshot.levels(indicator.code(), region.code(), Disaggregation.TOTAL);
                monitored.add(new PlanSheet.Row(e.getValue(), indicator, null, region.code(),
                        at(series, plan.baselineYear()), after(series, plan.baselineYear()), null, true, 1));
                continue;
            }
            for (int i = 0; i < ts.size(); i++) {
                Target t = ts.get(i);
                int baseYear = t.baselineYear() == null ? plan.baselineYear() : t.baselineYear();
                List<Observation> series = snapshot.levels(indicator.code(), t.regionCode(), Disaggregation.TOTAL);
                rows.add(new PlanSheet.Row(e.getValue(), indicator, t, t.regionCode(), at(series, baseYear),
                        after(series, baseYear), assessments.get(t.code()), i == 0, ts.size()));
            }
        }
        List<Task> tasks = plans.tasks(plan);
        Map<String, Organisation> orgs = new HashMap<>();
        organisations.all().forEach(o -> orgs.put(o.code(), o));
        List<String> codes = new ArrayList<>();
        planTargets.forEach(t -> {
            codes.add(t.regionCode());
            if (t.comparatorRegionCode() != null) {
                codes.add(t.comparatorRegionCode());
            }
        });
        Map<String, Region> regionsByCode = new HashMap<>(regions.byCodes(codes));
        regionsByCode.put(region.code(), region);
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        assessed.forEach(a -> counts.merge(a.assessment().status(), 1L, Long::sum));
        List<PlanSheet.StatusCount> statusCounts = counts.entrySet().stream()
                .map(c -> new PlanSheet.StatusCount(c.getKey(), c.getValue())).toList();
        return new PlanSheet(plan, region, document, outline, rows, monitored, statusCounts, milestones, plans.keyProjects(plan), tasks, orgs,
                regionsByCode);
    }

    private static @Nullable Observation at(List<Observation> series, int year) {
        return series.stream().filter(o -> o.period().year() == year).reduce((a, b) -> b).orElse(null);
    }

    private static @Nullable Observation after(List<Observation> series, int year) {
        return series.stream().filter(o -> o.period().year() > year).reduce((a, b) -> b).orElse(null);
    }
}
