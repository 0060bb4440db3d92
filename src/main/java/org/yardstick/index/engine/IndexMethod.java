package org.yardstick.index.engine;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The method of each stage of the pipeline, in order: denomination (given per indicator by the
 * tree), screening, imputation, outlier treatment, normalisation, aggregation, ranking.
 *
 * @param screeningMinShare units with a smaller share of their values present are excluded; 0 keeps all
 * @param imputing how missing values are estimated, the index-wide default
 * @param treatment outlier treatment, the index-wide default
 * @param normalisation normalisation, the index-wide default
 * @param aggregation the default aggregation of aggregates (a node may override it)
 * @param missingChildren the policy for aggregates with missing children
 * @param rankDecimals scores are rounded to this many decimals before ranking, as published tables
 *     do (COINr's results tables rank scores rounded to 2 decimals, so 77.5750 and 77.5655 tie);
 *     negative: rank the exact scores
 * @param nodes methods set on nodes of the tree, by node code: an indicator's stage uses its own
 *     setting, else its nearest ancestor's, else the index-wide one
 * @param referenceUnits units computed and shown but never ranked (全国, a group average), and left
 *     out of the bounds of normalisation (min, max, mean, sd) unless {@code referenceBounds}
 * @param referenceBounds whether reference units count for the bounds of normalisation
 */
public record IndexMethod(double screeningMinShare, ImputationChain imputing, Treatment treatment,
        Normalisation normalisation, Aggregation aggregation, MissingChildren missingChildren, int rankDecimals,
        Map<String, NodeMethod> nodes, Set<String> referenceUnits, boolean referenceBounds) {

    public IndexMethod {
        if (!(screeningMinShare >= 0 && screeningMinShare <= 1)) {
            throw new IllegalArgumentException("screening share must lie in [0, 1]");
        }
        nodes = Map.copyOf(nodes);
        referenceUnits = Set.copyOf(referenceUnits);
    }

    /** One method for every indicator, no reference units. */
    public IndexMethod(double screeningMinShare, Imputation imputation, Treatment treatment,
            Normalisation normalisation, Aggregation aggregation, MissingChildren missingChildren, int rankDecimals) {
        this(screeningMinShare, ImputationChain.of(imputation), treatment, normalisation, aggregation,
                missingChildren, rankDecimals, Map.of(), Set.of(), false);
    }

    /** COINr's defaults as in the ASEM example, without imputation or treatment: min-max 0–100, arithmetic. */
    public static IndexMethod defaults() {
        return new IndexMethod(0, Imputation.NONE, Treatment.none(), Normalisation.minMax(0, 100),
                Aggregation.arithmetic(), MissingChildren.renormalise(), -1);
    }

    /** The first method of the index-wide imputation chain. */
    public Imputation imputation() {
        return imputing.first();
    }

    public IndexMethod withImputation(Imputation i) {
        return withImputing(ImputationChain.of(i));
    }

    public IndexMethod withImputing(ImputationChain i) {
        return new IndexMethod(screeningMinShare, i, treatment, normalisation, aggregation, missingChildren,
                rankDecimals, nodes, referenceUnits, referenceBounds);
    }

    public IndexMethod withTreatment(Treatment t) {
        return new IndexMethod(screeningMinShare, imputing, t, normalisation, aggregation, missingChildren,
                rankDecimals, nodes, referenceUnits, referenceBounds);
    }

    public IndexMethod withNormalisation(Normalisation n) {
        return new IndexMethod(screeningMinShare, imputing, treatment, n, aggregation, missingChildren,
                rankDecimals, nodes, referenceUnits, referenceBounds);
    }

    public IndexMethod withAggregation(Aggregation a) {
        return new IndexMethod(screeningMinShare, imputing, treatment, normalisation, a, missingChildren,
                rankDecimals, nodes, referenceUnits, referenceBounds);
    }

    public IndexMethod withMissingChildren(MissingChildren m) {
        return new IndexMethod(screeningMinShare, imputing, treatment, normalisation, aggregation, m,
                rankDecimals, nodes, referenceUnits, referenceBounds);
    }

    public IndexMethod withRankDecimals(int decimals) {
        return new IndexMethod(screeningMinShare, imputing, treatment, normalisation, aggregation, missingChildren,
                decimals, nodes, referenceUnits, referenceBounds);
    }

    public IndexMethod withScreening(double minShare) {
        return new IndexMethod(minShare, imputing, treatment, normalisation, aggregation, missingChildren,
                rankDecimals, nodes, referenceUnits, referenceBounds);
    }

    /** The same with methods set on nodes (by node code). */
    public IndexMethod withNodes(Map<String, NodeMethod> byNode) {
        return new IndexMethod(screeningMinShare, imputing, treatment, normalisation, aggregation, missingChildren,
                rankDecimals, byNode, referenceUnits, referenceBounds);
    }

    /** The same with reference units; {@code inBounds}: they count for normalisation's bounds. */
    public IndexMethod withReferenceUnits(Set<String> units, boolean inBounds) {
        return new IndexMethod(screeningMinShare, imputing, treatment, normalisation, aggregation, missingChildren,
                rankDecimals, nodes, units, inBounds);
    }

    /** The imputation of each indicator of the tree, in its order. */
    public ImputationChain[] imputations(IndexTree tree) {
        ImputationChain[] out = new ImputationChain[tree.indicators().size()];
        for (int c = 0; c < out.length; c++) {
            ImputationChain own = resolve(tree, tree.indicators().get(c), NodeMethod::imputing);
            out[c] = own == null ? imputing : own;
        }
        return out;
    }

    /** The outlier treatment of each indicator of the tree, in its order. */
    public Treatment[] treatments(IndexTree tree) {
        Treatment[] out = new Treatment[tree.indicators().size()];
        for (int c = 0; c < out.length; c++) {
            Treatment own = resolve(tree, tree.indicators().get(c), NodeMethod::treatment);
            out[c] = own == null ? treatment : own;
        }
        return out;
    }

    /** The normalisation of each indicator of the tree, in its order. */
    public Normalisation[] normalisations(IndexTree tree) {
        Normalisation[] out = new Normalisation[tree.indicators().size()];
        for (int c = 0; c < out.length; c++) {
            Normalisation own = resolve(tree, tree.indicators().get(c), NodeMethod::normalisation);
            out[c] = own == null ? normalisation : own;
        }
        return out;
    }

    private <T> @Nullable T resolve(IndexTree tree, TreeNode node, Function<NodeMethod, @Nullable T> stage) {
        if (nodes.isEmpty()) {
            return null;
        }
        for (TreeNode at = node; at != null; at = at.parent() == null ? null : tree.node(at.parent())) {
            NodeMethod m = nodes.get(at.code());
            T v = m == null ? null : stage.apply(m);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
