package org.yardstick.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.security.Accounts;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import org.yardstick.shared.InvalidInputException;

/**
 * An online backup of the embedded database that restores: H2 in a file keeps serving while it
 * writes the zip, the zip opens as a database with the rows of the moment, and only the platform's
 * administrator may take one. The shared test database (H2 in memory or PostgreSQL) is refused with
 * the reason, through the API as 422.
 */
@YardstickTest
class BackupsTest {

    static final String PASSWORD = "Panel-7#qTz-Backups-2026";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired Backups shared;

    @Test
    void aFileDatabaseIsBackedUpWhileOpenAndTheZipRestores(@TempDir Path dir) throws Exception {
        var db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + dir.resolve("live/yardstick") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        try (var keepOpen = db.getConnection(); var s = keepOpen.createStatement()) {
            s.execute("create table figure(id int primary key, v numeric(38,16))");
            s.execute("insert into figure values (1, 322.6000000000000001), (2, 7.25)");
            List<Object> published = new ArrayList<>();
            var clock = Clock.fixed(Instant.parse("2026-12-05T03:15:00Z"), ZoneOffset.UTC);
            var backups = new Backups(db, new org.yardstick.database.Database(db), dir.resolve("backups"), clock, new CurrentUser(), published::add);
            As.user(users, "admin");

            Backup taken = backups.take();

            assertThat(taken.file()).isEqualTo("yardstick-20261205-031500.zip");
            assertThat(backups.list()).extracting(Backup::file).containsExactly(taken.file());
            assertThat(published).hasSize(1);
            assertThatThrownBy(backups::take).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("already exists");
            s.execute("insert into figure values (3, 1)"); // after the backup: not in it
            Path restored = dir.resolve("restored");
            try (var zip = new ZipFile(dir.resolve("backups").resolve(taken.file()).toFile())) {
                var entry = zip.stream().filter(e -> e.getName().endsWith(".mv.db")).findFirst().orElseThrow();
                Files.createDirectories(restored);
                try (var in = zip.getInputStream(entry)) {
                    Files.copy(in, restored.resolve("yardstick.mv.db"));
                }
            }
            try (var c = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("yardstick")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE");
                 var rs = c.createStatement().executeQuery("select count(*), max(v) from figure")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("322.6000000000000001");
            }
        }
    }

    @Test
    void onlyThePlatformsAdministratorTakesBackups() throws Exception {
        As.user(users, "admin");
        if (accounts.find("xj-backup-admin").isEmpty()) {
            accounts.create(new NewAccount("xj-backup-admin", "新疆管理员", PASSWORD, Role.ADMIN, "65", null, false), "admin");
        }
        As.nobody();
        mvc.perform(post("/api/v1/backups").with(httpBasic("xj-backup-admin", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/backups").with(httpBasic("xj-backup-admin", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/backups")).andExpect(status().isUnauthorized());
        mvc.perform(get("/admin/backups").with(user("reporter").roles("REPORTER"))).andExpect(status().isForbidden());
    }

    @Test
    void theSharedTestDatabaseIsRefusedWithItsReason() throws Exception {
        assertThat(shared.supported()).isFalse(); // H2 in memory, or PostgreSQL
        mvc.perform(post("/api/v1/backups").with(httpBasic("admin", "yardstick-demo")).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("database"))
                .andExpect(jsonPath("$.problems[0].reason").value(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.containsString("in-memory"), org.hamcrest.Matchers.containsString("pg_dump"))));
        As.user(users, "admin");
        mvc.perform(get("/admin/backups").with(user(users.loadUserByUsername("admin"))).param("lang", "zh"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("pg_dump")));
        mvc.perform(post("/admin/backups").with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }
}
