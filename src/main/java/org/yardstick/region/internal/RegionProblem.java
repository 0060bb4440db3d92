package org.yardstick.region.internal;

import org.yardstick.shared.ProblemKind;

/** What can be wrong in the region and organisation files, forms, API requests and division imports. */
public enum RegionProblem implements ProblemKind {
    UNKNOWN_REGION("region.unknown-region", "is not a known region code"),
    CODE_EXISTS("region.code-exists", "exists already at level {0} under {1}; only its names may be changed here"),
    REQUIRED("region.required", "is required"),
    BAD_CODE("region.bad-code", "must be 1 to 64 letters, digits, hyphens or underscores"),
    DUPLICATE_CODE("region.duplicate-code", "exists already"),
    REPEATED_CODE("region.repeated-code", "appears twice in the input (first in row {0})"),
    UNKNOWN_PARENT("region.unknown-parent", "is neither a stored region nor one added earlier in the input"),
    UNKNOWN_LEVEL("region.unknown-level", "is not a level; one of {0}"),
    LEVEL_ORDER("region.level-order", "a region of level {0} cannot be placed under a region of level {1} ({2})"),
    CYCLE("region.cycle", "{0} lies inside {1}: a region cannot be moved into its own subtree"),
    RETIRED("region.retired", "is retired"),
    RETIRE_REFERRED("region.retire-referred", "cannot be retired: {0} {1,choice,0#sub-regions|1#figures|2#targets|3#plans|4#organisations|5#accounts} refer to it"),
    UNKNOWN_KIND("region.unknown-kind", "is not a kind of organisation; one of {0}"),
    UNKNOWN_ORGANISATION("region.unknown-organisation", "is not a known organisation code"),
    TOO_LONG("region.too-long", "is longer than {0} characters"),
    DIVISION_FILE("region.division-file", "is not a division file: the header must be one of provinces, cities, areas, streets or villages (code, name and the parent columns)"),
    DIVISION_CODE("region.division-code", "must be {0} digits for a {1}"),
    DIVISION_PARENT("region.division-parent", "{0} is not a known {1} (neither stored nor earlier in the import)"),
    DIVISION_PREFIX("region.division-prefix", "does not begin with its parent''s code {0}"),
    DIVISION_READ("region.division-read", "cannot be read: {0}"),
    ROW_TOO_WIDE("region.row-too-wide", "has more than {0} cells"),
    ROW_TOO_LONG("region.row-too-long", "has more than {0} characters"),
    STALE("region.stale", "names a version other than the current one ({0}): someone changed it since you read it; read it again");

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
