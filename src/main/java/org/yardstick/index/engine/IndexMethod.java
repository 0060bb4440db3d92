package org.yardstick.index.engine;

/**
 * The method of each stage of the pipeline, in order: denomination (given per indicator by the
 * tree), screening, imputation, outlier treatment, normalisation, aggregation.
 *
 * @param screeningMinShare units with a smaller share of their values present are excluded; 0 keeps all
 * @param imputation how missing values are estimated
 * @param treatment outlier treatment
 * @param normalisation normalisation
 * @param aggregation the default aggregation of aggregates (a node may override it)
 * @param missingChildren the policy for aggregates with missing children
 * @param rankDecimals scores are rounded to this many decimals before ranking, as published tables
 *     do (COINr's results tables rank scores rounded to 2 decimals, so 77.5750 and 77.5655 tie);
 *     negative: rank the exact scores
 */
public record IndexMethod(double screeningMinShare, Imputation imputation, Treatment treatment,
        Normalisation normalisation, Aggregation aggregation, MissingChildren missingChildren, int rankDecimals) {

    public IndexMethod {
        if (!(screeningMinShare >= 0 && screeningMinShare <= 1)) {
            throw new IllegalArgumentException("screening share must lie in [0, 1]");
        }
    }

    /** COINr's defaults as in the ASEM example, without imputation or treatment: min-max 0–100, arithmetic. */
    public static IndexMethod defaults() {
        return new IndexMethod(0, Imputation.NONE, Treatment.none(), Normalisation.minMax(0, 100),
                Aggregation.arithmetic(), MissingChildren.renormalise(), -1);
    }

    public IndexMethod withImputation(Imputation i) {
        return new IndexMethod(screeningMinShare, i, treatment, normalisation, aggregation, missingChildren, rankDecimals);
    }

    public IndexMethod withTreatment(Treatment t) {
        return new IndexMethod(screeningMinShare, imputation, t, normalisation, aggregation, missingChildren, rankDecimals);
    }

    public IndexMethod withNormalisation(Normalisation n) {
        return new IndexMethod(screeningMinShare, imputation, treatment, n, aggregation, missingChildren, rankDecimals);
    }

    public IndexMethod withAggregation(Aggregation a) {
        return new IndexMethod(screeningMinShare, imputation, treatment, normalisation, a, missingChildren, rankDecimals);
    }

    public IndexMethod withMissingChildren(MissingChildren m) {
        return new IndexMethod(screeningMinShare, imputation, treatment, normalisation, aggregation, m, rankDecimals);
    }

    public IndexMethod withRankDecimals(int decimals) {
        return new IndexMethod(screeningMinShare, imputation, treatment, normalisation, aggregation, missingChildren,
                decimals);
    }

    public IndexMethod withScreening(double minShare) {
        return new IndexMethod(minShare, imputation, treatment, normalisation, aggregation, missingChildren, rankDecimals);
    }
}
