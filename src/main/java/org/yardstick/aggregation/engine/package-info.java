/**
 * The aggregation rules in plain Java: {@link org.yardstick.aggregation.engine.RegionAggregation}
 * up a {@link org.yardstick.aggregation.engine.RegionTree}, {@link
 * org.yardstick.aggregation.engine.PeriodAggregation} over sub-periods, {@link
 * org.yardstick.aggregation.engine.Breakdowns} across categories and {@link
 * org.yardstick.aggregation.engine.Formula} for derived indicators. Values are {@link
 * java.math.BigDecimal}: sums are exact, quotients carry 34 significant digits.
 */
@NullMarked
package org.yardstick.aggregation.engine;

import org.jspecify.annotations.NullMarked;
