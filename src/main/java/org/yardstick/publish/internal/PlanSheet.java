package org.yardstick.publish.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Document;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.KeyProject;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Section;
import org.yardstick.framework.Target;
import org.yardstick.framework.Task;
import org.yardstick.observation.Observation;
import org.yardstick.progress.rules.Assessment;
import org.yardstick.progress.rules.Status;
import org.yardstick.region.Organisation;
import org.yardstick.progress.TargetProgress;
import org.yardstick.region.Region;

/**
 * Everything the plan page shows: the plan, its outline, one row per target with baseline, latest
 * approved figure and progress ({@code rows}), one row per indicator the plan monitors without a
 * target ({@code monitored}), the count of targets by status, milestones, key projects and tasks.
 */
public record PlanSheet(
        Plan plan, Region region, @Nullable Document document, List<Section> outline, List<Row> rows,
        List<Row> monitored, List<StatusCount> statusCounts,
        List<TargetProgress> milestones, List<KeyProject> keyProjects, List<Task> tasks,
        Map<String, Organisation> organisations, Map<String, Region> regions) {

    /** How many of the plan's targets have a status. */
    public record StatusCount(Status status, long count) {}

    /**
     * One line of the indicator table.
     *
     * @param target the target, null for an indicator the plan monitors without setting one
     * @param baseline the approved level in the baseline year, if reported
     * @param latest the most recent approved level after the baseline year, if any
     * @param progress how the target stands, null without a target
     * @param first whether this is the first row of its indicator (the table spans the name)
     * @param span how many rows the indicator has
     */
    public record Row(String sectionCode, Indicator indicator, @Nullable Target target, String regionCode,
                      @Nullable Observation baseline, @Nullable Observation latest, @Nullable Assessment progress,
                      boolean first, int span) {}
}
