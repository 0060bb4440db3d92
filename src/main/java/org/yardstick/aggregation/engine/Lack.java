package org.yardstick.aggregation.engine;

/**
 * Why an aggregate is withheld whatever the indicator's policy: a reporting unit below has its
 * figure but not the second figure the rule needs, so the aggregate would silently leave it out
 * (a weighted mean becoming the mean of the others; a share summing numerators without their
 * denominators).
 */
public enum Lack {
    /** A weighted mean: a unit's weight indicator (e.g. population) has no figure for it. */
    WEIGHT,
    /** A ratio of sums: a unit has the numerator but no denominator. */
    DENOMINATOR
}
