package org.yardstick.validation.internal;

/** Which year-over-year changes a {@link RuleKind#YOY_CHANGE} rule reports. */
public enum Direction {
    /** A rise or a fall beyond the threshold. */
    EITHER,
    /** Only a rise beyond the threshold. */
    UP,
    /** Only a fall beyond the threshold. */
    DOWN
}
