package org.yardstick.progress.internal;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with a milestone judgement a planner enters. */
public enum JudgementProblem implements ProblemKind {
    REQUIRED("progress.required", "is required"),
    UNKNOWN_VERDICT("progress.unknown-verdict", "is not one of achieved, on track, at risk, off track"),
    BAD_YEAR("progress.bad-year", "must be a year from {0,number,#} to {1,number,#}"),
    TOO_LONG("progress.too-long", "is longer than {0,number,#} characters"),
    NOT_A_MILESTONE("progress.not-a-milestone", "is not a qualitative milestone: its progress is computed from its figures");

    private final String key;
    private final String template;

    JudgementProblem(String key, String template) {
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
