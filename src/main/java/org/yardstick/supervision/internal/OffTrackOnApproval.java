package org.yardstick.supervision.internal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yardstick.framework.Target;
import org.yardstick.framework.Targets;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.FiguresStatusChanged;
import org.yardstick.observation.ObservationStatus;

/**
 * Approved figures changed (a submission approved, or an approved one reopened): once the change is
 * committed, the off-track alerts (偏离目标预警) of the targets on the data set's indicators are raised
 * or cleared ({@link Alerts#offTrack}). The data sets a transaction touched are collected while it runs
 * and re-assessed once after its commit, so a bulk approval of a thousand submissions assesses each
 * data set's targets once; a rollback assesses nothing. E-mails go into the outbox, sent by its job,
 * never from the approving request. One of the listeners of the approval event (see
 * {@link FiguresStatusChanged}, decision 0055).
 */
@Component
class OffTrackOnApproval {

    private static final Logger LOG = LoggerFactory.getLogger(OffTrackOnApproval.class);

    private final Alerts alerts;
    private final DataSets dataSets;
    private final Targets targets;
    private final Clock clock;

    OffTrackOnApproval(Alerts alerts, DataSets dataSets, Targets targets, Clock clock) {
        this.alerts = alerts;
        this.dataSets = dataSets;
        this.targets = targets;
        this.clock = clock;
    }

    @EventListener
    void on(FiguresStatusChanged event) {
        if (!event.approved() && event.from() != ObservationStatus.APPROVED) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            reassess(Set.of(event.dataSetCode()));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Set<String> codes = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, codes);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reassess(codes);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(OffTrackOnApproval.this);
                }
            });
            pending = codes;
        }
        pending.add(event.dataSetCode());
    }

    private void reassess(Set<String> dataSetCodes) {
        try {
            Set<String> indicators = new LinkedHashSet<>();
            for (String code : dataSetCodes) {
                dataSets.find(code).ifPresent(d -> d.items().stream().map(DataSet.Item::indicatorCode).forEach(indicators::add));
            }
            List<Target> touched = indicators.stream().flatMap(i -> targets.ofIndicator(i).stream()).toList();
            Alerts.OffTrackRun run = alerts.offTrack(touched, clock.instant());
            if (run.raised() > 0 || run.cleared() > 0) {
                LOG.info("supervision: {} off-track alerts raised, {} cleared after figures of {} changed", run.raised(),
                        run.cleared(), dataSetCodes);
            }
        } catch (RuntimeException e) {
            // the approval is committed; the hourly alert run raises what is still due
            LOG.warn("supervision: off-track alerts of {} not re-assessed after an approval", dataSetCodes, e);
        }
    }
}
