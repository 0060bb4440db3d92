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
 * demo is loaded. Otherwise recomputes what a bulk review left owed ({@code aggregate_pending}).
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
        // whether a row exists, not how many: counting six million figures at every start is a full scan
        boolean none = jdbc.sql("select 1 from aggregate_value fetch first 1 rows only").query(Integer.class).optional().isEmpty();
        boolean figures = jdbc.sql("select 1 from observation where status = 'APPROVED' fetch first 1 rows only")
                .query(Integer.class).optional().isPresent();
        if (none && figures) {
            recomputation.recomputeAll();
        } else {
            recomputation.payOwed(); // what a bulk review recorded and a crash kept it from recomputing
        }
    }
}
