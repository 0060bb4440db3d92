package org.yardstick.validation.internal;

import org.yardstick.shared.ProblemKind;

/**
 * What validation says: the findings of rules about figures, and what can be wrong with a rule as
 * a planner writes it (form or {@code validation-rules.yaml}). Texts: {@code problem.validation.*}
 * in {@code i18n/validation*.properties}.
 */
public enum ValidationProblem implements ProblemKind {
    // ---- findings about figures
    BELOW_MIN("validation.below-min", "is {0}, below the minimum of {1}"),
    ABOVE_MAX("validation.above-max", "is {0}, above the maximum of {1}"),
    MISSING("validation.missing", "is missing"),
    MISSING_WITH("validation.missing-with", "is missing although {0} is given"),
    COMPARISON("validation.comparison", "{0} ({1}) must be {2} {3} ({4})"),
    COMPARISON_FACTOR("validation.comparison-factor", "{0} ({1}) must be {2} {3} × {4} ({3} × {5} = {6})"),
    YOY_CHANGE("validation.yoy-change", "changed by {0}% on the year before ({1} → {2}), more than {3}%"),
    TOTAL_NOT_SUM("validation.total-not-sum", "the total ({0}) is not the sum of its parts {2} ({1}), beyond a tolerance of {3}%"),
    MARGIN_NOT_SUM("validation.margin-not-sum", "the subtotal {0} ({1}) is not the sum of its crossed cells {3} ({2}), beyond a tolerance of {4}%"),

    // ---- problems of a rule as written
    TOO_LONG("validation.too-long", "is longer than {0} characters"),
    UNKNOWN_INDICATOR("validation.unknown-indicator", "is not a known indicator code"),
    UNKNOWN_DATA_SET("validation.unknown-data-set", "is not a known data set code"),
    NOT_IN_DATA_SET("validation.not-in-data-set", "is not an indicator of the data set {0}"),
    NO_BOUND("validation.no-bound", "a range needs a minimum, a maximum or both"),
    MIN_ABOVE_MAX("validation.min-above-max", "is below the minimum ({0})"),
    NOT_POSITIVE("validation.not-positive", "must be greater than 0"),
    NEGATIVE("validation.negative", "must be 0 or greater"),
    SAME_INDICATOR("validation.same-indicator", "must be another indicator than {0}"),
    DUPLICATE_CODE("validation.duplicate-code", "is already the code of another rule"),
    CONFLICT("validation.conflict", "was changed by {0} meanwhile (now version {1}); reload the rule and make your change again");

    private final String key;
    private final String template;

    ValidationProblem(String key, String template) {
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
