package org.yardstick.assessment.engine;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One answer as given: an option code (single choice), option codes separated by commas (multiple
 * choice), a number with its unit, or {@code yes}/{@code no}.
 */
public record Answer(String question, String value, @Nullable String unit) {

    public Answer {
        value = value == null ? "" : value.strip();
        unit = unit == null || unit.isBlank() ? null : unit.strip();
    }

    /** The chosen option codes of a multiple-choice answer. */
    public List<String> choices() {
        return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
    }
}
