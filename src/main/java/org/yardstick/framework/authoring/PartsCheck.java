package org.yardstick.framework.authoring;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Aggregation;
import org.yardstick.framework.internal.TargetCommand;

/**
 * What a decomposition would create or has created, and how its parts stand against the whole by the
 * indicator's aggregation rule.
 *
 * @param parts the parts' targets as they are (to be) written
 * @param rule the indicator's rule (null for a milestone)
 * @param total the parts' sum (SUM) or mean (MEAN) with the parts already there; null where not computed
 * @param whole the whole's value; null where it has none
 * @param notes what the rule means for these parts, as message keys with arguments (warnings included)
 */
public record PartsCheck(List<TargetCommand> parts, @Nullable Aggregation rule, @Nullable BigDecimal total,
                         @Nullable BigDecimal whole, List<Note> notes) {

    public PartsCheck {
        parts = List.copyOf(parts);
        notes = List.copyOf(notes);
    }

    /** One statement about the parts: {@code warning} when they do not match the whole. */
    public record Note(String key, List<String> args, boolean warning) {
        public Note {
            args = List.copyOf(args);
        }
    }

    public boolean warns() {
        return notes.stream().anyMatch(Note::warning);
    }
}
