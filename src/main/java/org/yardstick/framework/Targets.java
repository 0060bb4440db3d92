package org.yardstick.framework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yardstick.shared.LocalizedText;

/** The targets the plans set. */
@Repository
public class Targets {

    private static final String SELECT = """
            select t.id, t.plan_id, t.code, i.code as indicator_code, r.code as region_code, g.code as disaggregation_code,
                   t.kind, t.qualifier, t.qualifier_text, t.target_value, t.target_value_high, t.change_unit, t.natural_limit,
                   c.code as comparator_code, t.baseline_year, t.target_year, t.statement_zh, t.statement_en,
                   d.code as document_code, t.source_line, t.source_quote, t.retired_at
            from target t
            left join indicator i on i.id = t.indicator_id
            join region r on r.id = t.region_id
            join disaggregation g on g.id = t.disaggregation_id
            left join region c on c.id = t.comparator_region_id
            left join document d on d.id = t.document_id
            """;

    private final JdbcClient jdbc;

    Targets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The plan's targets in force, in the order the plan's file gives them. */
    public List<Target> ofPlan(Plan plan) {
        return jdbc.sql(SELECT + " where t.plan_id = ? and t.retired_at is null order by t.ordinal").param(plan.id()).query(Targets::map).list();
    }

    /** Every target set for an indicator, in any plan and region. */
    public List<Target> ofIndicator(String indicatorCode) {
        return jdbc.sql(SELECT + " where i.code = ? and t.retired_at is null order by t.target_year, t.plan_id, t.ordinal")
                .param(indicatorCode).query(Targets::map).list();
    }

    /** Every target set for a region. */
    public List<Target> ofRegion(String regionCode) {
        return jdbc.sql(SELECT + " where r.code = ? and t.retired_at is null order by t.plan_id, t.ordinal").param(regionCode).query(Targets::map).list();
    }

    /** The plan's targets, retired ones included (they keep their history). */
    public List<Target> ofPlanIncludingRetired(Plan plan) {
        return jdbc.sql(SELECT + " where t.plan_id = ? order by t.ordinal").param(plan.id()).query(Targets::map).list();
    }

    /** Finds a target, retired or not; {@link Target#retired()} says which. */
    public Optional<Target> find(long planId, String code) {
        return jdbc.sql(SELECT + " where t.plan_id = ? and t.code = ?").param(planId).param(code)
                .query(Targets::map).optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from target where retired_at is null").query(Long.class).single();
    }

    static Target map(ResultSet rs, int row) throws SQLException {
        String changeUnit = rs.getString("change_unit");
        return new Target(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("code"), rs.getString("indicator_code"),
                rs.getString("region_code"), rs.getString("disaggregation_code"), TargetKind.valueOf(rs.getString("kind")),
                Qualifier.valueOf(rs.getString("qualifier")), rs.getString("qualifier_text"),
                rs.getBigDecimal("target_value"), rs.getBigDecimal("target_value_high"),
                changeUnit == null ? null : ChangeUnit.valueOf(changeUnit), rs.getBigDecimal("natural_limit"),
                rs.getString("comparator_code"),
                rs.getObject("baseline_year", Integer.class), rs.getInt("target_year"),
                LocalizedText.of(rs.getString("statement_zh"), rs.getString("statement_en")), Plans.citation(rs),
                Indicators.instant(rs, "retired_at"));
    }

    /** A target's history, oldest first: its creation, every adjustment with its reason, its retirement. */
    public List<TargetRevision> revisions(long targetId) {
        return jdbc.sql("""
                select id, action, old_kind, new_kind, old_value, new_value, old_value_high, new_value_high, old_baseline_year,
                       new_baseline_year, old_target_year, new_target_year, changed_at, changed_by, channel, reason
                from target_revision where target_id = ? order by id""")
                .param(targetId)
                .query((rs, n) -> new TargetRevision(rs.getLong("id"), TargetRevision.Action.valueOf(rs.getString("action")),
                        kind(rs.getString("old_kind")), kind(rs.getString("new_kind")), rs.getBigDecimal("old_value"),
                        rs.getBigDecimal("new_value"), rs.getBigDecimal("old_value_high"), rs.getBigDecimal("new_value_high"),
                        rs.getObject("old_baseline_year", Integer.class), rs.getObject("new_baseline_year", Integer.class),
                        rs.getObject("old_target_year", Integer.class), rs.getObject("new_target_year", Integer.class),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
                        Change.Channel.valueOf(rs.getString("channel")), rs.getString("reason")))
                .list();
    }

    private static @org.jspecify.annotations.Nullable TargetKind kind(@org.jspecify.annotations.Nullable String s) {
        return s == null ? null : TargetKind.valueOf(s);
    }
}
