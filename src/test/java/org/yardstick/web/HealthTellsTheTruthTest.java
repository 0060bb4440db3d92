package org.yardstick.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Health, liveness and readiness include the database and stay DOWN while it is closed: here an
 * in-memory H2 database of this test alone is shut down (as H2 closes itself after running out of
 * memory): the pool's connections then fail ("Database is already closed"), and a new one would
 * find an empty database, which is no more the application's — both answer DOWN.
 * Its own context and database on both test runs (H2 and PostgreSQL): the shared one is not broken.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:health-truth;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
    "spring.datasource.username=sa", "spring.datasource.password=", "yardstick.demo.load-on-empty=false",
    "yardstick.supervision.scheduler.enabled=false"})
@AutoConfigureMockMvc
@DirtiesContext
class HealthTellsTheTruthTest {

    static final String[] PROBES = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"};

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aClosedDatabaseIsDownOnEveryProbeAndStaysDown() throws Exception {
        for (String probe : PROBES) {
            mvc.perform(get(probe)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        }
        jdbc.execute("SHUTDOWN");
        for (int attempt = 0; attempt < 2; attempt++) {
            for (String probe : PROBES) {
                mvc.perform(get(probe)).andExpect(status().isServiceUnavailable())
                        .andExpect(jsonPath("$.status").value("DOWN"));
            }
        }
    }
}
