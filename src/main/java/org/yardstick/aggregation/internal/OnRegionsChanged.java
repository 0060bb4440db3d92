package org.yardstick.aggregation.internal;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.yardstick.region.RegionsChanged;

/**
 * Regions were added, moved, retired or imported: the cached region trees are read again at the next
 * aggregation, once the change is committed (the cache key — count, largest id, sum of parents — does not see every move).
 */
@Component
class OnRegionsChanged {

    private final RegionTrees trees;

    OnRegionsChanged(RegionTrees trees) {
        this.trees = trees;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(RegionsChanged changed) {
        trees.forget();
    }
}
