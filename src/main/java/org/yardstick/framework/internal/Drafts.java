package org.yardstick.framework.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Aggregation;
import org.yardstick.framework.ChangeUnit;
import org.yardstick.framework.Citation;
import org.yardstick.framework.DisaggregationDimension;
import org.yardstick.framework.DocumentKind;
import org.yardstick.framework.IndicatorNature;
import org.yardstick.framework.Polarity;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.TargetKind;
import org.yardstick.shared.LocalizedText;

/** What framework files say, read and checked, before anything is written. */
final class Drafts {

    private Drafts() {}

    record DocumentDraft(String code, LocalizedText title, LocalizedText issuer, @Nullable LocalDate issued,
                         DocumentKind kind, @Nullable String reference) {}

    record DisaggregationDraft(String code, DisaggregationDimension dimension, LocalizedText name) {}

    record IndicatorDraft(String code, LocalizedText name, LocalizedText unit, Polarity polarity,
                          Aggregation aggregation, @Nullable String numerator, @Nullable String denominator,
                          @Nullable String formula, IndicatorNature nature, int decimals, LocalizedText description,
                          org.yardstick.framework.@Nullable PeriodRule periodRule,
                          org.yardstick.framework.IncompleteAggregate incomplete, @Nullable String weight,
                          java.math.@Nullable BigDecimal differenceThreshold) {}

    record SectionDraft(String code, @Nullable String parentCode, LocalizedText title, List<String> indicatorCodes) {}

    record GoalDraft(String sectionCode, String code, LocalizedText text, @Nullable Citation source) {}

    record KeyProjectDraft(@Nullable String sectionCode, String code, LocalizedText name, LocalizedText summary,
                           List<String> targetCodes, @Nullable Citation source) {}

    record TaskDraft(@Nullable String sectionCode, String code, LocalizedText title, @Nullable Integer startYear,
                     @Nullable Integer deadlineYear, List<String> unitCodes, List<String> targetCodes,
                     @Nullable Citation source) {}

    record TargetDraft(String code, @Nullable String indicatorCode, String regionCode, String disaggregationCode,
                       TargetKind kind, Qualifier qualifier, String qualifierText, @Nullable BigDecimal value,
                       @Nullable BigDecimal valueHigh, @Nullable ChangeUnit changeUnit, @Nullable BigDecimal limit,
                       @Nullable String comparatorRegionCode, @Nullable Integer baselineYear, int targetYear,
                       LocalizedText statement, @Nullable Citation source) {}

    record PlanDraft(String code, LocalizedText name, String regionCode, int startYear, int endYear, int baselineYear,
                     @Nullable String documentCode, List<SectionDraft> sections, List<GoalDraft> goals,
                     List<KeyProjectDraft> keyProjects, List<TaskDraft> tasks, List<TargetDraft> targets) {}

    /** @param planFiles the file each plan was read from, by plan code */
    record FrameworkDraft(List<DocumentDraft> documents, List<DisaggregationDraft> disaggregations,
                          List<IndicatorDraft> indicators, List<PlanDraft> plans, java.util.Map<String, String> planFiles) {}
}
