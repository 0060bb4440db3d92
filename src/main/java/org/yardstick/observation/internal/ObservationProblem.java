package org.yardstick.observation.internal;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with a reported figure. */
public enum ObservationProblem implements ProblemKind {
    UNKNOWN_INDICATOR("observation.unknown-indicator", "is not a known indicator code"),
    UNKNOWN_REGION("observation.unknown-region", "is not a known region code"),
    UNKNOWN_DISAGGREGATION("observation.unknown-disaggregation", "is not a known disaggregation code"),
    UNKNOWN_DOCUMENT("observation.unknown-document", "is not a known document code"),
    BAD_PERIOD("observation.bad-period", "is not a period (2015, 2015Q3 or 2015-03)"),
    BASE_PERIOD_REQUIRED("observation.base-period-required", "is required when the measure is {0}"),
    BASE_PERIOD_NOT_ALLOWED("observation.base-period-not-allowed", "must be empty when the measure is level"),
    BASE_PERIOD_ORDER("observation.base-period-order", "must be before the period ({0})"),
    UNKNOWN_MEASURE("observation.unknown-measure", "must be one of: level, change, pct_change, cagr, multiple"),
    UNKNOWN_QUALIFIER("observation.unknown-qualifier", "is not a known qualifier (超过, 以上, 近, 约, 不少于, 不超过 …)"),
    NOT_A_NUMBER("observation.not-a-number", "is not a number"),
    TOO_LARGE("observation.too-large", "is too large (at most 10^15 in absolute value)"),
    TOO_PRECISE("observation.too-precise", "has more than 16 decimals"),
    BAD_LINE("observation.bad-line", "must be a line number of at least 1"),
    QUOTE_REQUIRED("observation.quote-required", "is required when a document is given"),
    CONFLICT("observation.conflict", "gives another value ({0}) for the same figure as row {1}");

    private final String key;
    private final String template;

    ObservationProblem(String key, String template) {
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
