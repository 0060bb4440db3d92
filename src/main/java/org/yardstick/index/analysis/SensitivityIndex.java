package org.yardstick.index.analysis;

/**
 * How much of an output's variance one uncertain input explains.
 *
 * @param input the input: {@code weights}, {@code normalisation} or {@code aggregation}
 * @param firstOrder {@code S_i}, its effect alone (Saltelli et al. 2010)
 * @param total {@code S_Ti}, its effect including all interactions (Jansen 1999)
 */
public record SensitivityIndex(String input, double firstOrder, double total) {}
