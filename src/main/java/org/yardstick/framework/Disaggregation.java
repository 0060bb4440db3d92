package org.yardstick.framework;

import org.yardstick.shared.LocalizedText;

/** A breakdown of a figure (分组): urban, a given industry …; {@link #TOTAL} is no breakdown. */
public record Disaggregation(long id, String code, DisaggregationDimension dimension, LocalizedText name) {

    /** The code of the total, as in SDMX. */
    public static final String TOTAL = "_T";

    public boolean isTotal() {
        return TOTAL.equals(code);
    }
}
