package org.yardstick.reading;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yardstick.audit.AuditEvent;
import org.yardstick.audit.AuditTrail;

/**
 * What changed in a submission since it was last returned (issue 15 item 5): for each figure whose value
 * was changed after the return, the value it had when the reviewer returned it, read from the audit
 * trail. The review page shows it beside the new value, so a resubmission is reviewed as a diff.
 */
@Component("sinceReturn")
public class SinceReturn {

    private final AuditTrail trail;

    SinceReturn(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * The audit row of the submission's last return; null if it never was returned. Rows are ordered by
     * their id (the trail is append-only), not by time: two steps may share one clock tick.
     */
    public @Nullable Long returnedAt(long submissionId) {
        Long last = null;
        for (AuditEvent e : trail.history("submission", submissionId)) {
            if (e.action().equals("return")) {
                last = e.id();
            }
        }
        return last;
    }

    /** Figure id → its value when the submission was last returned, for the figures changed since; empty if never returned. */
    public Map<Long, String> valuesAtReturn(long submissionId, Collection<Long> figureIds) {
        Long returned = returnedAt(submissionId);
        Map<Long, String> out = new HashMap<>();
        if (returned == null) {
            return out;
        }
        for (Long id : figureIds) {
            for (AuditEvent e : trail.history("observation", id)) {
                if (e.id() > returned && e.field().equals("value")) {
                    out.put(id, e.oldValue() == null ? "" : e.oldValue());
                    break; // the first change after the return holds the value as returned
                }
            }
        }
        return out;
    }
}
