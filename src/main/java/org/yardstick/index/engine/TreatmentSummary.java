package org.yardstick.index.engine;

/**
 * What outlier treatment did to one indicator over one scope (a period, or the panel), as COINr's
 * {@code TreatSummary}.
 *
 * @param indicator the indicator's code
 * @param period the period's label, or {@code "*"} for the whole panel
 * @param lowPoints how many values were winsorised up to the next lowest
 * @param highPoints how many values were winsorised down to the next highest
 * @param steps how many winsorisation steps were made (a step moves every tied copy)
 * @param outcome what was done
 * @param skewBefore skewness before (NaN: too few values)
 * @param kurtosisBefore kurtosis before
 * @param skewAfter skewness after
 * @param kurtosisAfter kurtosis after
 */
public record TreatmentSummary(String indicator, String period, int lowPoints, int highPoints, int steps,
        Outcome outcome, double skewBefore, double kurtosisBefore, double skewAfter, double kurtosisAfter) {

    public enum Outcome {
        /** The indicator passed as it was. */
        NONE,
        /** Winsorised until it passed. */
        WINSORISED,
        /** Winsorisation did not suffice; the log or CTlog fallback was applied. */
        LOG_TRANSFORMED,
        /** Winsorisation did not suffice and the fallback is none: values kept as they were. */
        FAILED_UNTREATED
    }

    /** COINr's wording, e.g. {@code "Winsorised 4 points"}. */
    public String describe() {
        return switch (outcome) {
            case NONE -> "None";
            case WINSORISED -> "Winsorised " + steps + " points";
            case LOG_TRANSFORMED -> "Log-transformed (exceeded " + steps + " points)";
            case FAILED_UNTREATED -> "Untreated (exceeded " + steps + " points, no fallback)";
        };
    }
}
