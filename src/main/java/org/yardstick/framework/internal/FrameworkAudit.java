package org.yardstick.framework.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.yardstick.audit.Changed;
import org.yardstick.framework.Change;

/**
 * The one way a framework change reaches the audit trail: the fields of an element before and after as
 * text, of which only those that differ are recorded, with actor, reason and the channel (form, file,
 * api; recorded as the pseudo-field {@code channel}, since the trail has no column for it).
 */
final class FrameworkAudit {

    /** The fields of an element in a stable order, as text; null for absent. */
    static final class Fields {
        private final Map<String, @Nullable String> values = new LinkedHashMap<>();

        Fields put(String field, @Nullable Object value) {
            values.put(field, text(value));
            return this;
        }

        Map<String, @Nullable String> values() {
            return values;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Fields f && f.values.equals(values);
        }

        @Override
        public int hashCode() {
            return values.hashCode();
        }
    }

    private final ApplicationEventPublisher events;

    FrameworkAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** A number as its shortest plain text (500, not 500.00000000), so stored and given values compare. */
    static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof List<?> l) {
            return String.join(",", l.stream().map(String::valueOf).toList());
        }
        String s = value.toString();
        return s;
    }

    /** The fields that differ between two states (an empty old state for a creation). */
    static List<Changed.FieldChange> diff(@Nullable Fields before, Fields after) {
        Set<String> names = new LinkedHashSet<>(after.values().keySet());
        if (before != null) {
            names.addAll(before.values().keySet());
        }
        List<Changed.FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            String old = before == null ? null : before.values().get(name);
            String neu = after.values().get(name);
            if (!Objects.equals(old, neu)) {
                changes.add(new Changed.FieldChange(name, old, neu));
            }
        }
        return changes;
    }

    /** Records a creation or update; nothing when nothing differs. Answers whether anything differed. */
    boolean changed(String type, @Nullable Long id, String key, String action, String actor, Change how,
                    @Nullable Fields before, Fields after) {
        List<Changed.FieldChange> changes = diff(before, after);
        if (changes.isEmpty()) {
            return false;
        }
        publish(type, id, key, action, actor, how, changes);
        return true;
    }

    /** Records an action without field values of its own (a retirement), with who and why. */
    void action(String type, @Nullable Long id, String key, String action, String actor, Change how,
                Changed.FieldChange... changes) {
        publish(type, id, key, action, actor, how, List.of(changes));
    }

    private void publish(String type, @Nullable Long id, String key, String action, String actor, Change how,
                         List<Changed.FieldChange> changes) {
        List<Changed.FieldChange> all = new ArrayList<>(changes);
        all.add(new Changed.FieldChange("channel", null, how.channel().name().toLowerCase(Locale.ROOT)));
        events.publishEvent(new Changed(type, id, key, action, actor, all, how.reason()));
    }
}
