package org.yardstick.framework;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with the content of a framework file, beyond its syntax. */
public enum FrameworkProblem implements ProblemKind {
    UNKNOWN_INDICATOR("framework.unknown-indicator", "is not a known indicator code"),
    UNKNOWN_REGION("framework.unknown-region", "is not a known region code"),
    UNKNOWN_ORGANISATION("framework.unknown-organisation", "is not a known organisation code"),
    UNKNOWN_DOCUMENT("framework.unknown-document", "is not a known document code"),
    UNKNOWN_DISAGGREGATION("framework.unknown-disaggregation", "is not a known disaggregation code"),
    UNKNOWN_SECTION("framework.unknown-section", "is not a section of this plan"),
    UNKNOWN_TARGET("framework.unknown-target", "is not a target of this plan"),
    REQUIRED_FOR_KIND("framework.required-for-kind", "is required for a target of kind {0}"),
    NOT_ALLOWED_FOR_KIND("framework.not-allowed-for-kind", "does not apply to a target of kind {0}"),
    RANGE_ORDER("framework.range-order", "must not be below value ({0})"),
    YEAR_ORDER("framework.year-order", "must not be after {0} ({1})"),
    YEAR_OUT_OF_RANGE("framework.year-out-of-range", "must be a year between 1949 and 2100"),
    UNKNOWN_QUALIFIER("framework.unknown-qualifier", "is not a known qualifier (以上, 超过, 近, 约, 不少于, 不超过, 争取 …)"),
    RATIO_NEEDS_PARTS("framework.ratio-needs-parts", "a ratio indicator needs both numerator and denominator"),
    WEIGHT_ONLY_FOR_MEAN("framework.weight-only-for-mean", "only a mean is weighted (aggregation: mean)"),
    FORMULA_UNKNOWN_CODE("framework.formula-unknown-code", "refers to {0}, which is not a known indicator"),
    THRESHOLD_RANGE("framework.threshold-range", "must be a share between 0 and 1 (0.05 for 5 %)"),
    FORMULA_UNITS("framework.formula-units", "adds or subtracts indicators of different units: {0}"),
    FORMULA_PERIODS("framework.formula-periods",
            "reads {0}, collected by shorter periods without a period rule, with {1}: they never share a period, so it would never have a value"),
    PLAN_EXISTS("framework.plan-exists", "a plan with this code exists already"),
    BAD_LINE("framework.bad-line", "must be a line number of at least 1"),
    NO_UNITS("framework.no-units", "a task needs at least one responsible unit"),
    CODE_EXISTS("framework.code-exists", "is taken: something of this kind has this code already"),
    CODE_MISMATCH("framework.code-mismatch", "does not match the code being changed ({0}); a code never changes"),
    RETIRED("framework.retired", "is retired ({0}) and cannot be changed or used"),
    REASON_REQUIRED("framework.reason-required", "is required for this change: say why"),
    FORCE_NEEDED("framework.force-needed", "has {0} figures and {1} targets in force; to go ahead anyway, force it and give the reason"),
    IN_USE("framework.in-use", "is used by {0}; change those first"),
    MEANING_CHANGED("framework.meaning-changed", "would change what the code means (was {0}); retire it and create a new one"),
    HAS_LIVE_PARTS("framework.has-live-parts", "still holds {0}; retire or move them first"),
    SECTION_CYCLE("framework.section-cycle", "a section cannot be inside itself or one of its own sub-sections"),
    FORMULA_SYNTAX("framework.formula-syntax", "cannot be read as a formula: {0}"),
    FORMULA_SELF("framework.formula-self", "refers to the indicator itself"),
    FORMULA_CYCLE("framework.formula-cycle", "makes formulas refer to each other in a circle: {0}"),
    REQUIRED("framework.required", "is required"),
    DUPLICATE_ITEM("framework.duplicate-item", "names {0} twice");

    private final String key;
    private final String template;

    FrameworkProblem(String key, String template) {
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
