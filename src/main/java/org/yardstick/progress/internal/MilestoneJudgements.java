package org.yardstick.progress.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.AuditTrail;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.audit.Changed;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.progress.rules.Verdict;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Judgements of qualitative milestone targets (里程碑研判): a milestone such as 基本建成… has no
 * figure, so a planner judges it for a year — achieved, on track, at risk or off track — and says
 * why. The judgements are appended, never changed; progress reads the latest, for the latest year,
 * at once. Each is in the audit trail.
 */
@Service
public class MilestoneJudgements {

    /** The audit trail's entity type for targets. */
    public static final String AUDIT_TYPE = "target";
    /** The longest note: it is the audit row's reason too, so the audit column's limit (the table holds 2000). */
    public static final int MAX_NOTE = AuditTrail.MAX_REASON;
    static final String SOURCE = "judgement";

    private final JdbcClient jdbc;
    private final CurrentUser user;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Regions regions;

    MilestoneJudgements(JdbcClient jdbc, CurrentUser user, ApplicationEventPublisher events, Clock clock,
                        Regions regions) {
        this.jdbc = jdbc;
        this.user = user;
        this.events = events;
        this.clock = clock;
        this.regions = regions;
    }

    /**
     * May the current user judge this milestone: a planner or an administrator whose region is the
     * target's or contains it (自治区规划处 judges Xinjiang's milestones, not Inner Mongolia's).
     */
    public boolean mayJudge(Target target) {
        if (!user.mayPlan()) {
            return false;
        }
        Region region = regions.find(target.regionCode()).orElse(null);
        return region != null && user.scope().map(s -> s.covers(region)).orElse(false);
    }

    /** The years a judgement of this target may speak for: from the plan's baseline to this year. */
    public int[] years(Plan plan, Target target) {
        int from = target.baselineYear() != null ? target.baselineYear() : plan.baselineYear();
        return new int[] {from, Math.max(from, LocalDate.now(clock).getYear())};
    }

    /**
     * Records a judgement of a milestone target. Every problem of the entry is reported at once
     * (field and reason), and nothing is stored unless it is all valid.
     */
    @Transactional
    public MilestoneJudgement judge(Plan plan, Target target, @Nullable String verdict, @Nullable String year,
                                    @Nullable String note) {
        if (!mayJudge(target)) {
            throw new AccessDeniedException("not allowed to judge target " + plan.code() + "/" + target.code());
        }
        List<InputProblem> problems = new ArrayList<>();
        if (target.kind() != TargetKind.MILESTONE) {
            problems.add(problem("target", target.code(), JudgementProblem.NOT_A_MILESTONE));
            throw new InvalidInputException(problems);
        }
        Verdict v = verdict(verdict, problems);
        Integer y = year(plan, target, year, problems);
        String n = note == null ? "" : note.strip();
        if (n.isEmpty()) {
            problems.add(problem("note", n, JudgementProblem.REQUIRED));
        } else if (n.length() > MAX_NOTE) {
            problems.add(problem("note", n, JudgementProblem.TOO_LONG, MAX_NOTE));
        }
        if (!problems.isEmpty() || v == null || y == null) {
            throw new InvalidInputException(problems);
        }
        List<MilestoneJudgement> before = history(target.id());
        MilestoneJudgement last = before.isEmpty() ? null : before.get(0);
        Timestamp at = Timestamp.from(clock.instant());
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into milestone_judgement (target_id, verdict, judged_year, note, judged_by, judged_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(target.id(), v.name(), y, n, user.name(), at)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        events.publishEvent(Changed.of(AUDIT_TYPE, target.id(), plan.code() + "/" + target.code(), "judge", user.name(), n,
                new FieldChange("verdict", last == null ? null : last.verdict().name(), v.name()),
                new FieldChange("year", last == null ? null : Integer.toString(last.year()), Integer.toString(y))));
        return new MilestoneJudgement(id, target.id(), v, y, n, user.name(), at.toInstant());
    }

    /** Every judgement of a target, the one that counts first (latest year, then latest made). */
    public List<MilestoneJudgement> history(long targetId) {
        List<MilestoneJudgement> all = new ArrayList<>(of(List.of(targetId)).getOrDefault(targetId, List.of()));
        Collections.reverse(all);
        return all;
    }

    /**
     * The judgements of these targets in one query, by target, oldest first (by year, then by when
     * they were made): the last one that a question may see is the one that counts.
     */
    public Map<Long, List<MilestoneJudgement>> of(Collection<Long> targetIds) {
        Map<Long, List<MilestoneJudgement>> byTarget = new HashMap<>();
        if (targetIds.isEmpty()) {
            return byTarget;
        }
        jdbc.sql("""
                        select id, target_id, verdict, judged_year, note, judged_by, judged_at from milestone_judgement
                        where target_id in (:ids) order by target_id, judged_year, judged_at, id""")
                .paramSource(new MapSqlParameterSource("ids", targetIds))
                .query((rs, n) -> new MilestoneJudgement(rs.getLong(1), rs.getLong(2), Verdict.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list()
                .forEach(j -> byTarget.computeIfAbsent(j.targetId(), k -> new ArrayList<>()).add(j));
        return byTarget;
    }

    private static @Nullable Verdict verdict(@Nullable String text, List<InputProblem> problems) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            problems.add(problem("verdict", t, JudgementProblem.REQUIRED));
            return null;
        }
        try {
            return Verdict.valueOf(t.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problems.add(problem("verdict", t, JudgementProblem.UNKNOWN_VERDICT));
            return null;
        }
    }

    private @Nullable Integer year(Plan plan, Target target, @Nullable String text, List<InputProblem> problems) {
        String t = text == null ? "" : text.strip();
        int[] range = years(plan, target);
        if (t.isEmpty()) {
            problems.add(problem("year", t, JudgementProblem.REQUIRED));
            return null;
        }
        int y;
        try {
            y = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            problems.add(problem("year", t, JudgementProblem.BAD_YEAR, range[0], range[1]));
            return null;
        }
        if (y < range[0] || y > range[1]) {
            problems.add(problem("year", t, JudgementProblem.BAD_YEAR, range[0], range[1]));
            return null;
        }
        return y;
    }

    private static InputProblem problem(String field, @Nullable String value, JudgementProblem kind, Object... args) {
        return InputProblem.of(SOURCE, 0, field, value, kind, args);
    }
}
