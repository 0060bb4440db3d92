/**
 * Validation rules (校验规则): ranges, required figures, comparisons between indicators and
 * year-over-year thresholds, stored as data and edited by planners; evaluated on every proposed
 * change of figures (entry, import, submission) and on demand for a whole data set.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.validation;
