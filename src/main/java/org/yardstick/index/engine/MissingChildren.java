package org.yardstick.index.engine;

/**
 * What an aggregate is when some children are missing for a unit and period (缺项处理). The
 * weights are always renormalised over the children present: {@code W = Σ_present w_i}. The
 * aggregate is computed when {@code Σ_present w_i / Σ_all w_i ≥ minShare} and at least one child is
 * present; otherwise it is missing. {@code minShare = 0} is COINr's default ({@code na.rm = TRUE}:
 * any child present suffices), {@code minShare = 1} requires every child.
 *
 * @param minShare the least share of the weight that must be present, in [0, 1]
 */
public record MissingChildren(double minShare) {

    public MissingChildren {
        if (!(minShare >= 0 && minShare <= 1)) {
            throw new IllegalArgumentException("minimum share of weight must lie in [0, 1]");
        }
    }

    /** Renormalise over whatever children are present. */
    public static MissingChildren renormalise() {
        return new MissingChildren(0);
    }

    /** Renormalise, but only when at least {@code share} of the weight is present. */
    public static MissingChildren requireShare(double share) {
        return new MissingChildren(share);
    }
}
