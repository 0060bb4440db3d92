package org.yardstick.index;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with an index definition as the platform reads it, beyond the spec itself. */
enum IndexDefinitionProblem implements ProblemKind {
    UNKNOWN_REGION("index-definition.unknown-region", "there is no region with code {0}"),
    UNKNOWN_INDICATOR("index-definition.unknown-indicator", "there is no indicator with code {0} in the catalogue"),
    NOT_A_PERIOD("index-definition.not-a-period", "is not a period (a year 2015, a quarter 2015Q3 or a month 2015-03)"),
    BAD_PERIOD_RANGE("index-definition.bad-period-range",
            "from and to must be periods of the same kind, from not after to, at most {0} periods"),
    CODE_CHANGED("index-definition.code-changed",
            "the code of an index cannot change (it is {0}); create a new index for another code"),
    CODE_TAKEN("index-definition.code-taken", "an index with code {0} exists already"),
    NOT_FOUND("index-definition.not-found", "there is no index with code {0} to change");

    private final String key;
    private final String template;

    IndexDefinitionProblem(String key, String template) {
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
