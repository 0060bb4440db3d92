package org.yardstick.assessment.engine;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with a request for the regional indicators or with an enterprise's 贯标 / 示范 flags. */
public enum RegionalProblem implements ProblemKind {
    BAD_YEAR("assessment.regional.bad-year", "is not a year from 2000 to 2100"),
    FLAG_REQUIRED("assessment.regional.flag-required", "is required: true or false"),
    REASON_REQUIRED("assessment.regional.reason-required", "is required: say why the flags change (for the audit trail)");

    private final String key;
    private final String template;

    RegionalProblem(String key, String template) {
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
