package org.yardstick.index.engine;

import java.util.List;
import java.util.Map;

/**
 * What the imputation of one run did (插补报告): per indicator, the cells missing before, the cells
 * each method of its chain filled and the cells still missing; the units screened out before
 * imputation; and the unit-period cells that are not ranked because the unit had no row (no
 * value at all) in that period of the input, however complete imputation made them.
 *
 * @param indicators one line per indicator, in the tree's order
 * @param screened the units screening excluded
 * @param unranked the cells without input row, as {@code unit/period}
 */
public record ImputationReport(List<Line> indicators, List<ExcludedUnit> screened, List<Cell> unranked) {

    public ImputationReport {
        indicators = List.copyOf(indicators);
        screened = List.copyOf(screened);
        unranked = List.copyOf(unranked);
    }

    /**
     * One indicator.
     *
     * @param indicator its code
     * @param missing cells missing before imputation (units kept by screening, every period)
     * @param filled cells filled by each method of its chain, in the chain's order
     * @param stillMissing cells still missing after imputation
     */
    public record Line(String indicator, int missing, Map<Imputation, Integer> filled, int stillMissing) {

        public Line {
            filled = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filled));
        }

        /** Cells filled by every method together. */
        public int filledTotal() {
            return filled.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** A unit in a period. */
    public record Cell(String unit, String period) {}

    /** Cells filled by a method over all indicators. */
    public int filled(Imputation method) {
        return indicators.stream().mapToInt(l -> l.filled().getOrDefault(method, 0)).sum();
    }

    /** Cells still missing over all indicators. */
    public int stillMissing() {
        return indicators.stream().mapToInt(Line::stillMissing).sum();
    }

    /** Cells missing before imputation over all indicators. */
    public int missing() {
        return indicators.stream().mapToInt(Line::missing).sum();
    }
}
