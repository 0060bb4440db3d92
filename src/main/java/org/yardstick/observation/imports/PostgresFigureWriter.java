package org.yardstick.observation.imports;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yardstick.audit.AuditTrail;
import org.yardstick.database.Database;
import org.yardstick.audit.Changed;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.imports.ImportBatch.Change;
import org.yardstick.observation.imports.ImportBatch.GroupKey;
import org.yardstick.observation.internal.FigureStore.SubmissionState;
import org.yardstick.shared.CopyText;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Writes changes on PostgreSQL. New figures go straight into {@code observation} by COPY (their ids
 * taken from its sequence first; one that someone created meanwhile violates the figure's key and
 * fails the import). Changed figures go by COPY into a temporary staging table and then one
 * {@code INSERT … SELECT … ON CONFLICT (observation_key_unique) DO UPDATE … WHERE} that updates only
 * figures whose version is still the one read. The audit rows — the same the form and the H2 path
 * write — go by COPY too ({@link AuditTrail#recordBulk}).
 */
final class PostgresFigureWriter implements FigureWriter {

    /** The columns of a new figure as COPY writes them. */
    private static final String COPY_CREATES = """
            copy observation (id, indicator_id, region_id, period, period_start, disaggregation_id, measure, base_period,
                              obs_value, qualifier, qualifier_text, status, comment, version, created_at, updated_at,
                              created_by, updated_by, submission_id) from stdin""";
    /**
     * One row per changed figure. {@code obs_value} is an unconstrained numeric so that its text is
     * the value as read ({@code 12.50}).
     */
    private static final String STAGE = """
            create temporary table import_stage (
                row_no bigint, obs_id bigint, indicator_id bigint, region_id bigint, period varchar(10), period_start date,
                obs_value numeric, qualifier varchar(16), qualifier_text varchar(16), comment varchar(1000),
                submission_id bigint, status varchar(12), seen_version integer, disaggregation_id bigint
            ) on commit drop""";
    /**
     * The upsert on the figure's key updates only a figure whose version is still the one read and
     * whose content differs. Returns how many were inserted (a figure deleted meanwhile) and updated,
     * and the rows of the file it did not write because someone changed their figure meanwhile —
     * found by id, not by time, since two writes in the same instant must still be told apart.
     */
    private static final String UPSERT = """
            with up as (
                insert into observation as o (id, indicator_id, region_id, period, period_start, disaggregation_id, measure,
                                              base_period, obs_value, qualifier, qualifier_text, status, comment, version,
                                              created_at, updated_at, created_by, updated_by, submission_id)
                select s.obs_id, s.indicator_id, s.region_id, s.period, s.period_start, s.disaggregation_id, 'LEVEL', '',
                       s.obs_value,
                       s.qualifier, s.qualifier_text, s.status, s.comment, s.seen_version, ?, ?, ?, ?, s.submission_id
                from import_stage s
                on conflict on constraint observation_key_unique do update
                    set obs_value = excluded.obs_value, qualifier = excluded.qualifier,
                        qualifier_text = excluded.qualifier_text, comment = excluded.comment,
                        submission_id = excluded.submission_id, version = o.version + 1,
                        updated_at = excluded.updated_at, updated_by = excluded.updated_by
                    where o.version = excluded.version
                      and (o.obs_value, o.qualifier_text, o.comment)
                          is distinct from (excluded.obs_value, excluded.qualifier_text, excluded.comment)
                returning o.id, (o.xmax = 0) as inserted
            ), missed as (
                select s.row_no from import_stage s
                where not exists (select 1 from up where up.id = s.obs_id)
                order by s.row_no limit 1000
            )
            select (select count(*) from up where inserted), (select count(*) from up where not inserted),
                   (select array_agg(row_no order by row_no) from missed)""";
    /** Who last changed a figure the upsert did not write, and its value now. */
    private static final String CONFLICT = "select o.updated_by, o.obs_value from import_stage s "
            + "join observation o on o.id = s.obs_id where s.row_no = ?";
    /** PostgreSQL's SQLSTATE for a unique key violated. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final Logger log = LoggerFactory.getLogger(PostgresFigureWriter.class);
    /** How many changes make the table's statistics worth refreshing in the same transaction. */
    static final int ANALYZE_AFTER = 50_000;

    private final Database database;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    PostgresFigureWriter(Database database, JdbcTemplate jdbc, AuditTrail audit) {
        this.database = database;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public Written write(String source, List<Change> changes, Map<GroupKey, SubmissionState> submissions, String actor,
                         Timestamp now, long totalId) {
        long t0 = System.nanoTime();
        List<Change> creates = changes.stream().filter(c -> c.before() == null).toList();
        List<Change> updates = changes.stream().filter(c -> c.before() != null).toList();
        long[] ids = newIds(creates.size());
        if (!creates.isEmpty()) {
            create(source, creates, ids, submissions, actor, now, totalId);
        }
        long t1 = System.nanoTime();
        if (!updates.isEmpty()) {
            update(source, updates, submissions, actor, now, totalId);
        }
        long t2 = System.nanoTime();
        // the audit rows a slice at a time: a million changes are never a million audit records in memory at once
        long auditRows = 0;
        List<Changed> audited = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            audited.add(i < creates.size() ? JdbcFigureWriter.changed(creates.get(i), ids[i], actor)
                    : JdbcFigureWriter.changed(updates.get(i - creates.size()), updates.get(i - creates.size()).before().id(),
                            actor));
            if (audited.size() == JdbcFigureWriter.AUDIT_SLICE || i == changes.size() - 1) {
                auditRows += audit.recordBulk(audited, now.toInstant());
                audited.clear();
            }
        }
        long t3 = System.nanoTime();
        if (changes.size() >= ANALYZE_AFTER) {
            // a large import changes the table's statistics: without them the next import's reads would scan it whole
            jdbc.execute("analyze observation");
        }
        log.debug("{} new figures copied in {} ms, {} changed upserted in {} ms, {} audit rows in {} ms, analyzed in {} ms",
                creates.size(), (t1 - t0) / 1_000_000, updates.size(), (t2 - t1) / 1_000_000, auditRows,
                (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
        return new Written(creates.size(), updates.size());
    }

    /** New figures, by COPY straight into the table. */
    private void create(String source, List<Change> creates, long[] ids, Map<GroupKey, SubmissionState> submissions,
                        String actor, Timestamp now, long totalId) {
        String when = now.toInstant().toString();
        int[] next = {0};
        try {
            copy(COPY_CREATES, creates, (line, c) -> {
                var f = c.figure();
                SubmissionState s = submissions.get(c.group());
                line.append(ids[next[0]++]).append('\t').append(c.indicatorId()).append('\t').append(c.region().id())
                        .append('\t');
                CopyText.text(line, c.period().code()).append('\t').append(c.period().start()).append('\t')
                        .append(c.disaggregationId()).append("\tLEVEL\t\t").append(f.value().toPlainString()).append('\t')
                        .append(f.qualifier().name()).append('\t');
                CopyText.text(line, f.qualifierText()).append('\t').append(s.status().name()).append('\t');
                CopyText.text(line, f.comment()).append("\t0\t").append(when).append('\t').append(when).append('\t');
                CopyText.text(line, actor).append('\t');
                CopyText.text(line, actor).append('\t').append(s.id()).append('\n');
            });
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                // someone created one of these figures after the file was checked
                throw new InvalidInputException(InputProblem.of(source, 0, "", null, CollectionProblem.CONFLICT_RACE));
            }
            throw new IllegalStateException("COPY of the new figures failed", e);
        }
    }

    /** Changed figures: staged by COPY, then one upsert that writes only what nobody changed meanwhile. */
    private void update(String source, List<Change> updates, Map<GroupKey, SubmissionState> submissions, String actor,
                        Timestamp now, long totalId) {
        jdbc.execute("drop table if exists import_stage");
        jdbc.execute(STAGE);
        try {
            copy("copy import_stage from stdin", updates, (line, c) -> {
                var f = c.figure();
                SubmissionState s = submissions.get(c.group());
                line.append(c.row()).append('\t').append(c.before().id()).append('\t').append(c.indicatorId()).append('\t')
                        .append(c.region().id()).append('\t');
                CopyText.text(line, c.period().code()).append('\t').append(c.period().start()).append('\t')
                        .append(f.value().toPlainString()).append('\t').append(f.qualifier().name()).append('\t');
                CopyText.text(line, f.qualifierText()).append('\t');
                CopyText.text(line, f.comment()).append('\t').append(s.id()).append('\t').append(s.status().name())
                        .append('\t').append(c.before().version()).append('\t').append(c.disaggregationId())
                        .append('\n');
            });
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the import staging table failed", e);
        }
        jdbc.execute("analyze import_stage");
        List<Long> missed = new ArrayList<>();
        long[] up = jdbc.queryForObject(UPSERT, (rs, n) -> {
            Array rows = rs.getArray(3);
            if (rows != null) {
                for (Object row : (Object[]) rows.getArray()) {
                    missed.add(((Number) row).longValue());
                }
            }
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }, now, now, actor, actor);
        if (up[0] != 0 || up[1] != updates.size()) {
            throw new InvalidInputException(conflicts(source, updates, missed), Math.max(missed.size(),
                    updates.size() - up[1]));
        }
        jdbc.execute("drop table import_stage");
    }

    private List<InputProblem> conflicts(String source, List<Change> changes, List<Long> missed) {
        Map<Long, Change> byRow = new HashMap<>();
        changes.forEach(c -> byRow.putIfAbsent(c.row(), c));
        List<InputProblem> problems = new ArrayList<>();
        for (long row : missed) {
            if (problems.size() == ProblemList.LIMIT) {
                break; // the rest are counted, not described
            }
            Change c = byRow.get(row);
            jdbc.query(CONFLICT, rs -> {
                problems.add(InputProblem.of(source, row, c == null ? "" : c.column(), c == null ? null : c.valueText(),
                        CollectionProblem.CONFLICT, rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros().toPlainString()));
            }, row);
        }
        if (problems.isEmpty()) {
            // the counts differ but no row is missing: a figure of the file was deleted and created anew meanwhile
            problems.add(InputProblem.of(source, 0, "", null, CollectionProblem.CONFLICT_RACE));
        }
        return problems;
    }

    /**
     * Ids for the figures to create, taken from the table's own identity sequence: the new rows and
     * their audit rows carry them, so nothing has to be read back.
     */
    private long[] newIds(int n) {
        long[] ids = new long[n];
        if (n == 0) {
            return ids;
        }
        // the sequence's name once: called in the select, pg_get_serial_sequence would run for every row (10× slower)
        String sequence = jdbc.queryForObject("select pg_get_serial_sequence('observation', 'id')", String.class);
        int[] i = {0};
        jdbc.query("select nextval(cast(? as regclass)) from generate_series(1, ?)",
                rs -> {
                    ids[i[0]++] = rs.getLong(1);
                }, sequence, n);
        return ids;
    }

    /** Runs a COPY … FROM STDIN on the transaction's connection, one line of COPY text per item. */
    private <T> void copy(String sql, List<T> items, BiConsumer<StringBuilder, T> row) throws SQLException {
        database.copy(sql, items, row);
    }
}
