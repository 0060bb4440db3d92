package org.yardstick.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something was changed: publish this event in the transaction that changes it.
 *
 * @param entityType what kind of thing: {@code observation}, {@code account}, {@code plan} …
 * @param entityId its database identity, if it has one
 * @param entityKey a readable key: {@code IIDI/65/2016} or a username
 * @param action what happened: {@code create}, {@code update}, {@code submit}, {@code approve} …
 * @param actor the username of who did it ({@code system} for the platform itself)
 * @param changes the fields that changed, old and new; empty for actions without field changes
 * @param reason why, as the person gave it (required for returns and reopenings)
 */
public record Changed(
        String entityType, @Nullable Long entityId, String entityKey, String action, String actor,
        List<FieldChange> changes, String reason) {

    /** One field's old and new value, as text. */
    public record FieldChange(String field, @Nullable String oldValue, @Nullable String newValue) {}

    public Changed {
        changes = List.copyOf(changes);
        reason = reason == null ? "" : reason;
    }

    public static Changed of(String entityType, @Nullable Long entityId, String entityKey, String action, String actor,
                             String reason, FieldChange... changes) {
        return new Changed(entityType, entityId, entityKey, action, actor, List.of(changes), reason);
    }
}
