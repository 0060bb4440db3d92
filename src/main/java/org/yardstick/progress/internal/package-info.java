/**
 * How the progress pages and reports are put together: plan evaluations (overview and report),
 * region comparisons, department views, trajectories, and the PDF and Excel renderings.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.progress.internal;
