package org.yardstick.progress;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Polarity;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.framework.Targets;
import org.yardstick.observation.Observation;
import org.yardstick.observation.Observations;
import org.yardstick.progress.rules.Assessment;
import org.yardstick.progress.rules.Evidence;
import org.yardstick.progress.rules.ProgressRules;
import org.yardstick.progress.rules.Series;
import org.yardstick.shared.Period;

/**
 * Assesses targets against the approved figures, as they are now: every call reads the current
 * approved observations, so a newly approved figure counts at once.
 */
@Service
public class Progress {

    private final Plans plans;
    private final Targets targets;
    private final Indicators indicators;
    private final Observations observations;

    Progress(Plans plans, Targets targets, Indicators indicators, Observations observations) {
        this.plans = plans;
        this.targets = targets;
        this.indicators = indicators;
        this.observations = observations;
    }

    /** Every target of a plan with its assessment, in the plan's order. */
    public List<TargetProgress> ofPlan(Plan plan) {
        Map<String, Indicator> cache = new ConcurrentHashMap<>();
        return targets.ofPlan(plan).stream().map(t -> assess(plan, t, cache)).toList();
    }

    /** One target's assessment. */
    public TargetProgress assess(Target target) {
        Plan plan = plans.all().stream().filter(p -> p.id() == target.planId()).findFirst().orElseThrow();
        return assess(plan, target, new ConcurrentHashMap<>());
    }

    private TargetProgress assess(Plan plan, Target t, Map<String, Indicator> cache) {
        Polarity polarity = Polarity.POSITIVE;
        if (t.indicatorCode() != null) {
            polarity = cache.computeIfAbsent(t.indicatorCode(), indicators::get).polarity();
        }
        int baselineYear = t.baselineYear() != null ? t.baselineYear() : plan.baselineYear();
        if (baselineYear >= t.targetYear()) {
            baselineYear = t.targetYear() - 1;
        }
        org.yardstick.progress.rules.Target rule = new org.yardstick.progress.rules.Target(t.kind(), t.qualifier(),
                number(t.value()), number(t.valueHigh()), t.kind() == TargetKind.CHANGE ? t.changeUnit() : null,
                baselineYear, null, t.targetYear(), polarity);
        Evidence evidence = Evidence.none();
        if (t.indicatorCode() != null) {
            evidence = Evidence.of(series(t.indicatorCode(), t.regionCode(), t.disaggregationCode()));
            if (t.comparatorRegionCode() != null) {
                evidence = evidence.withComparator(series(t.indicatorCode(), t.comparatorRegionCode(), t.disaggregationCode()));
            }
        }
        Assessment a = ProgressRules.assess(rule, evidence);
        return new TargetProgress(t, a);
    }

    /** Yearly approved levels as the rules read them (quarters and months are not assessed). */
    private Series series(String indicator, String region, String disaggregation) {
        Series s = Series.empty();
        for (Observation o : observations.approvedSeries(indicator, region, disaggregation)) {
            if (o.period().type() == Period.Type.YEAR) {
                s = s.with(o.period().year(), o.number(), o.qualifier());
            }
        }
        return s;
    }

    private static @Nullable Double number(@Nullable BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }
}
