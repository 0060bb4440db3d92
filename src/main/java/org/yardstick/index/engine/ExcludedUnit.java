package org.yardstick.index.engine;

/**
 * A unit left out by screening (数据完整性筛选) because too little of its data is present.
 *
 * @param unit the unit's code
 * @param share the share of its indicator values present over all periods, in [0, 1]
 */
public record ExcludedUnit(String unit, double share) {}
