package org.yardstick.index.analysis;

import java.util.List;
import org.yardstick.index.engine.Aggregation;
import org.yardstick.index.engine.Normalisation;

/**
 * The uncertain inputs of a Monte Carlo uncertainty and sensitivity analysis (OECD/JRC Handbook
 * 2008, section 7; Saltelli et al. 2010): each weight is multiplied by {@code 1 + noise·(2u - 1)},
 * {@code u ~ U(0, 1)} independently (uniform ±noise), the normalisation is drawn uniformly from
 * {@code normalisations} and the aggregation from {@code aggregations}. An input with no choice (noise
 * 0, a single option) is fixed and gets no sensitivity index.
 *
 * @param samples the base sample size N; the analysis makes {@code N (k + 2)} runs for k uncertain inputs
 * @param seed the seed of the random numbers, so that a result can be reproduced exactly
 * @param weightNoise the relative weight noise, in [0, 1)
 * @param normalisations the normalisation choices (at least one)
 * @param aggregations the default aggregation choices (at least one; nodes with their own method keep it)
 */
public record UncertaintySettings(int samples, long seed, double weightNoise, List<Normalisation> normalisations,
        List<Aggregation> aggregations) {

    public UncertaintySettings {
        normalisations = List.copyOf(normalisations);
        aggregations = List.copyOf(aggregations);
        if (samples < 2) {
            throw new IllegalArgumentException("at least 2 samples");
        }
        if (!(weightNoise >= 0 && weightNoise < 1)) {
            throw new IllegalArgumentException("weight noise must lie in [0, 1)");
        }
        if (normalisations.isEmpty() || aggregations.isEmpty()) {
            throw new IllegalArgumentException("at least one normalisation and one aggregation");
        }
    }
}
