package org.yardstick.framework;

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
 */
public record Indicator(
        long id, String code, LocalizedText name, LocalizedText unit, Polarity polarity, Aggregation aggregation,
        @Nullable String numeratorCode, @Nullable String denominatorCode, @Nullable String formula,
        IndicatorNature nature, int decimals, LocalizedText description) {}
