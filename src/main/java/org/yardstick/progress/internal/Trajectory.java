package org.yardstick.progress.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Target;
import org.yardstick.observation.Observation;
import org.yardstick.progress.rules.Assessment;
import org.yardstick.region.Region;

/**
 * An indicator's path in a region towards one of its targets: the figures observed, the straight
 * path from the start to the target, and where the trend leads (linear and compound) with its range.
 *
 * @param targets every target set for the indicator, in any plan and region
 * @param target the target shown; null when the indicator has none for the region
 * @param assessment how that target stands now
 * @param observed the approved yearly levels of the region (the target's breakdown)
 * @param comparator the comparator region's levels for a comparator target
 * @param planCodes plan codes by plan id, for links
 */
public record Trajectory(
        Indicator indicator, Region region, List<Target> targets, @Nullable Target target,
        @Nullable Assessment assessment, List<Observation> observed, List<Observation> comparator,
        Map<String, Region> regions, Map<Long, String> planCodes) {}
