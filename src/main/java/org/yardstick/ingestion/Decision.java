package org.yardstick.ingestion;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.yardstick.ingestion.rules.Item;

/**
 * A planner's decision on one proposed item: accepted (possibly edited) or not, and the catalogue
 * indicator it is committed under (empty: a new indicator named {@code indicatorName}).
 */
public record Decision(Item item, boolean accepted, String indicatorCode, String indicatorName,
                       @Nullable BigDecimal value, @Nullable BigDecimal valueHigh, String unit, @Nullable Integer year)
        implements java.io.Serializable {

    /** The rules' proposal as it stands: accepted if {@code accept}, under its catalogue match. */
    public static Decision of(Item item, boolean accept) {
        return new Decision(item, accept, item.match() == null ? "" : item.match().entry().code(), item.indicator(),
                item.value(), item.valueHigh(), item.unit(), item.year());
    }
}
