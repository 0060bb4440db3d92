package org.yardstick.security.internal;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with an account as an administrator enters it. */
public enum AccountProblem implements ProblemKind {
    USERNAME_TAKEN("account.username-taken", "is taken by another account"),
    BAD_USERNAME("account.bad-username", "must be 3–64 letters, digits, dots, hyphens or underscores"),
    WEAK_PASSWORD("account.weak-password", "must have at least 10 characters"),
    NEEDS_REGION("account.needs-region", "is required for the role {0}"),
    NEEDS_ORGANISATION("account.needs-organisation", "is required for the role {0}"),
    UNKNOWN_REGION("account.unknown-region", "is not a known region code"),
    UNKNOWN_ORGANISATION("account.unknown-organisation", "is not a known organisation code"),
    NAME_REQUIRED("account.name-required", "is required"),
    STALE("account.stale", "was changed by someone else meanwhile; reload and try again"),
    LAST_ADMIN("account.last-admin", "is the last enabled administrator and cannot lose that role"),
    PASSWORD_TOO_LONG("account.password-too-long", "has {0,number,#} bytes in UTF-8; at most {1,number,#} are allowed"),
    COMMON_PASSWORD("account.common-password", "is, or is built on, one of the most common passwords"),
    GUESSABLE_PASSWORD("account.guessable-password",
            "is too easy to guess (words, names, dates, keyboard runs or the account''s own name: {0,number,#} bits of entropy, at least {1,number,#} needed)"),
    NAME_TOO_LONG("account.name-too-long", "has {0,number,#} characters; at most {1,number,#} are allowed"),
    OUTSIDE_SCOPE("account.outside-scope", "is outside your own scope ({0}); you may only grant scopes within it"),
    BAD_ROLE("account.bad-role", "must be one of {0}");

    private final String key;
    private final String template;

    AccountProblem(String key, String template) {
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
