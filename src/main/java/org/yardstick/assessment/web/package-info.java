/** The self-assessment pages (questionnaire, result) and its API under /api/v1/assessment. */
@org.jspecify.annotations.NullMarked
package org.yardstick.assessment.web;
