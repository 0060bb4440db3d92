package org.yardstick.framework.authoring.web;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetRevision;
import org.yardstick.framework.TargetStanding;
import org.yardstick.framework.Targets;
import org.yardstick.framework.authoring.Decomposition;
import org.yardstick.framework.authoring.Part;
import org.yardstick.framework.internal.FrameworkChanges;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;

/**
 * What the pages of other modules show about authoring, read from their templates as {@code @authoringView}
 * (the plan, indicator and target pages): whether the account may edit, a target's history and parts, and
 * a plan's target adjustments for its evaluation report.
 */
@Component("authoringView")
public class AuthoringView {

    private final Plans plans;
    private final Targets targets;
    private final Regions regions;
    private final CurrentUser user;
    private final FrameworkChanges changes;
    private final Decomposition decomposition;
    private final org.yardstick.framework.Indicators indicators;
    private final ObjectProvider<TargetStanding> standing;

    AuthoringView(Plans plans, Targets targets, Regions regions, CurrentUser user, FrameworkChanges changes,
                  Decomposition decomposition, org.yardstick.framework.Indicators indicators,
                  ObjectProvider<TargetStanding> standing) {
        this.standing = standing;
        this.indicators = indicators;
        this.plans = plans;
        this.targets = targets;
        this.regions = regions;
        this.user = user;
        this.changes = changes;
        this.decomposition = decomposition;
    }

    /** A part's status for its badge, as the assessing module tells it; null when no module assesses targets. */
    public @Nullable Enum<?> status(Target target) {
        TargetStanding s = standing.getIfAvailable();
        return s == null ? null : s.status(target);
    }

    /** Whether the account may create plans and indicators (a planner or an admin). */
    public boolean mayPlan() {
        return user.mayPlan();
    }

    /** Whether this indicator is retired (停用): its page then offers no retire button. */
    public boolean indicatorRetired(String code) {
        return indicators.find(code).map(i -> i.retired()).orElse(true);
    }

    /** Whether the account may change this plan and its parts (its region is in the account's scope). */
    public boolean mayEditPlan(String planCode) {
        Optional<Plan> plan = plans.find(planCode);
        return plan.isPresent() && regions.find(plan.get().regionId()).map(user::mayPlan).orElse(false);
    }

    /** A target's history, oldest first. */
    public List<TargetRevision> history(String planCode, String targetCode) {
        return changes.history(planCode, targetCode);
    }

    /** A target's parts in force. */
    public List<Part> parts(String planCode, String targetCode) {
        return decomposition.parts(planCode, targetCode);
    }

    /** The code of the whole a target is a part of, or null. */
    public String wholeOf(String planCode, String targetCode) {
        return decomposition.wholeOf(planCode, targetCode).orElse(null);
    }

    /** Every adjustment (动态调整) of a plan's targets, in the order of the targets, for its evaluation report. */
    public List<Adjustment> adjustments(String planCode) {
        Plan plan = plans.get(planCode);
        return targets.ofPlanIncludingRetired(plan).stream()
                .flatMap(t -> targets.revisions(t.id()).stream()
                        .filter(r -> r.action() == TargetRevision.Action.ADJUST)
                        .map(r -> new Adjustment(t, r)))
                .toList();
    }

    /** The day of a moment of history, as people in China date it. */
    public String day(java.time.Instant at) {
        return at.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
    }

    /** The year of a moment of history. */
    public int year(java.time.Instant at) {
        return at.atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear();
    }

    /** One adjustment of a target: "adjusted in 2018 from X to Y because …". */
    public record Adjustment(Target target, TargetRevision revision) {}
}
