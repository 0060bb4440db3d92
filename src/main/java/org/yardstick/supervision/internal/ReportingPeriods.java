package org.yardstick.supervision.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;
import org.yardstick.supervision.Items;

/**
 * Reporting periods (报告期) of a plan's items: quarterly unless a planner chose otherwise for the
 * plan. A period is open for reports from its first day until {@code graceDays} after its last;
 * then it is closed.
 */
@Service
public class ReportingPeriods {

    /** A plan's reporting rhythm. */
    public record Setting(ReportingFrequency frequency, int graceDays) {}

    private final JdbcClient jdbc;
    private final SupervisionSettings settings;
    private final ApplicationEventPublisher events;
    private final Access access;

    ReportingPeriods(JdbcClient jdbc, SupervisionSettings settings, ApplicationEventPublisher events, Access access) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
        this.access = access;
    }

    public Setting of(long planId) {
        return jdbc.sql("select frequency, grace_days from sup_plan_setting where plan_id = ?").param(planId)
                .query((rs, n) -> new Setting(ReportingFrequency.valueOf(rs.getString(1)), rs.getInt(2))).optional()
                .orElse(new Setting(settings.frequency(), settings.graceDays()));
    }

    /** The period a day falls in. */
    public Period current(long planId, LocalDate today) {
        return of(planId).frequency().periodOf(today);
    }

    /** The last day reports on a period are accepted. */
    public LocalDate closesOn(long planId, Period period) {
        return ReportingFrequency.end(period).plusDays(of(planId).graceDays());
    }

    /** The periods open for reports on a day, newest first. */
    public List<Period> open(long planId, LocalDate today) {
        List<Period> open = new ArrayList<>();
        Period p = current(planId, today);
        while (!closesOn(planId, p).isBefore(today)) {
            open.add(p);
            p = p.previous();
        }
        return open;
    }

    /** Checks that a period is one of the plan's and open on the day, adding what is wrong. */
    Period check(long planId, String code, LocalDate today, List<InputProblem> problems) {
        Setting s = of(planId);
        Period p = Period.parse(code == null ? "" : code).orElse(null);
        if (p == null || !s.frequency().matches(p)) {
            problems.add(Problem.of("period", code, Problem.BAD_PERIOD, s.frequency().periodOf(today).code()));
            return null;
        }
        if (p.start().isAfter(today)) {
            problems.add(Problem.of("period", code, Problem.PERIOD_NOT_STARTED));
        } else if (closesOn(planId, p).isBefore(today)) {
            problems.add(Problem.of("period", code, Problem.PERIOD_CLOSED, closesOn(planId, p).toString()));
        }
        return p;
    }

    /** Sets a plan's reporting frequency and grace days (planners and administrators). */
    @Transactional
    public void configure(long planId, String planCode, ReportingFrequency frequency, int graceDays) {
        access.requirePlan();
        if (graceDays < 0 || graceDays > 366) {
            throw new InvalidInputException(Problem.of("graceDays", Integer.toString(graceDays), Problem.BAD_GRACE_DAYS));
        }
        Setting before = of(planId);
        jdbc.sql("delete from sup_plan_setting where plan_id = ?").param(planId).update();
        jdbc.sql("insert into sup_plan_setting (plan_id, frequency, grace_days) values (?, ?, ?)")
                .params(planId, frequency.name(), graceDays).update();
        events.publishEvent(Changed.of("supervision-plan", planId, planCode, "configure", access.actor(), "",
                new FieldChange("frequency", before.frequency().name(), frequency.name()),
                new FieldChange("graceDays", Integer.toString(before.graceDays()), Integer.toString(graceDays))));
    }
}
