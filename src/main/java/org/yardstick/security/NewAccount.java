package org.yardstick.security;

import org.jspecify.annotations.Nullable;

/** An account to create: the password in clear, hashed before it is stored. */
public record NewAccount(
        String username, String displayName, String password, Role role, @Nullable String regionCode,
        @Nullable String organisationCode, boolean demo) {}
