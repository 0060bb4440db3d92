/**
 * How the progress pages and reports are put together: plan evaluations (overview and report),
 * region comparisons, department views, trajectories, the PDF and Excel renderings, and the milestone
 * judgements (里程碑研判) recorded by planners ({@code MilestoneJudgements}).
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.progress.internal;
