package org.yardstick.framework.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Citation;
import org.yardstick.shared.LocalizedText;

/** A key project (重点工程) of a plan; {@code targetCodes} are targets of the same plan that measure it. */
public record KeyProjectCommand(
        String code, @Nullable String sectionCode, LocalizedText name, LocalizedText summary, List<String> targetCodes,
        @Nullable Citation source) {

    public KeyProjectCommand {
        targetCodes = List.copyOf(targetCodes);
    }
}
