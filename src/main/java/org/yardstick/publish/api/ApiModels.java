package org.yardstick.publish.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.yardstick.aggregation.AggregateFigure;
import org.yardstick.framework.Citation;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Target;
import org.yardstick.observation.Observation;
import org.yardstick.progress.rules.Assessment;
import org.yardstick.progress.rules.Message;
import org.yardstick.region.Region;
import org.yardstick.shared.LocalizedText;

/** The JSON shapes of the public API: stable, flat, with both languages' names. */
final class ApiModels {

    private ApiModels() {}

    record RegionRef(String code, LocalizedText name, String level) {
        static RegionRef of(Region r) {
            return new RegionRef(r.code(), r.name(), r.level().name().toLowerCase(Locale.ROOT));
        }
    }

    record RegionDetail(String code, LocalizedText name, String level, boolean official, List<RegionRef> ancestors,
                        List<RegionRef> children) {}

    record PlanSummary(String code, LocalizedText name, RegionRef region, int startYear, int endYear,
                       int baselineYear) {
        static PlanSummary of(Plan p, Region r) {
            return new PlanSummary(p.code(), p.name(), RegionRef.of(r), p.startYear(), p.endYear(), p.baselineYear());
        }
    }

    record IndicatorSummary(String code, LocalizedText name, LocalizedText unit, String polarity, String aggregation,
                            String nature, int decimals) {
        static IndicatorSummary of(Indicator i) {
            return new IndicatorSummary(i.code(), i.name(), i.unit(), lower(i.polarity().name()),
                    lower(i.aggregation().name()), lower(i.nature().name()), i.decimals());
        }
    }

    record IndicatorDetail(IndicatorSummary indicator, LocalizedText description, @Nullable String numerator,
                           @Nullable String denominator, @Nullable String formula, List<TargetView> targets) {}

    record SourceView(String document, int line, String quote) {
        static SourceView of(Citation c) {
            return new SourceView(c.documentCode(), c.line(), c.quote());
        }
    }

    record TargetView(String plan, String code, @Nullable String indicator, String region, String disaggregation,
                      String kind, String qualifier, String qualifierText, @Nullable BigDecimal value,
                      @Nullable BigDecimal valueHigh, @Nullable String changeUnit, @Nullable String comparator,
                      @Nullable Integer baselineYear, int targetYear, LocalizedText statement,
                      @Nullable SourceView source, @Nullable ProgressView progress) {
        static TargetView of(String planCode, Target t, @Nullable ProgressView progress) {
            return new TargetView(planCode, t.code(), t.indicatorCode(), t.regionCode(), t.disaggregationCode(),
                    lower(t.kind().name()), lower(t.qualifier().name()), t.qualifierText(), t.value(), t.valueHigh(),
                    t.changeUnit() == null ? null : lower(t.changeUnit().name()), t.comparatorRegionCode(),
                    t.baselineYear(), t.targetYear(), t.statement(), t.source() == null ? null : SourceView.of(t.source()),
                    progress);
        }
    }

    record SentenceView(String key, List<Object> args, LocalizedText text) {}

    record ProgressView(String status, @Nullable Integer asOfYear, @Nullable Double progressPercent,
                        @Nullable Double targetLevel, @Nullable Double expected, @Nullable Double achievedRate,
                        @Nullable Double requiredRate, @Nullable Integer projectionYear, @Nullable Double projectedLinear,
                        @Nullable Double projectedCompound, SentenceView reason, List<SentenceView> notes) {}

    record ObservationView(String indicator, String region, String period, String disaggregation, String measure,
                           @Nullable String basePeriod, BigDecimal value, String qualifier, String qualifierText,
                           List<SourceView> sources) {
        static ObservationView of(Observation o) {
            return new ObservationView(o.indicatorCode(), o.regionCode(), o.period().code(), o.disaggregationCode(),
                    lower(o.measure().name()), o.basePeriod() == null ? null : o.basePeriod().code(), o.value(),
                    lower(o.qualifier().name()), o.qualifierText(), o.sources().stream().map(SourceView::of).toList());
        }
    }

    /**
     * A computed figure (汇总值): an aggregate of the sub-regions' approved figures, a year made from
     * quarters or months, or a derived indicator's formula value, with its coverage.
     */
    /**
     * A computed figure; where the region reported the period itself, {@code reported} and the
     * difference (统计口径差异), flagged beyond the indicator's threshold; the reported one counts.
     * {@code withheldFor}: {@code weight} or {@code denominator} when {@code lacking} reporting units
     * below have a figure without the weight or denominator the rule needs (withheld whatever the policy).
     */
    record ComputedView(String indicator, String region, String period, String breakdown, @Nullable BigDecimal value, String kind,
                        int covered, int expected, boolean complete, boolean withheld, String updatedAt,
                        @Nullable BigDecimal reported, @Nullable BigDecimal difference, BigDecimal differenceThreshold,
                        boolean differsBeyondThreshold, @Nullable String withheldFor, int lacking) {
        static ComputedView of(AggregateFigure a, @Nullable BigDecimal reported) {
            return of(a, "_T", reported);
        }

        /** A category's computed figure ({@code breakdown}: its code; {@code _T}, the total). */
        static ComputedView of(AggregateFigure a, String breakdown, @Nullable BigDecimal reported) {
            return new ComputedView(a.indicatorCode(), a.regionCode(), a.period().code(), breakdown, a.withheld() ? null : a.value(),
                    a.derived() ? "formula" : a.fromPeriods() ? "periods" : "regions", a.covered(), a.expected(), a.complete(),
                    a.withheld(), a.updatedAt().toString(), reported, a.differenceFrom(reported), a.differenceThreshold(),
                    a.differsBeyondThreshold(reported), a.lack() == null ? null : a.lack().toLowerCase(java.util.Locale.ROOT), a.lacking());
        }
    }

    record UnitRef(String code, LocalizedText name) {
        static @Nullable UnitRef of(org.yardstick.supervision.@Nullable Unit u) {
            return u == null ? null : new UnitRef(u.code(), u.name());
        }
    }

    /**
     * A supervised task or key project (督办事项) as the public sees it: units are organisations, never
     * people; no report texts, comments or contacts.
     */
    record TaskView(String plan, String kind, String code, LocalizedText title, @Nullable UnitRef lead,
                    List<UnitRef> coUnits, String start, String deadline, @Nullable String completedOn, String status,
                    @Nullable Integer latestProgress, @Nullable String latestPeriod, List<String> targets) {
        static TaskView of(org.yardstick.supervision.Item i, org.yardstick.supervision.ItemStatus status) {
            return new TaskView(i.planCode(), lower(i.kind().name()), i.code(), i.title(), UnitRef.of(i.lead()),
                    i.coUnits().stream().map(UnitRef::of).toList(), i.start().toString(), i.deadline().toString(),
                    i.completedOn() == null ? null : i.completedOn().toString(), lower(status.name()),
                    i.latestProgress(), i.latestPeriod(), i.targetCodes());
        }
    }

    interface Sentences {
        LocalizedText text(Message m);
    }

    static ProgressView progress(Assessment a, Sentences sentences) {
        var rates = a.rates();
        var projection = a.projection();
        return new ProgressView(lower(a.status().name()), a.asOfYear(), a.progressPercent(), a.targetLevel(),
                a.expected(), rates == null ? null : rates.achieved(), rates == null ? null : rates.required(),
                projection == null ? null : projection.year(), projection == null ? null : projection.linear(),
                projection == null ? null : projection.compound(),
                new SentenceView(a.reason().key(), a.reason().args(), sentences.text(a.reason())),
                a.notes().stream().map(n -> new SentenceView(n.key(), n.args(), sentences.text(n))).toList());
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
