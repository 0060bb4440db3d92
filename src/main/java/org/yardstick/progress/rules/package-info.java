/**
 * Progress rules: how far a target is reached, at what rate, where it heads, and its status with a
 * reason. Plain Java; the one annotation from Spring Modulith only tells the module checker that
 * other modules may read these types (a build-time marker, nothing at run time).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("rules")
package org.yardstick.progress.rules;
