package org.yardstick.framework;

/**
 * The kinds of target the plans set (目标值的类型). Each kind says how the target's numbers are read;
 * the progress rules know how to measure progress towards each.
 */
public enum TargetKind {
    /** Reach a value: 两化融合发展指数达到68. */
    VALUE,
    /** At least a value: 不少于3家, 20个以上. */
    AT_LEAST,
    /** At most a value: 不超过…. */
    AT_MOST,
    /** Within a range, both ends included: 1-3个, 3-5个. */
    RANGE,
    /** Change relative to the baseline, in percent or in points: 研发周期缩短10%, 库存周转率提高20%. */
    CHANGE,
    /** Average annual growth rate in percent from the baseline year: 年均增长20%以上. */
    GROWTH_RATE,
    /** A multiple of the baseline: 翻一番 is 2. */
    MULTIPLE,
    /** Relative to a comparator region's value in the same year: 达到或超过全国平均水平. */
    COMPARATOR,
    /** A count of things built or done, cumulative over the plan: 培育20家智能制造示范企业. */
    COUNT,
    /** A qualitative milestone, judged by a person: 基本建成完善的信息安全保障体系. */
    MILESTONE,
    /**
     * Direction only, no number: the indicator should grow (预期性 indicators such as 稳步提高, SDG
     * indicators marked "Increase"). Graded on its growth rate by Statistics Canada's thresholds.
     */
    INCREASE,
    /** Direction only, no number: the indicator should fall (逐步下降; SDG "Decrease"). */
    DECREASE;

    /** Whether the target gives a direction and no number (graded on the growth rate alone). */
    public boolean directionOnly() {
        return this == INCREASE || this == DECREASE;
    }
}
