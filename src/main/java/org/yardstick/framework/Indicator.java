package org.yardstick.framework;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * An indicator (指标): a quantity the plans measure.
 *
 * @param unit the unit as documents write it (亿元, 万户, %) and in English
 * @param polarity which direction is better
 * @param aggregation how values add up over regions
 * @param numeratorCode for {@link Aggregation#RATIO}: the indicator summed above the line
 * @param denominatorCode for {@link Aggregation#RATIO}: the indicator summed below the line
 * @param formula for derived indicators: an expression over other indicators' codes
 * @param nature expected or binding
 * @param decimals decimals to show
 * @param periodRule how months and quarters make years; null: not rolled up over periods
 * @param incomplete what a partial aggregate is
 * @param weightCode for a weighted mean: the indicator whose values weigh
 * @param differenceThreshold how far a region's own figure may differ from its computed one (统计口径差异),
 *        as a share (0.05 = 5 %); null: the platform's default
 * @param retiredAt when it was retired (已停用); null while in use
 */
public record Indicator(
        long id, String code, LocalizedText name, LocalizedText unit, Polarity polarity, Aggregation aggregation,
        @Nullable String numeratorCode, @Nullable String denominatorCode, @Nullable String formula,
        IndicatorNature nature, int decimals, LocalizedText description, @Nullable PeriodRule periodRule,
        IncompleteAggregate incomplete, @Nullable String weightCode, java.math.@Nullable BigDecimal differenceThreshold,
        @Nullable Instant retiredAt) {

    public boolean retired() {
        return retiredAt != null;
    }
}
