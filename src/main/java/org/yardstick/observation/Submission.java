package org.yardstick.observation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One region's figures of one data set for one period, as a unit of the approval workflow
 * (填报 → 提交 → 审核通过, or 退回 with a reason).
 *
 * @param reason the reviewer's reason for the last return or reopening
 * @param version the optimistic-lock version: each transition names the version it saw
 */
public record Submission(
        long id, String dataSetCode, String regionCode, String period, ObservationStatus status,
        @Nullable String submittedBy, @Nullable Instant submittedAt, @Nullable String reviewedBy,
        @Nullable Instant reviewedAt, String reason, int version) implements java.io.Serializable {

    /** Whether its figures may be changed by the reporter. */
    public boolean editable() {
        return status == ObservationStatus.DRAFT || status == ObservationStatus.RETURNED;
    }
}
