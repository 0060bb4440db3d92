package org.yardstick.index.analysis;

/**
 * One component's part of the change of a score between two periods.
 *
 * @param code the component
 * @param before its value in the first period
 * @param after its value in the second period
 * @param contribution its part of the aggregate's change; the parts sum to the change exactly
 */
public record ChangePart(String code, double before, double after, double contribution) {}
