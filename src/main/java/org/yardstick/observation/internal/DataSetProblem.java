package org.yardstick.observation.internal;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with a data set a planner writes (数据集维护): its code, names, indicators, regions and windows. */
public enum DataSetProblem implements ProblemKind {
    CODE_FORMAT("data-set.code-format", "must be 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit"),
    CODE_TAKEN("data-set.code-taken", "is already the code of a data set"),
    REQUIRED("data-set.required", "is required"),
    TOO_LONG("data-set.too-long", "is longer than {0} characters"),
    UNKNOWN_LEVEL("data-set.unknown-level", "is not a region level ({0})"),
    UNKNOWN_PERIOD_TYPE("data-set.unknown-period-type", "is not a period type (YEAR, QUARTER, MONTH)"),
    UNKNOWN_INDICATOR("data-set.unknown-indicator", "is not a known indicator code"),
    DUPLICATE_INDICATOR("data-set.duplicate-indicator", "is listed twice"),
    NO_INDICATORS("data-set.no-indicators", "a data set needs at least one indicator"),
    UNKNOWN_REGION("data-set.unknown-region", "is not a known region code"),
    REGION_BELOW_LEVEL("data-set.region-below-level", "is a {0}-level region with no {1}-level regions under it to report the data set"),
    BAD_PERIOD("data-set.bad-period", "is not a {0} period (for example {1})"),
    BAD_DATE("data-set.bad-date", "is not a date (yyyy-mm-dd)"),
    WINDOW_DATES("data-set.window-dates", "opens on {0}, after it closes on {1}"),
    BACKFILL_REASON("data-set.backfill-reason", "ended on {0}, more than a year ago, or its window has closed: opening a past period for back-filling needs a reason"),
    DECIMALS("data-set.decimals", "must be a whole number from 0 to 16"),
    HAS_FIGURES("data-set.has-figures", "cannot change: the data set already has {0} submission(s); retire it and create a new one"),
    RETIRED("data-set.retired", "is retired: no figures are collected for it any more"),
    NOT_A_REPORTING_REGION("data-set.not-a-reporting-region", "does not report the data set {0} (reported within {1})"),
    STALE("data-set.stale", "was {0} when you read it and is {1} now: someone changed the data set meanwhile; read it again"),
    UNKNOWN_FIELD("data-set.unknown-field", "is not a field of a data set"),
    UNKNOWN_DIMENSION("data-set.unknown-dimension", "is not a dimension of breakdowns ({0})"),
    UNKNOWN_BREAKDOWN("data-set.unknown-breakdown", "is not a category of this dimension (disaggregations.yaml; known: {0})"),
    BREAKDOWN_OTHER_DIMENSION("data-set.breakdown-other-dimension", "is a category of the dimension {0}, not of this one"),
    BREAKDOWN_TWICE("data-set.breakdown-twice", "is listed twice (already under {0}): a category belongs to one dimension"),
    WINDOW_TWICE("data-set.window-twice", "is the period of another window of this data set: a period has one window"),
    IN_TWO_DIMENSIONS("data-set.in-two-dimensions", "is listed under the dimensions {0} and {1}: a category belongs to one dimension"),
    BREAKDOWN_HAS_FIGURES("data-set.breakdown-has-figures", "cannot be removed: {0} figure(s) of the indicators of the data set are broken down by it"),
    CROSSED_NOT_DECLARED("data-set.crossed-not-declared", "is not a dimension the data set breaks figures down by (its dimensions: {0}): only those are crossed"),
    CROSSED_TOO_FEW("data-set.crossed-too-few", "crosses {0} dimension(s): crossing takes two or more");

    private final String key;
    private final String template;

    DataSetProblem(String key, String template) {
        this.key = key;
        this.template = template;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String template() {
        return template;
    }
}
