package org.yardstick.index;

import java.util.List;
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
}
