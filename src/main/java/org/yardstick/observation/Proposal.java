package org.yardstick.observation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.yardstick.region.Region;
import org.yardstick.shared.Period;

/**
 * The figures of one region and period as they would be after a change: what validation rules look
 * at. {@code values} holds every figure of the data set for the region and period (the proposed
 * ones over the stored ones), {@code previous} the same indicators one year earlier, and
 * {@code changed} which indicators the change touches.
 */
public record Proposal(
        DataSet dataSet, Region region, Period period, Map<String, BigDecimal> values,
        Map<String, BigDecimal> previous, Set<String> changed) {

    public Proposal {
        values = Map.copyOf(values);
        previous = Map.copyOf(previous);
        changed = Set.copyOf(changed);
    }
}
