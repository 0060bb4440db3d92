/**
 * Aggregation (汇总): figures reach the targets. County figures roll up the region tree by each
 * indicator's rule (sum, mean, weighted mean, ratio of sums, not additive) with their coverage
 * (报送率); months and quarters roll up to years by the indicator's period rule; breakdowns add up
 * to totals; derived indicators are evaluated after their inputs are aggregated.
 *
 * <p>{@code engine} holds the rules as plain Java (no Spring, no database), testable with
 * {@code new}.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.aggregation;
