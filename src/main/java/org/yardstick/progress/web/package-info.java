/** The progress pages: plan overview, evaluation reports, region comparison, department view, trajectories. */
@org.jspecify.annotations.NullMarked
package org.yardstick.progress.web;
