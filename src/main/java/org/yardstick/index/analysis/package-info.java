/**
 * Why an index moved and how far to trust it: contributions of components, decomposition of a
 * change between two periods, and Monte Carlo uncertainty and sensitivity analysis. Plain Java.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.index.analysis;
