package org.yardstick.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.YardstickTest;
import org.yardstick.observation.FiguresStatusChanged;
import org.yardstick.observation.ObservationStatus;

/**
 * After an approval: index results are dropped once the approval commits (not before, not on a rollback),
 * and a change that leaves approved figures alone (a submission sent in) keeps them.
 */
@YardstickTest
class IndexResultsOnApprovalTest {

    @Autowired ApplicationEventPublisher events;
    @Autowired IndexResults results;
    @Autowired PlatformTransactionManager transactions;

    static FiguresStatusChanged change(ObservationStatus from, ObservationStatus to) {
        return new FiguresStatusChanged(-1, "xj-county-info", "65", "2024", from, to);
    }

    @Test
    void anApprovalOrAReopeningDropsTheResultsAfterItsCommit() {
        long before = results.forgotten();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            events.publishEvent(change(ObservationStatus.SUBMITTED, ObservationStatus.APPROVED));
            assertThat(results.forgotten()).as("not before the commit").isEqualTo(before);
        });
        assertThat(results.forgotten()).isEqualTo(before + 1);
        new TransactionTemplate(transactions).executeWithoutResult(
                s -> events.publishEvent(change(ObservationStatus.APPROVED, ObservationStatus.SUBMITTED)));
        assertThat(results.forgotten()).isEqualTo(before + 2);
    }

    @Test
    void aRolledBackApprovalOrASubmissionKeepsThem() {
        long before = results.forgotten();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            events.publishEvent(change(ObservationStatus.SUBMITTED, ObservationStatus.APPROVED));
            s.setRollbackOnly();
        });
        new TransactionTemplate(transactions).executeWithoutResult(
                s -> events.publishEvent(change(ObservationStatus.DRAFT, ObservationStatus.SUBMITTED)));
        assertThat(results.forgotten()).isEqualTo(before);
    }
}
