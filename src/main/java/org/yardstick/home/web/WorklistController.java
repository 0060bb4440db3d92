package org.yardstick.home.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.ObservationStatus;
import org.yardstick.observation.Submission;
import org.yardstick.observation.Submissions;
import org.yardstick.progress.Freshness;
import org.yardstick.progress.Progress;
import org.yardstick.progress.TargetProgress;
import org.yardstick.progress.rules.Status;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.Role;
import org.yardstick.supervision.Item;
import org.yardstick.supervision.ItemStatus;
import org.yardstick.supervision.Items;

/** 待办: the page every account lands on after login, with the work of its role. */
@Controller
class WorklistController {

    /** At most this many lines per list; the full lists are a link away. */
    static final int MAX = 50;

    /** A form to fill: a region's period of a data set, open until a day, and where it stands. */
    record Due(DataSet dataSet, Region region, String period, LocalDate closesOn, @Nullable Submission submission,
               long daysLeft) {
        public boolean returned() {
            return submission != null && submission.status() == ObservationStatus.RETURNED;
        }
    }

    /** A submission waiting for review, with its region. */
    record Waiting(Submission submission, @Nullable DataSet dataSet, @Nullable Region region) {}

    /** A target that needs a planner's attention, and why: its status, or the stale figure it rests on. */
    record Attention(Plan plan, TargetProgress progress, Freshness.@Nullable Age age) {}

    /** A supervised task or key project, with its status today. */
    record Task(Item item, ItemStatus status) {}

    private final CurrentUser currentUser;
    private final DataSets dataSets;
    private final Regions regions;
    private final Submissions submissions;
    private final Plans plans;
    private final Progress progress;
    private final Freshness freshness;
    private final Items items;
    private final Clock clock;

    WorklistController(CurrentUser currentUser, DataSets dataSets, Regions regions, Submissions submissions, Plans plans,
                       Progress progress, Freshness freshness, Items items, Clock clock) {
        this.currentUser = currentUser;
        this.dataSets = dataSets;
        this.regions = regions;
        this.submissions = submissions;
        this.plans = plans;
        this.progress = progress;
        this.freshness = freshness;
        this.items = items;
        this.clock = clock;
    }

    @GetMapping("/home")
    String worklist(Model model) {
        Account me = currentUser.account().orElseThrow();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("me", me);
        model.addAttribute("today", today);
        Role role = me.role();
        if (role == Role.REPORTER || role == Role.PLANNER) {
            model.addAttribute("due", due(me, today));
        }
        if (role == Role.REVIEWER || role == Role.ADMIN) {
            model.addAttribute("waiting", waiting());
        }
        if (role == Role.PLANNER || role == Role.ADMIN) {
            model.addAttribute("attention", attention(me));
            model.addAttribute("overdue", tasks(ItemStatus.OVERDUE));
        }
        if (role == Role.DEPARTMENT) {
            List<Task> mine = new ArrayList<>(tasks(ItemStatus.OVERDUE));
            mine.addAll(tasks(ItemStatus.DUE_SOON));
            mine.addAll(tasks(ItemStatus.IN_PROGRESS));
            model.addAttribute("tasks", mine.stream().limit(MAX).toList());
        }
        return "home/worklist";
    }

    /** The forms of the account's regions open today that are not yet submitted or were returned, soonest closing first. */
    private List<Due> due(Account me, LocalDate today) {
        if (me.regionCode() == null) {
            return List.of();
        }
        Region home = regions.get(me.regionCode());
        List<Due> due = new ArrayList<>();
        for (DataSet ds : dataSets.all()) {
            List<DataSet.Window> open = ds.openOn(today);
            if (open.isEmpty()) {
                continue;
            }
            List<Region> reporting = home.level() == ds.regionLevel() ? List.of(home) : regions.within(home, ds.regionLevel());
            for (DataSet.Window w : open) {
                for (Region r : reporting) {
                    if (due.size() >= MAX) {
                        break;
                    }
                    if (!currentUser.mayReport(r)) {
                        continue;
                    }
                    Submission s = submissions.find(ds.code(), r.code(), w.period()).orElse(null);
                    if (s == null || s.editable()) {
                        due.add(new Due(ds, r, w.period(), w.closesOn(), s,
                                java.time.temporal.ChronoUnit.DAYS.between(today, w.closesOn())));
                    }
                }
            }
        }
        due.sort(Comparator.comparing((Due d) -> !d.returned()).thenComparing(Due::closesOn));
        return due;
    }

    private List<Waiting> waiting() {
        Map<String, DataSet> sets = new java.util.HashMap<>();
        dataSets.all().forEach(d -> sets.put(d.code(), d));
        return submissions.queue().stream().limit(MAX)
                .map(s -> new Waiting(s, sets.get(s.dataSetCode()), regions.find(s.regionCode()).orElse(null))).toList();
    }

    /** Targets of the plans the account plans for that are behind, missed or rest on stale figures. */
    private List<Attention> attention(Account me) {
        List<Attention> out = new ArrayList<>();
        for (Plan plan : plans.all()) {
            Region region = regions.find(plan.regionId()).orElse(null);
            if (region == null || !currentUser.mayPlan(region)) {
                continue;
            }
            for (TargetProgress tp : progress.ofPlan(plan)) {
                Status s = tp.assessment().status();
                Freshness.Age age = freshness.of(tp.target().indicatorCode(), tp.assessment());
                boolean behind = s == Status.NOT_ACHIEVED || s == Status.OFF_TRACK || s == Status.AT_RISK
                        || s == Status.CANNOT_BE_JUDGED;
                if (behind || (age != null && age.stale())) {
                    out.add(new Attention(plan, tp, age));
                }
            }
        }
        return out.stream().limit(MAX).toList();
    }

    private List<Task> tasks(ItemStatus status) {
        LocalDate today = items.today();
        return items.visible(new Items.Filter(null, null, status)).stream().limit(MAX)
                .map(i -> new Task(i, i.status(today, items.dueSoonDays()))).toList();
    }
}
