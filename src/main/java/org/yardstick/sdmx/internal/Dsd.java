package org.yardstick.sdmx.internal;

import java.util.List;

/**
 * The one data structure definition (DSD) every Yardstick data flow uses: its identifiers and the order
 * of its components. Series key: FREQ.REF_AREA.INDICATOR.BREAKDOWN; TIME_PERIOD; OBS_VALUE; attributes
 * at the observation.
 */
public final class Dsd {

    public static final String ID = "DSD_YARDSTICK";
    public static final String VERSION = "1.0";
    public static final String CONCEPTS = "CS_YARDSTICK";
    public static final String TIME_PERIOD = "TIME_PERIOD";
    public static final String OBS_VALUE = "OBS_VALUE";
    /** The dimensions of the series key, in order. */
    public static final List<String> DIMENSIONS = List.of("FREQ", "REF_AREA", "INDICATOR", "BREAKDOWN");
    /** The code list of each dimension, in the order of {@link #DIMENSIONS}. */
    public static final List<String> DIMENSION_CODELISTS = List.of("CL_FREQ", "CL_REGION", "CL_INDICATOR", "CL_BREAKDOWN");
    /** Attributes, all attached to the observation, in the order the writers put them. */
    public static final List<String> ATTRIBUTES = List.of("UNIT_MEASURE", "OBS_STATUS", "OBS_QUALIFIER", "COVERAGE");
    /** Every concept of the scheme. */
    public static final List<String> ALL_CONCEPTS = List.of("FREQ", "REF_AREA", "INDICATOR", "BREAKDOWN", TIME_PERIOD,
            OBS_VALUE, "UNIT_MEASURE", "OBS_STATUS", "OBS_QUALIFIER", "COVERAGE");
    /** Every code list, in the order a structure message lists them. */
    public static final List<String> CODELISTS = List.of("CL_BREAKDOWN", "CL_FREQ", "CL_INDICATOR", "CL_OBS_STATUS",
            "CL_REGION", "CL_UNIT");
    /** The flow of every approved reported figure, and the flow of the computed figures (汇总值). */
    public static final String FLOW_ALL = "ALL";
    public static final String FLOW_COMPUTED = "COMPUTED";
    /** OBS_STATUS codes: a reported figure approved (A), a figure computed from the sub-regions' (C). */
    public static final String REPORTED = "A";
    public static final String COMPUTED = "C";

    private Dsd() {}

    /** The frequency code of a stored period code: 2015 → A, 2015Q3 → Q, 2015-03 → M. */
    public static String freq(String period) {
        return period.length() == 4 ? "A" : period.indexOf('Q') > 0 ? "Q" : "M";
    }

    /** A stored period code as an SDMX time period: 2015Q3 → 2015-Q3; years and months stay. */
    public static String time(String period) {
        int q = period.indexOf('Q');
        return q > 0 ? period.substring(0, q) + "-" + period.substring(q) : period;
    }
}
