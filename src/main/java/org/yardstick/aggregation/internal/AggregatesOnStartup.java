package org.yardstick.aggregation.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes the aggregates at start-up when there are approved figures but no aggregates yet (a
 * new database with the demo, an upgrade from a version without aggregation, a reload); after the
 * demo is loaded.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class AggregatesOnStartup implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Recomputation recomputation;

    AggregatesOnStartup(JdbcClient jdbc, Recomputation recomputation) {
        this.jdbc = jdbc;
        this.recomputation = recomputation;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean none = jdbc.sql("select count(*) from aggregate_value").query(Long.class).single() == 0;
        boolean figures = jdbc.sql("select count(*) from observation where status = 'APPROVED'").query(Long.class).single() > 0;
        if (none && figures) {
            recomputation.recomputeAll();
        }
    }
}
