package org.yardstick.progress.rules;

import org.jspecify.annotations.Nullable;
import org.yardstick.framework.ChangeUnit;
import org.yardstick.framework.Polarity;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.TargetKind;

/**
 * A target as the plan sets it, in the vocabulary of {@code docs/framework-files.md}: its kind, the
 * document's qualifier, the number(s), the change unit, the baseline year and (when the document
 * gives it beside the target) the baseline value, the target year, and the polarity of the
 * indicator. The baseline value is otherwise the observation of the baseline year.
 *
 * @param value the target number: a level, a signed change (缩短10% is -10), a rate in % a year, a
 *     factor (翻一番 is 2), a count, the low end of a range; null for comparator and milestone targets
 * @param valueHigh the high end of a range; null for other kinds
 * @param changeUnit percent or points, for {@link TargetKind#CHANGE} only
 * @param limit a natural limit of the indicator (a share cannot pass 100), for direction-only
 *     targets ({@link TargetKind#INCREASE}, {@link TargetKind#DECREASE}); null when there is none.
 *     Statistics Canada's method scales its growth thresholds by it and ignores it where a number
 *     is given ("Ignoring limit as target already provided", sdg-build)
 */
public record TargetTerms(
        TargetKind kind,
        Qualifier qualifier,
        @Nullable Double value,
        @Nullable Double valueHigh,
        @Nullable ChangeUnit changeUnit,
        int baselineYear,
        @Nullable Double baselineValue,
        int targetYear,
        Polarity polarity,
        @Nullable Double limit) {

    public TargetTerms {
        Figure.requireYear(baselineYear, "baseline year");
        Figure.requireYear(targetYear, "target year");
        if (targetYear <= baselineYear) {
            throw new IllegalArgumentException(
                    "target year " + targetYear + " must come after the baseline year " + baselineYear);
        }
        requireFiniteOrNull(value, "value");
        requireFiniteOrNull(valueHigh, "value_high");
        requireFiniteOrNull(baselineValue, "baseline value");
        requireFiniteOrNull(limit, "limit");
        boolean needsValue = kind != TargetKind.COMPARATOR && kind != TargetKind.MILESTONE && !kind.directionOnly();
        if (needsValue && value == null) {
            throw new IllegalArgumentException(kind + " target needs a value");
        }
        if (kind.directionOnly() && value != null) {
            throw new IllegalArgumentException(kind + " target gives a direction, not a value");
        }
        if (limit != null && !kind.directionOnly()) {
            throw new IllegalArgumentException("a natural limit is for direction-only targets, not " + kind);
        }
        if ((kind == TargetKind.RANGE) != (valueHigh != null)) {
            throw new IllegalArgumentException("value_high is for range targets only, and a range needs it");
        }
        if (kind == TargetKind.RANGE && valueHigh < value) {
            throw new IllegalArgumentException("range " + value + "-" + valueHigh + " is upside down");
        }
        if ((kind == TargetKind.CHANGE) != (changeUnit != null)) {
            throw new IllegalArgumentException("change_unit is for change targets only, and a change needs it");
        }
        if (kind == TargetKind.MULTIPLE && value <= 0) {
            throw new IllegalArgumentException("a multiple must be above zero, was " + value);
        }
        boolean relative = kind == TargetKind.GROWTH_RATE
                || (kind == TargetKind.CHANGE && changeUnit == ChangeUnit.PERCENT);
        if (relative && value < -100) {
            throw new IllegalArgumentException("a relative change cannot be below -100%, was " + value);
        }
    }

    private static void requireFiniteOrNull(@Nullable Double x, String what) {
        if (x != null && !Double.isFinite(x)) {
            throw new IllegalArgumentException(what + " must be finite, was " + x);
        }
    }

    /** Reach a value: 两化融合发展指数达到68. Polarity says which side of it counts. */
    public static TargetTerms value(double value, int baselineYear, int targetYear) {
        return of(TargetKind.VALUE, value, null, null, baselineYear, targetYear);
    }

    /** At least a value: 不少于3家. */
    public static TargetTerms atLeast(double value, int baselineYear, int targetYear) {
        return of(TargetKind.AT_LEAST, value, null, null, baselineYear, targetYear);
    }

    /** At most a value: 不超过…. */
    public static TargetTerms atMost(double value, int baselineYear, int targetYear) {
        return of(TargetKind.AT_MOST, value, null, null, baselineYear, targetYear);
    }

    /** Within a range, both ends included: 1-3个. */
    public static TargetTerms range(double low, double high, int baselineYear, int targetYear) {
        return of(TargetKind.RANGE, low, high, null, baselineYear, targetYear);
    }

    /** A signed change relative to the baseline: 缩短10% is {@code change(-10, PERCENT, …)}. */
    public static TargetTerms change(double value, ChangeUnit unit, int baselineYear, int targetYear) {
        return of(TargetKind.CHANGE, value, null, unit, baselineYear, targetYear);
    }

    /** Average annual growth in % from the baseline year: 年均增长20%以上 is {@code growthRate(20, …)} qualified OVER. */
    public static TargetTerms growthRate(double percentPerYear, int baselineYear, int targetYear) {
        return of(TargetKind.GROWTH_RATE, percentPerYear, null, null, baselineYear, targetYear);
    }

    /** A multiple of the baseline: 翻一番 is {@code multiple(2, …)}. */
    public static TargetTerms multiple(double factor, int baselineYear, int targetYear) {
        return of(TargetKind.MULTIPLE, factor, null, null, baselineYear, targetYear);
    }

    /** Level with or better than a comparator region in the same year: 达到或超过全国平均水平. */
    public static TargetTerms comparator(int baselineYear, int targetYear) {
        return of(TargetKind.COMPARATOR, null, null, null, baselineYear, targetYear);
    }

    /** A cumulative count of things built or done: 培育20家智能制造示范企业. */
    public static TargetTerms count(double value, int baselineYear, int targetYear) {
        return of(TargetKind.COUNT, value, null, null, baselineYear, targetYear);
    }

    /** A qualitative milestone judged by a person: 基本建成…. */
    public static TargetTerms milestone(int baselineYear, int targetYear) {
        return of(TargetKind.MILESTONE, null, null, null, baselineYear, targetYear);
    }

    /** Direction only: the indicator should grow (稳步提高; SDG "Increase"). */
    public static TargetTerms increase(int baselineYear, int targetYear) {
        return of(TargetKind.INCREASE, null, null, null, baselineYear, targetYear);
    }

    /** Direction only: the indicator should fall (逐步下降; SDG "Decrease"). */
    public static TargetTerms decrease(int baselineYear, int targetYear) {
        return of(TargetKind.DECREASE, null, null, null, baselineYear, targetYear);
    }

    private static TargetTerms of(TargetKind kind, @Nullable Double value, @Nullable Double high,
            @Nullable ChangeUnit unit, int baselineYear, int targetYear) {
        return new TargetTerms(kind, Qualifier.NONE, value, high, unit, baselineYear, null, targetYear, Polarity.POSITIVE, null);
    }

    public TargetTerms withQualifier(Qualifier q) {
        return new TargetTerms(kind, q, value, valueHigh, changeUnit, baselineYear, baselineValue, targetYear, polarity, limit);
    }

    public TargetTerms withPolarity(Polarity p) {
        return new TargetTerms(kind, qualifier, value, valueHigh, changeUnit, baselineYear, baselineValue, targetYear, p, limit);
    }

    /** The baseline value the document states beside the target; it wins over an observation of that year. */
    public TargetTerms withBaselineValue(@Nullable Double b) {
        return new TargetTerms(kind, qualifier, value, valueHigh, changeUnit, baselineYear, b, targetYear, polarity, limit);
    }

    /** The indicator's natural limit (a share cannot pass 100), for direction-only targets. */
    public TargetTerms withLimit(@Nullable Double l) {
        return new TargetTerms(kind, qualifier, value, valueHigh, changeUnit, baselineYear, baselineValue, targetYear,
                polarity, l);
    }

    /** Whether the target's level is defined relative to the baseline value (so the baseline is indispensable). */
    boolean isRelative() {
        return kind == TargetKind.CHANGE || kind == TargetKind.GROWTH_RATE || kind == TargetKind.MULTIPLE;
    }

    /** Whether a relative target needs a baseline above zero (all but a change in points). */
    boolean needsPositiveBaseline() {
        return isRelative() && !(kind == TargetKind.CHANGE && changeUnit == ChangeUnit.POINTS);
    }
}
