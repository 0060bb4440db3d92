package org.yardstick.index;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yardstick.observation.FiguresStatusChanged;
import org.yardstick.observation.ObservationStatus;

/**
 * Approved figures changed (a submission approved, or an approved one reopened): after the commit, the
 * index results computed from them are dropped, so the next page computes them from the figures as
 * they are. One of the listeners of the approval event (see {@link FiguresStatusChanged}).
 */
@Component
class IndexResultsOnApproval {

    private final IndexResults results;

    IndexResultsOnApproval(IndexResults results) {
        this.results = results;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(FiguresStatusChanged event) {
        if (event.approved() || event.from() == ObservationStatus.APPROVED) {
            results.forget();
        }
    }
}
