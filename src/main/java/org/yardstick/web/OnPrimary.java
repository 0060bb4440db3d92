package org.yardstick.web;

import java.util.function.Supplier;

/**
 * Work that must reach the primary database even while the current request is served from the read replica
 * (decision 0045): the writes an anonymous read makes on the side — the API rate limit's count, the session
 * Spring Session stores when a page hands out a CSRF token. A replica refuses them ("cannot execute INSERT in a
 * read-only transaction"), which the cluster soak found as a 500 on every anonymous page (decision 0052).
 * Without a replica configured, or outside a replica-routed request, it simply runs the work.
 */
public final class OnPrimary {

    /** Set while the current thread serves a request routed to the replica ({@link ReplicaReads}). */
    static final ThreadLocal<Boolean> REPLICA = new ThreadLocal<>();

    private OnPrimary() {
    }

    /** Runs the work with connections from the primary; the request's routing is restored afterwards. */
    public static <T> T call(Supplier<T> work) {
        Boolean before = REPLICA.get();
        REPLICA.remove();
        try {
            return work.get();
        } finally {
            if (before != null) {
                REPLICA.set(before);
            }
        }
    }
}
