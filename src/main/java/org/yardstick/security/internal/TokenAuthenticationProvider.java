package org.yardstick.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Checks a personal access token: known by its hash, not revoked, not expired, its account enabled.
 * The account is loaded afresh, so the token acts with the account's role and scope of this moment.
 * The time of last use is written at most once a minute per token.
 */
final class TokenAuthenticationProvider implements AuthenticationProvider {

    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final UserDetailsService accounts;
    private final Clock clock;

    TokenAuthenticationProvider(JdbcClient jdbc, UserDetailsService accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        String token = (String) presented.getCredentials();
        if (token == null || !token.startsWith(ApiTokens.PREFIX)) {
            throw new BadCredentialsException("token unknown or revoked");
        }
        record Found(long id, String username, Timestamp expiresAt, Timestamp revokedAt) {}
        Found t = jdbc.sql("""
                        select t.id, a.username, t.expires_at, t.revoked_at from api_token t
                        join account a on a.id = t.account_id where t.token_hash = ?""")
                .param(ApiTokens.hash(token))
                .query((rs, n) -> new Found(rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4)))
                .optional().orElseThrow(() -> new BadCredentialsException("token unknown or revoked"));
        Instant now = clock.instant();
        if (t.revokedAt() != null) {
            throw new BadCredentialsException("token unknown or revoked");
        }
        if (t.expiresAt() != null && !now.isBefore(t.expiresAt().toInstant())) {
            throw new CredentialsExpiredException("token expired");
        }
        AccountPrincipal account = (AccountPrincipal) accounts.loadUserByUsername(t.username());
        if (!account.isEnabled()) {
            throw new DisabledException("account disabled");
        }
        jdbc.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(now), t.id(), Timestamp.from(now.minus(LAST_USED_PRECISION))).update();
        return TokenAuthentication.of(account);
    }

    @Override
    public boolean supports(Class<?> type) {
        return TokenAuthentication.class.isAssignableFrom(type);
    }
}
