package org.yardstick.assessment.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yardstick.assessment.AssessmentStatusChanged;
import org.yardstick.assessment.RegionalIndicators;

/**
 * Keeps the regional indicators live: after a submission or a return commits, its county's summary and the year's
 * figures are recomputed in a transaction of their own (the submission stands even if this fails; a full
 * recomputation at the next start-up repairs it). Not polling: one recomputation per event.
 */
@Component
class OnAssessmentStatusChanged {

    private final RegionalIndicators indicators;

    OnAssessmentStatusChanged(RegionalIndicators indicators) {
        this.indicators = indicators;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AssessmentStatusChanged e) {
        indicators.recomputeCounty(e.questionnaireId(), e.countyRegionId(), e.year());
    }
}
