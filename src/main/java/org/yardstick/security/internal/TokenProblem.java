package org.yardstick.security.internal;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with a personal access token as its owner asks for it. */
public enum TokenProblem implements ProblemKind {
    NAME_REQUIRED("token.name-required", "is required"),
    NAME_TOO_LONG("token.name-too-long", "has {0,number,#} characters; at most {1,number,#} are allowed"),
    EXPIRY_PAST("token.expiry-past", "is before today ({0}); a token must be valid at least until the end of today"),
    BAD_EXPIRY("token.bad-expiry", "is not a date of the form 2026-12-31"),
    TOO_MANY("token.too-many", "would be your token number {0,number,#}; at most {1,number,#} may be active at once (revoke one first)");

    private final String key;
    private final String template;

    TokenProblem(String key, String template) {
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
