package org.yardstick.security.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request's bearer token: first as presented, then, once checked, with the account it acts as. */
final class TokenAuthentication extends AbstractAuthenticationToken {

    private final @Nullable String token;
    private final @Nullable AccountPrincipal account;

    private TokenAuthentication(@Nullable String token, @Nullable AccountPrincipal account) {
        super(account == null ? List.of() : account.getAuthorities());
        this.token = token;
        this.account = account;
        setAuthenticated(account != null);
    }

    static TokenAuthentication presented(String token) {
        return new TokenAuthentication(token, null);
    }

    static TokenAuthentication of(AccountPrincipal account) {
        return new TokenAuthentication(null, account);
    }

    @Override
    public @Nullable Object getCredentials() {
        return token;
    }

    @Override
    public @Nullable Object getPrincipal() {
        return account;
    }
}
