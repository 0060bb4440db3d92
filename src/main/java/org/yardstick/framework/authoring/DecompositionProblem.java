package org.yardstick.framework.authoring;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with a target's parts (分解落实). */
public enum DecompositionProblem implements ProblemKind {
    NOT_BELOW("decomposition.not-below", "is not a region below the whole''s region ({0})"),
    REGION_OR_UNIT("decomposition.region-or-unit", "give either a region or a department (organisation), not both and not neither"),
    MIXED("decomposition.mixed", "a target is split either among regions or among departments, not both"),
    VALUE_OR_SHARE("decomposition.value-or-share", "give either a value or a share of the whole, not both and not neither"),
    NO_NUMBERS("decomposition.no-numbers", "a part of a {0} target carries no number"),
    SHARE_RANGE("decomposition.share-range", "a share must be above 0 and at most 100 (percent)"),
    SHARE_NOT_ADDITIVE("decomposition.share-not-additive", "shares need parts that add up (aggregation sum) and a level target; this one is {0}"),
    EXCEEDS("decomposition.exceeds", "the parts add up to {0}, more than the whole ({1}); confirm to go ahead anyway"),
    ALREADY_A_PART("decomposition.already-a-part", "already has a part of this target ({0}); adjust that part instead"),
    RETIRED_WHOLE("decomposition.retired-whole", "the whole is retired and cannot be decomposed"),
    NO_PARTS("decomposition.no-parts", "give at least one part");

    private final String key;
    private final String template;

    DecompositionProblem(String key, String template) {
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
