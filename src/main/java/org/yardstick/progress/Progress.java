package org.yardstick.progress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.yardstick.aggregation.AggregateFigure;
import org.yardstick.aggregation.Aggregates;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.framework.Targets;
import org.yardstick.observation.Observation;
import org.yardstick.observation.Observations;
import org.yardstick.progress.internal.MilestoneJudgements;

/**
 * Assesses targets against the approved figures, as they are now: every call reads the current
 * approved observations — all series a set of targets needs in one query — so a newly approved
 * figure counts at once, with no rebuild step.
 */
@Service
public class Progress {

    private final Plans plans;
    private final Targets targets;
    private final Indicators indicators;
    private final Observations observations;
    private final MilestoneJudgements judgements;
    private final Aggregates aggregates;
    private final java.time.Clock clock;

    Progress(Plans plans, Targets targets, Indicators indicators, Observations observations,
             MilestoneJudgements judgements, Aggregates aggregates, java.time.Clock clock) {
        this.aggregates = aggregates;
        this.clock = clock;
        this.plans = plans;
        this.targets = targets;
        this.indicators = indicators;
        this.observations = observations;
        this.judgements = judgements;
    }

    /** Every target of a plan with its assessment, in the plan's order. */
    public List<TargetProgress> ofPlan(Plan plan) {
        List<Target> ts = targets.ofPlan(plan);
        ProgressSnapshot snapshot = snapshot(ts, List.of(), List.of());
        return ts.stream().map(snapshot::assess).toList();
    }

    /** One target's assessment. */
    public TargetProgress assess(Target target) {
        return snapshot(List.of(target), List.of(), List.of()).assess(target);
    }

    /**
     * The approved levels the targets need — their indicators in their regions and comparator
     * regions, plus further indicators and regions the caller shows beside them — read in one query,
     * and the judgements of those that are milestones in another.
     */
    public ProgressSnapshot snapshot(Collection<Target> ts, Collection<String> moreIndicators,
                                     Collection<String> moreRegions) {
        // the series to read: each target's indicator in its region (and comparator region), and
        // the further indicators in the further regions — by region, so that nothing else is read
        Map<String, Set<String>> byRegion = new LinkedHashMap<>();
        Set<String> indicatorCodes = new LinkedHashSet<>(moreIndicators);
        for (String r : moreRegions) {
            byRegion.computeIfAbsent(r, k -> new LinkedHashSet<>()).addAll(moreIndicators);
        }
        Set<Long> planIds = new LinkedHashSet<>();
        Set<Long> milestones = new LinkedHashSet<>();
        for (Target t : ts) {
            planIds.add(t.planId());
            if (t.kind() == TargetKind.MILESTONE) {
                milestones.add(t.id());
            }
            if (t.indicatorCode() != null) {
                indicatorCodes.add(t.indicatorCode());
                byRegion.computeIfAbsent(t.regionCode(), k -> new LinkedHashSet<>()).add(t.indicatorCode());
                if (t.comparatorRegionCode() != null) {
                    byRegion.computeIfAbsent(t.comparatorRegionCode(), k -> new LinkedHashSet<>()).add(t.indicatorCode());
                }
            }
        }
        Map<Long, Plan> plansById = new HashMap<>();
        if (!planIds.isEmpty()) {
            plans.all().stream().filter(p -> planIds.contains(p.id())).forEach(p -> plansById.put(p.id(), p));
        }
        Map<String, Indicator> byCode = indicators.byCodes(indicatorCodes);
        Map<String, List<Observation>> levels = new HashMap<>();
        for (Observation o : observations.approvedLevels(byRegion)) {
            levels.computeIfAbsent(ProgressSnapshot.key(o.indicatorCode(), o.regionCode(), o.disaggregationCode()),
                    k -> new ArrayList<>()).add(o);
        }
        // where a target's region has no reported figure for a period, the aggregate of its sub-regions (汇总值) stands
        // in — once every reporting unit below has reported (eight counties' sum is not the province's figure),
        // unless the indicator shows partial aggregates as they are
        for (AggregateFigure a : aggregates.of(byRegion)) {
            if (!a.usable()) {
                continue;
            }
            List<Observation> series = levels.computeIfAbsent(ProgressSnapshot.key(a.indicatorCode(), a.regionCode(), "_T"),
                    k -> new ArrayList<>());
            if (series.stream().noneMatch(o -> o.period().equals(a.period()))) {
                series.add(a.asObservation());
            }
        }
        levels.values().forEach(l -> l.sort(Comparator.comparing(Observation::period)));
        return new ProgressSnapshot(plansById, byCode, levels, judgements.of(milestones),
                java.time.LocalDate.now(clock).getYear());
    }

}
