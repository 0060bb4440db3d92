package org.yardstick;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock of every application test: a settable clock, 2026-06-01 10:00 in Shanghai unless a test
 * moves it (and moves it back). Collection windows, deadlines and alerts read it, so no test depends
 * on the day it runs.
 */
public final class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Instant DEFAULT = ZonedDateTime.of(2026, 6, 1, 10, 0, 0, 0, ZONE).toInstant();

    private volatile Instant now = DEFAULT;

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void reset() {
        now = DEFAULT;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
