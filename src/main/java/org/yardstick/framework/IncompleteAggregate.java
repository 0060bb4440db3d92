package org.yardstick.framework;

/**
 * What becomes of an indicator's aggregate while not every reporting unit below has reported
 * (未报齐的汇总值).
 */
public enum IncompleteAggregate {
    /** The partial aggregate is the region's figure; progress uses it (means and shares from a sample). */
    SHOW,
    /** Shown with a warning and its coverage; progress waits for all (the default: a partial sum understates). */
    WARN,
    /** Not shown until every reporting unit has reported. */
    WITHHOLD
}
