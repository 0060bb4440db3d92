package org.yardstick.observation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed;
import org.yardstick.observation.internal.FormChannel;
import org.yardstick.region.RegionLevel;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.Role;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.NotFoundException;
import org.yardstick.shared.Period;

/** The data sets figures are collected in. */
@Repository
public class DataSets {

    private static final String SELECT = """
            select d.id, d.code, d.name_zh, d.name_en, d.region_level, d.period_type, p.code as plan_code,
                   d.description_zh, d.description_en, d.version, d.max_decimals, d.retired_at
            from data_set d left join plan p on p.id = d.plan_id
            """;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    DataSets(JdbcClient jdbc, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** Whether a data set lets reviewers approve figures they entered or submitted themselves (off by default). */
    public boolean allowsSelfApproval(String code) {
        return jdbc.sql("select allow_self_approval from data_set where code = ?").param(code).query(Boolean.class)
                .optional().orElseThrow(() -> new NotFoundException("data set", code));
    }

    /**
     * Lets reviewers of a data set approve figures they entered or submitted themselves, or stops
     * it: an exception to the four-eyes rule that only an administrator makes, with a reason, and
     * that the audit trail records (who, when, why, before and after).
     */
    @Transactional
    public void allowSelfApproval(String code, boolean allowed, String reason) {
        if (currentUser.account().map(Account::role).filter(r -> r == Role.ADMIN).isEmpty()) {
            throw new AccessDeniedException("only an administrator may change the four-eyes rule of a data set");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(InputProblem.of("data set", 0, "reason", "", CollectionProblem.REASON_REQUIRED));
        }
        boolean before = allowsSelfApproval(code);
        if (before == allowed) {
            return;
        }
        long id = jdbc.sql("select id from data_set where code = ?").param(code).query(Long.class).single();
        jdbc.sql("update data_set set allow_self_approval = ? where id = ?").params(allowed, id).update();
        events.publishEvent(FormChannel.of(Changed.of("data_set", id, code, "allow-self-approval", currentUser.name(), reason.strip(),
                new Changed.FieldChange("allow_self_approval", Boolean.toString(before), Boolean.toString(allowed)))));
    }

    public List<DataSet> all() {
        return complete(jdbc.sql(SELECT + " order by d.code").query(DataSets::map).list());
    }

    public Optional<DataSet> find(String code) {
        return complete(jdbc.sql(SELECT + " where d.code = ?").param(code).query(DataSets::map).list())
                .stream().findFirst();
    }

    public DataSet get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("data-set", code));
    }

    /** The data sets reported by regions of a level. */
    public List<DataSet> forLevel(RegionLevel level) {
        return complete(jdbc.sql(SELECT + " where d.region_level = ? order by d.code").param(level.name())
                .query(DataSets::map).list());
    }

    long id(String code) {
        return jdbc.sql("select id from data_set where code = ?").param(code).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("data-set", code));
    }

    private List<DataSet> complete(List<DataSet> sets) {
        if (sets.isEmpty()) {
            return sets;
        }
        List<Long> ids = sets.stream().map(DataSet::id).toList();
        Map<Long, List<DataSet.Item>> items = new HashMap<>();
        jdbc.sql("select di.data_set_id, i.code, di.required from data_set_indicator di join indicator i on i.id = di.indicator_id "
                        + "where di.data_set_id in (:ids) order by di.data_set_id, di.ordinal")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), new DataSet.Item(rs.getString(2), rs.getBoolean(3))))
                .list().forEach(e -> items.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<DataSet.Window>> windows = new HashMap<>();
        jdbc.sql("select data_set_id, period, opens_on, closes_on, reason from collection_window where data_set_id in (:ids) "
                        + "order by data_set_id, period_start")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), new DataSet.Window(rs.getString(2),
                        rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), rs.getString(5))))
                .list().forEach(e -> windows.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<String>> reporting = new HashMap<>();
        jdbc.sql("select dr.data_set_id, r.code from data_set_region dr join region r on r.id = dr.region_id "
                        + "where dr.data_set_id in (:ids) order by dr.data_set_id, r.code")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list().forEach(e -> reporting.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return sets.stream().map(d -> new DataSet(d.id(), d.code(), d.name(), d.regionLevel(), d.periodType(),
                d.planCode(), d.description(), items.getOrDefault(d.id(), List.of()),
                windows.getOrDefault(d.id(), List.of()), d.version(), reporting.getOrDefault(d.id(), List.of()),
                d.maxDecimals(), d.retired())).toList();
    }

    static DataSet map(ResultSet rs, int row) throws SQLException {
        return new DataSet(rs.getLong("id"), rs.getString("code"),
                LocalizedText.of(rs.getString("name_zh"), rs.getString("name_en")),
                RegionLevel.valueOf(rs.getString("region_level")), Period.Type.valueOf(rs.getString("period_type")),
                rs.getString("plan_code"), LocalizedText.of(rs.getString("description_zh"), rs.getString("description_en")),
                List.of(), List.of(), rs.getInt("version"), List.of(), (Integer) rs.getObject("max_decimals", Integer.class),
                rs.getTimestamp("retired_at") != null);
    }

    /**
     * The categories a data set's figures may be broken down by (data-sets.yaml {@code breakdowns}),
     * by dimension (AREA → urban, rural-pastoral), in the file's order; empty when it declares none.
     * A data set crossing dimensions has its combinations under {@code CROSSED} (urban+large, …): each
     * is a category a figure may carry.
     */
    public Map<String, List<String>> breakdowns(String dataSetCode) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select g.dimension, g.code from data_set_breakdown b join data_set d on d.id = b.data_set_id
                        join disaggregation g on g.id = b.disaggregation_id where d.code = ? order by b.ordinal""")
                .param(dataSetCode)
                .query((rs, n) -> out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2)))
                .list();
        return out;
    }

    /**
     * The dimensions a data set crosses (交叉分组: AREA, ENTERPRISE_SIZE), in the order declared; empty when
     * each dimension sums to the total on its own. Its combinations are {@link #breakdowns}' {@code CROSSED}.
     */
    public List<String> crossed(String dataSetCode) {
        return jdbc.sql("""
                        select c.dimension from data_set_crossed c join data_set d on d.id = c.data_set_id
                        where d.code = ? order by c.ordinal""")
                .param(dataSetCode).query(String.class).list();
    }

    /**
     * The breakdowns as a data set declares them (files, forms, API): the categories by dimension and,
     * for a data set that crosses dimensions, {@code CROSSED → [area, enterprise_size]} instead of its
     * combinations.
     */
    public Map<String, List<String>> declared(String dataSetCode) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>(breakdowns(dataSetCode));
        out.remove(CROSSED);
        List<String> crossed = crossed(dataSetCode);
        if (!crossed.isEmpty()) {
            out.put(CROSSED, crossed.stream().map(d -> d.toLowerCase(java.util.Locale.ROOT)).toList());
        }
        return out;
    }

    /** The key of the combinations in {@link #breakdowns}, and of the crossed dimensions in {@link #declared}. */
    public static final String CROSSED = "CROSSED";

    /** Writes a new data set (from a file or a planner's form); its code must be new. */
    void insert(String code, LocalizedText name, RegionLevel level, Period.Type periodType, @Nullable String planCode,
                LocalizedText description, List<DataSet.Item> items, List<DataSet.Window> windows) {
        jdbc.sql("""
                insert into data_set (code, name_zh, name_en, region_level, period_type, plan_id, description_zh, description_en)
                values (?, ?, ?, ?, ?, (select id from plan where code = ?), ?, ?)""")
                .params(code, name.zh(), name.en(), level.name(), periodType.name(), planCode, description.zh(),
                        description.en())
                .update();
        long id = id(code);
        int ordinal = 0;
        for (DataSet.Item i : items) {
            jdbc.sql("insert into data_set_indicator (data_set_id, indicator_id, ordinal, required) "
                            + "values (?, (select id from indicator where code = ?), ?, ?)")
                    .params(id, i.indicatorCode(), ordinal++, i.required()).update();
        }
        for (DataSet.Window w : windows) {
            Period p = Period.parse(w.period()).orElseThrow();
            jdbc.sql("insert into collection_window (data_set_id, period, period_start, opens_on, closes_on, reason) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(id, p.code(), java.sql.Date.valueOf(p.start()), java.sql.Date.valueOf(w.opensOn()),
                            java.sql.Date.valueOf(w.closesOn()), w.reason())
                    .update();
        }
    }
}
