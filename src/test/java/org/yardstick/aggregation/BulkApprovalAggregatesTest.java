package org.yardstick.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yardstick.As;
import org.yardstick.TestClock;
import org.yardstick.YardstickTest;
import org.yardstick.aggregation.internal.Recomputation;
import org.yardstick.observation.Submissions;
import org.yardstick.observation.internal.BulkReview;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.security.Accounts;

/**
 * A bulk approval (批量审核) of the eight districts of 乌鲁木齐 recomputes the data set's aggregates
 * of 2024 once, not once per submission, and when the request returns 乌鲁木齐市 has the sum with
 * coverage 8 of 8 and nothing is left owed; a dry run and a refused all-or-nothing run leave the
 * aggregates and the owed records as they were; what a crash left owed is recomputed.
 */
@YardstickTest
class BulkApprovalAggregatesTest {

    static final String DS = LiveAggregatesTest.DS;
    static final List<String> DISTRICTS = LiveAggregatesTest.DISTRICTS;

    @Autowired ObservationEditor editor;
    @Autowired Submissions submissions;
    @Autowired BulkReview bulk;
    @Autowired Aggregates aggregates;
    @Autowired Recomputation recomputation;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    BigDecimal sum = BigDecimal.ZERO;

    @BeforeEach
    void eightDistrictsSubmitted2024() {
        clock.set(ZonedDateTime.of(2025, 3, 1, 10, 0, 0, 0, TestClock.ZONE).toInstant());
        clear();
        for (int i = 0; i < DISTRICTS.size(); i++) {
            String district = DISTRICTS.get(i);
            String reporter = LiveAggregatesTest.reporter(accounts, users, district);
            BigDecimal b = BigDecimal.valueOf(100 + 11L * i);
            sum = sum.add(b);
            As.user(users, reporter);
            var saved = editor.save(DS, district, "2024", List.of(LiveAggregatesTest.entry("BB_USERS", b.toPlainString()),
                    LiveAggregatesTest.entry("FTTH_USERS", "5"), LiveAggregatesTest.entry("MOBILE_INTERNET_USERS", "80"),
                    LiveAggregatesTest.entry("INTERNET_PORTS", "90")));
            submissions.submit(saved.submission().id(), saved.submission().version());
        }
        As.user(users, "reviewer");
    }

    @AfterEach
    void cleanUp() {
        clear();
        aggregates.recomputeAll();
        clock.reset();
        As.nobody();
    }

    void clear() {
        jdbc.sql("delete from aggregate_pending").update();
        LiveAggregatesTest.clear(jdbc);
    }

    AggregateFigure urumqi() {
        return aggregates.series("BB_USERS", "6501").stream().filter(a -> a.period().code().equals("2024")).findFirst().orElse(null);
    }

    long owed() {
        return jdbc.sql("select count(*) from aggregate_pending").query(Long.class).single();
    }

    @Test
    void oneBulkApprovalRecomputesOnceAndTheSumIsThereWhenItReturns() {
        long before = recomputation.recomputations();
        var result = bulk.run(BulkReview.Action.APPROVE, new BulkReview.Filter(DS, "2024", "6501", true), null, false, false);
        assertThat(result.done()).hasSize(8);
        assertThat(recomputation.recomputations() - before).as("one recomputation for one period, not eight").isEqualTo(1);
        assertThat(owed()).isZero();
        AggregateFigure urumqi = urumqi();
        assertThat(urumqi.value()).isEqualByComparingTo(sum);
        assertThat(urumqi.covered()).isEqualTo(8);
        assertThat(urumqi.expected()).isEqualTo(8);

        // the same figures computed from scratch
        aggregates.recomputeAll();
        assertThat(urumqi().value()).isEqualByComparingTo(sum);
    }

    @Test
    void aDryRunAndAnAllOrNothingRunLeaveNothingOwed() {
        long before = recomputation.recomputations();
        var dry = bulk.run(BulkReview.Action.APPROVE, new BulkReview.Filter(DS, "2024", "6501", true), null, true, false);
        assertThat(dry.done()).hasSize(8);
        assertThat(dry.rolledBack()).isTrue();
        assertThat(owed()).isZero();
        assertThat(urumqi()).as("nothing approved, nothing aggregated").isNull();
        assertThat(recomputation.recomputations()).isEqualTo(before);

        var all = bulk.run(BulkReview.Action.APPROVE, new BulkReview.Filter(DS, "2024", "6501", true), null, false, true);
        assertThat(all.rolledBack()).isFalse();
        assertThat(recomputation.recomputations() - before).isEqualTo(1);
        assertThat(owed()).isZero();
        assertThat(urumqi().value()).isEqualByComparingTo(sum);
    }

    @Test
    void whatACrashLeftOwedIsRecomputed() {
        // approved in a bulk review whose end never came: figures approved, their aggregates owed
        jdbc.sql("""
                update observation set status = 'APPROVED' where period = '2024' and submission_id in
                  (select id from submission where region_id in (select id from region where code in (:c)) and period = '2024')""")
                .param("c", DISTRICTS).update();
        recomputation.owe(List.of("BB_USERS", "FTTH_USERS"), "2024");
        recomputation.owe(List.of("BB_USERS"), "2024");
        assertThat(urumqi()).isNull();
        long before = recomputation.recomputations();
        assertThat(recomputation.payOwed()).isEqualTo(1);
        assertThat(recomputation.recomputations() - before).isEqualTo(1);
        assertThat(owed()).isZero();
        assertThat(urumqi().value()).isEqualByComparingTo(sum);
        assertThat(recomputation.payOwed()).as("nothing owed twice").isZero();
    }
}
