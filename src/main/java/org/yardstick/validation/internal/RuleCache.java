package org.yardstick.validation.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yardstick.validation.RuleEvaluator;

/**
 * The rules in memory: loaded from the database once, kept until a rule changes. Checking figures
 * costs no SQL. A change forgets the rules at once and again when its transaction ends (committed
 * or rolled back), and a transaction that changed rules never publishes what it reads, so no other
 * thread sees rules that were not committed.
 */
@Component
public class RuleCache {

    private record Snapshot(long generation, RuleEvaluator evaluator) {}

    private final RuleStore store;
    private final AtomicLong generation = new AtomicLong();
    private volatile @Nullable Snapshot snapshot;

    RuleCache(RuleStore store) {
        this.store = store;
    }

    /** The enabled rules, ready to check proposals. */
    public RuleEvaluator evaluator() {
        long g = generation.get();
        Snapshot s = snapshot;
        if (s != null && s.generation() == g) {
            return s.evaluator();
        }
        RuleEvaluator loaded = new RuleEvaluator(store.all());
        if (!TransactionSynchronizationManager.hasResource(this)) {
            synchronized (this) {
                if (generation.get() == g) {
                    snapshot = new Snapshot(g, loaded);
                }
            }
        }
        return loaded;
    }

    /** Forgets the rules: call it whenever a rule is written. */
    public void invalidate() {
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RuleCache.this);
                    generation.incrementAndGet();
                }
            });
        }
    }
}
