package org.yardstick.web;

import javax.sql.DataSource;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the application's own database, not only of a connection: runs a query on the schema
 * Flyway made. A database that closed itself (H2 after running out of memory) and was reopened empty,
 * or one that cannot be reached, answers DOWN; the {@code liveness} and {@code readiness} groups
 * include it (application.properties), so both stay DOWN until the data is back.
 */
@Component("database")
class DatabaseHealth extends AbstractHealthIndicator {

    static final String QUERY = "select count(*) from flyway_schema_history where success";

    private final JdbcTemplate jdbc;

    DatabaseHealth(DataSource dataSource) {
        super("database check failed");
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Integer migrations = jdbc.queryForObject(QUERY, Integer.class);
        if (migrations == null || migrations == 0) {
            builder.down().withDetail("schema", "no successful migration");
        } else {
            builder.up().withDetail("migrations", migrations);
        }
    }
}
