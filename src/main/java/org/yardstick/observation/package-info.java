/**
 * Observations (观测值): the figures reported for an indicator, region, period and breakdown, with
 * their qualifier, status in the approval workflow and provenance; and the files and forms they
 * are collected through.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.observation;
