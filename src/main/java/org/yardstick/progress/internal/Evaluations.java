package org.yardstick.progress.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.yardstick.framework.Citation;
import org.yardstick.framework.Goal;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.IndicatorNature;
import org.yardstick.framework.KeyProject;
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
import org.yardstick.progress.rules.Assessment;
import org.yardstick.progress.rules.Projection;
import org.yardstick.progress.rules.Status;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.shared.Period;

/**
 * Evaluates a plan: every target assessed from the approved figures as of a year, compared with the
 * previous year or with the moment before recent approvals; grouped by chapter, with early
 * warnings and the targets furthest behind. Reads the plan's figures in one query (through
 * {@link Progress#snapshot}) on every call: nothing is precomputed, so an approval shows at once.
 */
@Service
public class Evaluations {

    private final Plans plans;
    private final Targets targets;
    private final Regions regions;
    private final Progress progress;

    Evaluations(Plans plans, Targets targets, Regions regions, Progress progress) {
        this.plans = plans;
        this.targets = targets;
        this.regions = regions;
        this.progress = progress;
    }

    /**
     * The plan evaluated as of a year (null: as of the latest figures), compared with the year before
     * that, or — when {@code since} is given — with the figures approved before that moment.
     */
    public PlanEvaluation evaluate(Plan plan, @Nullable Integer asOf, @Nullable Instant since) {
        return evaluate(plan, null, asOf, since);
    }

    /**
     * The plan evaluated for a report: as of {@code asOf}, or when it is null the year the kind of
     * report speaks for (annual: the latest year with figures).
     */
    public PlanEvaluation evaluate(Plan plan, @Nullable ReportKind kind, @Nullable Integer asOfYear,
                                   @Nullable Instant since) {
        Region region = regions.find(plan.regionId()).orElseThrow();
        List<Target> ts = targets.ofPlan(plan);
        ProgressSnapshot snapshot = progress.snapshot(ts, List.of(), List.of());
        Integer latestYear = null;
        for (Target t : ts) {
            var last = snapshot.series(t).latest();
            if (last != null && (latestYear == null || last.year() > latestYear)) {
                latestYear = last.year();
            }
        }
        Integer asOf = asOfYear;
        if (asOf == null && kind != null) {
            asOf = kind.defaultAsOf(plan, latestYear != null ? latestYear : plan.baselineYear());
        }
        final Integer evaluationYear = asOf;
        Integer reference = asOf != null ? asOf : latestYear;
        Integer previousYear = since == null && reference != null ? reference - 1 : null;
        PlanEvaluation.Before before = new PlanEvaluation.Before(previousYear, since);

        Map<String, List<KeyProject>> projectsOf = new HashMap<>();
        List<KeyProject> keyProjects = plans.keyProjects(plan);
        keyProjects.forEach(k -> k.targetCodes().forEach(c -> projectsOf.computeIfAbsent(c, x -> new ArrayList<>()).add(k)));

        List<PlanEvaluation.Item> items = new ArrayList<>();
        List<PlanEvaluation.Change> changes = new ArrayList<>();
        int updatedOnly = 0;
        for (Target t : ts) {
            Assessment now = snapshot.assess(t, asOf, null).assessment();
            Assessment then = since != null ? snapshot.assess(t, asOf, since).assessment()
                    : previousYear != null ? snapshot.assess(t, previousYear, null).assessment() : now;
            Indicator indicator = snapshot.indicator(t.indicatorCode());
            List<Observation> levels = t.indicatorCode() == null ? List.of()
                    : snapshot.levels(t.indicatorCode(), t.regionCode(), t.disaggregationCode()).stream()
                            .filter(o -> o.period().type() == Period.Type.YEAR).toList();
            int baseYear = t.baselineYear() != null ? t.baselineYear() : plan.baselineYear();
            Observation baseline = yearOf(levels, baseYear);
            Observation latest = now.latest() == null ? null : yearOf(levels, now.latest().year());
            boolean binding = indicator != null && indicator.nature() == IndicatorNature.BINDING;
            PlanEvaluation.Item item = new PlanEvaluation.Item(t, indicator, now, then, binding,
                    projectsOf.getOrDefault(t.code(), List.of()), projectedToMiss(t, now), baseline, latest);
            items.add(item);
            List<Observation> arrived = levels.stream()
                    .filter(o -> evaluationYear == null || o.period().year() <= evaluationYear)
                    .filter(o -> since != null ? !o.updatedAt().isBefore(since)
                            : previousYear != null && o.period().year() > previousYear)
                    .toList();
            if (now.status() != then.status()) {
                changes.add(new PlanEvaluation.Change(item, then.status(), now.status(), arrived));
            } else if (!arrived.isEmpty()) {
                updatedOnly++;
            }
        }

        Map<Status, Long> counts = counts(items);
        List<PlanEvaluation.Item> warnings = items.stream().filter(PlanEvaluation.Item::warning)
                .sorted(Comparator.comparingInt((PlanEvaluation.Item i) -> severity(i.status()))
                        .thenComparing(i -> !i.binding()))
                .toList();
        List<PlanEvaluation.Item> behind = items.stream()
                .filter(i -> i.status() == Status.NOT_ACHIEVED || i.status() == Status.OFF_TRACK
                        || i.status() == Status.AT_RISK)
                .sorted(Evaluations.furthestBehindFirst())
                .toList();

        Set<String> codes = new LinkedHashSet<>();
        for (Target t : ts) {
            codes.add(t.regionCode());
            if (t.comparatorRegionCode() != null) {
                codes.add(t.comparatorRegionCode());
            }
        }
        Map<String, Region> regionsByCode = new LinkedHashMap<>();
        regionsByCode.put(region.code(), region);
        regionsByCode.putAll(regions.byCodes(codes));
        return new PlanEvaluation(plan, region, asOf, latestYear, before, items,
                chapters(plan, items, keyProjects), counts, warnings, behind, changes, updatedOnly, regionsByCode);
    }

    /** Off track before at risk; then the lowest ratio of achieved to required rate; then the least progress. */
    static Comparator<PlanEvaluation.Item> furthestBehindFirst() {
        return Comparator.comparingInt((PlanEvaluation.Item i) -> severity(i.status()))
                .thenComparing(i -> ratio(i.now()), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(i -> i.now().progressPercent(), Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static @Nullable Double ratio(Assessment a) {
        return a.rates() == null ? null : a.rates().ratio();
    }

    static int severity(Status s) {
        return switch (s) {
            case NOT_ACHIEVED -> 0;
            case OFF_TRACK -> 1;
            case AT_RISK -> 2;
            case CANNOT_BE_JUDGED -> 3;
            case ON_TRACK -> 4;
            case INSUFFICIENT_DATA -> 5;
            case NOT_ASSESSED -> 6;
            case ACHIEVED -> 7;
        };
    }

    /**
     * At risk or off track; or on track by its rate while neither projection — the line nor
     * compound growth, with their range — reaches the level by the target year.
     */
    static boolean projectedToMiss(Target t, Assessment a) {
        if (a.status() == Status.AT_RISK || a.status() == Status.OFF_TRACK || a.status() == Status.NOT_ACHIEVED) {
            return true;
        }
        Projection p = a.projection();
        if (a.status() != Status.ON_TRACK || p == null || a.start() == null || a.targetLevel() == null
                || t.kind() == TargetKind.RANGE) {
            return false;
        }
        double level = a.targetLevel();
        boolean up = t.kind() == TargetKind.AT_MOST ? false : level >= a.start().value();
        return up ? p.high() < level : p.low() > level;
    }

    static Map<Status, Long> counts(List<PlanEvaluation.Item> items) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        items.forEach(i -> counts.merge(i.status(), 1L, Long::sum));
        return counts;
    }

    private static @Nullable Observation yearOf(List<Observation> levels, int year) {
        for (Observation o : levels) {
            if (o.period().year() == year) {
                return o;
            }
        }
        return null;
    }

    /**
     * The targets of each top-level section: those whose indicator a section in it lists, whose
     * sentence one of its goals quotes (same document and line), or that measure one of its tasks or
     * key projects. Targets no chapter claims come last, in a chapter without a section.
     */
    private List<PlanEvaluation.Chapter> chapters(Plan plan, List<PlanEvaluation.Item> items, List<KeyProject> keyProjects) {
        List<Section> outline = plans.outline(plan);
        Map<String, Section> chapterOf = new HashMap<>();
        Map<String, Set<Section>> byIndicator = new HashMap<>();
        Map<String, Set<Section>> byLine = new HashMap<>();
        for (Section chapter : outline) {
            for (Section s : chapter.flatten()) {
                chapterOf.put(s.code(), chapter);
                s.indicatorCodes().forEach(c -> byIndicator.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(chapter));
                for (Goal g : s.goals()) {
                    if (g.source() != null) {
                        byLine.computeIfAbsent(line(g.source()), k -> new LinkedHashSet<>()).add(chapter);
                    }
                }
            }
        }
        Map<String, Set<Section>> byTarget = new HashMap<>();
        for (Task task : plans.tasks(plan)) {
            Section chapter = task.sectionCode() == null ? null : chapterOf.get(task.sectionCode());
            if (chapter != null) {
                task.targetCodes().forEach(c -> byTarget.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(chapter));
            }
        }
        for (KeyProject k : keyProjects) {
            Section chapter = k.sectionCode() == null ? null : chapterOf.get(k.sectionCode());
            if (chapter != null) {
                k.targetCodes().forEach(c -> byTarget.computeIfAbsent(c, x -> new LinkedHashSet<>()).add(chapter));
            }
        }
        Map<Section, List<PlanEvaluation.Item>> members = new LinkedHashMap<>();
        outline.forEach(s -> members.put(s, new ArrayList<>()));
        List<PlanEvaluation.Item> unclaimed = new ArrayList<>();
        for (PlanEvaluation.Item item : items) {
            Target t = item.target();
            Set<Section> in = new LinkedHashSet<>();
            if (t.indicatorCode() != null) {
                in.addAll(byIndicator.getOrDefault(t.indicatorCode(), Set.of()));
            }
            if (t.source() != null) {
                in.addAll(byLine.getOrDefault(line(t.source()), Set.of()));
            }
            in.addAll(byTarget.getOrDefault(t.code(), Set.of()));
            if (in.isEmpty()) {
                unclaimed.add(item);
            }
            in.forEach(s -> members.get(s).add(item));
        }
        List<PlanEvaluation.Chapter> chapters = new ArrayList<>();
        members.forEach((s, list) -> chapters.add(new PlanEvaluation.Chapter(s, list, counts(list))));
        if (!unclaimed.isEmpty()) {
            chapters.add(new PlanEvaluation.Chapter(null, unclaimed, counts(unclaimed)));
        }
        return chapters;
    }

    private static String line(Citation c) {
        return c.documentCode() + ":" + c.line();
    }
}
