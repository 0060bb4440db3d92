package org.yardstick.progress.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.KeyProject;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Section;
import org.yardstick.framework.Target;
import org.yardstick.observation.Observation;
import org.yardstick.progress.rules.Assessment;
import org.yardstick.progress.rules.Status;
import org.yardstick.region.Region;

/**
 * A plan's targets assessed as of a year (or as of the latest figures), against how they stood
 * before: the content of the plan overview and of the evaluation reports.
 *
 * @param asOfYear the evaluation year; null: every target as of its latest approved figure
 * @param latestYear the latest year of any approved figure of the plan's targets, null without any
 * @param before what "before" means: the previous year ({@code previousYear}) or a moment ({@code since})
 * @param items every target, in the plan's order
 * @param chapters the plan's top-level sections with the targets that belong to them (a target can
 *     belong to several: every chapter that lists its indicator, states it as a goal or measures a task
 *     or key project by it), then a chapter of targets no section claims, if any
 * @param counts targets by status, every status present (zero included)
 * @param warnings early warnings (预警): binding indicators' and key projects' targets projected to miss
 * @param behind the targets furthest behind: off track or at risk, lowest ratio first
 * @param changes targets whose status differs from before, with the figures that arrived since
 * @param updatedOnly how many targets have new figures but the same status
 * @param regions the regions the targets name, by code
 */
public record PlanEvaluation(
        Plan plan, Region region, @Nullable Integer asOfYear, @Nullable Integer latestYear, Before before,
        List<Item> items, List<Chapter> chapters, Map<Status, Long> counts, List<Item> warnings, List<Item> behind,
        List<Change> changes, int updatedOnly, Map<String, Region> regions) {

    /**
     * The comparison point of "what changed".
     *
     * @param previousYear assessed as of this year; null when comparing with a moment
     * @param since assessed without the figures approved since this moment; null when comparing with a year
     */
    public record Before(@Nullable Integer previousYear, @Nullable Instant since) {}

    /**
     * One target and how it stands.
     *
     * @param indicator null for a milestone without an indicator
     * @param now the assessment as of the evaluation year
     * @param before the assessment at the comparison point
     * @param binding the indicator is binding (约束性)
     * @param keyProjects the key projects measured by this target
     * @param projectedToMiss at risk or off track, or on track only on paper: neither projection reaches the level
     * @param baseline the approved level in the baseline year, if reported
     * @param latest the latest approved level up to the evaluation year, if any
     */
    public record Item(
            Target target, @Nullable Indicator indicator, Assessment now, Assessment before, boolean binding,
            List<KeyProject> keyProjects, boolean projectedToMiss, @Nullable Observation baseline,
            @Nullable Observation latest) {

        public Status status() {
            return now.status();
        }

        /** Progress clamped to 0–100 for bars; null when there is none. */
        public @Nullable Double bar() {
            Double p = now.progressPercent();
            return p == null ? null : Math.max(0, Math.min(100, p));
        }

        /** Whether this target warrants an early warning. */
        public boolean warning() {
            return projectedToMiss && (binding || !keyProjects.isEmpty());
        }
    }

    /**
     * A chapter of the plan and its targets.
     *
     * @param section null for the chapter of targets no section claims
     */
    public record Chapter(@Nullable Section section, List<Item> items, Map<Status, Long> counts) {}

    /**
     * A target whose status changed, or that has new figures.
     *
     * @param figures the approved levels that arrived since the comparison point
     */
    public record Change(Item item, Status from, Status to, List<Observation> figures) {

        public boolean statusChanged() {
            return from != to;
        }
    }

    /** How many targets have a status. */
    public long count(Status s) {
        return counts.getOrDefault(s, 0L);
    }

    /** How many targets have the status of this name (for templates). */
    public long countOf(String status) {
        return count(Status.valueOf(status));
    }

    /** The largest count of any status, at least 1 (for bars). */
    public long maxCount() {
        return Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
    }

    /** Targets in all. */
    public int total() {
        return items.size();
    }
}
