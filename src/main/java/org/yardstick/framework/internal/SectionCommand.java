package org.yardstick.framework.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * A chapter of a plan (章节).
 *
 * @param parentCode the enclosing section's code; null for a top-level section
 * @param indicatorCodes the indicators the section monitors, in order
 */
public record SectionCommand(String code, @Nullable String parentCode, LocalizedText title, List<String> indicatorCodes) {

    public SectionCommand {
        indicatorCodes = List.copyOf(indicatorCodes);
    }
}
