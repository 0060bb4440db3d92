/**
 * The self-assessment's machinery, used by its pages only: enterprises and their flags, questionnaires,
 * assessments and their imports, regional figures and indicators, the size class rule, the listeners and
 * start-up work. The root keeps only {@code AssessmentStatusChanged}, the event other modules may listen to.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.assessment.internal;
