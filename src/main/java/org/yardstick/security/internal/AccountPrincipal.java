package org.yardstick.security.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.yardstick.security.Account;

/** A logged-in account as Spring Security sees it. */
public final class AccountPrincipal implements UserDetails {

    private final Account account;
    private final String passwordHash;
    private final @Nullable Instant lockedUntil;

    AccountPrincipal(Account account, String passwordHash, @Nullable Instant lockedUntil) {
        this.account = account;
        this.passwordHash = passwordHash;
        this.lockedUntil = lockedUntil;
    }

    public Account account() {
        return account;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(account.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }
}
