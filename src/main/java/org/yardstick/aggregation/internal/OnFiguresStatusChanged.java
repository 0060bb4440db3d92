package org.yardstick.aggregation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yardstick.observation.BulkReviewBoundary;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.FiguresStatusChanged;

/**
 * Approving or reopening a submission rewrites the aggregates of its data set's indicators for
 * its period where its region reaches (the region and its ancestors, each from its sub-regions), before the transaction commits: the figures and their aggregates change together, and
 * the next request sees both.
 *
 * <p>Inside a bulk review (383 submissions approved in one request) each submission only records
 * what it changed in {@code aggregate_pending}, in its own transaction; when the bulk review
 * finishes, before the request returns, every (indicator, period) recorded is recomputed once. Until
 * then a reader may see approved figures whose aggregates are those before the bulk review (the
 * bound: the bulk request's duration); a crash in between is made good at the next start.
 */
@Component
class OnFiguresStatusChanged {

    /** How many bulk reviews this thread is inside (they do not nest today; a counter costs nothing). */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OnFiguresStatusChanged.class);
    private static final ThreadLocal<int[]> BULK = ThreadLocal.withInitial(() -> new int[1]);

    private final DataSets dataSets;
    private final Recomputation recomputation;

    OnFiguresStatusChanged(DataSets dataSets, Recomputation recomputation) {
        this.dataSets = dataSets;
        this.recomputation = recomputation;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(FiguresStatusChanged event) {
        DataSet ds = dataSets.get(event.dataSetCode());
        List<String> codes = ds.items().stream().map(DataSet.Item::indicatorCode).toList();
        if (BULK.get()[0] > 0) {
            recomputation.owe(codes, event.period());
        } else {
            recomputation.recompute(codes, event.period(), List.of(event.regionCode())); // the region and its ancestors
        }
    }

    @EventListener
    void on(BulkReviewBoundary event) {
        int[] depth = BULK.get();
        if (event.phase() == BulkReviewBoundary.Phase.STARTED) {
            depth[0]++;
            return;
        }
        depth[0] = Math.max(0, depth[0] - 1);
        if (depth[0] == 0) {
            BULK.remove();
            try {
                recomputation.payOwed();
            } catch (RuntimeException e) {
                // the approvals are committed; what is owed stays recorded and is paid by the next bulk review or start
                LOG.error("aggregates owed by a bulk review of {} not recomputed yet", event.dataSetCode(), e);
            }
        }
    }
}
