package org.yardstick.observation.web;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with the body of a collection API request as such. */
enum ApiProblem implements ProblemKind {
    NOT_JSON("api.not-json", "is not JSON: {0}"),
    NOT_ROWS("api.not-rows", "must be a JSON array of rows, or an object with a \"rows\" array"),
    NOT_AN_INTEGER("api.not-an-integer", "is not a whole number");

    private final String key;
    private final String template;

    ApiProblem(String key, String template) {
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
