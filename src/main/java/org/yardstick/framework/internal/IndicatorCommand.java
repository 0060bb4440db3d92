package org.yardstick.framework.internal;

import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Aggregation;
import org.yardstick.framework.IncompleteAggregate;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.IndicatorNature;
import org.yardstick.framework.PeriodRule;
import org.yardstick.framework.Polarity;
import org.yardstick.shared.LocalizedText;

/**
 * An indicator as a form, a file or the API gives it, to create or to update (the code names it and
 * never changes). Fields as in {@link Indicator} and {@code indicators.yaml}.
 *
 * @param numerator   for {@link Aggregation#RATIO}: the indicator summed above the line
 * @param denominator for {@link Aggregation#RATIO}: the indicator summed below the line
 * @param formula     for derived indicators (计算指标): an expression over other indicators' codes
 * @param periodRule  how months and quarters make years; null: not rolled up over periods
 * @param weight      for a weighted {@link Aggregation#MEAN}: the indicator whose values weigh
 * @param differenceThreshold how far a region's own figure may differ from its computed one (0–1); null: default
 */
public record IndicatorCommand(
        String code, LocalizedText name, LocalizedText unit, Polarity polarity, Aggregation aggregation,
        @Nullable String numerator, @Nullable String denominator, @Nullable String formula, IndicatorNature nature,
        int decimals, LocalizedText description, @Nullable PeriodRule periodRule, IncompleteAggregate incomplete,
        @Nullable String weight, java.math.@Nullable BigDecimal differenceThreshold) {

    /** An indicator without its own threshold for 统计口径差异 (the platform's default applies). */
    public IndicatorCommand(
            String code, LocalizedText name, LocalizedText unit, Polarity polarity, Aggregation aggregation,
            @Nullable String numerator, @Nullable String denominator, @Nullable String formula, IndicatorNature nature,
            int decimals, LocalizedText description, @Nullable PeriodRule periodRule, IncompleteAggregate incomplete,
            @Nullable String weight) {
        this(code, name, unit, polarity, aggregation, numerator, denominator, formula, nature, decimals, description,
                periodRule, incomplete, weight, null);
    }

    /** The command that leaves an existing indicator as it is, to change a field of it with a {@code with…}. */
    public static IndicatorCommand of(Indicator i) {
        return new IndicatorCommand(i.code(), i.name(), i.unit(), i.polarity(), i.aggregation(), i.numeratorCode(),
                i.denominatorCode(), i.formula(), i.nature(), i.decimals(), i.description(), i.periodRule(), i.incomplete(),
                i.weightCode(), i.differenceThreshold());
    }
}
