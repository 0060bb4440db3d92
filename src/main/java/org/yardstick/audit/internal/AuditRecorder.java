package org.yardstick.audit.internal;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yardstick.audit.AuditTrail;
import org.yardstick.audit.Changed;

/**
 * Records {@link Changed} events synchronously, in the publisher's transaction: if the record
 * cannot be written, the change is rolled back with it.
 */
@Component
class AuditRecorder {

    private final AuditTrail trail;

    AuditRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(Changed change) {
        trail.recordAll(List.of(change));
    }
}
