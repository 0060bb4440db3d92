package org.yardstick.framework;

/** How a {@link TargetKind#CHANGE} target's value is measured. */
public enum ChangeUnit {
    /** Relative change in percent of the baseline value: 提高20%. */
    PERCENT,
    /** Absolute change in the indicator's own unit (points, percentage points): 提高5个百分点. */
    POINTS
}
