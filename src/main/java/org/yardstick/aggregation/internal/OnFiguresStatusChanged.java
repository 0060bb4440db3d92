package org.yardstick.aggregation.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.FiguresStatusChanged;

/**
 * Approving or reopening a submission rewrites the aggregates of its data set's indicators for
 * its period, before the transaction commits: the figures and their aggregates change together, and
 * the next request sees both.
 */
@Component
class OnFiguresStatusChanged {

    private final DataSets dataSets;
    private final Recomputation recomputation;

    OnFiguresStatusChanged(DataSets dataSets, Recomputation recomputation) {
        this.dataSets = dataSets;
        this.recomputation = recomputation;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(FiguresStatusChanged event) {
        DataSet ds = dataSets.get(event.dataSetCode());
        recomputation.recompute(ds.items().stream().map(DataSet.Item::indicatorCode).toList(), event.period());
    }
}
