package org.yardstick.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.shared.CsvWriter;

/** Reads the audit trail, and records changes in bulk for imports. */
@Service
public class AuditTrail {

    private static final String COLUMNS =
            "id, at, actor, action, entity_type, entity_id, entity_key, field, old_value, new_value, reason";

    /** What to look for; null matches anything. */
    public record Filter(@Nullable String entityType, @Nullable String actor, @Nullable Instant from,
                         @Nullable Instant until, @Nullable String keyPrefix) {
        public static Filter all() {
            return new Filter(null, null, null, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AuditTrail(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
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
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (Changed c : changes) {
            if (c.changes().isEmpty()) {
                rows.add(new Object[] {now, c.actor(), c.action(), c.entityType(), c.entityId(), c.entityKey(), "", null,
                    null, c.reason()});
            }
            for (Changed.FieldChange f : c.changes()) {
                rows.add(new Object[] {now, c.actor(), c.action(), c.entityType(), c.entityId(), c.entityKey(), f.field(),
                    f.oldValue(), f.newValue(), c.reason()});
            }
        }
        template.batchUpdate("insert into audit_event (at, actor, action, entity_type, entity_id, entity_key, field, "
                + "old_value, new_value, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * Records many changes selected by a query (imports of a million figures, set-based): the query
     * gives, in this order, actor, action, entity_type, entity_id, entity_key, field, old_value,
     * new_value, reason; the time is now. In the caller's transaction; returns how many were written.
     */
    @Transactional
    public int recordSelected(String select, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = Timestamp.from(Instant.now());
        System.arraycopy(params, 0, all, 1, params.length);
        return template.update("insert into audit_event (at, actor, action, entity_type, entity_id, entity_key, field, "
                + "old_value, new_value, reason) select ?, q.* from (" + select + ") q", all);
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
