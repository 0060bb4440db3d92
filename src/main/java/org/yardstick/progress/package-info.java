/**
 * Progress and evaluation (进展评估): for every target, how far along it is, at what rate, where it is
 * heading and its status with a reason, from the approved figures; dashboards and evaluation
 * reports. The rules themselves are plain Java in {@code rules}.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.progress;
