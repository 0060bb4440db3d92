package org.yardstick.index.engine;

import java.util.ArrayList;
import java.util.List;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Screening of units by data availability (COINr {@code Screen}, {@code dat_thresh}): a unit's
 * share of values present is {@code present / (indicators × periods)}; a unit below
 * {@code minShare} is excluded from every later stage and reported.
 *
 * @param kept the panel of the units kept
 * @param excluded the units excluded, with their share
 */
public record Screening(Panel kept, List<ExcludedUnit> excluded) {

    public Screening {
        excluded = List.copyOf(excluded);
    }

    static Screening screen(Panel data, double minShare) {
        int n = data.unitCount();
        int cells = data.cellCount();
        double[][] x = data.raw();
        int[] present = new int[n];
        for (double[] column : x) {
            for (int base = 0; base < cells; base += n) {
                for (int u = 0; u < n; u++) {
                    if (!Double.isNaN(column[base + u])) {
                        present[u]++;
                    }
                }
            }
        }
        double total = (double) x.length * data.periodCount();
        List<ExcludedUnit> excluded = new ArrayList<>();
        int[] keep = new int[n];
        int k = 0;
        for (int u = 0; u < n; u++) {
            double share = total == 0 ? 0 : present[u] / total;
            if (share >= minShare && present[u] > 0) {
                keep[k++] = u;
            } else {
                excluded.add(new ExcludedUnit(data.units().get(u), share));
            }
        }
        if (k == 0) {
            throw new InvalidInputException(
                    InputProblem.of(data.source(), 0, "", null, IndexProblem.NO_UNITS_LEFT, minShare));
        }
        Panel kept = k == n ? data : data.selectUnits(java.util.Arrays.copyOf(keep, k));
        return new Screening(kept, excluded);
    }
}
