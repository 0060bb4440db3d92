package org.yardstick.supervision.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.supervision.Unit;

/**
 * A status report on an item for a period: the lead unit's (with progress in percent) or a co-unit's
 * contribution (without).
 *
 * @param version 1 for the first save, one more for each later save
 * @param versions every saved version, oldest first
 */
public record Report(
        long id, long itemId, String period, Unit unit, boolean lead, @Nullable Integer progress, String narrative,
        int version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
        List<Attachment> attachments, List<Comment> comments, List<Version> versions) {

    public Report {
        attachments = List.copyOf(attachments);
        comments = List.copyOf(comments);
        versions = List.copyOf(versions);
    }

    /** An evidence file, as stored. */
    public record Attachment(long id, long reportId, String fileName, String contentType, long size, String sha256,
                             Instant createdAt, String createdBy) {}

    /** A reviewer's comment. */
    public record Comment(long id, long reportId, String body, Instant createdAt, String createdBy) {}

    /** One saved version of the report's text and figure. */
    public record Version(int version, @Nullable Integer progress, String narrative, Instant savedAt, String savedBy) {}
}
