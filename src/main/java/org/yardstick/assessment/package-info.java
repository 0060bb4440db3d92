/**
 * Enterprise 两化融合 self-assessment (issue 13, first slice): enterprises registered by their 统一社会信用代码,
 * versioned questionnaires following the dimensions of GB/T 23020, answers saved as drafts and submitted,
 * returned by the region's reviewer, scores per dimension, total and stage, with disclosure control for
 * everything that is not the enterprise's own. The scoring and disclosure rules are plain Java in
 * {@code engine}.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.assessment;
