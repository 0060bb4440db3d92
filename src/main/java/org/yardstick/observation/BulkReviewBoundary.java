package org.yardstick.observation;

/**
 * A bulk review (批量审核) starts or finishes, on the thread that runs it, outside its
 * transactions: what reacts to each submission's {@link FiguresStatusChanged} may defer its work to
 * the end and do it once (aggregation recomputes each indicator and period once, not once per
 * submission). {@code FINISHED} follows every {@code STARTED}, also when the bulk step fails.
 */
public record BulkReviewBoundary(Phase phase, String dataSetCode) {

    public enum Phase { STARTED, FINISHED }
}
