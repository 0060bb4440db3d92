package org.yardstick.progress.rules;

/** Where a target stands (进展状态). */
public enum Status {
    /** The latest figure meets the target (or a person judged the milestone achieved). */
    ACHIEVED,
    /** Not yet met; the rate achieved is at least 95% of the rate required (StatCan "on track"). */
    ON_TRACK,
    /** Not yet met; 60% to 95% of the rate required (StatCan "progress made but acceleration needed"). */
    AT_RISK,
    /** Not met and below 60% of the rate required, or moving away from it (before the target year). */
    OFF_TRACK,
    /** No baseline, no figure after the baseline, or no comparator figure: the reason says which. */
    INSUFFICIENT_DATA,
    /** A qualitative milestone that nobody has judged yet. */
    NOT_ASSESSED,
    /**
     * At or after the target year, the figure of the target year (or a later one) does not meet the
     * target (未实现). Only final statuses are given from the target year on: achieved, not achieved, or
     * cannot be judged — never on track or at risk.
     */
    NOT_ACHIEVED,
    /**
     * At or after the target year, no figure (or judgement) of the target year or later is known, so
     * whether the target was met cannot be said (无法判断); the reason names the latest figure's year.
     */
    CANNOT_BE_JUDGED;

    /** Whether this status is one of the three a target can have from its target year on. */
    public boolean isFinal() {
        return this == ACHIEVED || this == NOT_ACHIEVED || this == CANNOT_BE_JUDGED;
    }
}
