/**
 * Jobs (后台任务): long work — a 620k-village import — runs in the background and any instance answers
 * how far it is (state, progress done/total, result, problems) from the database; the API's
 * {@code /api/v1/jobs/{id}} and the UI's progress bars read the same rows.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.jobs;
