package org.yardstick.framework;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * A task (主要任务) of a plan with its responsible units (责任单位) in the plan's order: the first leads
 * (牵头单位), the others co-operate.
 *
 * @param unitCodes codes of the responsible organisations; the first leads
 * @param targetCodes codes of the targets that measure the task
 */
public record Task(
        long id, long planId, @Nullable String sectionCode, String code, LocalizedText title,
        @Nullable Integer startYear, @Nullable Integer deadlineYear, List<String> unitCodes, List<String> targetCodes,
        @Nullable Citation source) {

    public Task {
        unitCodes = List.copyOf(unitCodes);
        targetCodes = List.copyOf(targetCodes);
    }

    /** The lead unit's code, if the task names any unit. */
    public @Nullable String leadCode() {
        return unitCodes.isEmpty() ? null : unitCodes.get(0);
    }
}
