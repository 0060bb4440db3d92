package org.yardstick.index.engine;

/**
 * Over which values the statistics of a stage (min, max, mean, sd, skewness) are taken: each
 * period on its own (COINr's default: a cross-section per year), or the whole panel of all periods
 * at once, which keeps scores comparable across years so that changes over time mean something.
 */
public enum Scope { PERIOD, PANEL }
