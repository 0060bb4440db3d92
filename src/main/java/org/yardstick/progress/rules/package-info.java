/** Progress rules: how far a target is reached, at what rate, where it heads, and its status with a reason. */
@org.jspecify.annotations.NullMarked
package org.yardstick.progress.rules;
