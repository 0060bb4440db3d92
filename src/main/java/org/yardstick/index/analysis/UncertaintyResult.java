package org.yardstick.index.analysis;

import java.util.List;
import java.util.Map;

/**
 * The result of {@link UncertaintyAnalysis#run}.
 *
 * @param aggregate the aggregate whose ranks were studied
 * @param period the period
 * @param runs how many times the index was computed
 * @param ranks each unit's rank interval, in the order of the units
 * @param overall sensitivity of the mean absolute rank shift against the nominal ranks
 *     ({@code (1/n) Σ_u |r_u - r_u^nominal|}), one index per uncertain input
 * @param byUnit sensitivity of each unit's rank, one index per uncertain input
 */
public record UncertaintyResult(String aggregate, String period, int runs, List<RankInterval> ranks,
        List<SensitivityIndex> overall, Map<String, List<SensitivityIndex>> byUnit) {

    public UncertaintyResult {
        ranks = List.copyOf(ranks);
        overall = List.copyOf(overall);
        byUnit = Map.copyOf(byUnit);
    }
}
