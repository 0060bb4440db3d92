package org.yardstick.aggregation.engine;

/** What becomes of an aggregate when not every reporting unit below has reported (set per indicator or data set). */
public enum Incomplete {
    /** The partial aggregate is the region's figure; pages show its coverage. */
    SHOW,
    /** The partial aggregate is the region's figure, marked with a warning beside its coverage. */
    WARN,
    /** No figure until every reporting unit has reported (a reported figure of the region itself still counts). */
    WITHHOLD
}
