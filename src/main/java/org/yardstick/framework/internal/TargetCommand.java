package org.yardstick.framework.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.ChangeUnit;
import org.yardstick.framework.Citation;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.shared.LocalizedText;

/**
 * A target (目标值) as given, to create or adjust; fields as in {@link Target}. Which numbers are
 * required depends on the kind (a range needs {@code valueHigh ≥ value}, a change a baseline year …).
 * Adjusting may change the kind, numbers, years, qualifier, statement and source; the indicator,
 * region and breakdown are what the target's code means and do not change.
 */
public record TargetCommand(
        String code, @Nullable String indicatorCode, String regionCode, String disaggregationCode, TargetKind kind,
        Qualifier qualifier, String qualifierText, @Nullable BigDecimal value, @Nullable BigDecimal valueHigh,
        @Nullable ChangeUnit changeUnit, @Nullable BigDecimal limit, @Nullable String comparatorRegionCode,
        @Nullable Integer baselineYear, int targetYear, LocalizedText statement, @Nullable Citation source) {

    /** The command that leaves an existing target as it is. */
    public static TargetCommand of(Target t) {
        return new TargetCommand(t.code(), t.indicatorCode(), t.regionCode(), t.disaggregationCode(), t.kind(), t.qualifier(),
                t.qualifierText(), t.value(), t.valueHigh(), t.changeUnit(), t.limit(), t.comparatorRegionCode(),
                t.baselineYear(), t.targetYear(), t.statement(), t.source());
    }
}
