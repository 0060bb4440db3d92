package org.yardstick.progress;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.StoredObservations;

/**
 * Constructed approved figures for tests, marked {@value #MARK} so that they are removed again; never
 * part of the demo.
 */
final class Figures {

    static final String MARK = "progress-test";

    private Figures() {}

    static void approved(JdbcClient jdbc, String indicator, String region, int year, String breakdown, double value) {
        StoredObservations.of(indicator).region(region).period(Integer.toString(year)).breakdown(breakdown).value(value)
                .approved().by(MARK).at(Instant.parse("2020-01-01T00:00:00Z")).insert(jdbc);
    }

    static void removeAll(JdbcClient jdbc) {
        StoredObservations.removeBy(jdbc, MARK);
    }
}
