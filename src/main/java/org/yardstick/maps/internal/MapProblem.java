package org.yardstick.maps.internal;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with a request for a map. */
public enum MapProblem implements ProblemKind {
    BAD_YEAR("maps.bad-year", "must be a year such as 2023");

    private final String key;
    private final String template;

    MapProblem(String key, String template) {
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
