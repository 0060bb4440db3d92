package org.yardstick.index.analysis;

/**
 * What one component adds to an aggregate's score for one unit and period (贡献度).
 *
 * @param code the component (a child aggregate or an indicator)
 * @param weight its effective weight: its weight ÷ the sum of the weights of the children present,
 *     multiplied down the tree for an indicator's contribution to a higher aggregate
 * @param value its normalised value or score
 * @param contribution {@code weight × value}
 * @param share {@code weight × value / score}; for arithmetic aggregation the shares sum to 1
 */
public record Contribution(String code, double weight, double value, double contribution, double share) {}
