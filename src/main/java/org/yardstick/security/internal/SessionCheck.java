package org.yardstick.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose account was changed since it logged in: on every authenticated request the
 * principal's security stamp is compared with the account's in the database (one look-up by primary
 * key), so disabling an account, changing its role or scope, or resetting its password takes effect
 * at the session's next request, on every instance sharing the database. The request then goes on
 * as the public's: pages that need an account redirect to the login page, the API answers 401.
 */
public final class SessionCheck extends OncePerRequestFilter {

    private final JdbcClient jdbc;

    public SessionCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p && !current(p)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean current(AccountPrincipal p) {
        return jdbc.sql("select security_stamp from account where id = ? and enabled = true")
                .param(p.account().id()).query(Integer.class).optional()
                .map(stamp -> stamp == p.stamp()).orElse(false);
    }
}
