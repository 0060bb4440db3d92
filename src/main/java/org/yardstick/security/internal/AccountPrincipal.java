package org.yardstick.security.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.yardstick.security.Account;

/**
 * A logged-in account as Spring Security sees it, with the account's security stamp at login:
 * {@link SessionCheck} ends the session once the stamp in the database differs.
 */
public final class AccountPrincipal implements UserDetails {

    private final Account account;
    private final String passwordHash;
    private final int stamp;

    AccountPrincipal(Account account, String passwordHash, int stamp) {
        this.account = account;
        this.passwordHash = passwordHash;
        this.stamp = stamp;
    }

    public Account account() {
        return account;
    }

    int stamp() {
        return stamp;
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
    public boolean isEnabled() {
        return account.enabled();
    }
}
