package org.yardstick.observation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Citation;
import org.yardstick.framework.Qualifier;
import org.yardstick.shared.Period;

/**
 * A reported figure (观测值).
 *
 * @param basePeriod for measures other than {@link Measure#LEVEL}: the period the change is from
 * @param qualifier how exact the figure is, and {@code qualifierText} the document's own word
 * @param version the optimistic-lock version: an update must name the version it read
 * @param sources where the figure was reported; empty for figures entered by a reporter
 */
public record Observation(
        long id, String indicatorCode, String regionCode, Period period, String disaggregationCode, Measure measure,
        @Nullable Period basePeriod, BigDecimal value, Qualifier qualifier, String qualifierText,
        ObservationStatus status, @Nullable String comment, int version, Instant updatedAt, String updatedBy,
        List<Citation> sources) {

    public Observation {
        sources = List.copyOf(sources);
    }

    /** The value as a double, for computation. */
    public double number() {
        return value.doubleValue();
    }
}
