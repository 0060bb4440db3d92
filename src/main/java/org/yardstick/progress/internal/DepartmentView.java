package org.yardstick.progress.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Task;
import org.yardstick.progress.TargetProgress;
import org.yardstick.progress.rules.Status;
import org.yardstick.region.Organisation;

/**
 * What a responsible unit (责任单位) answers for: the tasks it leads (牵头) and those it co-operates
 * on (配合), each with its deadline and the targets that measure it, assessed now.
 *
 * @param year the current year, to tell deadlines that have passed
 * @param counts the distinct targets of all these tasks by status
 * @param organisations every unit the tasks name, by code
 */
public record DepartmentView(
        Organisation organisation, List<TaskRow> led, List<TaskRow> coLed, Map<Status, Long> counts, int year,
        Map<String, Organisation> organisations) {

    /**
     * One task.
     *
     * @param lead whether the unit leads it
     * @param worst the worst status among its targets (off track first); null without targets
     * @param overdue the deadline has passed and not every target is achieved
     */
    public record TaskRow(Task task, Plan plan, boolean lead, List<TargetProgress> targets, @Nullable Status worst,
                          boolean overdue) {}

    /** How many distinct targets. */
    public long targetCount() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
