package org.yardstick.supervision.internal;

/** Why an alert is raised. */
public enum AlertKind {
    /** The deadline is within the due-soon window and the item is not complete. */
    DUE_SOON,
    /** The deadline has passed and the item is not complete. */
    OVERDUE,
    /** A reporting period has ended without the lead unit's report. */
    NO_REPORT,
    /** A target that measures the item is off track or was missed. */
    OFF_TRACK
}
