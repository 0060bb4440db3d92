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
 */
public record IndexMethod(double screeningMinShare, Imputation imputation, Treatment treatment,
        Normalisation normalisation, Aggregation aggregation, MissingChildren missingChildren) {

    public IndexMethod {
        if (!(screeningMinShare >= 0 && screeningMinShare <= 1)) {
            throw new IllegalArgumentException("screening share must lie in [0, 1]");
        }
    }

    /** COINr's defaults as in the ASEM example, without imputation or treatment: min-max 0–100, arithmetic. */
    public static IndexMethod defaults() {
        return new IndexMethod(0, Imputation.NONE, Treatment.none(), Normalisation.minMax(0, 100),
                Aggregation.arithmetic(), MissingChildren.renormalise());
    }

    public IndexMethod withImputation(Imputation i) {
        return new IndexMethod(screeningMinShare, i, treatment, normalisation, aggregation, missingChildren);
    }

    public IndexMethod withTreatment(Treatment t) {
        return new IndexMethod(screeningMinShare, imputation, t, normalisation, aggregation, missingChildren);
    }

    public IndexMethod withNormalisation(Normalisation n) {
        return new IndexMethod(screeningMinShare, imputation, treatment, n, aggregation, missingChildren);
    }

    public IndexMethod withAggregation(Aggregation a) {
        return new IndexMethod(screeningMinShare, imputation, treatment, normalisation, a, missingChildren);
    }

    public IndexMethod withMissingChildren(MissingChildren m) {
        return new IndexMethod(screeningMinShare, imputation, treatment, normalisation, aggregation, m);
    }

    public IndexMethod withScreening(double minShare) {
        return new IndexMethod(minShare, imputation, treatment, normalisation, aggregation, missingChildren);
    }
}
