package org.yardstick.region;

import org.yardstick.shared.ProblemKind;

/** What can be wrong in the region and organisation files. */
public enum RegionProblem implements ProblemKind {
    UNKNOWN_REGION("region.unknown-region", "is not a known region code"),
    CODE_EXISTS("region.code-exists", "exists already at level {0} under {1}; only its names may be changed here");

    private final String key;
    private final String template;

    RegionProblem(String key, String template) {
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
