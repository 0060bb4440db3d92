package org.yardstick.supervision;

/** Where a supervised item stands against its deadline on a given day. */
public enum ItemStatus {
    /** Its start date is still ahead. */
    NOT_STARTED,
    /** Started, not complete, deadline more than the due-soon window away. */
    IN_PROGRESS,
    /** Not complete and the deadline is within the due-soon window. */
    DUE_SOON,
    /** Not complete and the deadline has passed. */
    OVERDUE,
    /** The lead unit reported 100% on or before the deadline. */
    COMPLETED,
    /** The lead unit reported 100% after the deadline. */
    COMPLETED_LATE;

    /** Late: overdue, or completed after the deadline. */
    public boolean late() {
        return this == OVERDUE || this == COMPLETED_LATE;
    }

    public boolean complete() {
        return this == COMPLETED || this == COMPLETED_LATE;
    }
}
