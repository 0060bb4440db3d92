package org.yardstick.framework.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Citation;
import org.yardstick.shared.LocalizedText;

/**
 * A task (主要任务) of a plan.
 *
 * @param unitCodes the responsible organisations (责任单位) in order: the first leads (牵头单位); at least one
 * @param targetCodes targets of the same plan that measure the task
 */
public record TaskCommand(
        String code, @Nullable String sectionCode, LocalizedText title, @Nullable Integer startYear,
        @Nullable Integer deadlineYear, List<String> unitCodes, List<String> targetCodes, @Nullable Citation source) {

    public TaskCommand {
        unitCodes = List.copyOf(unitCodes);
        targetCodes = List.copyOf(targetCodes);
    }
}
