package org.yardstick.progress.rules;

/** Where a target stands (进展状态). */
public enum Status {
    /** The latest figure meets the target (or a person judged the milestone achieved). */
    ACHIEVED,
    /** Not yet met; the rate achieved is at least 95% of the rate required (StatCan "on track"). */
    ON_TRACK,
    /** Not yet met; 60% to 95% of the rate required (StatCan "progress made but acceleration needed"). */
    AT_RISK,
    /**
     * Not met and below 60% of the rate required, moving away from it, or the target year has passed
     * without the target being met (missed).
     */
    OFF_TRACK,
    /** No baseline, no figure after the baseline, or no comparator figure: the reason says which. */
    INSUFFICIENT_DATA,
    /** A qualitative milestone that nobody has judged yet. */
    NOT_ASSESSED
}
