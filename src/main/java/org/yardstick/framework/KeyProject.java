package org.yardstick.framework;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * A key project (重点工程) of a plan.
 *
 * @param targetCodes codes of the targets that measure the project
 */
public record KeyProject(
        long id, long planId, @Nullable String sectionCode, String code, LocalizedText name, LocalizedText summary,
        List<String> targetCodes, @Nullable Citation source) {

    public KeyProject {
        targetCodes = List.copyOf(targetCodes);
    }
}
