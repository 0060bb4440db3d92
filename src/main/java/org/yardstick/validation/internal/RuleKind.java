package org.yardstick.validation.internal;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a validation rule checks; each kind has its own fields (see {@link Condition}). */
public enum RuleKind {
    /** 取值范围: the figure lies between a minimum and/or a maximum, both included. */
    RANGE,
    /** 必填: the figure is present (optionally only when another figure is). */
    REQUIRED,
    /** 指标间比较: the figure compared with another of the same region and period, times a factor. */
    COMPARISON,
    /** 同比变化: the change on the same period one year earlier stays within a threshold (%). */
    YOY_CHANGE,
    /**
     * 合计等于分项之和: a reported total equals the sum of a complete set of its parts (the categories
     * of one dimension of the data set's breakdowns, 分组), within a tolerance (% of the total).
     */
    TOTAL_OF_PARTS;

    /** Reads {@code yoy_change}, {@code YOY-CHANGE}, {@code range} …; empty for anything else. */
    public static Optional<RuleKind> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String v = text.strip().replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(v)).findFirst();
    }
}
