package org.yardstick.aggregation.internal;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.yardstick.region.RegionsChanged;
import org.yardstick.web.CacheStamps;

/**
 * Regions were added, moved, retired or imported: the cached region trees are read again at the next
 * aggregation, once the change is committed (the cache key — count, largest id, sum of parents — does not see every move).
 * Other instances learn of it through the stamp {@value RegionTrees#STAMP}, bumped in the changing transaction.
 */
@Component
class OnRegionsChanged {

    private final RegionTrees trees;
    private final CacheStamps stamps;

    OnRegionsChanged(RegionTrees trees, CacheStamps stamps) {
        this.trees = trees;
        this.stamps = stamps;
    }

    /** In the changing transaction: every instance's trees are stale once it commits. */
    @EventListener
    void stamp(RegionsChanged changed) {
        stamps.bump(RegionTrees.STAMP);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(RegionsChanged changed) {
        trees.forget();
    }
}
