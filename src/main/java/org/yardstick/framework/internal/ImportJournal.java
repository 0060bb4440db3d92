package org.yardstick.framework.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yardstick.audit.Changed;

/**
 * The audit events of an import on this thread: what the import changed is exactly what it recorded,
 * so its preview (the same import, rolled back) cannot differ from what applying it does.
 */
@Component
class ImportJournal {

    private final ThreadLocal<@Nullable List<Changed>> current = new ThreadLocal<>();

    void start() {
        current.set(new ArrayList<>());
    }

    List<Changed> stop() {
        List<Changed> events = current.get();
        current.remove();
        return events == null ? List.of() : events;
    }

    @EventListener
    void on(Changed change) {
        List<Changed> events = current.get();
        if (events != null) {
            events.add(change);
        }
    }
}
