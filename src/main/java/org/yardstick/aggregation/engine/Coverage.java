package org.yardstick.aggregation.engine;

/**
 * How much of a region reported (报送率): of the {@code expected} reporting units in it (the
 * counties of a county data set), {@code covered} have a figure, directly or through a sub-region
 * that reported its own figure for all of them.
 */
public record Coverage(int covered, int expected) {

    public Coverage {
        if (covered < 0 || expected < 0 || covered > expected) {
            throw new IllegalArgumentException("coverage " + covered + " of " + expected);
        }
    }

    public boolean complete() {
        return expected > 0 && covered == expected;
    }

    /** The share covered, from 0 to 1; 0 when nothing was expected. */
    public double share() {
        return expected == 0 ? 0 : (double) covered / expected;
    }
}
