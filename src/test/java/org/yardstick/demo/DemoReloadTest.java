package org.yardstick.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yardstick.YardstickApplication;

/** {@code demo reload --yes} recreates a database with the demo; without {@code --yes} it only explains. */
class DemoReloadTest {

    @TempDir Path dir;

    @Test
    void withoutConfirmationNothingHappens() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = DemoReload.run(YardstickApplication.class, new String[] {"demo", "reload"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ERASES").contains("--yes");
    }

    @Test
    void reloadErasesWhatWasThereAndLoadsTheDemo() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table leftover (x int)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = DemoReload.run(YardstickApplication.class, new String[] {"demo", "reload", "--yes",
            "--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--spring.datasource.password="},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo reloaded");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            ResultSet tables = c.getMetaData().getTables(null, null, "leftover", null);
            assertThat(tables.next()).as("the old table is gone").isFalse();
            ResultSet plans = c.createStatement().executeQuery("select count(*) from plan");
            plans.next();
            assertThat(plans.getInt(1)).isEqualTo(3);
            ResultSet accounts = c.createStatement().executeQuery("select count(*) from account where demo = true");
            accounts.next();
            assertThat(accounts.getInt(1)).isEqualTo(7);
        }
    }
}
