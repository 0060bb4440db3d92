package org.yardstick.framework;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One step of a target's history (目标值调整记录): its creation, an adjustment (动态调整) or its
 * retirement, with the numbers before and after, who, when, through which channel and why.
 */
public record TargetRevision(
        long id, Action action, @Nullable TargetKind oldKind, @Nullable TargetKind newKind, @Nullable BigDecimal oldValue,
        @Nullable BigDecimal newValue, @Nullable BigDecimal oldValueHigh, @Nullable BigDecimal newValueHigh,
        @Nullable Integer oldBaselineYear, @Nullable Integer newBaselineYear, @Nullable Integer oldTargetYear,
        @Nullable Integer newTargetYear, Instant at, String by, Change.Channel channel, String reason) {

    public enum Action { CREATE, ADJUST, RETIRE }
}
