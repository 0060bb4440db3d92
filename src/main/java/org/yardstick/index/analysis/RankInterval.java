package org.yardstick.index.analysis;

/**
 * The spread of a unit's rank over the Monte Carlo runs (quantiles by R's type 7).
 *
 * @param unit the unit
 * @param nominal its rank with the index as defined
 * @param median the median rank
 * @param p05 the 5th percentile rank
 * @param p95 the 95th percentile rank
 */
public record RankInterval(String unit, int nominal, double median, double p05, double p95) {}
