package org.yardstick.observation;

/**
 * A submission's figures changed status — in particular, became approved (and so public, and part
 * of progress and indices) or left that state. Published in the transaction that changes them.
 */
public record FiguresStatusChanged(
        long submissionId, String dataSetCode, String regionCode, String period, ObservationStatus from,
        ObservationStatus to) {

    public boolean approved() {
        return to == ObservationStatus.APPROVED;
    }
}
