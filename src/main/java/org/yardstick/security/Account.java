package org.yardstick.security;

import org.jspecify.annotations.Nullable;

/**
 * A user's account: who they are, their role, and where they belong — a region (with everything
 * inside it) or an organisation.
 *
 * @param regionCode the region the account belongs to; for organisation accounts, the
 *     organisation's region
 * @param regionPath the region's path ({@code /CN/65/6501/}), the prefix of everything in scope
 * @param organisationCode the organisation, for department and enterprise accounts
 * @param demo whether this is one of the demo's accounts (flagged in the interface)
 */
public record Account(
        long id, String username, String displayName, Role role, @Nullable String regionCode,
        @Nullable String regionPath, @Nullable String organisationCode, boolean enabled, boolean demo, int version)
        implements java.io.Serializable {}
