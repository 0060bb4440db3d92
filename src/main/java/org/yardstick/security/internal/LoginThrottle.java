package org.yardstick.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing: an account is locked for {@link #LOCK} after
 * {@link #MAX_ACCOUNT_FAILURES} wrong passwords in a row; a client address that fails
 * {@link #MAX_ADDRESS_FAILURES} times within {@link #WINDOW} gets HTTP 429 on the login form until
 * the window has passed.
 */
@Component
public class LoginThrottle extends OncePerRequestFilter {

    static final int MAX_ACCOUNT_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    static final int MAX_ADDRESS_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private record Failures(int count, Instant since) {}

    private final JdbcClient jdbc;
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent e) {
        String username = e.getAuthentication().getName();
        jdbc.sql("update account set failed_logins = failed_logins + 1 where username = ?").param(username).update();
        jdbc.sql("update account set locked_until = ?, failed_logins = 0 where username = ? and failed_logins >= ?")
                .params(Timestamp.from(Instant.now().plus(LOCK)), username, MAX_ACCOUNT_FAILURES).update();
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent e) {
        jdbc.sql("update account set failed_logins = 0, locked_until = null where username = ?")
                .param(e.getAuthentication().getName()).update();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        Failures f = byAddress.get(address);
        Instant now = Instant.now();
        if (f != null && f.since().plus(WINDOW).isBefore(now)) {
            byAddress.remove(address);
            f = null;
        }
        if (f != null && f.count() >= MAX_ADDRESS_FAILURES) {
            response.sendError(429, "too many failed logins from this address; try again later");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == 302 && String.valueOf(response.getHeader("Location")).contains("error")) {
            byAddress.merge(address, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, a.since()));
        }
    }
}
