package org.yardstick.ingestion.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.yardstick.ingestion.rules.Item;

/**
 * A planner's decision on one proposed item: accepted (possibly edited) or not, and the catalogue
 * indicator it is committed under (empty: a new indicator named {@code indicatorName}, in English
 * {@code indicatorNameEn}: the glossary's draft, edited by the planner; empty: "Indicator &lt;code&gt;").
 */
public record Decision(Item item, boolean accepted, String indicatorCode, String indicatorName, String indicatorNameEn,
                       @Nullable BigDecimal value, @Nullable BigDecimal valueHigh, String unit, @Nullable Integer year)
        implements java.io.Serializable {

    /** The rules' proposal as it stands: accepted if {@code accept}, under its catalogue match. */
    public static Decision of(Item item, boolean accept) {
        return new Decision(item, accept, item.match() == null ? "" : item.match().entry().code(), item.indicator(),
                org.yardstick.ingestion.rules.EnglishNames.draft(item.indicator()), item.value(), item.valueHigh(), item.unit(), item.year());
    }
}
