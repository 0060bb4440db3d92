package org.yardstick.web;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether a request may read from the streaming replica (plain Java): only an anonymous reader's GET or
 * HEAD (public pages and the anonymous API — what anyone may see anyway), never one whose client wrote
 * within the read-your-writes window (the cookie {@value #COOKIE} holds until when), and only while the
 * replica answered its last lag probe within the bound. Anything else reads the primary (decision 0045).
 */
public final class ReplicaRouting {

    /** The cookie that keeps a client on the primary after its write: the end of the window, epoch millis. */
    public static final String COOKIE = "ys-primary-until";

    /** The replica's state at its last probe: lag in seconds, or null when it did not answer. */
    public record Probe(@Nullable Double lagSeconds, Instant at) {}

    private final Duration maxLag;
    private final Duration probeStale;

    /**
     * @param maxLag a replica further behind than this is not read
     * @param probeStale a probe older than this counts as no answer (the prober stopped or hangs)
     */
    public ReplicaRouting(Duration maxLag, Duration probeStale) {
        this.maxLag = maxLag;
        this.probeStale = probeStale;
    }

    /** The replica is fit to read at {@code now}. */
    public boolean replicaFit(@Nullable Probe probe, Instant now) {
        return probe != null && probe.lagSeconds() != null && probe.lagSeconds() * 1000 <= maxLag.toMillis()
                && !probe.at().plus(probeStale).isBefore(now);
    }

    /**
     * @param method the HTTP method
     * @param anonymous nobody is signed in on this request
     * @param primaryUntil the read-your-writes cookie's value, if the client sent one
     */
    public boolean readFromReplica(String method, boolean anonymous, @Nullable String primaryUntil, @Nullable Probe probe,
            Instant now) {
        if (!anonymous || !("GET".equals(method) || "HEAD".equals(method))) {
            return false;
        }
        if (primaryUntil != null) {
            try {
                if (Long.parseLong(primaryUntil.strip()) > now.toEpochMilli()) {
                    return false;
                }
            } catch (NumberFormatException unreadable) {
                return false; // a cookie we cannot read: the safe side
            }
        }
        return replicaFit(probe, now);
    }

    /** A write: the client's reads go to the primary until this instant (a replica within the bound has it by then). */
    public Instant primaryUntilAfterWrite(Instant now) {
        return now.plus(maxLag).plus(maxLag);
    }
}
