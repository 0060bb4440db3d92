package org.yardstick.index.engine;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with an index definition, its data or a request to the engine. */
public enum IndexProblem implements ProblemKind {
    UNKNOWN_INDICATOR("index.unknown-indicator", "is not an indicator, denominator or declared column of the index"),
    MISSING_INDICATOR("index.missing-indicator", "indicator {0} has no column in the data"),
    MISSING_COLUMN("index.missing-column", "the data has no column {0}"),
    DUPLICATE_COLUMN("index.duplicate-column", "column {0} appears twice"),
    DUPLICATE_ROW("index.duplicate-row", "unit {0} in period {1} appears twice (first at row {2})"),
    NOT_A_NUMBER("index.not-a-number", "is not a number (write it like 12.5; leave empty or write NA when missing)"),
    NOT_FINITE("index.not-finite", "must be a finite number"),
    EMPTY_UNIT("index.empty-unit", "has no unit code"),
    EMPTY_DATA("index.empty-data", "has no data rows"),
    NO_UNITS_LEFT("index.no-units-left", "screening excluded every unit (minimum share of data {0})"),
    ZERO_DENOMINATOR("index.zero-denominator", "the denominator {0} is zero"),
    ZERO_VARIANCE("index.zero-variance", "has the same value for every unit in period {0}; {1} cannot scale it"),
    NON_POSITIVE_GEOMETRIC("index.non-positive-geometric",
            "is {0} in period {1} but the {2} mean of {3} needs positive values"),
    NON_POSITIVE_LOG("index.non-positive-log", "is {0} in period {1} but {2} needs positive values"),
    CYCLE("index.cycle", "the tree has a cycle: {0}"),
    ORPHAN("index.orphan", "names parent {0}, which is not an aggregate of the tree"),
    SECOND_ROOT("index.second-root", "has no parent, but {0} is already the root; give it a parent"),
    NO_ROOT("index.no-root", "the tree has no root (an aggregate without parent)"),
    CHILDLESS_AGGREGATE("index.childless-aggregate", "aggregate {0} has no children"),
    INDICATOR_AS_PARENT("index.indicator-as-parent", "names parent {0}, which is an indicator, not an aggregate"),
    DUPLICATE_CODE("index.duplicate-code", "code {0} is defined twice"),
    NEGATIVE_WEIGHT("index.negative-weight", "weight {0} is negative"),
    NOT_FINITE_WEIGHT("index.not-finite-weight", "weight must be a finite number"),
    ZERO_WEIGHTS("index.zero-weights", "every child of {0} has weight 0"),
    BAD_DIRECTION("index.bad-direction", "direction must be 1 or -1"),
    BAD_GOALPOSTS("index.bad-goalposts", "goalposts of {0} must be two numbers, low < high (and low > 0 for log goalposts)"),
    MISSING_GOALPOSTS("index.missing-goalposts", "indicator {0} needs goalposts for {1}"),
    MISSING_TARGET("index.missing-target", "indicator {0} needs a target for distance to target"),
    TARGET_AT_EXTREME("index.target-at-extreme", "target {0} equals the worst value in period {1}; the distance is undefined"),
    BAD_SETTING("index.bad-setting", "{0}"),
    OVERFLOW("index.overflow", "becomes too large to represent in {0} (period {1}); rescale the data"),
    UNKNOWN_UNIT("index.unknown-unit", "unit {0} is not in the data"),
    UNKNOWN_PERIOD("index.unknown-period", "period {0} is not in the data"),
    MISSING_IN_DECOMPOSITION("index.missing-in-decomposition",
            "{0} is missing for unit {1} in period {2}; the change cannot be decomposed"),
    UNPUBLISHED_WEIGHT("index.unpublished-weight",
            "the weight of {0} is not published, so the index cannot be computed from its components"),
    UNPUBLISHED_COMPONENTS("index.unpublished-components",
            "the components of {0} are not published, so it cannot be computed"),
    MISSING_IN_PERIOD("index.missing-period-column", "data with periods needs the period column {0}");

    private final String key;
    private final String template;

    IndexProblem(String key, String template) {
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
