package org.yardstick.progress.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.Targets;
import org.yardstick.framework.Task;
import org.yardstick.progress.Progress;
import org.yardstick.progress.ProgressSnapshot;
import org.yardstick.progress.TargetProgress;
import org.yardstick.progress.rules.Status;
import org.yardstick.region.Organisation;
import org.yardstick.region.Organisations;

/**
 * A unit's tasks and their targets' progress. The tasks come from the plans' frameworks (with
 * their own deadlines); the figures of all their targets are read in one query.
 */
@Service
public class DepartmentViews {

    private final Organisations organisations;
    private final Plans plans;
    private final Targets targets;
    private final Progress progress;
    private final Clock clock;

    DepartmentViews(Organisations organisations, Plans plans, Targets targets, Progress progress, Clock clock) {
        this.organisations = organisations;
        this.plans = plans;
        this.targets = targets;
        this.progress = progress;
        this.clock = clock;
    }

    /** Every organisation that answers for at least one task, by code. */
    public List<Organisation> responsible() {
        return organisations.all();
    }

    public DepartmentView of(String organisationCode) {
        Organisation org = organisations.get(organisationCode);
        List<Task> tasks = plans.tasksOf(org.id());
        Map<Long, Plan> plansById = new HashMap<>();
        plans.all().forEach(p -> plansById.put(p.id(), p));
        // the targets of the plans these tasks belong to, by plan and code (one query per plan)
        Map<String, Target> byKey = new HashMap<>();
        tasks.stream().map(Task::planId).distinct()
                .forEach(id -> targets.ofPlan(plansById.get(id)).forEach(t -> byKey.put(id + "/" + t.code(), t)));
        List<Target> linked = new ArrayList<>();
        for (Task task : tasks) {
            for (String code : task.targetCodes()) {
                Target t = byKey.get(task.planId() + "/" + code);
                if (t != null && !linked.contains(t)) {
                    linked.add(t);
                }
            }
        }
        ProgressSnapshot snapshot = progress.snapshot(linked, List.of(), List.of());
        Map<Long, TargetProgress> assessed = new LinkedHashMap<>();
        linked.forEach(t -> assessed.put(t.id(), snapshot.assess(t)));
        int year = LocalDate.now(clock).getYear();
        List<DepartmentView.TaskRow> led = new ArrayList<>();
        List<DepartmentView.TaskRow> coLed = new ArrayList<>();
        for (Task task : tasks) {
            List<TargetProgress> ts = task.targetCodes().stream().map(c -> byKey.get(task.planId() + "/" + c))
                    .filter(t -> t != null).map(t -> assessed.get(t.id())).toList();
            Status worst = ts.stream().map(tp -> tp.assessment().status())
                    .min(Comparator.comparingInt(Evaluations::severity)).orElse(null);
            boolean allAchieved = !ts.isEmpty() && ts.stream().allMatch(tp -> tp.assessment().status() == Status.ACHIEVED);
            boolean overdue = task.deadlineYear() != null && task.deadlineYear() < year && !allAchieved;
            boolean lead = org.code().equals(task.leadCode());
            DepartmentView.TaskRow row = new DepartmentView.TaskRow(task, plansById.get(task.planId()), lead, ts, worst, overdue);
            (lead ? led : coLed).add(row);
        }
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        assessed.values().forEach(tp -> counts.merge(tp.assessment().status(), 1L, Long::sum));
        Map<String, Organisation> orgs = new HashMap<>();
        organisations.all().forEach(o -> orgs.put(o.code(), o));
        return new DepartmentView(org, led, coLed, counts, year, orgs);
    }
}
