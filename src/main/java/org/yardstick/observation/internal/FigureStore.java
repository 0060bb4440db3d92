package org.yardstick.observation.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.observation.ObservationStatus;
import org.yardstick.observation.Submission;
import org.yardstick.shared.Period;

/**
 * SQL for collected figures: the level of each indicator of one region and period (the total, no
 * breakdown), and the submissions they belong to. Runs in the caller's transaction.
 */
@Component
public class FigureStore {

    /** A stored figure as the editor needs it. */
    public record Stored(long id, String indicatorCode, BigDecimal value, String qualifierText, @Nullable String comment,
                         ObservationStatus status, int version, String updatedBy) {}

    private static final String SUBMISSION = """
            select s.id, d.code as data_set_code, r.code as region_code, s.period, s.status, s.submitted_by, s.submitted_at,
                   s.reviewed_by, s.reviewed_at, s.reason, s.version
            from submission s join data_set d on d.id = s.data_set_id join region r on r.id = s.region_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    FigureStore(JdbcClient jdbc, JdbcTemplate template, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Locks a submission's row until the caller's transaction ends ({@code select … for update}) and
     * returns its state as it is now: every write of its figures (form, import) and every transition
     * (submit, approve, return, reopen) takes this lock first and checks the status after it, so a
     * figure lands either before a transition — and is part of what is reviewed — or is refused after.
     */
    public Optional<SubmissionState> lock(long submissionId) {
        return jdbc.sql("select id, region_id, period, status from submission where id = ? for update").param(submissionId)
                .query(FigureStore::state).optional();
    }

    /** Locks many submissions' rows (in the order of their ids, so that two imports cannot deadlock). */
    public List<SubmissionState> lock(Collection<Long> submissionIds) {
        List<Long> ids = submissionIds.stream().distinct().sorted().toList();
        List<SubmissionState> states = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            states.addAll(jdbc.sql("select id, region_id, period, status from submission where id in (:ids) order by id for update")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).query(FigureStore::state).list());
        }
        return states;
    }

    private static SubmissionState state(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SubmissionState(rs.getLong(1), rs.getLong(2), rs.getString(3), ObservationStatus.valueOf(rs.getString(4)));
    }

    /** Whether someone entered or changed any figure of a submission (its creator, or an audited change of theirs). */
    public boolean hasEntered(long submissionId, String actor) {
        return jdbc.sql("""
                select count(*) from observation o where o.submission_id = :s and (o.created_by = :a or exists (
                    select 1 from audit_event e where e.entity_type = 'observation' and e.entity_id = o.id and e.actor = :a
                      and e.action in ('create', 'update')))""")
                .param("s", submissionId).param("a", actor).query(Long.class).single() > 0;
    }

    /** The stored levels (any status) of these indicators for a region and period, by indicator code. */
    public Map<String, Stored> levels(List<String> indicators, long regionId, String period) {
        Map<String, Stored> result = new HashMap<>();
        if (indicators.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                select o.id, i.code, o.obs_value, o.qualifier_text, o.comment, o.status, o.version, o.updated_by
                from observation o join indicator i on i.id = o.indicator_id
                where i.code in (:codes) and o.region_id = :region and o.period = :period and o.measure = 'LEVEL'
                  and o.disaggregation_id = (select id from disaggregation where code = '_T')""")
                .param("codes", indicators).param("region", regionId).param("period", period)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                        rs.getString(5), ObservationStatus.valueOf(rs.getString(6)), rs.getInt(7), rs.getString(8)))
                .list().forEach(s -> result.put(s.indicatorCode(), s));
        return result;
    }

    /**
     * The categories stored (any status) of each of these indicators that add up (rule sum) for a
     * region and period: what can make a total from its parts.
     */
    public Map<String, Set<String>> additiveCategories(List<String> indicators, long regionId, String period) {
        Map<String, Set<String>> result = new HashMap<>();
        if (indicators.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                select i.code, g.code from observation o join indicator i on i.id = o.indicator_id
                join disaggregation g on g.id = o.disaggregation_id
                where i.code in (:codes) and i.aggregation = 'SUM' and o.region_id = :region and o.period = :period
                  and o.measure = 'LEVEL' and g.dimension <> 'TOTAL'""")
                .param("codes", indicators).param("region", regionId).param("period", period)
                .query((rs, n) -> result.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>()).add(rs.getString(2))).list();
        return result;
    }

    public Optional<Submission> submission(long dataSetId, long regionId, String period) {
        return jdbc.sql(SUBMISSION + " where s.data_set_id = ? and s.region_id = ? and s.period = ?")
                .params(dataSetId, regionId, period).query(FigureStore::submission).optional();
    }

    public Optional<Submission> submission(long id) {
        return jdbc.sql(SUBMISSION + " where s.id = ?").param(id).query(FigureStore::submission).optional();
    }

    /** Submissions in a status for regions under a path, oldest submission first. */
    public List<Submission> submissions(String regionPath, @Nullable ObservationStatus status, int limit) {
        if (status == null) {
            return jdbc.sql(SUBMISSION + " where r.path like ? order by s.id desc limit ?")
                    .params(regionPath + "%", limit).query(FigureStore::submission).list();
        }
        return jdbc.sql(SUBMISSION + " where r.path like ? and s.status = ? "
                        + "order by coalesce(s.submitted_at, s.reviewed_at), s.id limit ?")
                .params(regionPath + "%", status.name(), limit).query(FigureStore::submission).list();
    }

    /**
     * The submissions of a data set matching a filter, by region code and period.
     *
     * @param from the first period, or null for any
     * @param to the last period, or null for any
     * @param regionPath regions under this path ({@code /CN/65/}), or null for any
     * @param regionId exactly this region, or null
     */
    public List<Submission> submissions(long dataSetId, @Nullable String from, @Nullable String to,
                                        @Nullable String regionPath, @Nullable Long regionId, int limit) {
        StringBuilder sql = new StringBuilder(SUBMISSION).append(" where s.data_set_id = :ds");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("ds", dataSetId);
        if (from != null) {
            sql.append(" and s.period >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" and s.period <= :to");
            params.put("to", to);
        }
        if (regionPath != null) {
            sql.append(" and r.path like :path");
            params.put("path", regionPath + "%");
        }
        if (regionId != null) {
            sql.append(" and s.region_id = :region");
            params.put("region", regionId);
        }
        sql.append(" order by r.code, s.period limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(FigureStore::submission).list();
    }

    /** The draft submission of a region and period, created if it does not exist. */
    public Submission draft(long dataSetId, long regionId, String period) {
        return submission(dataSetId, regionId, period).orElseGet(() -> {
            try {
                // in a savepoint: when someone else creates it at the same moment, theirs is used, and the
                // transaction (aborted by the error on PostgreSQL) goes on
                inSavepoint(() -> jdbc.sql(
                        "insert into submission (data_set_id, region_id, period, status) values (?, ?, ?, 'DRAFT')")
                        .params(dataSetId, regionId, period).update());
            } catch (DuplicateKeyException raced) {
                return submission(dataSetId, regionId, period).orElseThrow(() -> raced);
            }
            return submission(dataSetId, regionId, period).orElseThrow();
        });
    }

    /**
     * Moves a submission to a status if it still has the version the caller saw; false if someone
     * else changed it meanwhile. Its figures take the same status.
     */
    public boolean transition(long submissionId, int version, ObservationStatus to, String actor, String reason,
                              boolean reviewing) {
        Timestamp now = Timestamp.from(clock.instant());
        int n = reviewing
                ? jdbc.sql("update submission set status = ?, reviewed_by = ?, reviewed_at = ?, reason = ?, version = version + 1 "
                                + "where id = ? and version = ?")
                        .params(to.name(), actor, now, reason, submissionId, version).update()
                : jdbc.sql("update submission set status = ?, submitted_by = ?, submitted_at = ?, version = version + 1 "
                                + "where id = ? and version = ?")
                        .params(to.name(), actor, now, submissionId, version).update();
        if (n == 1) {
            jdbc.sql("update observation set status = ?, version = version + 1, updated_at = ?, updated_by = ? "
                            + "where submission_id = ?")
                    .params(to.name(), now, actor, submissionId).update();
        }
        return n == 1;
    }

    /** Inserts a level; returns its id. */
    public long insert(long indicatorId, long regionId, Period period, BigDecimal value, String qualifier,
                       String qualifierText, @Nullable String comment, ObservationStatus status, long submissionId,
                       String actor) {
        return insert(indicatorId, regionId, period, "_T", value, qualifier, qualifierText, comment, status, submissionId,
                actor);
    }

    /** Inserts a level of a category (分组 code; {@code _T} for the total); returns its id. */
    public long insert(long indicatorId, long regionId, Period period, String category, BigDecimal value, String qualifier,
                       String qualifierText, @Nullable String comment, ObservationStatus status, long submissionId,
                       String actor) {
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into observation (indicator_id, region_id, period, period_start, disaggregation_id, measure, base_period,
                                         obs_value, qualifier, qualifier_text, status, comment, version, created_at,
                                         updated_at, created_by, updated_by, submission_id)
                values (?, ?, ?, ?, (select id from disaggregation where code = ?), 'LEVEL', '', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)""")
                .params(indicatorId, regionId, period.code(), Date.valueOf(period.start()), category, value, qualifier,
                        qualifierText,
                        status.name(), comment, now, now, actor, actor, submissionId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Updates a level if it still has the version the caller saw; false otherwise. */
    public boolean update(long id, int version, BigDecimal value, String qualifier, String qualifierText,
                          @Nullable String comment, long submissionId, String actor) {
        return jdbc.sql("""
                update observation set obs_value = ?, qualifier = ?, qualifier_text = ?, comment = ?, submission_id = ?,
                                       version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and version = ?""")
                .params(value, qualifier, qualifierText, comment, submissionId, Timestamp.from(clock.instant()), actor, id,
                        version)
                .update() == 1;
    }

    /** A submission as an import needs it: where it is and whether it may be changed. */
    public record SubmissionState(long id, long regionId, String period, ObservationStatus status) {}

    /**
     * A stored level as an import needs it: by ids, for many regions and periods at once.
     *
     * @param disaggregationId the total's ({@link #totalId()}) or a category's (分组)
     */
    public record StoredLevel(long id, long indicatorId, long regionId, String period, BigDecimal value,
                              String qualifierText, @Nullable String comment, int version, String updatedBy,
                              long disaggregationId) {}

    /** Every submission of a data set. */
    public List<SubmissionState> submissionStates(long dataSetId) {
        return jdbc.sql("select id, region_id, period, status from submission where data_set_id = ?").param(dataSetId)
                .query((rs, n) -> new SubmissionState(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        ObservationStatus.valueOf(rs.getString(4))))
                .list();
    }

    /**
     * The stored levels (totals, any status) of some indicators in some regions and periods: one query
     * for a whole chunk of an import.
     */
    public void levels(Collection<Long> indicatorIds, Collection<Long> regionIds, Collection<String> periods,
                       Consumer<StoredLevel> sink) {
        levels(indicatorIds, regionIds, periods, List.of(totalId()), sink);
    }

    /** The stored levels of some indicators in some regions and periods, of the total and/or some categories (分组). */
    public void levels(Collection<Long> indicatorIds, Collection<Long> regionIds, Collection<String> periods,
                       Collection<Long> disaggregationIds, Consumer<StoredLevel> sink) {
        if (indicatorIds.isEmpty() || regionIds.isEmpty() || periods.isEmpty() || disaggregationIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                select o.id, o.indicator_id, o.region_id, o.period, o.obs_value, o.qualifier_text, o.comment, o.version,
                       o.updated_by, o.disaggregation_id
                from observation o
                where o.region_id in (:regions) and o.period in (:periods) and o.indicator_id in (:indicators)
                  and o.measure = 'LEVEL' and o.disaggregation_id in (:disaggregations)""")
                .param("regions", regionIds).param("periods", periods).param("indicators", indicatorIds)
                .param("disaggregations", disaggregationIds)
                .query((rs, n) -> new StoredLevel(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9),
                        rs.getLong(10)))
                .list().forEach(sink);
    }

    /**
     * The stored levels (any status) of these indicators broken down by category (分组) for a region and
     * period: indicator code → category code → figure, categories in no particular order.
     */
    public Map<String, Map<String, Stored>> parts(List<String> indicators, long regionId, String period) {
        Map<String, Map<String, Stored>> result = new HashMap<>();
        if (indicators.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                select o.id, i.code, o.obs_value, o.qualifier_text, o.comment, o.status, o.version, o.updated_by, g.code
                from observation o join indicator i on i.id = o.indicator_id join disaggregation g on g.id = o.disaggregation_id
                where i.code in (:codes) and o.region_id = :region and o.period = :period and o.measure = 'LEVEL'
                  and g.code <> '_T'""")
                .param("codes", indicators).param("region", regionId).param("period", period)
                .query((rs, n) -> Map.entry(rs.getString(9), new Stored(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getString(4), rs.getString(5), ObservationStatus.valueOf(rs.getString(6)), rs.getInt(7),
                        rs.getString(8))))
                .list().forEach(e -> result.computeIfAbsent(e.getValue().indicatorCode(), k -> new HashMap<>())
                        .put(e.getKey(), e.getValue()));
        return result;
    }

    /** The names of disaggregation categories (分组: 城镇, 农牧区) by code, in the order asked. */
    public Map<String, org.yardstick.shared.LocalizedText> categoryNames(Collection<String> codes) {
        Map<String, org.yardstick.shared.LocalizedText> found = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql("select code, name_zh, name_en from disaggregation where code in (:codes)").param("codes", codes)
                    .query((rs, n) -> Map.entry(rs.getString(1),
                            org.yardstick.shared.LocalizedText.of(rs.getString(2), rs.getString(3))))
                    .list().forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        Map<String, org.yardstick.shared.LocalizedText> names = new java.util.LinkedHashMap<>();
        codes.forEach(c -> names.put(c, found.getOrDefault(c, org.yardstick.shared.LocalizedText.of(c, c))));
        return names;
    }

    /** The ids of disaggregation categories (分组) by code; unknown codes are left out. */
    public Map<String, Long> disaggregationIds(Collection<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql("select code, id from disaggregation where code in (:codes)").param("codes", codes)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                    .forEach(e -> ids.put(e.getKey(), e.getValue()));
        }
        return ids;
    }

    /** Creates the draft submissions of many regions and periods (which must not have one yet). */
    public void createDrafts(long dataSetId, List<Long> regionIds, List<String> periods) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < regionIds.size(); i++) {
            rows.add(new Object[] {dataSetId, regionIds.get(i), periods.get(i)});
        }
        // in a savepoint: if someone created one of them meanwhile, the caller's transaction can go on
        inSavepoint(() -> template.batchUpdate(
                "insert into submission (data_set_id, region_id, period, status) values (?, ?, ?, 'DRAFT')", rows));
    }

    /**
     * Runs a statement in a savepoint, so that its failure leaves the transaction usable (PostgreSQL
     * aborts a transaction at its first error); in a transaction already bound to roll back (a
     * caller's earlier failure), nothing will be committed anyway, and it runs as it is.
     */
    private void inSavepoint(Runnable statement) {
        boolean possible;
        try {
            possible = !TransactionAspectSupport.currentTransactionStatus().isRollbackOnly();
        } catch (NoTransactionException e) {
            possible = false;
        }
        if (possible) {
            savepoint.executeWithoutResult(t -> statement.run());
        } else {
            statement.run();
        }
    }

    /** The id of the total (no breakdown, {@code _T}). */
    public long totalId() {
        return jdbc.sql("select id from disaggregation where code = '_T'").query(Long.class).single();
    }

    public Map<String, Long> indicatorIds(List<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql("select code, id from indicator where code in (:codes)").param("codes", codes)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                    .forEach(e -> ids.put(e.getKey(), e.getValue()));
        }
        return ids;
    }

    static Submission submission(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new Submission(rs.getLong("id"), rs.getString("data_set_code"), rs.getString("region_code"),
                rs.getString("period"), ObservationStatus.valueOf(rs.getString("status")), rs.getString("submitted_by"),
                submitted == null ? null : submitted.toInstant(), rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toInstant(), rs.getString("reason"), rs.getInt("version"));
    }
}
