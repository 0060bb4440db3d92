package org.yardstick;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of one test class alone, empty, for tests of a fresh start (no demo): a new schema of the
 * PostgreSQL database when the run is on PostgreSQL (dropped first), else an in-memory H2 database of that name.
 */
public final class EmptyDatabase {

    private EmptyDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry, String schema) throws Exception {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            try (Connection c = DriverManager.getConnection(url, System.getenv("SPRING_DATASOURCE_USERNAME"),
                    System.getenv("SPRING_DATASOURCE_PASSWORD")); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
                s.execute("create schema " + schema);
            }
            registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            registry.add("spring.flyway.schemas", () -> schema);
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + schema.replace('_', '-') + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            registry.add("spring.datasource.username", () -> "sa");
            registry.add("spring.datasource.password", () -> "");
        }
    }
}
