package org.yardstick.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.observation.Observations;
import org.yardstick.region.Region;
import org.yardstick.shared.InputProblem;

/**
 * An index computed by the platform from the approved figures, or why it could not be.
 *
 * @param definition the definition version computed
 * @param units the regions of the definition's level within its scope, by code (the engine drops
 *     those without any figure: see {@link IndexResult#excluded()})
 * @param periods the periods computed, oldest first
 * @param result every stage and the scores and ranks; null when the index could not be computed
 * @param problems why it could not be computed (weights not published, a zero-variance
 *     indicator …); empty when it was
 * @param figures how many approved figures went in
 * @param stamp the state of the approved figures it was computed from
 */
public record ComputedIndex(IndexDefinition definition, List<Region> units, List<String> periods,
        @Nullable IndexResult result, List<InputProblem> problems, int figures, Observations.Stamp stamp) {

    public ComputedIndex {
        units = List.copyOf(units);
        periods = List.copyOf(periods);
        problems = List.copyOf(problems);
    }

    public boolean computed() {
        return result != null;
    }

    /**
     * The index's own score (the root of its tree) per unit and period, for rows that were scored; empty
     * when the index could not be computed. What other modules (the maps) read, without the engine's types.
     */
    public Map<String, Map<String, Double>> rootScores() {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        if (result == null) {
            return out;
        }
        var scores = result.scores();
        int top = result.tree().aggregates().size() - 1;
        for (String unit : scores.units()) {
            int u = scores.unitIndex(unit);
            for (int p = 0; p < scores.periods().size(); p++) {
                double v = scores.value(top, u, p);
                if (result.hasRow(u, p) && !Double.isNaN(v)) {
                    out.computeIfAbsent(unit, k -> new LinkedHashMap<>()).put(scores.periods().get(p), v);
                }
            }
        }
        return out;
    }
}
