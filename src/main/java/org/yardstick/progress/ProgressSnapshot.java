package org.yardstick.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Polarity;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.observation.Observation;
import org.yardstick.progress.internal.MilestoneJudgement;
import org.yardstick.progress.rules.Evidence;
import org.yardstick.progress.rules.Figure;
import org.yardstick.progress.rules.ProgressRules;
import org.yardstick.progress.rules.Series;
import org.yardstick.progress.rules.TargetTerms;
import org.yardstick.shared.Period;

/**
 * The approved figures behind a set of targets, read in one query and grouped by indicator, region
 * and breakdown, and the judgements of its milestones; assesses those targets now, as of an earlier
 * year, or without the figures approved (and judgements made) since a moment. Nothing is cached beyond one snapshot: take a new one per request, so a
 * newly approved figure counts at once.
 */
public final class ProgressSnapshot {

    private final Map<Long, Plan> plans;
    private final Map<String, Indicator> indicators;
    private final Map<String, List<Observation>> levels;
    private final Map<Long, List<MilestoneJudgement>> judgements;
    private final int currentYear;

    ProgressSnapshot(Map<Long, Plan> plans, Map<String, Indicator> indicators, Map<String, List<Observation>> levels,
                     Map<Long, List<MilestoneJudgement>> judgements, int currentYear) {
        this.currentYear = currentYear;
        this.plans = plans;
        this.indicators = indicators;
        this.levels = levels;
        this.judgements = judgements;
    }

    static String key(String indicator, String region, String disaggregation) {
        return indicator + '|' + region + '|' + disaggregation;
    }

    /** The indicator of this code, if the snapshot read it. */
    public @Nullable Indicator indicator(@Nullable String code) {
        return code == null ? null : indicators.get(code);
    }

    /** Every indicator the snapshot read, by code. */
    public Map<String, Indicator> indicators() {
        return indicators;
    }

    /** The approved levels of an indicator in a region for a breakdown, every kind of period, oldest first. */
    public List<Observation> levels(String indicator, String region, String disaggregation) {
        return levels.getOrDefault(key(indicator, region, disaggregation), List.of());
    }

    /** Every approved level the snapshot read. */
    public List<Observation> allLevels() {
        List<Observation> all = new ArrayList<>();
        levels.values().forEach(all::addAll);
        return all;
    }

    /**
     * The target assessed from every approved figure: as of the latest before its target year has
     * passed, as of today's year after it — then it is achieved, not achieved or cannot be judged,
     * never on track on a figure from years ago.
     */
    public TargetProgress assess(Target target) {
        return assess(target, null, null);
    }

    /** The target assessed as of a year: later figures are ignored. */
    public TargetProgress assessAsOf(Target target, int year) {
        return assess(target, year, null);
    }

    /**
     * The target assessed as of a year (null: the latest figure, or today's year once the target year
     * has passed) from the figures approved before a moment (null: all of them), as it stood then.
     */
    public TargetProgress assess(Target t, @Nullable Integer asOf, @Nullable Instant approvedBefore) {
        if (asOf == null && currentYear > t.targetYear()) {
            asOf = currentYear;
        }
        Predicate<Observation> use = approvedBefore == null ? o -> true : o -> o.updatedAt().isBefore(approvedBefore);
        Evidence evidence = Evidence.none();
        if (t.indicatorCode() != null) {
            evidence = Evidence.of(series(levels(t.indicatorCode(), t.regionCode(), t.disaggregationCode()), use));
            if (t.comparatorRegionCode() != null) {
                evidence = evidence.withComparator(
                        series(levels(t.indicatorCode(), t.comparatorRegionCode(), t.disaggregationCode()), use));
            }
        }
        if (asOf != null) {
            evidence = evidence.asOf(asOf);
        }
        MilestoneJudgement j = judgement(t, asOf, approvedBefore);
        if (j != null) {
            evidence = evidence.withJudgement(j.rule());
        }
        return new TargetProgress(t, ProgressRules.assess(rule(t), evidence));
    }

    /**
     * The judgement of a milestone that counts as of a year (null: any) and a moment (null: now): the
     * one for the latest year, and of those the latest made.
     */
    private @Nullable MilestoneJudgement judgement(Target t, @Nullable Integer asOf, @Nullable Instant before) {
        MilestoneJudgement counts = null;
        for (MilestoneJudgement j : judgements.getOrDefault(t.id(), List.of())) {
            if ((asOf == null || j.year() <= asOf) && (before == null || j.judgedAt().isBefore(before))) {
                counts = j; // oldest first: the last one seen counts
            }
        }
        return counts;
    }

    /** The rules' target for a plan's target (baseline year from the plan where the target has none). */
    public TargetTerms rule(Target t) {
        Plan plan = plans.get(t.planId());
        Polarity polarity = Polarity.POSITIVE;
        Indicator indicator = indicator(t.indicatorCode());
        if (indicator != null) {
            polarity = indicator.polarity();
        }
        int baselineYear = t.baselineYear() != null ? t.baselineYear() : plan.baselineYear();
        if (baselineYear >= t.targetYear()) {
            baselineYear = t.targetYear() - 1;
        }
        return new TargetTerms(t.kind(), t.qualifier(), number(t.value()),
                number(t.valueHigh()), t.kind() == TargetKind.CHANGE ? t.changeUnit() : null, baselineYear, null,
                t.targetYear(), polarity, t.kind().directionOnly() ? number(t.limit()) : null);
    }

    /** The yearly series of the target's region, as the rules read it. */
    public Series series(Target t) {
        return t.indicatorCode() == null ? Series.empty()
                : series(levels(t.indicatorCode(), t.regionCode(), t.disaggregationCode()), o -> true);
    }

    /** Yearly approved levels as the rules read them (quarters and months are not assessed). */
    private static Series series(List<Observation> observations, Predicate<Observation> use) {
        List<Figure> yearly = new ArrayList<>(observations.size());
        for (Observation o : observations) {
            if (o.period().type() == Period.Type.YEAR && use.test(o)) {
                yearly.add(new Figure(o.period().year(), o.number(), o.qualifier()));
            }
        }
        return new Series(yearly);
    }

    private static @Nullable Double number(@Nullable BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }
}
