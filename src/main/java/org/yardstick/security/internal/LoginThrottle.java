package org.yardstick.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing without letting anyone lock an account: wrong passwords are counted
 * per client address and per account name; past a few free failures, each further one makes that
 * address or that account wait twice as long before the next attempt (1 s, 2 s, 4 s … up to
 * {@link #MAX_SOURCE_DELAY} for an address, {@link #MAX_ACCOUNT_DELAY} for an account). An attempt
 * during the wait gets HTTP 429 with {@code Retry-After} and is not counted. A correct password
 * clears the account's count, not the address's. The client address is the connection's, or the one
 * a trusted proxy forwarded ({@code server.tomcat.remoteip.internal-proxies}, loopback only by
 * default); a forwarded header from anyone else is ignored. Both memories are bounded
 * ({@link #MAX_ENTRIES} each, least recently used dropped first) and forget an address or account
 * {@link #FORGET_AFTER} after its last failure.
 */
@Component
public class LoginThrottle extends OncePerRequestFilter {

    static final int FREE_SOURCE_FAILURES = 10;
    static final int FREE_ACCOUNT_FAILURES = 3;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_SOURCE_DELAY = Duration.ofMinutes(15);
    static final Duration MAX_ACCOUNT_DELAY = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final long MAX_ENTRIES = 100_000;

    /** Failures in a row and when the next attempt is allowed. */
    record Failures(int count, Instant notBefore) {}

    private final Clock clock;
    private final Cache<String, Failures> bySource = memory();
    private final Cache<String, Failures> byAccount = memory();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private static Cache<String, Failures> memory() {
        return Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(FORGET_AFTER).build();
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent e) {
        String source = e.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : null;
        failed(source, e.getAuthentication().getName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent e) {
        byAccount.invalidate(e.getAuthentication().getName());
    }

    /** A correct password for this account name (HTTP Basic): its count starts again. */
    void succeeded(String username) {
        byAccount.invalidate(username);
    }

    /** Counts a wrong password from this address for this account name. */
    void failed(@Nullable String source, @Nullable String username) {
        Instant now = clock.instant();
        if (source != null) {
            bySource.asMap().compute(source, (k, f) -> next(f, now, FREE_SOURCE_FAILURES, MAX_SOURCE_DELAY));
        }
        if (username != null) {
            byAccount.asMap().compute(username, (k, f) -> next(f, now, FREE_ACCOUNT_FAILURES, MAX_ACCOUNT_DELAY));
        }
    }

    private static Failures next(@Nullable Failures f, Instant now, int free, Duration max) {
        int count = f == null ? 1 : f.count() + 1;
        if (count <= free) {
            return new Failures(count, now);
        }
        int doublings = Math.min(count - free - 1, 30);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return new Failures(count, now.plus(delay.compareTo(max) > 0 ? max : delay));
    }

    /** Until when an attempt from this address for this account name must wait; null if it need not. */
    @Nullable Instant waitUntil(@Nullable String source, @Nullable String username) {
        Instant now = clock.instant();
        Instant until = null;
        for (Failures f : new Failures[] {source == null ? null : bySource.getIfPresent(source),
            username == null ? null : byAccount.getIfPresent(username)}) {
            if (f != null && f.notBefore().isAfter(now) && (until == null || f.notBefore().isAfter(until))) {
                until = f.notBefore();
            }
        }
        return until;
    }

    /** How many addresses and account names are remembered (for the test of the bound). */
    long remembered() {
        bySource.cleanUp();
        byAccount.cleanUp();
        return bySource.estimatedSize() + byAccount.estimatedSize();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && "/login".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant until = waitUntil(request.getRemoteAddr(), request.getParameter("username"));
        if (until != null) {
            long seconds = Math.max(1, Duration.between(clock.instant(), until).plusMillis(999).toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            response.sendError(429, "too many wrong passwords; try again in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
