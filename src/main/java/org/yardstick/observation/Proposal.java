package org.yardstick.observation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yardstick.region.Region;
import org.yardstick.shared.Period;

/**
 * The figures of one region and period as they would be after a change: what validation rules look
 * at. {@code values} holds every figure of the data set for the region and period (the proposed
 * ones over the stored ones), {@code previous} the same indicators one year earlier, and
 * {@code changed} which indicators the change touches (a change of a category's figure touches its
 * indicator).
 *
 * @param parts the figures broken down by category (分组), proposed over stored: indicator code →
 *     category code → value; empty when the data set has no breakdowns
 * @param breakdowns the data set's categories by dimension ({@link DataSets#breakdowns}); empty when none
 */
public record Proposal(
        DataSet dataSet, Region region, Period period, Map<String, BigDecimal> values,
        Map<String, BigDecimal> previous, Set<String> changed, Map<String, Map<String, BigDecimal>> parts,
        Map<String, List<String>> breakdowns) {

    public Proposal {
        values = Map.copyOf(values);
        previous = Map.copyOf(previous);
        changed = Set.copyOf(changed);
        Map<String, Map<String, BigDecimal>> copy = new HashMap<>();
        parts.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        parts = Map.copyOf(copy);
        breakdowns = Map.copyOf(breakdowns);
    }

    /** Figures of totals only (a data set without breakdowns, or a check that reads none). */
    public Proposal(DataSet dataSet, Region region, Period period, Map<String, BigDecimal> values,
                    Map<String, BigDecimal> previous, Set<String> changed) {
        this(dataSet, region, period, values, previous, changed, Map.of(), Map.of());
    }
}
