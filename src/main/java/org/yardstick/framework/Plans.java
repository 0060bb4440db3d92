package org.yardstick.framework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.NotFoundException;

/** The plans, their outlines (sections, goals, monitored indicators), key projects and tasks. */
@Repository
public class Plans {

    private static final String COLUMNS = "id, code, name_zh, name_en, region_id, start_year, end_year, baseline_year, document_id, retired_at";

    private final JdbcClient jdbc;

    Plans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All plans in force, newest start first; retired plans are left out. */
    public List<Plan> all() {
        return jdbc.sql("select " + COLUMNS + " from plan where retired_at is null order by start_year desc, code")
                .query(Plans::map).list();
    }

    /** Every plan, retired ones included. */
    public List<Plan> allIncludingRetired() {
        return jdbc.sql("select " + COLUMNS + " from plan order by start_year desc, code").query(Plans::map).list();
    }

    /** Finds a plan, retired or not; {@link Plan#retired()} says which. */

    public Optional<Plan> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from plan where code = ?").param(code).query(Plans::map).optional();
    }

    public Plan get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("plan", code));
    }

    /** Plans whose region is the given one. */
    public List<Plan> forRegion(long regionId) {
        return jdbc.sql("select " + COLUMNS + " from plan where region_id = ? and retired_at is null order by start_year desc, code")
                .param(regionId).query(Plans::map).list();
    }

    /** The plan's top-level sections, each with its goals, indicators and sub-sections. */
    public List<Section> outline(Plan plan) {
        record Row(long id, @Nullable Long parentId, String code, LocalizedText title) {}
        List<Row> rows = jdbc.sql("select id, parent_id, code, title_zh, title_en from plan_section where plan_id = ? and retired_at is null order by ordinal")
                .param(plan.id())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getObject("parent_id", Long.class), rs.getString("code"),
                        LocalizedText.of(rs.getString("title_zh"), rs.getString("title_en"))))
                .list();
        Map<Long, List<Goal>> goals = new HashMap<>();
        jdbc.sql("""
                select g.id, g.section_id, g.code, g.text_zh, g.text_en, d.code as document_code, g.source_line, g.source_quote
                from goal g left join document d on d.id = g.document_id where g.plan_id = ? and g.retired_at is null order by g.ordinal""")
                .param(plan.id())
                .query((rs, n) -> Map.entry(rs.getLong("section_id"), new Goal(rs.getLong("id"), rs.getString("code"),
                        LocalizedText.of(rs.getString("text_zh"), rs.getString("text_en")), citation(rs))))
                .list().forEach(e -> goals.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<String>> indicators = new HashMap<>();
        jdbc.sql("""
                select si.section_id, i.code from section_indicator si
                join indicator i on i.id = si.indicator_id
                join plan_section s on s.id = si.section_id
                where s.plan_id = ? and s.retired_at is null order by si.ordinal""")
                .param(plan.id())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list().forEach(e -> indicators.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<Row>> children = new LinkedHashMap<>();
        List<Row> top = new ArrayList<>();
        for (Row r : rows) {
            if (r.parentId() == null) {
                top.add(r);
            } else {
                children.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
            }
        }
        class Builder {
            Section build(Row r) {
                List<Section> subs = children.getOrDefault(r.id(), List.of()).stream().map(this::build).toList();
                return new Section(r.id(), r.parentId(), r.code(), r.title(), goals.getOrDefault(r.id(), List.of()),
                        indicators.getOrDefault(r.id(), List.of()), subs);
            }
        }
        Builder b = new Builder();
        return top.stream().map(b::build).toList();
    }

    /** Every indicator the plan monitors, in outline order, each once. */
    public List<String> indicatorCodes(Plan plan) {
        List<String> codes = new ArrayList<>();
        outline(plan).stream().flatMap(s -> s.flatten().stream())
                .flatMap(s -> s.indicatorCodes().stream())
                .filter(c -> !codes.contains(c)).forEach(codes::add);
        return codes;
    }

    public List<KeyProject> keyProjects(Plan plan) {
        Map<Long, List<String>> targets = new HashMap<>();
        jdbc.sql("select kt.key_project_id, g.code from key_project_target kt join target g on g.id = kt.target_id "
                        + "join key_project k on k.id = kt.key_project_id where k.plan_id = ? and g.retired_at is null order by g.ordinal")
                .param(plan.id()).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> targets.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return jdbc.sql("""
                select k.id, k.plan_id, s.code as section_code, k.code, k.name_zh, k.name_en, k.summary_zh, k.summary_en,
                       d.code as document_code, k.source_line, k.source_quote
                from key_project k left join plan_section s on s.id = k.section_id
                left join document d on d.id = k.document_id
                where k.plan_id = ? and k.retired_at is null order by k.ordinal""")
                .param(plan.id())
                .query((rs, n) -> new KeyProject(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("section_code"),
                        rs.getString("code"), LocalizedText.of(rs.getString("name_zh"), rs.getString("name_en")),
                        LocalizedText.of(rs.getString("summary_zh"), rs.getString("summary_en")),
                        targets.getOrDefault(rs.getLong("id"), List.of()), citation(rs)))
                .list();
    }

    public List<Task> tasks(Plan plan) {
        return tasksWhere("t.plan_id = ? and t.retired_at is null", plan.id());
    }

    /** Every task in which an organisation is a responsible unit, lead or not. */
    public List<Task> tasksOf(long organisationId) {
        return tasksWhere("t.retired_at is null and exists (select 1 from task_unit u where u.task_id = t.id and u.organisation_id = ?)", organisationId);
    }

    private List<Task> tasksWhere(String condition, Object param) {
        record Row(long id, long planId, @Nullable String sectionCode, String code, LocalizedText title,
                   @Nullable Integer start, @Nullable Integer deadline, @Nullable Citation source) {}
        List<Row> rows = jdbc.sql("""
                select t.id, t.plan_id, s.code as section_code, t.code, t.title_zh, t.title_en, t.start_year, t.deadline_year,
                       d.code as document_code, t.source_line, t.source_quote
                from task t left join plan_section s on s.id = t.section_id
                left join document d on d.id = t.document_id
                where %s order by t.plan_id, t.ordinal""".formatted(condition))
                .param(param)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("section_code"),
                        rs.getString("code"), LocalizedText.of(rs.getString("title_zh"), rs.getString("title_en")),
                        (Integer) rs.getObject("start_year", Integer.class), rs.getObject("deadline_year", Integer.class),
                        citation(rs)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<String>> units = new HashMap<>();
        jdbc.sql("select u.task_id, o.code from task_unit u join organisation o on o.id = u.organisation_id "
                        + "where u.task_id in (:ids) order by u.task_id, u.position")
                .param("ids", ids).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> units.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<String>> targets = new HashMap<>();
        jdbc.sql("select tt.task_id, g.code from task_target tt join target g on g.id = tt.target_id "
                        + "where tt.task_id in (:ids) and g.retired_at is null order by tt.task_id, g.ordinal")
                .param("ids", ids).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> targets.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(r -> new Task(r.id(), r.planId(), r.sectionCode(), r.code(), r.title(), r.start(),
                r.deadline(), units.getOrDefault(r.id(), List.of()), targets.getOrDefault(r.id(), List.of()), r.source()))
                .toList();
    }

    static @Nullable Citation citation(ResultSet rs) throws SQLException {
        String doc = rs.getString("document_code");
        String quote = rs.getString("source_quote");
        if (doc == null || quote == null) {
            return null;
        }
        return new Citation(doc, rs.getInt("source_line"), quote);
    }

    static Plan map(ResultSet rs, int row) throws SQLException {
        return new Plan(rs.getLong("id"), rs.getString("code"), LocalizedText.of(rs.getString("name_zh"), rs.getString("name_en")),
                rs.getLong("region_id"), rs.getInt("start_year"), rs.getInt("end_year"), rs.getInt("baseline_year"),
                rs.getObject("document_id", Long.class), Indicators.instant(rs, "retired_at"));
    }
}
