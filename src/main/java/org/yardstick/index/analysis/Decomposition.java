package org.yardstick.index.analysis;

import java.util.List;

/**
 * Why a unit's score moved between two periods (变动归因).
 *
 * @param aggregate the aggregate decomposed
 * @param unit the unit
 * @param from the first period
 * @param to the second period
 * @param before the score in {@code from}
 * @param after the score in {@code to}
 * @param children the parts of the aggregate's children; they sum to {@code after - before}
 * @param indicators the parts of every indicator below; they also sum to {@code after - before}
 */
public record Decomposition(String aggregate, String unit, String from, String to, double before, double after,
        List<ChangePart> children, List<ChangePart> indicators) {

    public Decomposition {
        children = List.copyOf(children);
        indicators = List.copyOf(indicators);
    }

    public double change() {
        return after - before;
    }
}
