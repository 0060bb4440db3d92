package org.yardstick.index.engine;

import org.jspecify.annotations.Nullable;

/**
 * The methods set on one node of the tree (an indicator, or an aggregate for every indicator below
 * it), each overriding the index-wide one; a null stage takes the nearest ancestor's setting, and
 * finally the index's. An index that normalises bandwidth per user by log goalposts and the other
 * indicators by linear goalposts (ITU ICT Development Index) sets {@code log_goalposts} on that one
 * indicator.
 *
 * @param imputing how the indicator's missing values are imputed; null: inherited
 * @param treatment its outlier treatment; null: inherited
 * @param normalisation its normalisation; null: inherited
 */
public record NodeMethod(@Nullable ImputationChain imputing, @Nullable Treatment treatment,
        @Nullable Normalisation normalisation) {

    /** Whether the node sets nothing. */
    public boolean isEmpty() {
        return imputing == null && treatment == null && normalisation == null;
    }
}
