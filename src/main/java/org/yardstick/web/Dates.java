package org.yardstick.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Moments shown in the platform's time zone, for pages ({@code ${@dates.time(instant)}}). */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;

    Dates(Clock clock) {
        this.clock = clock;
    }

    /** {@code 2026-11-22 19:40}, in the platform's zone; empty for null. */
    public String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at.atZone(clock.getZone()));
    }
}
