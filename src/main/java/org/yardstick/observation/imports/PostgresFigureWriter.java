package org.yardstick.observation.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.yardstick.audit.AuditTrail;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.imports.ImportBatch.Change;
import org.yardstick.observation.imports.ImportBatch.GroupKey;
import org.yardstick.observation.internal.FigureStore.SubmissionState;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Writes changes on PostgreSQL: COPY into a temporary staging table, one
 * {@code INSERT … SELECT … ON CONFLICT (observation_key_unique) DO UPDATE … WHERE} that creates
 * and updates (only figures whose version is still the one read, and whose content differs), and
 * one INSERT … SELECT of the audit rows from the same staging rows.
 */
final class PostgresFigureWriter implements FigureWriter {

    /**
     * One row per change. {@code obs_value} is an unconstrained numeric so that its text is the value
     * as read ({@code 12.50}), which the audit records; {@code seen_version} is null for a new figure.
     */
    private static final String STAGE = """
            create temporary table import_stage (
                row_no bigint, obs_id bigint, indicator_id bigint, region_id bigint, period varchar(10), period_start date,
                obs_value numeric, qualifier varchar(16), qualifier_text varchar(16), comment varchar(1000),
                submission_id bigint, status varchar(12), seen_version integer, entity_key varchar(300),
                old_value varchar(64), old_qualifier varchar(16), old_comment varchar(1000)
            ) on commit drop""";
    private static final String COPY = "copy import_stage from stdin";
    private static final String COLUMNS = """
            insert into observation as o (id, indicator_id, region_id, period, period_start, disaggregation_id, measure,
                                          base_period, obs_value, qualifier, qualifier_text, status, comment, version,
                                          created_at, updated_at, created_by, updated_by, submission_id)
            select s.obs_id, s.indicator_id, s.region_id, s.period, s.period_start, ?, 'LEVEL', '', s.obs_value, s.qualifier,
                   s.qualifier_text, s.status, s.comment, coalesce(s.seen_version, 0), ?, ?, ?, ?, s.submission_id
            from import_stage s
            """;
    /** New figures: a plain insert; one that someone created meanwhile violates the key and fails the import. */
    private static final String INSERT = COLUMNS + " where s.seen_version is null";
    /**
     * Changed figures: the upsert on the figure's key updates only a figure whose version is still the
     * one read and whose content differs. Returns how many were created and updated, and the rows of
     * the file it did not write because someone changed their figure meanwhile — found by id, not by
     * time, since two writes in the same instant must still be told apart.
     */
    private static final String UPSERT = "with up as (" + COLUMNS + """
                where s.seen_version is not null
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
                where s.seen_version is not null and not exists (select 1 from up where up.id = s.obs_id)
                order by s.row_no limit 1000
            )
            select (select count(*) from up where inserted), (select count(*) from up where not inserted),
                   (select array_agg(row_no order by row_no) from missed)""";
    /** The audit rows, from the staging rows alone (each carries its figure's id): what the form records. */
    private static final String AUDIT = """
            select cast(? as varchar(64)), case when s.seen_version is null then 'create' else 'update' end,
                   'observation', s.obs_id, s.entity_key, f.field, f.old_value, f.new_value, ''
            from import_stage s
            cross join lateral (values
                ('value', s.old_value, cast(trim_scale(s.obs_value) as varchar),
                 s.seen_version is null or cast(s.old_value as numeric) <> s.obs_value),
                ('qualifier', s.old_qualifier, s.qualifier_text,
                 case when s.seen_version is null then s.qualifier_text <> '' else s.old_qualifier <> s.qualifier_text end),
                ('comment', s.old_comment, s.comment,
                 case when s.seen_version is null then s.comment is not null else s.old_comment is distinct from s.comment end))
                 as f(field, old_value, new_value, changed)
            where f.changed""";
    /** Who last changed a figure the upsert did not write, and its value now. */
    private static final String CONFLICT = "select o.updated_by, o.obs_value from import_stage s "
            + "join observation o on o.id = s.obs_id where s.row_no = ?";

    private static final Logger log = LoggerFactory.getLogger(PostgresFigureWriter.class);
    /** How many changes make the table's statistics worth refreshing in the same transaction. */
    static final int ANALYZE_AFTER = 50_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    PostgresFigureWriter(DataSource dataSource, JdbcTemplate jdbc, AuditTrail audit) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public Written write(String source, List<Change> changes, Map<GroupKey, SubmissionState> submissions, String actor,
                         Timestamp now, long totalId) {
        long t0 = System.nanoTime();
        jdbc.execute("drop table if exists import_stage");
        jdbc.execute(STAGE);
        copy(changes, submissions, newIds(creates(changes)));
        jdbc.execute("analyze import_stage");
        long t1 = System.nanoTime();
        int creates = creates(changes);
        int updates = changes.size() - creates;
        long[] written = {0, 0};
        List<Long> missed = new ArrayList<>();
        try {
            if (creates > 0) {
                written[0] = jdbc.update(INSERT, totalId, now, now, actor, actor);
            }
            if (updates > 0) {
                long[] up = jdbc.queryForObject(UPSERT, (rs, n) -> {
                    Array rows = rs.getArray(3);
                    if (rows != null) {
                        for (Object row : (Object[]) rows.getArray()) {
                            missed.add(((Number) row).longValue());
                        }
                    }
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                }, totalId, now, now, actor, actor);
                written[0] += up[0];
                written[1] = up[1];
            }
        } catch (DuplicateKeyException raced) {
            // someone created one of the new figures after the file was checked
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, CollectionProblem.CONFLICT, "?", "?"));
        }
        if (written[0] != creates || written[1] != updates) {
            throw new InvalidInputException(conflicts(source, changes, missed));
        }
        long t2 = System.nanoTime();
        int audited = audit.recordSelected(AUDIT, actor);
        long t3 = System.nanoTime();
        jdbc.execute("drop table import_stage");
        if (changes.size() >= ANALYZE_AFTER) {
            // a large import changes the table's statistics: without them the next import's reads would scan it whole
            jdbc.execute("analyze observation");
        }
        log.debug("{} changes: staged in {} ms, upserted in {} ms, {} audit rows in {} ms, analyzed in {} ms", changes.size(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, audited, (t3 - t2) / 1_000_000,
                (System.nanoTime() - t3) / 1_000_000);
        return new Written(creates, updates);
    }

    private List<InputProblem> conflicts(String source, List<Change> changes, List<Long> missed) {
        Map<Long, Change> byRow = new HashMap<>();
        changes.forEach(c -> byRow.putIfAbsent(c.row(), c));
        List<InputProblem> problems = new ArrayList<>();
        for (long row : missed) {
            Change c = byRow.get(row);
            jdbc.query(CONFLICT, rs -> {
                problems.add(InputProblem.of(source, row, c == null ? "" : c.column(), c == null ? null : c.valueText(),
                        CollectionProblem.CONFLICT, rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros().toPlainString()));
            }, row);
        }
        if (problems.isEmpty()) {
            // counts differ but no row is missing: a figure was created meanwhile under a key of this file
            problems.add(InputProblem.of(source, 0, "", null, CollectionProblem.CONFLICT, "?", "?"));
        }
        return problems;
    }

    private static int creates(List<Change> changes) {
        return (int) changes.stream().filter(c -> c.before() == null).count();
    }

    /**
     * Ids for the figures to create, taken from the table's own identity sequence: the staging rows
     * carry them, so the audit rows need no join to find their figures.
     */
    private long[] newIds(int n) {
        long[] ids = new long[n];
        if (n == 0) {
            return ids;
        }
        int[] i = {0};
        jdbc.query("select nextval(pg_get_serial_sequence('observation', 'id')) from generate_series(1, ?)",
                rs -> {
                    ids[i[0]++] = rs.getLong(1);
                }, n);
        return ids;
    }

    private void copy(List<Change> changes, Map<GroupKey, SubmissionState> submissions, long[] ids) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, COPY, 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16)) {
                StringBuilder line = new StringBuilder(256);
                int next = 0;
                for (Change c : changes) {
                    line.setLength(0);
                    row(line, c, c.before() == null ? ids[next++] : c.before().id(), submissions.get(c.group()));
                    out.append(line);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the import staging table failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void row(StringBuilder b, Change c, long id, SubmissionState s) {
        var f = c.figure();
        var before = c.before();
        b.append(c.row()).append('\t').append(id).append('\t').append(c.indicatorId()).append('\t').append(c.region().id())
                .append('\t');
        text(b, c.period().code());
        b.append('\t').append(c.period().start()).append('\t').append(f.value().toPlainString()).append('\t')
                .append(f.qualifier().name()).append('\t');
        text(b, f.qualifierText());
        b.append('\t');
        text(b, f.comment());
        b.append('\t').append(s.id()).append('\t').append(s.status().name()).append('\t');
        if (before == null) {
            b.append("\\N\t");
            text(b, c.key());
            b.append("\t\\N\t\\N\t\\N\n");
            return;
        }
        b.append(before.version()).append('\t');
        text(b, c.key());
        b.append('\t').append(before.value().toPlainString()).append('\t');
        text(b, before.qualifierText());
        b.append('\t');
        text(b, before.comment());
        b.append('\n');
    }

    /** A field of COPY's text format: backslash escapes, {@code \N} for null. */
    private static void text(StringBuilder b, @Nullable String s) {
        if (s == null) {
            b.append("\\N");
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
    }
}
