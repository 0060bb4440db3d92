package org.yardstick.ingestion.rules;

import org.jspecify.annotations.Nullable;
import org.yardstick.framework.TargetKind;

/**
 * What a proposed item is. Reported figures of the past (baseline, change, growth_rate, multiple)
 * become observations; the others become targets of the framework's {@link TargetKind}s, or tasks.
 */
public enum ItemKind {
    /** A level reported for a past year: 2015年…达到2341Gbps. */
    BASELINE(null),
    /** A change reported since an earlier year: 较“十一五”末增长10个百分点, 增长87%. */
    CHANGE(null),
    /** An average annual growth reported: 年均增速18.7%. */
    GROWTH_RATE(null),
    /** A multiple reported: 在2010年基础上翻了两番 (4). */
    MULTIPLE(null),
    /** A level to reach (value, at least, at most or a range): 到2020年…达到70%以上, 1-3个. */
    TARGET(TargetKind.VALUE),
    /** A change to reach: 提高10个百分点, 研发周期缩短10%. */
    TARGET_CHANGE(TargetKind.CHANGE),
    /** A growth rate to keep: 年均增长20%以上. */
    TARGET_GROWTH(TargetKind.GROWTH_RATE),
    /** A multiple to reach: 翻一番. */
    TARGET_MULTIPLE(TargetKind.MULTIPLE),
    /** Relative to another region: 达到或超过全国平均水平. */
    COMPARATOR(TargetKind.COMPARATOR),
    /** Things to build or do: 培育20家智能制造示范企业. */
    COUNT(TargetKind.COUNT),
    /** A qualitative milestone: 基本建成…. */
    MILESTONE(TargetKind.MILESTONE),
    /** A task with its responsible units (责任单位), the first leading. */
    TASK(null);

    private final @Nullable TargetKind target;

    ItemKind(@Nullable TargetKind target) {
        this.target = target;
    }

    /** The framework's kind of target this item becomes, or null for observations and tasks. */
    public @Nullable TargetKind targetKind() {
        return target;
    }

    /** Whether the item is a figure with a number (what recall and precision are measured on). */
    public boolean quantified() {
        return this != MILESTONE && this != TASK;
    }

    /** The name in JSON and framework files: {@code target_growth}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
