package org.yardstick.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.audit.AuditTrail;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.shared.InvalidInputException;

/**
 * Two people edit the same figure at the same moment, on real threads and real transactions: one
 * wins, the other is told of the conflict, and nothing is lost — the stored value is the winner's,
 * and the audit trail has exactly the winner's change.
 */
@YardstickTest
class ConcurrentEditingTest {

    static final String DS = "xj-county-info";
    static final String COUNTY = "650204";
    static final int ROUNDS = 20;

    @Autowired ObservationEditor editor;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;

    @BeforeEach
    void clear() {
        jdbc.sql("delete from observation where region_id = (select id from region where code = ?) and submission_id is not null")
                .param(COUNTY).update();
        jdbc.sql("delete from submission where region_id = (select id from region where code = ?)").param(COUNTY).update();
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    @Test
    void ofTwoConcurrentUpdatesOneWinsAndTheOtherGetsAConflict() throws Exception {
        As.user(accounts, "planner");
        editor.save(DS, COUNTY, "2025", List.of(new ObservationEditor.Entry("form", 0, "BB_USERS", "100", "", null, null)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                int seen = version();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (String value : List.of("200." + round, "300." + round)) {
                    results.add(pool.submit(saveAs("planner", value, seen, start)));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).as("round %d", round).filteredOn(o -> o.startsWith("saved")).hasSize(1);
                assertThat(outcomes).as("round %d", round).filteredOn(o -> o.startsWith("conflict")).hasSize(1);
                String winner = outcomes.stream().filter(o -> o.startsWith("saved")).findFirst().orElseThrow().substring(6);
                assertThat(new java.math.BigDecimal(value())).isEqualByComparingTo(winner);
                assertThat(version()).isEqualTo(seen + 1);
            }
        } finally {
            pool.shutdownNow();
        }
        long id = jdbc.sql("select o.id from observation o join region r on r.id = o.region_id join indicator i on i.id = o.indicator_id "
                + "where r.code = ? and i.code = 'BB_USERS' and o.period = '2025'").param(COUNTY).query(Long.class).single();
        assertThat(audit.history("observation", id)).filteredOn(e -> e.action().equals("update")).hasSize(ROUNDS);
    }

    @Test
    void ofTwoConcurrentFirstEntriesOneWinsAndTheOtherGetsAConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            results.add(pool.submit(saveAs("planner", "11", null, start)));
            results.add(pool.submit(saveAs("admin", "12", null, start)));
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(o -> o.startsWith("saved")).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.startsWith("conflict")).hasSize(1);
            String winner = outcomes.stream().filter(o -> o.startsWith("saved")).findFirst().orElseThrow().substring(6);
            assertThat(new java.math.BigDecimal(value())).isEqualByComparingTo(winner);
        } finally {
            pool.shutdownNow();
        }
    }

    Callable<String> saveAs(String user, String value, Integer version, CountDownLatch start) {
        return () -> {
            As.user(accounts, user);
            try {
                start.await();
                editor.save(DS, COUNTY, "2025", List.of(new ObservationEditor.Entry("form", 0, "BB_USERS", value, "", null, version)));
                return "saved:" + value;
            } catch (InvalidInputException e) {
                assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(CollectionProblem.CONFLICT));
                return "conflict";
            } finally {
                As.nobody();
            }
        };
    }

    int version() {
        return jdbc.sql("select o.version from observation o join region r on r.id = o.region_id join indicator i on i.id = o.indicator_id "
                + "where r.code = ? and i.code = 'BB_USERS' and o.period = '2025'").param(COUNTY).query(Integer.class).single();
    }

    String value() {
        return jdbc.sql("select o.obs_value from observation o join region r on r.id = o.region_id join indicator i on i.id = o.indicator_id "
                        + "where r.code = ? and i.code = 'BB_USERS' and o.period = '2025'")
                .param(COUNTY).query(java.math.BigDecimal.class).single().stripTrailingZeros().toPlainString();
    }
}
