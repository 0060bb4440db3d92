package org.yardstick.supervision.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yardstick.framework.PlanWorkChanged;
import org.yardstick.supervision.Items;

/**
 * Creates the supervised items (督查督办事项) of new tasks and key projects once the change that added
 * them is committed, and once at start-up for a database written before this listener existed, so
 * that reading the supervision pages never writes.
 */
@Component
class OnPlanWorkChanged {

    private final Items items;

    OnPlanWorkChanged(Items items) {
        this.items = items;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PlanWorkChanged event) {
        items.sync();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        items.sync();
    }
}
