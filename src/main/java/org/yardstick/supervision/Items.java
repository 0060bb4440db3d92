package org.yardstick.supervision;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.audit.Changed;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.region.Organisation;
import org.yardstick.region.Organisations;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.NotFoundException;
import org.yardstick.shared.Period;
import org.yardstick.supervision.internal.Access;
import org.yardstick.supervision.internal.Problem;
import org.yardstick.supervision.internal.SupervisionSettings;

/**
 * The supervised items: every task and key project of the plans, with the assignment planners give
 * them. Reads are filtered by {@link Access}: a department sees the items of its organisation.
 */
@Service
public class Items {

    /** Entity type of every supervision change in the audit trail; the id is the item's. */
    public static final String AUDIT_TYPE = "supervision-item";
    static final String SOURCE = Problem.SOURCE;

    /** What to list; null matches anything. */
    public record Filter(@Nullable String plan, @Nullable String unit, @Nullable ItemStatus status) {
        public static Filter all() {
            return new Filter(null, null, null);
        }
    }

    private static final String SELECT = """
            select i.id, i.kind, i.plan_id, p.code as plan_code, p.name_zh as plan_zh, p.name_en as plan_en,
                   coalesce(t.code, k.code) as code, coalesce(t.title_zh, k.name_zh) as title_zh,
                   coalesce(t.title_en, k.name_en) as title_en, i.start_date, i.deadline, i.completed_on, i.version,
                   coalesce(t.ordinal, k.ordinal) as ordinal
            from sup_item i join plan p on p.id = i.plan_id
            left join task t on t.id = i.task_id
            left join key_project k on k.id = i.key_project_id
            """;

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final SupervisionSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    Items(JdbcClient jdbc, Organisations organisations, Access access, ApplicationEventPublisher events,
          SupervisionSettings settings, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.access = access;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The platform's time zone: the zone days, deadlines and digests are counted in. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    public int dueSoonDays() {
        return settings.dueSoonDays();
    }

    /**
     * Creates the items of tasks and key projects that have none yet (after a plan's work changed, see
     * {@code OnPlanWorkChanged}, and before each alert run; never while a page reads): a task's units and years as its
     * plan gives them (到2020年 → deadline 2020-12-31), a key project with its plan's years and no unit.
     *
     * @return how many items were created
     */
    public int sync() {
        record Missing(String kind, long id, long planId, int start, int deadline) {}
        List<Missing> missing = new ArrayList<>(jdbc.sql("""
                select 'TASK' as kind, t.id, t.plan_id, coalesce(t.start_year, p.start_year) as s,
                       coalesce(t.deadline_year, p.end_year) as d
                from task t join plan p on p.id = t.plan_id
                where not exists (select 1 from sup_item i where i.task_id = t.id)
                union all
                select 'KEY_PROJECT', k.id, k.plan_id, p.start_year, p.end_year
                from key_project k join plan p on p.id = k.plan_id
                where not exists (select 1 from sup_item i where i.key_project_id = k.id)""")
                .query((rs, n) -> new Missing(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5)))
                .list());
        int created = 0;
        for (Missing m : missing) {
            LocalDate start = LocalDate.of(m.start(), 1, 1);
            LocalDate deadline = LocalDate.of(Math.max(m.start(), m.deadline()), 12, 31);
            try {
                created += tx.execute(s -> {
                    boolean task = m.kind().equals("TASK");
                    jdbc.sql("insert into sup_item (kind, plan_id, task_id, key_project_id, start_date, deadline) "
                                    + "values (?, ?, ?, ?, ?, ?)")
                            .params(m.kind(), m.planId(), task ? m.id() : null, task ? null : m.id(), Date.valueOf(start),
                                    Date.valueOf(deadline))
                            .update();
                    if (task) {
                        long item = jdbc.sql("select id from sup_item where task_id = ?").param(m.id()).query(Long.class).single();
                        List<Long> units = jdbc.sql("select organisation_id from task_unit where task_id = ? order by position")
                                .param(m.id()).query(Long.class).list();
                        for (int i = 0; i < units.size(); i++) {
                            jdbc.sql("insert into sup_item_unit (item_id, organisation_id, position) values (?, ?, ?)")
                                    .params(item, units.get(i), i + 1).update();
                        }
                    }
                    return 1;
                });
            } catch (DataIntegrityViolationException createdMeanwhile) {
                // another request or instance created it at the same moment
            }
        }
        return created;
    }

    /** Every item, unfiltered: for the platform's own jobs and scoreboards. */
    public List<Item> all() {
        return load("", Map.of());
    }

    /** The items the account may list, matching the filter, in plan order. */
    public List<Item> visible(Filter f) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        String department = access.department();
        if (department != null) {
            where.add("exists (select 1 from sup_item_unit u join organisation o on o.id = u.organisation_id "
                    + "where u.item_id = i.id and o.code = :department)");
            params.put("department", department);
        }
        if (f.plan() != null && !f.plan().isBlank()) {
            where.add("p.code = :plan");
            params.put("plan", f.plan());
        }
        if (f.unit() != null && !f.unit().isBlank()) {
            where.add("exists (select 1 from sup_item_unit u join organisation o on o.id = u.organisation_id "
                    + "where u.item_id = i.id and o.code = :unit)");
            params.put("unit", f.unit());
        }
        List<Item> items = load(where.isEmpty() ? "" : " where " + String.join(" and ", where), params);
        if (f.status() != null) {
            LocalDate today = today();
            items = items.stream().filter(i -> i.status(today, settings.dueSoonDays()) == f.status()).toList();
        }
        return items;
    }

    public Optional<Item> find(long id) {
        return load(" where i.id = :id", Map.of("id", id)).stream().findFirst();
    }

    public Item get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("supervision-item", Long.toString(id)));
    }

    /** The item of a plan's task or key project, by their codes. */
    public Item get(String planCode, String code) {
        return load(" where p.code = :plan and (t.code = :code or k.code = :code)", Map.of("plan", planCode, "code", code))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("supervision-item", planCode + "/" + code));
    }

    private List<Item> load(String where, Map<String, Object> params) {
        record Row(long id, ItemKind kind, long planId, String planCode, LocalizedText planName, String code,
                   LocalizedText title, LocalDate start, LocalDate deadline, @Nullable LocalDate completed, int version) {}
        List<Row> rows = jdbc.sql(SELECT + where + " order by p.start_year desc, p.code, i.kind desc, ordinal")
                .params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), ItemKind.valueOf(rs.getString("kind")), rs.getLong("plan_id"),
                        rs.getString("plan_code"), LocalizedText.of(rs.getString("plan_zh"), rs.getString("plan_en")),
                        rs.getString("code"), LocalizedText.of(rs.getString("title_zh"), rs.getString("title_en")),
                        rs.getDate("start_date").toLocalDate(), rs.getDate("deadline").toLocalDate(),
                        rs.getDate("completed_on") == null ? null : rs.getDate("completed_on").toLocalDate(),
                        rs.getInt("version")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Unit>> units = new HashMap<>();
        jdbc.sql("""
                select u.item_id, o.id, o.code, o.short_zh, o.short_en from sup_item_unit u
                join organisation o on o.id = u.organisation_id where u.item_id in (:ids) order by u.item_id, u.position""")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), new Unit(rs.getLong(2), rs.getString(3),
                        LocalizedText.of(rs.getString(4), rs.getString(5)))))
                .list().forEach(e -> units.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<String>> targets = new HashMap<>();
        jdbc.sql("""
                select i.id, g.code, g.ordinal from sup_item i join task_target tt on tt.task_id = i.task_id
                join target g on g.id = tt.target_id where i.id in (:ids)
                union all
                select i.id, g.code, g.ordinal from sup_item i join key_project_target kt on kt.key_project_id = i.key_project_id
                join target g on g.id = kt.target_id where i.id in (:ids)
                order by 1, 3""")
                .param("ids", ids).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> targets.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        record Latest(String period, int progress) {}
        Map<Long, Latest> latest = new HashMap<>();
        jdbc.sql("select item_id, period, progress from sup_report where lead = true and item_id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), new Latest(rs.getString(2), rs.getInt(3)))).list()
                .forEach(e -> latest.merge(e.getKey(), e.getValue(), (a, b) ->
                        period(a.period()).compareTo(period(b.period())) >= 0 ? a : b));
        return rows.stream().map(r -> {
            List<Unit> us = units.getOrDefault(r.id(), List.of());
            Latest l = latest.get(r.id());
            return new Item(r.id(), r.kind(), r.planId(), r.planCode(), r.planName(), r.code(), r.title(),
                    us.isEmpty() ? null : us.get(0), us.isEmpty() ? List.of() : us.subList(1, us.size()), r.start(),
                    r.deadline(), r.completed(), r.version(), targets.getOrDefault(r.id(), List.of()),
                    l == null ? null : l.progress(), l == null ? null : l.period());
        }).toList();
    }

    static Period period(String code) {
        return Period.parse(code).orElseThrow(() -> new IllegalStateException("stored period " + code));
    }

    /**
     * Changes an item's lead unit, co-units, start and deadline (planners and administrators).
     *
     * @param version the version the planner saw
     * @param lead the lead unit's code; blank for none (then there can be no co-units)
     * @param coUnits the co-units' codes, in order
     * @throws InvalidInputException naming each field that is wrong; nothing is changed then
     */
    @Transactional
    public Item update(long id, int version, @Nullable String lead, List<String> coUnits, @Nullable String start,
                       @Nullable String deadline) {
        access.requirePlan();
        Item before = get(id);
        List<InputProblem> problems = new ArrayList<>();
        LocalDate s = date("start", start, problems);
        LocalDate d = date("deadline", deadline, problems);
        if (s != null && d != null && d.isBefore(s)) {
            problems.add(problem("deadline", deadline, Problem.DEADLINE_BEFORE_START, s.toString()));
        }
        List<Organisation> units = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String leadCode = lead == null ? "" : lead.strip();
        if (!leadCode.isEmpty()) {
            organisations.find(leadCode).ifPresentOrElse(units::add,
                    () -> problems.add(problem("lead", leadCode, Problem.UNKNOWN_UNIT)));
            seen.add(leadCode);
        }
        List<String> co = coUnits.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        if (leadCode.isEmpty() && !co.isEmpty()) {
            problems.add(problem("lead", "", Problem.CO_UNIT_WITHOUT_LEAD));
        }
        for (String c : co) {
            if (!seen.add(c)) {
                problems.add(problem("coUnits", c, Problem.DUPLICATE_UNIT, c));
                continue;
            }
            organisations.find(c).ifPresentOrElse(units::add,
                    () -> problems.add(problem("coUnits", c, Problem.UNKNOWN_UNIT)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int n = jdbc.sql("update sup_item set start_date = ?, deadline = ?, version = version + 1 where id = ? and version = ?")
                .params(Date.valueOf(s), Date.valueOf(d), id, version).update();
        if (n == 0) {
            throw new InvalidInputException(problem("version", Integer.toString(version), Problem.STALE));
        }
        jdbc.sql("delete from sup_item_unit where item_id = ?").param(id).update();
        for (int i = 0; i < units.size(); i++) {
            jdbc.sql("insert into sup_item_unit (item_id, organisation_id, position) values (?, ?, ?)")
                    .params(id, units.get(i).id(), i + 1).update();
        }
        Item after = get(id);
        List<FieldChange> changes = new ArrayList<>();
        diff(changes, "lead", before.lead() == null ? null : before.lead().code(),
                after.lead() == null ? null : after.lead().code());
        diff(changes, "coUnits", codes(before.coUnits()), codes(after.coUnits()));
        diff(changes, "start", before.start().toString(), after.start().toString());
        diff(changes, "deadline", before.deadline().toString(), after.deadline().toString());
        events.publishEvent(new Changed(AUDIT_TYPE, id, after.key(), "update", access.actor(), changes, ""));
        return after;
    }

    private static String codes(List<Unit> units) {
        return units.stream().map(Unit::code).collect(Collectors.joining(","));
    }

    public List<Milestone> milestones(long itemId) {
        return jdbc.sql("select id, item_id, title, due_date, done_on from sup_milestone where item_id = ? order by due_date, id")
                .param(itemId)
                .query((rs, n) -> new Milestone(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()))
                .list();
    }

    /** Adds a milestone (planners and administrators). */
    @Transactional
    public Milestone addMilestone(long itemId, @Nullable String title, @Nullable String due) {
        access.requirePlan();
        Item item = get(itemId);
        List<InputProblem> problems = new ArrayList<>();
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            problems.add(problem("title", t, Problem.REQUIRED));
        } else if (t.length() > 500) {
            problems.add(problem("title", t, Problem.TOO_LONG, 500));
        }
        LocalDate d = date("due", due, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("insert into sup_milestone (item_id, title, due_date, created_at, created_by) values (?, ?, ?, ?, ?)")
                .params(itemId, t, Date.valueOf(d), Timestamp.from(clock.instant()), access.actor()).update();
        Milestone m = milestones(itemId).stream().filter(x -> x.title().equals(t) && x.due().equals(d))
                .max(Comparator.comparingLong(Milestone::id)).orElseThrow();
        events.publishEvent(Changed.of(AUDIT_TYPE, itemId, item.key() + "/milestone/" + m.id(), "add-milestone",
                access.actor(), "", new FieldChange("milestone", null, d + " " + t)));
        return m;
    }

    /** Marks a milestone done today, or not done (planners and administrators). */
    @Transactional
    public void markMilestone(long itemId, long milestoneId, boolean done) {
        access.requirePlan();
        Item item = get(itemId);
        Milestone m = milestones(itemId).stream().filter(x -> x.id() == milestoneId).findFirst()
                .orElseThrow(() -> new NotFoundException("milestone", Long.toString(milestoneId)));
        LocalDate on = done ? today() : null;
        jdbc.sql("update sup_milestone set done_on = ? where id = ?").params(on == null ? null : Date.valueOf(on), m.id()).update();
        events.publishEvent(Changed.of(AUDIT_TYPE, itemId, item.key() + "/milestone/" + m.id(), "mark-milestone",
                access.actor(), "", new FieldChange("doneOn", Objects.toString(m.doneOn(), null), Objects.toString(on, null))));
    }

    /** Every organisation, for the planners' choice of units. */
    public List<Unit> allUnits() {
        return organisations.all().stream().map(o -> new Unit(o.id(), o.code(), o.shortName())).toList();
    }

    /** Units that lead or co-lead at least one item, by name. */
    public List<Unit> assignedUnits() {
        Map<String, Unit> units = new LinkedHashMap<>();
        jdbc.sql("""
                select distinct o.id, o.code, o.short_zh, o.short_en from sup_item_unit u
                join organisation o on o.id = u.organisation_id order by o.code""")
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), LocalizedText.of(rs.getString(3), rs.getString(4))))
                .list().forEach(u -> units.put(u.code(), u));
        return List.copyOf(units.values());
    }

    private static @Nullable LocalDate date(String field, @Nullable String text, List<InputProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(problem(field, "", Problem.REQUIRED));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(problem(field, text, Problem.BAD_DATE));
            return null;
        }
    }

    static InputProblem problem(String field, @Nullable String value, Problem kind, Object... args) {
        return Problem.of(field, value, kind, args);
    }

    private static void diff(List<FieldChange> changes, String field, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }
}
