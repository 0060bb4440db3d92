package org.yardstick.observation;

import java.time.Instant;

/**
 * A reviewer's comment on one figure of a returned submission (退回意见, per value): the reporter reads it
 * beside that field of the form.
 */
public record ValueComment(String indicatorCode, String body, String author, Instant createdAt)
        implements java.io.Serializable {}
