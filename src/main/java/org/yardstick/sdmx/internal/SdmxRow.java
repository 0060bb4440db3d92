package org.yardstick.sdmx.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * One observation of a data message: its series key, time period (SDMX form: 2015, 2015-Q3, 2015-03),
 * value and attributes; the names of its region and indicator for formats that carry names.
 *
 * @param qualifier the figure's qualifier (OVER, ABOUT …) when it has one
 * @param coverage of a computed figure: reporting regions covered / expected ("12/14")
 */
public record SdmxRow(String freq, String area, LocalizedText areaName, String indicator, LocalizedText indicatorName,
                      String breakdown, String time, BigDecimal value, String unit, String status,
                      @Nullable String qualifier, @Nullable String coverage) {

    /** The value at full stored precision, without trailing zeros or exponent. */
    public String valueText() {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** Whether another row is of the same series (all but the time period). */
    public boolean sameSeries(@Nullable SdmxRow o) {
        return o != null && freq.equals(o.freq) && area.equals(o.area) && indicator.equals(o.indicator)
                && breakdown.equals(o.breakdown);
    }
}
