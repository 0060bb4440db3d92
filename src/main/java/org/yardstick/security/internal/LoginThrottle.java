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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * default); a forwarded header from anyone else is ignored. An address or account is forgotten
 * {@link #FORGET_AFTER} after its last failure.
 *
 * <p>The application counts in the database ({@code login_failure}), so every instance of a cluster sees
 * the same counts (issue 17); {@code new LoginThrottle(clock)} counts in memory, bounded
 * ({@link #MAX_ENTRIES} each, least recently used dropped first).
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

    /** Where failures are counted: per kind (address or account name) and name. */
    interface Counts {
        @Nullable Failures get(Kind kind, String name, Instant now);

        /** Counts one more failure and lengthens the wait it calls for (atomically across whoever shares the counts). */
        void fail(Kind kind, String name, Instant now, int free, Duration max);

        void forget(Kind kind, String name);

        long size();
    }

    enum Kind { SOURCE, ACCOUNT }

    private final Clock clock;
    private final Counts counts;

    /** Counting in memory, for one instance (the arithmetic's tests). */
    LoginThrottle(Clock clock) {
        this(clock, new MemoryCounts());
    }

    @Autowired
    LoginThrottle(Clock clock, JdbcClient jdbc) {
        this(clock, new DatabaseCounts(jdbc));
    }

    private LoginThrottle(Clock clock, Counts counts) {
        this.clock = clock;
        this.counts = counts;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent e) {
        String source = e.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : null;
        failed(source, e.getAuthentication().getName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent e) {
        counts.forget(Kind.ACCOUNT, e.getAuthentication().getName());
    }

    /** A correct password for this account name (HTTP Basic): its count starts again. */
    void succeeded(String username) {
        counts.forget(Kind.ACCOUNT, username);
    }

    /** Counts a wrong password from this address for this account name. */
    void failed(@Nullable String source, @Nullable String username) {
        Instant now = clock.instant();
        if (source != null) {
            counts.fail(Kind.SOURCE, source, now, FREE_SOURCE_FAILURES, MAX_SOURCE_DELAY);
        }
        if (username != null) {
            counts.fail(Kind.ACCOUNT, username, now, FREE_ACCOUNT_FAILURES, MAX_ACCOUNT_DELAY);
        }
    }

    /** When the next attempt is allowed after {@code count} failures in a row, the last one {@code now}. */
    static Instant notBefore(int count, Instant now, int free, Duration max) {
        if (count <= free) {
            return now;
        }
        int doublings = Math.min(count - free - 1, 30);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return now.plus(delay.compareTo(max) > 0 ? max : delay);
    }

    private static Failures next(@Nullable Failures f, Instant now, int free, Duration max) {
        int count = f == null ? 1 : f.count() + 1;
        return new Failures(count, notBefore(count, now, free, max));
    }

    /** One instance's counts, bounded. */
    private static final class MemoryCounts implements Counts {
        private final Cache<String, Failures> bySource = memory();
        private final Cache<String, Failures> byAccount = memory();

        private static Cache<String, Failures> memory() {
            return Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(FORGET_AFTER).build();
        }

        private Cache<String, Failures> of(Kind kind) {
            return kind == Kind.SOURCE ? bySource : byAccount;
        }

        @Override
        public @Nullable Failures get(Kind kind, String name, Instant now) {
            return of(kind).getIfPresent(name);
        }

        @Override
        public void fail(Kind kind, String name, Instant now, int free, Duration max) {
            of(kind).asMap().compute(name, (k, f) -> next(f, now, free, max));
        }

        @Override
        public void forget(Kind kind, String name) {
            of(kind).invalidate(name);
        }

        @Override
        public long size() {
            bySource.cleanUp();
            byAccount.cleanUp();
            return bySource.estimatedSize() + byAccount.estimatedSize();
        }
    }

    /**
     * The cluster's counts, in {@code login_failure}: each failure is one atomic increment (no read-modify-write
     * race between instances), the wait only ever lengthened ({@code greatest}); rows older than
     * {@link #FORGET_AFTER} count as absent and are deleted as failures come in.
     */
    private static final class DatabaseCounts implements Counts {
        private final JdbcClient jdbc;

        DatabaseCounts(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        private static OffsetDateTime at(Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }

        @Override
        public @Nullable Failures get(Kind kind, String name, Instant now) {
            return jdbc.sql("select failures, not_before from login_failure where kind = ? and name = ? and last_failure >= ?")
                    .params(kind.name(), name, at(now.minus(FORGET_AFTER)))
                    .query((rs, n) -> new Failures(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                    .optional().orElse(null);
        }

        @Override
        public void fail(Kind kind, String name, Instant now, int free, Duration max) {
            jdbc.sql("delete from login_failure where last_failure < ?").param(at(now.minus(FORGET_AFTER))).update();
            for (int attempt = 0; ; attempt++) {
                int updated = jdbc.sql("update login_failure set failures = failures + 1, last_failure = ? where kind = ? and name = ?")
                        .params(at(now), kind.name(), name).update();
                if (updated == 0) {
                    try {
                        jdbc.sql("insert into login_failure (kind, name, failures, not_before, last_failure) values (?, ?, 1, ?, ?)")
                                .params(kind.name(), name, at(notBefore(1, now, free, max)), at(now)).update();
                        return;
                    } catch (DuplicateKeyException raced) {
                        if (attempt > 2) {
                            throw raced;
                        }
                        continue; // another instance counted the first failure: count this one on top
                    }
                }
                Integer count = jdbc.sql("select failures from login_failure where kind = ? and name = ?")
                        .params(kind.name(), name).query(Integer.class).optional().orElse(null);
                if (count != null) {
                    jdbc.sql("update login_failure set not_before = greatest(not_before, ?) where kind = ? and name = ?")
                            .params(at(notBefore(count, now, free, max)), kind.name(), name).update();
                }
                return;
            }
        }

        @Override
        public void forget(Kind kind, String name) {
            jdbc.sql("delete from login_failure where kind = ? and name = ?").params(kind.name(), name).update();
        }

        @Override
        public long size() {
            return jdbc.sql("select count(*) from login_failure").query(Long.class).single();
        }
    }

    /** Until when an attempt from this address for this account name must wait; null if it need not. */
    @Nullable Instant waitUntil(@Nullable String source, @Nullable String username) {
        Instant now = clock.instant();
        Instant until = null;
        for (Failures f : new Failures[] {source == null ? null : counts.get(Kind.SOURCE, source, now),
            username == null ? null : counts.get(Kind.ACCOUNT, username, now)}) {
            if (f != null && f.notBefore().isAfter(now) && (until == null || f.notBefore().isAfter(until))) {
                until = f.notBefore();
            }
        }
        return until;
    }

    /** How many addresses and account names are remembered (for the test of the bound). */
    long remembered() {
        return counts.size();
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
