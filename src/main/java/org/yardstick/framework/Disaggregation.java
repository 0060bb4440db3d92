package org.yardstick.framework;

import org.yardstick.shared.LocalizedText;

/** A breakdown of a figure (分组): urban, a given industry …; {@link #TOTAL} is no breakdown. */
public record Disaggregation(long id, String code, DisaggregationDimension dimension, LocalizedText name) {

    /** The code of the total, as in SDMX. */
    public static final String TOTAL = "_T";

    /** What joins the categories of a combination (交叉分组): {@code urban+large}. */
    public static final String JOIN = "+";

    public boolean isTotal() {
        return TOTAL.equals(code);
    }

    /**
     * The canonical code of a combination: the parts' codes in the order of their dimensions' codes
     * (AREA, ENTERPRISE_SIZE, INDUSTRY, OTHER), joined by {@link #JOIN}.
     */
    public static String combinationCode(java.util.Collection<Disaggregation> parts) {
        return String.join(JOIN, parts.stream()
                .sorted(java.util.Comparator.comparing((Disaggregation d) -> d.dimension().name()))
                .map(Disaggregation::code).toList());
    }
}
