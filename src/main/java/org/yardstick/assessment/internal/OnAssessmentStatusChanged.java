package org.yardstick.assessment.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yardstick.assessment.AssessmentStatusChanged;
import org.yardstick.assessment.internal.RegionalIndicators.CountyYear;
import org.yardstick.audit.Changed;

/**
 * Keeps the regional indicators live: what a transaction changed (submissions, returns, 贯标 / 示范 flags, and
 * enterprises registered or whose 规上 flag changed, read from their audit events) is gathered while it runs, and
 * after it commits ONE recomputation covers all of it (decision 0074: an import of 30 enterprises was 30), in a
 * transaction of its own (the transaction's work stands even if this fails; {@code recomputeAll} repairs it).
 * Without a transaction the recomputation runs at once. Not polling.
 */
@Component
class OnAssessmentStatusChanged {

    /**
     * The audit type of an enterprise ({@code Enterprises.AUDIT_TYPE}) and the field whose change moves coverage (a
     * registration names it too, old value null).
     */
    static final String ENTERPRISE = "enterprise";
    static final String ABOVE_SCALE = "aboveScale";

    private static final Logger LOG = LoggerFactory.getLogger(OnAssessmentStatusChanged.class);

    private final RegionalIndicators indicators;

    OnAssessmentStatusChanged(RegionalIndicators indicators) {
        this.indicators = indicators;
    }

    /** What one transaction changed. */
    private static final class Pending {
        final Set<CountyYear> counties = new LinkedHashSet<>();
        final Set<Long> enterprises = new LinkedHashSet<>();
    }

    @EventListener
    void on(AssessmentStatusChanged e) {
        Pending p = pending();
        p.counties.add(new CountyYear(e.questionnaireId(), e.countyRegionId(), e.year()));
        runUnlessInTransaction(p);
    }

    @EventListener
    void on(Changed e) {
        if (ENTERPRISE.equals(e.entityType()) && e.entityId() != null
                && e.changes().stream().anyMatch(c -> ABOVE_SCALE.equals(c.field()))) {
            Pending p = pending();
            p.enterprises.add(e.entityId());
            runUnlessInTransaction(p);
        }
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Pending();
        }
        Pending p = (Pending) TransactionSynchronizationManager.getResource(this);
        if (p == null) {
            Pending fresh = new Pending();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    run(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(OnAssessmentStatusChanged.this);
                }
            });
            p = fresh;
        }
        return p;
    }

    private void runUnlessInTransaction(Pending p) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            run(p);
        }
    }

    private void run(Pending p) {
        // unbound first: the recomputation's own transaction must gather nothing into this one
        TransactionSynchronizationManager.unbindResourceIfPossible(this);
        if (p.counties.isEmpty() && p.enterprises.isEmpty()) {
            return;
        }
        try {
            indicators.recompute(p.counties, p.enterprises);
        } catch (RuntimeException ex) {
            // the committed work stands (an after-commit failure must not answer the submission with an error);
            // the figures lag until the next recomputation of these counties or recomputeAll
            LOG.warn("regional indicators not recomputed after commit ({} counties, {} enterprises)", p.counties.size(),
                    p.enterprises.size(), ex);
        }
    }
}
