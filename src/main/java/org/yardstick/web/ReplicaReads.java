package org.yardstick.web;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads from a PostgreSQL streaming replica, configured by environment variables only
 * ({@code YARDSTICK_REPLICA_URL}, {@code _USERNAME}, {@code _PASSWORD}, {@code _MAX_LAG} default PT5S): the
 * application's DataSource becomes a router that hands out a replica connection only while a request
 * {@link ReplicaRouting} allows it is being served, the primary otherwise (Flyway, jobs, every write, every
 * signed-in user). The replica's lag is probed every second; a replica that lags beyond the bound or does
 * not answer is left alone until it catches up. Without {@code YARDSTICK_REPLICA_URL} nothing here exists
 * (decision 0045).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${yardstick.replica.url:}' != ''")
class ReplicaReads implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaReads.class);

    /** The lag in seconds: 0 when everything received is replayed (an idle primary), else the age of the last replayed commit. */
    static final String LAG = "select case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0 "
            + "else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 1e9) end";

    private static final ThreadLocal<Boolean> ON_REPLICA = OnPrimary.REPLICA;

    private final HikariDataSource replica = new HikariDataSource();
    private final ReplicaRouting routing;
    private final Clock clock;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replica-lag-probe");
        t.setDaemon(true);
        return t;
    });
    private volatile ReplicaRouting.@Nullable Probe probe;

    ReplicaReads(Environment env, Clock clock) {
        this.clock = clock;
        replica.setJdbcUrl(env.getRequiredProperty("yardstick.replica.url"));
        replica.setUsername(env.getProperty("yardstick.replica.username", env.getProperty("spring.datasource.username", "")));
        replica.setPassword(env.getProperty("yardstick.replica.password", env.getProperty("spring.datasource.password", "")));
        replica.setReadOnly(true);
        replica.setPoolName("replica");
        replica.setInitializationFailTimeout(-1); // a replica that is down at start-up is simply not read
        replica.setConnectionTimeout(2000);
        Duration maxLag = env.getProperty("yardstick.replica.max-lag", Duration.class, Duration.ofSeconds(5));
        this.routing = new ReplicaRouting(maxLag, Duration.ofSeconds(5));
        prober.scheduleWithFixedDelay(this::probe, 0, 1, TimeUnit.SECONDS);
    }

    void probe() {
        Double lag = null;
        try (Connection c = replica.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            try (ResultSet rs = s.executeQuery(LAG)) {
                lag = rs.next() ? rs.getDouble(1) : null;
            }
        } catch (Exception down) {
            LOG.debug("replica probe failed: {}", down.toString());
        }
        ReplicaRouting.Probe before = probe;
        probe = new ReplicaRouting.Probe(lag, clock.instant());
        boolean fit = routing.replicaFit(probe, clock.instant());
        if (before == null || fit != routing.replicaFit(before, before.at())) {
            LOG.info("replica {}: lag {} s", fit ? "in use" : "not in use", lag);
        }
    }

    /** The application's DataSource, wrapped: a router between it and the replica. */
    @Bean
    static BeanPostProcessor replicaRouter(Environment env) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!"dataSource".equals(name) || !(bean instanceof DataSource primary) || bean instanceof Router) {
                    return bean;
                }
                return new Router(primary);
            }
        };
    }

    /** Hands out the replica while the current thread serves a request routed there. */
    static final class Router extends AbstractRoutingDataSource {
        private final DataSource primary;
        private @Nullable DataSource replicaSource;

        Router(DataSource primary) {
            this.primary = primary;
            setTargetDataSources(Map.of("primary", primary));
            setDefaultTargetDataSource(primary);
            afterPropertiesSet();
        }

        void replica(DataSource replica) {
            this.replicaSource = replica;
        }

        DataSource primary() {
            return primary;
        }

        @Override
        protected Object determineCurrentLookupKey() {
            return Boolean.TRUE.equals(ON_REPLICA.get()) ? "replica" : "primary";
        }

        @Override
        protected DataSource determineTargetDataSource() {
            DataSource r = replicaSource;
            return r != null && Boolean.TRUE.equals(ON_REPLICA.get()) ? r : primary;
        }
    }

    /**
     * Spring Session's reads and writes always on the primary: a session is created or touched by anonymous
     * pages too (a CSRF token, the last access time), and a replica refuses the write. Not a default candidate,
     * so Boot's own TransactionTemplate stays the one injected by type.
     */
    @Bean(name = "springSessionTransactionOperations", defaultCandidate = false)
    static TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        return new TransactionOperations() {
            @Override
            public <T> @Nullable T execute(TransactionCallback<T> action) {
                return OnPrimary.call(() -> template.execute(action));
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> replicaFilter(DataSource dataSource) {
        if (dataSource instanceof Router router) {
            router.replica(replica);
        }
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Instant now = clock.instant();
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                boolean anonymous = auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
                if (!routing.readFromReplica(request.getMethod(), anonymous, cookie(request), probe, now)) {
                    chain.doFilter(request, response);
                    return;
                }
                ON_REPLICA.set(Boolean.TRUE);
                try {
                    response.setHeader("X-Yardstick-Read", "replica");
                    chain.doFilter(request, response);
                } finally {
                    ON_REPLICA.remove();
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(0); // after Spring Security's chain (-100): the signed-in user is known
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Read-your-writes: a client that sends anything but a read (a form, an API write, a login) reads the
     * primary until a replica within the bound has its write. Before Spring Security, which answers a login
     * itself.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> replicaWriteMark() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String method = request.getMethod();
                if (!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)) {
                    Instant now = clock.instant();
                    Instant until = routing.primaryUntilAfterWrite(now);
                    Cookie c = new Cookie(ReplicaRouting.COOKIE, Long.toString(until.toEpochMilli()));
                    c.setPath("/");
                    c.setHttpOnly(true);
                    c.setMaxAge((int) Math.max(1, Duration.between(now, until).toSeconds() + 1));
                    response.addCookie(c);
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(-200);
        registration.addUrlPatterns("/*");
        return registration;
    }

    private static @Nullable String cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie c : request.getCookies()) {
            if (ReplicaRouting.COOKIE.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    /** For tests: serve the current thread from the replica (as the filter does for a routed request). */
    static void onReplica(boolean on) {
        if (on) {
            ON_REPLICA.set(Boolean.TRUE);
        } else {
            ON_REPLICA.remove();
        }
    }

    ReplicaRouting.@Nullable Probe lastProbe() {
        return probe;
    }

    @Override
    public void destroy() {
        prober.shutdownNow();
        replica.close();
    }
}
