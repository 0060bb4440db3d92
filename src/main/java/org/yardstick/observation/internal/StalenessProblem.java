package org.yardstick.observation.internal;

import org.yardstick.shared.ProblemKind;

/** What can be wrong when a planner sets when a data set's figures are stale. */
public enum StalenessProblem implements ProblemKind {
    YEARS_OUT_OF_RANGE("staleness.years-out-of-range", "must be a whole number of years from 1 to {0}"),
    REASON_REQUIRED("staleness.reason-required", "a reason is required");

    private final String key;
    private final String template;

    StalenessProblem(String key, String template) {
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
