package org.yardstick.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded change of one field (or one action without field changes, with an empty field). */
public record AuditEvent(
        long id, Instant at, String actor, String action, String entityType, @Nullable Long entityId, String entityKey,
        String field, @Nullable String oldValue, @Nullable String newValue, String reason) {}
