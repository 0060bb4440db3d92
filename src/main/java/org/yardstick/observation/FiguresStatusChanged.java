package org.yardstick.observation;

/**
 * A submission's figures changed status — in particular, became approved (and so public, and part
 * of progress and indices) or left that state. Published in the transaction that changes them.
 *
 * <p>What happens after an approval (every listener of this type; keep the list true):
 * <ul>
 *   <li>aggregation ({@code aggregation.internal.OnFiguresStatusChanged}, before the commit): the aggregates
 *       of the data set's indicators for the period are recomputed, or owed until a bulk review finishes;</li>
 *   <li>index ({@code index.IndexResultsOnApproval}, after the commit): cached index results are dropped;</li>
 *   <li>supervision ({@code supervision.internal.OffTrackOnApproval}, after the commit, once per transaction): the
 *       off-track alerts of the targets on the data set's indicators are raised or cleared, their e-mails queued
 *       in the outbox.</li>
 * </ul>
 * Progress keeps no cache (every page assesses from the approved figures); supervision's time-based alerts
 * (due soon, overdue, no report) stay with the hourly alert run.
 */
public record FiguresStatusChanged(
        long submissionId, String dataSetCode, String regionCode, String period, ObservationStatus from,
        ObservationStatus to) {

    public boolean approved() {
        return to == ObservationStatus.APPROVED;
    }
}
