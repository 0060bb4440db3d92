package org.yardstick.observation;

/**
 * A submission's figures changed status — in particular, became approved (and so public, and part
 * of progress and indices) or left that state. Published in the transaction that changes them.
 *
 * <p>What happens after an approval (every listener of this type; keep the list true):
 * <ul>
 *   <li>aggregation ({@code aggregation.internal.OnFiguresStatusChanged}, before the commit): the aggregates
 *       of the data set's indicators for the period are recomputed, or owed until a bulk review finishes;</li>
 *   <li>index ({@code index.IndexResultsOnApproval}, after the commit): cached index results are dropped.</li>
 * </ul>
 * Progress keeps no cache (every page assesses from the approved figures); supervision's off-track alerts
 * are raised by the hourly alert run, not on this event.
 */
public record FiguresStatusChanged(
        long submissionId, String dataSetCode, String regionCode, String period, ObservationStatus from,
        ObservationStatus to) {

    public boolean approved() {
        return to == ObservationStatus.APPROVED;
    }
}
