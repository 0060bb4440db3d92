package org.yardstick.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.YardstickTest;
import org.yardstick.supervision.internal.Alerts;

/**
 * Two instances never run the alert job at once: while one holds the job's lock row, the other's run
 * does nothing and says so (select … for update skip locked, on H2 and PostgreSQL alike). Nothing is
 * committed: the holder rolls back.
 */
@YardstickTest
class JobLockTest {

    @Autowired Alerts alerts;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aSecondInstanceSkipsWhileTheFirstHoldsTheLock() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("select name from sup_job_lock where name = 'alerts' for update").query(String.class).list();
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s.setRollbackOnly();
        }));
        first.start();
        assertThat(locked.await(60, TimeUnit.SECONDS)).isTrue();
        try {
            Alerts.Run run = alerts.raise(Instant.parse("2021-01-15T02:00:00Z"));
            assertThat(run.ran()).isFalse();
            assertThat(run.raised()).isZero();
        } finally {
            release.countDown();
            first.join();
        }
    }
}
