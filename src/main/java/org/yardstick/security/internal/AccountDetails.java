package org.yardstick.security.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.yardstick.security.Accounts;

/** Loads accounts for login, with the password hash and the security stamp. */
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
        record Secret(String hash, int stamp) {}
        Secret s = jdbc.sql("select password_hash, security_stamp from account where id = ?").param(account.id())
                .query((rs, n) -> new Secret(rs.getString(1), rs.getInt(2))).single();
        return new AccountPrincipal(account, s.hash(), s.stamp());
    }
}
