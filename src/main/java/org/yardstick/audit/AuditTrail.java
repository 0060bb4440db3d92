package org.yardstick.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.database.Database;
import org.yardstick.shared.CopyText;
import org.yardstick.shared.CsvWriter;

/** Reads the audit trail, and records changes in bulk for imports. */
@Service
public class AuditTrail {

    /** The longest reason an audit row holds ({@code audit_event.reason}): notes recorded as reasons are limited to it. */
    public static final int MAX_REASON = 1000;

    private static final String COLUMNS =
            "id, at, actor, action, entity_type, entity_id, entity_key, field, old_value, new_value, reason";
    private static final String INSERTED =
            "at, actor, action, entity_type, entity_id, entity_key, field, old_value, new_value, reason";

    /** What to look for; null matches anything. */
    public record Filter(@Nullable String entityType, @Nullable String actor, @Nullable Instant from,
                         @Nullable Instant until, @Nullable String keyPrefix) {
        public static Filter all() {
            return new Filter(null, null, null, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Database database;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JdbcTemplate template, Database database, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.database = database;
        this.clock = clock;
    }

    /** The history of one thing, oldest first. */
    public List<AuditEvent> history(String entityType, long entityId) {
        return jdbc.sql("select " + COLUMNS + " from audit_event where entity_type = ? and entity_id = ? order by id")
                .param(entityType).param(entityId).query(AuditTrail::map).list();
    }

    /** Matching events, newest first, at most {@code limit}. */
    public List<AuditEvent> search(Filter f, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        params.add(limit);
        return jdbc.sql("select " + COLUMNS + " from audit_event" + where + " order by id desc limit ?")
                .params(params).query(AuditTrail::map).list();
    }

    /** Writes matching events as CSV (UTF-8 text; the caller adds a byte-order mark for Excel if wanted). */
    public void exportCsv(Filter f, Writer out) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        try {
            out.write("id,at,actor,action,entity_type,entity_id,entity_key,field,old_value,new_value,reason\r\n");
            template.query("select " + COLUMNS + " from audit_event" + where + " order by id", rs -> {
                AuditEvent e = map(rs, 0);
                try {
                    out.write(String.join(",", List.of(Long.toString(e.id()), e.at().toString(), csv(e.actor()),
                            csv(e.action()), csv(e.entityType()), e.entityId() == null ? "" : e.entityId().toString(),
                            csv(e.entityKey()), csv(e.field()), csv(e.oldValue()), csv(e.newValue()), csv(e.reason()))));
                    out.write("\r\n");
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            }, params.toArray());
            out.flush();
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    /** Records many changes at once (imports): one row per field change, in the caller's transaction. */
    @Transactional
    public void recordAll(List<Changed> changes) {
        insert(changes.stream().map(AuditTrail::withChannel).toList(), clock.instant()); // the platform's clock, as the changes themselves
    }

    /**
     * A change made while serving a request under {@code /api/} that does not name its channel says {@code channel: api},
     * so that the trail tells changes by programs from changes in the pages for every kind of change (figures,
     * submissions, accounts …), not only for those whose modules name it (framework, regions).
     */
    private static Changed withChannel(Changed c) {
        if (c.changes().stream().anyMatch(f -> f.field().equals("channel"))
                || !(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                        instanceof org.springframework.web.context.request.ServletRequestAttributes request)
                || !request.getRequest().getRequestURI().startsWith("/api/")) {
            return c;
        }
        List<Changed.FieldChange> fields = new ArrayList<>(c.changes());
        fields.add(new Changed.FieldChange("channel", null, "api"));
        return new Changed(c.entityType(), c.entityId(), c.entityKey(), c.action(), c.actor(), fields, c.reason());
    }

    private int insert(List<Changed> changes, Instant at) {
        Timestamp when = Timestamp.from(at);
        List<Object[]> rows = new ArrayList<>();
        for (Changed c : changes) {
            rows(c, (field, oldValue, newValue) -> rows.add(new Object[] {when, c.actor(), c.action(), c.entityType(),
                c.entityId(), c.entityKey(), field, oldValue, newValue, c.reason()}));
        }
        template.batchUpdate("insert into audit_event (" + INSERTED + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return rows.size();
    }

    /**
     * Records a great many changes at once (an import of a million figures), all at one moment: on
     * PostgreSQL by COPY, elsewhere in batches. One row per field change, in the caller's
     * transaction; returns how many rows were written.
     */
    @Transactional
    public long recordBulk(List<Changed> given, Instant at) {
        List<Changed> changes = given.stream().map(AuditTrail::withChannel).toList();
        if (!database.postgres()) {
            long n = 0;
            for (int from = 0; from < changes.size(); from += 5_000) {
                n += insert(changes.subList(from, Math.min(changes.size(), from + 5_000)), at);
            }
            return n;
        }
        String when = at.toString();
        long[] n = {0};
        try {
            database.copy("copy audit_event (" + INSERTED + ") from stdin", changes, (line, c) ->
                    rows(c, (field, oldValue, newValue) -> {
                        line.append(when).append('\t');
                        CopyText.text(line, c.actor()).append('\t');
                        CopyText.text(line, c.action()).append('\t');
                        CopyText.text(line, c.entityType()).append('\t');
                        line.append(c.entityId() == null ? "\\N" : c.entityId().toString()).append('\t');
                        CopyText.text(line, c.entityKey()).append('\t');
                        CopyText.text(line, field).append('\t');
                        CopyText.text(line, oldValue).append('\t');
                        CopyText.text(line, newValue).append('\t');
                        CopyText.text(line, c.reason()).append('\n');
                        n[0]++;
                    }));
            return n[0];
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the audit trail failed", e);
        }
    }

    /** A row of the audit trail: one field change, or the action alone when no field changed. */
    private interface Row {
        void add(String field, @Nullable String oldValue, @Nullable String newValue);
    }

    private static void rows(Changed c, Row row) {
        if (c.changes().isEmpty()) {
            row.add("", null, null);
        }
        for (Changed.FieldChange f : c.changes()) {
            row.add(f.field(), f.oldValue(), f.newValue());
        }
    }

    private static String where(Filter f, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (f.entityType() != null) {
            clauses.add("entity_type = ?");
            params.add(f.entityType());
        }
        if (f.actor() != null) {
            clauses.add("actor = ?");
            params.add(f.actor());
        }
        if (f.from() != null) {
            clauses.add("at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.until() != null) {
            clauses.add("at < ?");
            params.add(Timestamp.from(f.until()));
        }
        if (f.keyPrefix() != null) {
            clauses.add("entity_key like ?");
            params.add(f.keyPrefix().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    /** A CSV field, quoted when needed and never run as a formula by a spreadsheet. */
    static String csv(@Nullable String s) {
        return CsvWriter.field(s);
    }

    static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("entity_type"), rs.getObject("entity_id", Long.class),
                rs.getString("entity_key"), rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"),
                rs.getString("reason"));
    }
}
