package org.yardstick.audit.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.yardstick.audit.AuditEvent;

/**
 * The audit trail as people read it: one line per action (who did what to which thing, when, why,
 * through which channel), its field changes beneath, instead of one row per changed field.
 */
final class ActionGroups {

    /** One action: the rows recorded for it together (same moment, person, action and thing). */
    record Action(Instant at, String actor, String action, String entityType, String entityKey, String reason,
                  @Nullable String channel, List<AuditEvent> changes) {}

    private ActionGroups() {}

    /** Consecutive rows of one action grouped, in the order given; the field {@code channel} becomes the action's channel. */
    static List<Action> of(List<AuditEvent> events) {
        List<Action> out = new ArrayList<>();
        List<AuditEvent> current = new ArrayList<>();
        for (AuditEvent e : events) {
            if (!current.isEmpty() && !sameAction(current.get(0), e)) {
                out.add(action(current));
                current = new ArrayList<>();
            }
            current.add(e);
        }
        if (!current.isEmpty()) {
            out.add(action(current));
        }
        return out;
    }

    private static boolean sameAction(AuditEvent a, AuditEvent b) {
        return a.at().equals(b.at()) && a.actor().equals(b.actor()) && a.action().equals(b.action())
                && a.entityType().equals(b.entityType()) && Objects.equals(a.entityId(), b.entityId())
                && a.entityKey().equals(b.entityKey()) && a.reason().equals(b.reason());
    }

    private static Action action(List<AuditEvent> rows) {
        AuditEvent first = rows.get(0);
        String channel = null;
        List<AuditEvent> changes = new ArrayList<>();
        for (AuditEvent e : rows) {
            if (e.field().equals("channel")) {
                channel = e.newValue();
            } else if (!e.field().isEmpty()) {
                changes.add(e);
            }
        }
        if (channel == null && (first.action().equals("import") || first.action().equals("load"))) {
            channel = "file";
        }
        return new Action(first.at(), first.actor(), first.action(), first.entityType(), first.entityKey(), first.reason(),
                channel == null ? null : channel.toLowerCase(java.util.Locale.ROOT), List.copyOf(changes));
    }
}
