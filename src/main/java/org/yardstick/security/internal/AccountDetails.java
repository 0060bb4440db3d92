package org.yardstick.security.internal;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.yardstick.security.Accounts;

/** Loads accounts for login. */
@Component
class AccountDetails implements UserDetailsService {

    private final Accounts accounts;
    private final JdbcClient jdbc;

    AccountDetails(Accounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        record Secret(String hash, Timestamp lockedUntil) {}
        Secret s = jdbc.sql("select password_hash, locked_until from account where username = ?").param(username)
                .query((rs, n) -> new Secret(rs.getString(1), rs.getTimestamp(2))).single();
        return new AccountPrincipal(account, s.hash(), s.lockedUntil() == null ? null : s.lockedUntil().toInstant());
    }
}
