package org.yardstick.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yardstick.observation.Staleness;
import org.yardstick.progress.rules.Assessment;
import org.yardstick.progress.rules.Figure;

/**
 * How old the figure a status rests on is, and whether it is stale (数据过时): older than its data
 * set's threshold ({@link Staleness}), counted from today's year. For pages
 * ({@code ${@freshness.of(indicatorCode, assessment)}}) and reports.
 */
@Component("freshness")
public class Freshness {

    /** How long the thresholds read are used before they are read again. */
    private static final long CACHE_MILLIS = 30_000;

    /**
     * @param year the figure's year
     * @param years how many years before today's year
     * @param threshold the data set's threshold in years
     * @param stale older than the threshold
     */
    public record Age(int year, int years, int threshold, boolean stale) {

        /** The age of a figure of {@code year} seen in {@code today}'s year, with a threshold. */
        public static Age of(int year, int today, int threshold) {
            int years = Math.max(0, today - year);
            return new Age(year, years, threshold, years > threshold);
        }
    }

    private final Staleness staleness;
    private final Clock clock;
    private volatile Map<String, Integer> thresholds = Map.of();
    private volatile long readAt;

    Freshness(Staleness staleness, Clock clock) {
        this.staleness = staleness;
        this.clock = clock;
    }

    /**
     * The age of the newest figure an assessment rests on (the deciding figure, else its start); null
     * when it rests on none (a milestone, an indicator never reported).
     */
    public @Nullable Age of(@Nullable String indicatorCode, Assessment a) {
        Figure o = a.latest() != null ? a.latest() : a.start();
        if (o == null) {
            return null;
        }
        return Age.of(o.year(), LocalDate.now(clock).getYear(), threshold(indicatorCode));
    }

    /** The threshold of an indicator's figures in years: its data sets' strictest, else the default. */
    public int threshold(@Nullable String indicatorCode) {
        long now = System.currentTimeMillis();
        if (now - readAt > CACHE_MILLIS) {
            thresholds = Map.copyOf(staleness.byIndicator());
            readAt = now;
        }
        return indicatorCode == null ? Staleness.DEFAULT_YEARS
                : thresholds.getOrDefault(indicatorCode, Staleness.DEFAULT_YEARS);
    }

    /** Forgets the thresholds read (after one is changed). */
    public void forget() {
        readAt = 0;
    }
}
