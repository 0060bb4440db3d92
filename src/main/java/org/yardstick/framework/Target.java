package org.yardstick.framework;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * A target (目标值) a plan sets for an indicator in a region by a year. How the numbers read depends
 * on the {@link TargetKind}.
 *
 * @param code unique within the plan
 * @param indicatorCode the indicator; null only for a {@link TargetKind#MILESTONE}
 * @param disaggregationCode the breakdown, {@link Disaggregation#TOTAL} when none
 * @param qualifier how the value is meant (以上, 争取 …), and {@code qualifierText} the document's word
 * @param value the target value: a level, a change, a rate in % per year, or a factor
 * @param valueHigh the upper end of a {@link TargetKind#RANGE}
 * @param changeUnit for {@link TargetKind#CHANGE}: percent of the baseline or points
 * @param limit for direction-only targets ({@link TargetKind#INCREASE}, {@link TargetKind#DECREASE}): the
 *     indicator's natural limit (a share cannot pass 100), which scales the growth thresholds near it
 * @param comparatorRegionCode for {@link TargetKind#COMPARATOR}: the region compared with (CN: national level)
 * @param baselineYear the year a change, rate or multiple is measured from
 * @param statement the target as one sentence
 * @param retiredAt when it was retired (已停用); null while in force
 */
public record Target(
        long id, long planId, String code, @Nullable String indicatorCode, String regionCode, String disaggregationCode,
        TargetKind kind, Qualifier qualifier, String qualifierText, @Nullable BigDecimal value,
        @Nullable BigDecimal valueHigh, @Nullable ChangeUnit changeUnit, @Nullable BigDecimal limit,
        @Nullable String comparatorRegionCode,
        @Nullable Integer baselineYear, int targetYear, LocalizedText statement, @Nullable Citation source,
        @Nullable Instant retiredAt) {

    public boolean retired() {
        return retiredAt != null;
    }
}
