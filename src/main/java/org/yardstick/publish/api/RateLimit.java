package org.yardstick.publish.api;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yardstick.web.OnPrimary;

/**
 * Requests per client and fixed window (限流), counted in the database so that every instance behind
 * a load balancer sees the same count: one row per client key and window, raised with an update, or
 * inserted when the window is new (the insert that loses a race updates instead). Rows of windows
 * that have ended are deleted when a new window begins.
 */
@Component
class RateLimit {

    /** The verdict on one request. */
    record Verdict(boolean allowed, int limit, int remaining, long resetSeconds) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int limit;
    private final long windowSeconds;

    RateLimit(JdbcClient jdbc, Clock clock, @Value("${yardstick.api.rate-limit.anonymous:600}") int limit,
              @Value("${yardstick.api.rate-limit.window:60s}") Duration window) {
        if (limit < 1 || window.toSeconds() < 1) {
            throw new IllegalArgumentException("yardstick.api.rate-limit: the limit and the window must be positive");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.limit = limit;
        this.windowSeconds = window.toSeconds();
    }

    int limit() {
        return limit;
    }

    long windowSeconds() {
        return windowSeconds;
    }

    /** Counts a request of a client and says whether it is within the limit. */
    Verdict hit(String clientKey) {
        long now = clock.instant().getEpochSecond();
        long window = now - Math.floorMod(now, windowSeconds);
        // a write, also when the request reads from the replica
        int hits = OnPrimary.call(() -> count(clientKey, window));
        long reset = Math.max(1, window + windowSeconds - now);
        return new Verdict(hits <= limit, limit, Math.max(0, limit - hits), reset);
    }

    private int count(String key, long window) {
        if (raise(key, window) == 0) {
            try {
                jdbc.sql("insert into api_rate_window (client_key, window_start, hits) values (?, ?, 1)")
                        .params(key, window).update();
                jdbc.sql("delete from api_rate_window where window_start < ?").param(window - windowSeconds).update();
                return 1;
            } catch (DuplicateKeyException raced) {
                raise(key, window);
            }
        }
        return jdbc.sql("select hits from api_rate_window where client_key = ? and window_start = ?")
                .params(key, window).query(Integer.class).single();
    }

    private int raise(String key, long window) {
        return jdbc.sql("update api_rate_window set hits = hits + 1 where client_key = ? and window_start = ?")
                .params(key, window).update();
    }
}
