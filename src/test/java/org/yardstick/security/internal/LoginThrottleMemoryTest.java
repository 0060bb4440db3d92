package org.yardstick.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The login throttle's arithmetic and its memory bound, without the application. */
class LoginThrottleMemoryTest {

    static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    @Test
    void aFloodOfMadeUpAddressesAndNamesStaysWithinTheBound() {
        LoginThrottle throttle = new LoginThrottle(Clock.fixed(NOW, ZoneOffset.UTC));
        int n = (int) LoginThrottle.MAX_ENTRIES + 50_000;
        for (int i = 0; i < n; i++) {
            throttle.failed("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), "name-" + i);
        }
        assertThat(throttle.remembered()).isLessThanOrEqualTo(2 * LoginThrottle.MAX_ENTRIES);
    }

    @Test
    void theWaitDoublesAndIsCapped() {
        LoginThrottle throttle = new LoginThrottle(Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < LoginThrottle.FREE_ACCOUNT_FAILURES; i++) {
            throttle.failed("192.0.2." + i, "victim");
        }
        assertThat(throttle.waitUntil("198.51.100.1", "victim")).isNull();
        throttle.failed("192.0.2.50", "victim");
        assertThat(throttle.waitUntil("198.51.100.1", "victim")).isEqualTo(NOW.plusSeconds(1));
        throttle.failed("192.0.2.51", "victim");
        assertThat(throttle.waitUntil("198.51.100.1", "victim")).isEqualTo(NOW.plusSeconds(2));
        throttle.failed("192.0.2.52", "victim");
        assertThat(throttle.waitUntil("198.51.100.1", "victim")).isEqualTo(NOW.plusSeconds(4));
        for (int i = 0; i < 100; i++) {
            throttle.failed("192.0.2.53", "victim");
        }
        assertThat(throttle.waitUntil("198.51.100.1", "victim")).isEqualTo(NOW.plus(LoginThrottle.MAX_ACCOUNT_DELAY));
        // the address that made those 100 guesses waits at most a quarter of an hour, for any account
        assertThat(throttle.waitUntil("192.0.2.53", "someone-else")).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(throttle.waitUntil("198.51.100.1", "someone-else")).isNull();
    }
}
