package org.yardstick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.observation.ObservationStatus;
import org.yardstick.observation.Submission;
import org.yardstick.observation.Submissions;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/**
 * Writes keep working after the connection pool recycles its connections. H2 2.4.240 kept, in each
 * {@code CHECK (x IN (…))} constraint, the session that first evaluated it; once the pool retired
 * that connection every write evaluating the constraint failed with "Check constraint invalid"
 * (caused by "The database has been closed"), so the default instance refused logins and figures
 * about half an hour after start-up (Hikari's max lifetime). Here the pool is told to retire every
 * connection at once, twice, between logins, saves, submissions and approvals.
 */
@YardstickTest
class ConnectionRecyclingTest {

    static final String DS = "xj-county-info";
    /** 吐鲁番市高昌区 and 鄯善县: counties no other test writes in. */
    static final List<String> COUNTIES = List.of("650402", "650421");
    static final String REPORTER = "recycle-reporter";

    @Autowired MockMvc mvc;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired ObservationEditor editor;
    @Autowired Submissions submissions;

    @AfterEach
    void nobody() {
        As.nobody();
    }

    void recycleEveryConnection() {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        hikari.getHikariPoolMXBean().softEvictConnections();
        // the evicted connections are closed by the pool's own threads; a new one is opened on demand
        assertThat(jdbc.sql("select 1").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void loginsSavesAndApprovalsSurviveThePoolRecyclingItsConnections() throws Exception {
        jdbc.sql("delete from observation where region_id in (select id from region where code in (:c)) and submission_id is not null")
                .param("c", COUNTIES).update();
        jdbc.sql("delete from submission where region_id in (select id from region where code in (:c))").param("c", COUNTIES).update();

        for (int round = 1; round <= 2; round++) {
            String county = COUNTIES.get(round - 1);
            String reporter = REPORTER + "-" + county;
            if (accounts.find(reporter).isEmpty()) {
                As.user(users, "admin");
                accounts.create(new NewAccount(reporter, "县级填报（测试）", "Recycle-Pool-7391-h2", Role.REPORTER, county, null, false),
                        "test");
            }
            // a login writes the account row (failed_logins, role check constraint)
            mvc.perform(formLogin("/login").user("reviewer-xj").password("yardstick-demo")).andExpect(authenticated());
            recycleEveryConnection();
            mvc.perform(formLogin("/login").user("reviewer-xj").password("yardstick-demo")).andExpect(authenticated());

            As.user(users, reporter);
            var saved = editor.save(DS, county, "2025", List.of(
                    entry("BB_USERS", "12.5"), entry("FTTH_USERS", "10"), entry("MOBILE_INTERNET_USERS", "30"),
                    entry("INTERNET_PORTS", "20")));
            assertThat(saved.created()).isEqualTo(4);
            recycleEveryConnection();
            Submission submitted = submissions.submit(saved.submission().id(), saved.submission().version());
            recycleEveryConnection();

            As.user(users, "reviewer-xj");
            Submission approved = submissions.approve(submitted.id(), submitted.version());
            assertThat(approved.status()).as("round %d", round).isEqualTo(ObservationStatus.APPROVED);
            recycleEveryConnection();
        }
    }

    static ObservationEditor.Entry entry(String indicator, String value) {
        return new ObservationEditor.Entry("form", 0, indicator, value, "", null, null);
    }
}
