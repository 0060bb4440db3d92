package org.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who reads the replica: anonymous GETs while it keeps up, nobody who just wrote. */
class ReplicaRoutingTest {

    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    final ReplicaRouting routing = new ReplicaRouting(Duration.ofSeconds(5), Duration.ofSeconds(10));
    final ReplicaRouting.Probe fresh = new ReplicaRouting.Probe(0.4, NOW.minusSeconds(1));

    @Test
    void anAnonymousReaderReadsTheReplicaThatKeepsUp() {
        assertThat(routing.readFromReplica("GET", true, null, fresh, NOW)).isTrue();
        assertThat(routing.readFromReplica("HEAD", true, null, fresh, NOW)).isTrue();
    }

    @Test
    void signedInUsersAndWritesReadThePrimary() {
        assertThat(routing.readFromReplica("GET", false, null, fresh, NOW)).isFalse();
        assertThat(routing.readFromReplica("POST", true, null, fresh, NOW)).isFalse();
    }

    @Test
    void aLaggingSilentOrStaleReplicaIsNotRead() {
        assertThat(routing.readFromReplica("GET", true, null, new ReplicaRouting.Probe(5.0, NOW), NOW)).isTrue();
        assertThat(routing.readFromReplica("GET", true, null, new ReplicaRouting.Probe(5.001, NOW), NOW)).isFalse();
        assertThat(routing.readFromReplica("GET", true, null, new ReplicaRouting.Probe(null, NOW), NOW)).isFalse();
        assertThat(routing.readFromReplica("GET", true, null, null, NOW)).isFalse();
        assertThat(routing.readFromReplica("GET", true, null, new ReplicaRouting.Probe(0.0, NOW.minusSeconds(11)), NOW)).isFalse();
    }

    @Test
    void aClientThatWroteReadsThePrimaryForTheWindow() {
        Instant until = routing.primaryUntilAfterWrite(NOW);
        assertThat(until).isEqualTo(NOW.plusSeconds(10));
        String cookie = Long.toString(until.toEpochMilli());
        assertThat(routing.readFromReplica("GET", true, cookie, fresh, NOW.plusSeconds(9))).isFalse();
        assertThat(routing.readFromReplica("GET", true, cookie, new ReplicaRouting.Probe(0.4, NOW.plusSeconds(10)),
                NOW.plusSeconds(10).plusMillis(1))).isTrue();
        assertThat(routing.readFromReplica("GET", true, "not-a-number", fresh, NOW)).isFalse();
    }
}
