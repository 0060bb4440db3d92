package org.yardstick.observation.imports;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.yardstick.audit.AuditTrail;
import org.yardstick.audit.Changed;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.imports.ImportBatch.Change;
import org.yardstick.observation.imports.ImportBatch.GroupKey;
import org.yardstick.observation.internal.FigureStore.SubmissionState;
import org.yardstick.observation.internal.FigureText;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/** Writes changes with batched INSERTs and UPDATEs (H2 and any database without COPY). */
final class JdbcFigureWriter implements FigureWriter {

    static final int BATCH = 1000;
    /** How many changes' audit records are built and written at a time. */
    static final int AUDIT_SLICE = 20_000;

    static final String INSERT = """
            insert into observation (indicator_id, region_id, period, period_start, disaggregation_id, measure, base_period,
                                     obs_value, qualifier, qualifier_text, status, comment, version, created_at, updated_at,
                                     created_by, updated_by, submission_id)
            values (?, ?, ?, ?, ?, 'LEVEL', '', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)""";
    static final String UPDATE = """
            update observation set obs_value = ?, qualifier = ?, qualifier_text = ?, comment = ?, submission_id = ?,
                                   version = version + 1, updated_at = ?, updated_by = ?
            where id = ? and version = ?""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AuditTrail audit;

    JdbcFigureWriter(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.audit = audit;
    }

    @Override
    public Written write(String source, List<Change> changes, Map<GroupKey, SubmissionState> submissions, String actor,
                         Timestamp now, long totalId) {
        List<Change> creates = changes.stream().filter(c -> c.before() == null).toList();
        List<Change> updates = changes.stream().filter(c -> c.before() != null).toList();
        ProblemList conflicts = new ProblemList();
        for (int from = 0; from < creates.size(); from += BATCH) {
            List<Object[]> rows = new ArrayList<>();
            for (Change c : creates.subList(from, Math.min(creates.size(), from + BATCH))) {
                SubmissionState s = submissions.get(c.group());
                rows.add(new Object[] {c.indicatorId(), c.region().id(), c.period().code(), Date.valueOf(c.period().start()),
                    c.disaggregationId(), c.figure().value(), c.figure().qualifier().name(), c.figure().qualifierText(), s.status().name(),
                    c.figure().comment(), now, now, actor, actor, s.id()});
            }
            try {
                jdbc.batchUpdate(INSERT, rows);
            } catch (DuplicateKeyException raced) {
                // someone created one of these figures after the file was checked
                throw new InvalidInputException(InputProblem.of(source, 0, "", null, CollectionProblem.CONFLICT_RACE));
            }
        }
        for (int from = 0; from < updates.size(); from += BATCH) {
            List<Change> batch = updates.subList(from, Math.min(updates.size(), from + BATCH));
            List<Object[]> rows = new ArrayList<>();
            for (Change c : batch) {
                rows.add(new Object[] {c.figure().value(), c.figure().qualifier().name(), c.figure().qualifierText(),
                    c.figure().comment(), submissions.get(c.group()).id(), now, actor, c.before().id(), c.before().version()});
            }
            int[] counts = jdbc.batchUpdate(UPDATE, rows);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    // the first ones described with who changed them; the rest counted
                    conflicts.add(conflicts.total() < ProblemList.LIMIT ? conflict(source, batch.get(i))
                            : InputProblem.of(source, batch.get(i).row(), batch.get(i).column(), batch.get(i).valueText(),
                                    CollectionProblem.CONFLICT_RACE));
                }
            }
        }
        conflicts.throwIfAny();
        // the audit rows a slice at a time: a million changes are never a million audit records in memory at once
        for (int from = 0; from < creates.size(); from += AUDIT_SLICE) {
            List<Change> slice = creates.subList(from, Math.min(creates.size(), from + AUDIT_SLICE));
            Map<String, Long> ids = createdIds(slice, submissions, totalId);
            List<Changed> audited = new ArrayList<>(slice.size());
            for (Change c : slice) {
                audited.add(changed(c, ids.get(c.key()), actor));
            }
            audit.recordBulk(audited, now.toInstant());
        }
        for (int from = 0; from < updates.size(); from += AUDIT_SLICE) {
            List<Change> slice = updates.subList(from, Math.min(updates.size(), from + AUDIT_SLICE));
            List<Changed> audited = new ArrayList<>(slice.size());
            for (Change c : slice) {
                audited.add(changed(c, c.before().id(), actor));
            }
            audit.recordBulk(audited, now.toInstant());
        }
        return new Written(creates.size(), updates.size());
    }

    private InputProblem conflict(String source, Change c) {
        Map<String, Object> now = jdbc.queryForMap("select updated_by, obs_value from observation where id = ?",
                c.before().id());
        return InputProblem.of(source, c.row(), c.column(), c.valueText(), CollectionProblem.CONFLICT,
                now.get("updated_by"), ((java.math.BigDecimal) now.get("obs_value")).stripTrailingZeros().toPlainString());
    }

    private Map<String, Long> createdIds(List<Change> creates, Map<GroupKey, SubmissionState> submissions, long totalId) {
        Map<String, Long> ids = new HashMap<>();
        List<Long> subs = creates.stream().map(c -> submissions.get(c.group()).id()).distinct().toList();
        for (int from = 0; from < subs.size(); from += BATCH) {
            named.query("""
                    select o.id, i.code, r.code, o.period, g.code from observation o join indicator i on i.id = o.indicator_id
                    join region r on r.id = o.region_id join disaggregation g on g.id = o.disaggregation_id
                    where o.submission_id in (:subs) and o.measure = 'LEVEL'""",
                    new MapSqlParameterSource("subs", subs.subList(from, Math.min(subs.size(), from + BATCH))),
                    rs -> {
                        String category = "_T".equals(rs.getString(5)) ? ""
                                : "/" + rs.getString(5);
                        ids.put(rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4) + category, rs.getLong(1));
                    });
        }
        return ids;
    }

    /** The audit record the form writes for the same change. */
    static Changed changed(Change c, Long id, String actor) {
        var b = c.before();
        return new Changed("observation", id, c.key(), b == null ? "create" : "update", actor,
                b == null ? FigureText.changes(null, null, null, false, c.figure())
                        : FigureText.changes(b.value(), b.qualifierText(), b.comment(), true, c.figure()), "");
    }
}
