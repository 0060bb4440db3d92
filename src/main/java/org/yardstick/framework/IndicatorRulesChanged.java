package org.yardstick.framework;

/**
 * An indicator's rules for computed figures changed (its region aggregation, numerator, denominator,
 * weight, formula, period rule or incomplete-aggregate rule): what was computed with the old rules is
 * stale. Published in the transaction of the change.
 */
public record IndicatorRulesChanged(String indicatorCode) {}
