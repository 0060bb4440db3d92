package org.yardstick.assessment;

/**
 * An assessment was submitted or returned (it entered or left the submitted ones): the regional indicators of its
 * county's questionnaire version and year are recomputed after the transaction commits.
 *
 * @param countyRegionId the enterprise's county
 * @param year the year of the submission that entered or left
 */
public record AssessmentStatusChanged(long assessmentId, long questionnaireId, long countyRegionId, int year) {}
