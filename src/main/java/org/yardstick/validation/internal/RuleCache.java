package org.yardstick.validation.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yardstick.web.CacheStamps;

/**
 * The rules in memory: loaded from the database once, kept until a rule changes. Checking figures
 * costs no SQL. A change forgets the rules at once and again when its transaction ends (committed
 * or rolled back), and a transaction that changed rules never publishes what it reads, so no other
 * thread sees rules that were not committed. Other instances on the same database learn of a change
 * through the stamp {@value #STAMP} ({@link CacheStamps}), bumped in the changing transaction and compared
 * at every use (one primary-key select): they read the rules again at their first use after the commit.
 */
@Component
public class RuleCache {

    static final String STAMP = "validation.rules";

    private record Snapshot(long generation, long stamp, RuleEvaluator evaluator) {}

    private final RuleStore store;
    private final CacheStamps stamps;
    private final AtomicLong generation = new AtomicLong();
    private volatile @Nullable Snapshot snapshot;

    RuleCache(RuleStore store, CacheStamps stamps) {
        this.store = store;
        this.stamps = stamps;
    }

    /** The enabled rules, ready to check proposals. */
    public RuleEvaluator evaluator() {
        long g = generation.get();
        long stamp = stamps.current(STAMP);
        Snapshot s = snapshot;
        if (s != null && s.generation() == g && s.stamp() == stamp) {
            return s.evaluator();
        }
        RuleEvaluator loaded = new RuleEvaluator(store.all());
        if (!TransactionSynchronizationManager.hasResource(this)) {
            synchronized (this) {
                if (generation.get() == g) {
                    snapshot = new Snapshot(g, stamp, loaded);
                }
            }
        }
        return loaded;
    }

    /** Forgets the rules: call it whenever a rule is written. */
    public void invalidate() {
        generation.incrementAndGet();
        stamps.bump(STAMP);
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
