package org.yardstick.observation;

import org.yardstick.shared.ProblemKind;

/** What can be wrong when figures are entered, imported, submitted or reviewed. */
public enum CollectionProblem implements ProblemKind {
    NOT_IN_DATA_SET("collection.not-in-data-set", "is not an indicator of the data set {0}"),
    WRONG_REGION_LEVEL("collection.wrong-region-level", "is a {0}-level region; the data set {1} is reported by {2}-level regions"),
    OUT_OF_SCOPE("collection.out-of-scope", "is outside the regions you may report for"),
    WRONG_PERIOD_TYPE("collection.wrong-period-type", "is not a period of the kind the data set {0} collects ({1})"),
    PERIOD_CLOSED("collection.period-closed", "is not open for reporting (window {0} to {1})"),
    NO_WINDOW("collection.no-window", "has no collection window in the data set {0}"),
    LOCKED("collection.locked", "cannot be changed while the submission is {0}"),
    CONFLICT("collection.conflict", "was changed by {0} meanwhile (now {1}); reload to see it, then enter your value again"),
    NOT_A_NUMBER("collection.not-a-number", "is not a number"),
    TOO_LARGE("collection.too-large", "is too large (at most 10^15 in absolute value)"),
    TOO_PRECISE("collection.too-precise", "has more than 8 decimals"),
    UNKNOWN_QUALIFIER("collection.unknown-qualifier", "is not a known qualifier (超过, 以上, 近, 约, 不少于, 不超过 …)"),
    REQUIRED_MISSING("collection.required-missing", "is required before the submission can be submitted"),
    ERRORS_REMAIN("collection.errors-remain", "has {0} validation error(s) to fix before it can be submitted"),
    WRONG_STATUS("collection.wrong-status", "is {0}; this needs it to be {1}"),
    REASON_REQUIRED("collection.reason-required", "a reason is required"),
    NOT_YOURS_TO_REVIEW("collection.not-yours-to-review", "is not a region you review"),
    COMMENT_TOO_LONG("collection.comment-too-long", "is longer than {0} characters"),
    UNKNOWN_PLAN("collection.unknown-plan", "is not a known plan code"),
    SELF_APPROVAL("collection.self-approval", "cannot be approved by {0}: {0} entered or submitted figures of it (four eyes); another reviewer must approve it"),
    CONFLICT_RACE("collection.conflict-race", "was being changed by someone else at the same moment; reload to see it, then enter your value again"),
    TOO_MANY_DECIMALS("collection.too-many-decimals", "has {0} decimals; figures of the data set {1} have at most {2} (nothing is rounded)"),
    NOT_AN_INTEGER("collection.not-an-integer", "is not a whole number; reload the page and try again"),
    UNKNOWN_BREAKDOWN("collection.unknown-breakdown", "is not a category the data set {0} breaks figures down by (its categories: {1})"),
    COMBINATION_NOT_CROSSED("collection.combination-not-crossed", "is a combination, and the data set {0} does not cross these dimensions (it crosses: {1})"),
    COMBINATION_UNKNOWN_CATEGORY("collection.combination-unknown-category", "names {0}, which is not a category of the dimensions the data set {1} crosses ({2})"),
    COMBINATION_INCOMPLETE("collection.combination-incomplete", "lacks a category of the dimension {0}: a combination of the data set {1} takes one category of each of {2}"),
    COMBINATION_TWICE("collection.combination-twice", "names two categories of the dimension {0}: a combination takes one category of each crossed dimension");

    private final String key;
    private final String template;

    CollectionProblem(String key, String template) {
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
