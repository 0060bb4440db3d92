package org.yardstick.framework.internal;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.framework.Change;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetRevision;
import org.yardstick.framework.Targets;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;

/**
 * Changes to frameworks by people, through a form or the API: create, update and retire indicators,
 * plans and their sections, goals, key projects, tasks and targets. Every method checks the account's
 * scope (indicators are a shared catalogue: any planner or admin; a plan and its parts: a planner of the
 * plan's region or above, admin everywhere), refuses bad input whole with every problem named
 * ({@link InvalidInputException}: field, value, reason), writes nothing on a refusal, and records who,
 * old and new values, why and the channel in the audit trail. Nothing is deleted: retiring needs a reason.
 *
 * @throws org.springframework.security.access.AccessDeniedException out of the account's scope
 * @throws NotFoundException for an unknown plan or element code
 */
@Service
public class FrameworkChanges {

    private final FrameworkEditor editor;
    private final CurrentUser user;
    private final Plans plans;
    private final Targets targets;
    private final Regions regions;
    private final Indicators indicators;

    FrameworkChanges(FrameworkEditor editor, CurrentUser user, Plans plans, Targets targets, Regions regions, Indicators indicators) {
        this.indicators = indicators;
        this.editor = editor;
        this.user = user;
        this.plans = plans;
        this.targets = targets;
        this.regions = regions;
    }

    // ---- indicators (指标库): a catalogue shared by all plans

    public Indicator createIndicator(IndicatorCommand command, Change how) {
        user.requirePlan();
        return editor.createIndicator(command, user.name(), how);
    }

    public Indicator updateIndicator(String code, IndicatorCommand command, Change how) {
        user.requirePlan();
        return editor.updateIndicator(code, command, user.name(), how);
    }

    /** Refused while other indicators read it; refused while it has figures or targets unless {@link Change#forced()}. */
    public void retireIndicator(String code, Change how) {
        user.requirePlan();
        editor.retireIndicator(code, user.name(), how);
    }

    // ---- plans (规划)

    public Plan createPlan(PlanCommand command, Change how) {
        user.requirePlan();
        regions.find(command.regionCode()).ifPresent(user::requirePlan);
        return editor.createPlan(command, user.name(), how);
    }

    /** Moving a plan to another region needs scope over both. */
    public Plan updatePlan(String code, PlanCommand command, Change how) {
        requirePlan(code);
        regions.find(command.regionCode()).ifPresent(user::requirePlan);
        return editor.updatePlan(code, command, user.name(), how);
    }

    public void retirePlan(String code, Change how) {
        requirePlan(code);
        editor.retirePlan(code, user.name(), how);
    }

    /** A plan's own fields as a command, to fill a form or change one field. */
    public PlanCommand planCommand(String code) {
        return editor.planCommand(plans.get(code));
    }

    /** An indicator's fields as a command. */
    public IndicatorCommand indicatorCommand(String code) {
        return IndicatorCommand.of(indicators.get(code));
    }

    /** A section's fields (parent by code, indicators in order) as a command. */
    public SectionCommand sectionCommand(String plan, String code) {
        return editor.sectionCommand(plans.get(plan), code);
    }

    public GoalCommand goalCommand(String plan, String code) {
        return editor.goalCommand(plans.get(plan), code);
    }

    /** A key project's fields, with the targets in force that measure it. */
    public KeyProjectCommand keyProjectCommand(String plan, String code) {
        return editor.keyProjectCommand(plans.get(plan), code);
    }

    /** A task's fields, responsible units in order (the first leads), targets in force. */
    public TaskCommand taskCommand(String plan, String code) {
        return editor.taskCommand(plans.get(plan), code);
    }

    public TargetCommand targetCommand(String plan, String code) {
        Plan p = plans.get(plan);
        return TargetCommand.of(targets.find(p.id(), code).orElseThrow(() -> new NotFoundException("target", plan + "/" + code)));
    }

    // ---- sections (章节)

    public void createSection(String plan, SectionCommand command, Change how) {
        requirePlan(plan);
        editor.createSection(plan, command, user.name(), how);
    }

    public void updateSection(String plan, String code, SectionCommand command, Change how) {
        requirePlan(plan);
        editor.updateSection(plan, code, command, user.name(), how);
    }

    /** Refused while the section holds sub-sections, goals, key projects or tasks in force. */
    public void retireSection(String plan, String code, Change how) {
        requirePlan(plan);
        editor.retireSection(plan, code, user.name(), how);
    }

    // ---- goals (目标)

    public void createGoal(String plan, GoalCommand command, Change how) {
        requirePlan(plan);
        editor.createGoal(plan, command, user.name(), how);
    }

    public void updateGoal(String plan, String code, GoalCommand command, Change how) {
        requirePlan(plan);
        editor.updateGoal(plan, code, command, user.name(), how);
    }

    public void retireGoal(String plan, String code, Change how) {
        requirePlan(plan);
        editor.retireGoal(plan, code, user.name(), how);
    }

    // ---- key projects (重点工程)

    public void createKeyProject(String plan, KeyProjectCommand command, Change how) {
        requirePlan(plan);
        editor.createKeyProject(plan, command, user.name(), how);
    }

    public void updateKeyProject(String plan, String code, KeyProjectCommand command, Change how) {
        requirePlan(plan);
        editor.updateKeyProject(plan, code, command, user.name(), how);
    }

    public void retireKeyProject(String plan, String code, Change how) {
        requirePlan(plan);
        editor.retireKeyProject(plan, code, user.name(), how);
    }

    // ---- tasks (主要任务) with their responsible units (责任单位) in order

    public void createTask(String plan, TaskCommand command, Change how) {
        requirePlan(plan);
        editor.createTask(plan, command, user.name(), how);
    }

    public void updateTask(String plan, String code, TaskCommand command, Change how) {
        requirePlan(plan);
        editor.updateTask(plan, code, command, user.name(), how);
    }

    public void retireTask(String plan, String code, Change how) {
        requirePlan(plan);
        editor.retireTask(plan, code, user.name(), how);
    }

    // ---- targets (目标值) and their history

    public Target createTarget(String plan, TargetCommand command, Change how) {
        requirePlan(plan);
        return editor.createTarget(plan, command, user.name(), how);
    }

    /** Adjusts a target (动态调整); {@link Change#reason()} is required and kept in the target's history. */
    public Target adjustTarget(String plan, String code, TargetCommand command, Change how) {
        requirePlan(plan);
        return editor.adjustTarget(plan, code, command, user.name(), how);
    }

    public void retireTarget(String plan, String code, Change how) {
        requirePlan(plan);
        editor.retireTarget(plan, code, user.name(), how);
    }

    /** A target's history, oldest first: creation, each adjustment with its reason, retirement. */
    @Transactional(readOnly = true)
    public List<TargetRevision> history(String plan, String code) {
        Plan p = plans.get(plan);
        Target t = targets.find(p.id(), code).orElseThrow(() -> new NotFoundException("target", plan + "/" + code));
        return targets.revisions(t.id());
    }

    private void requirePlan(String planCode) {
        Plan plan = plans.get(planCode);
        Region region = regions.find(plan.regionId()).orElseThrow();
        user.requirePlan(region);
    }
}
