package org.yardstick.aggregation.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.database.Database;
import org.yardstick.shared.CopyText;

/**
 * Rows of {@code aggregate_value} written in bulk by a full recomputation, in the caller's
 * transaction: on PostgreSQL by COPY (the table emptied by TRUNCATE, which PostgreSQL rolls back
 * with the transaction), elsewhere by batched inserts. Rows are buffered and written every
 * {@value #CHUNK}.
 */
final class AggregateRows {

    static final int CHUNK = 50_000;
    static final String COLUMNS = "indicator_id, region_id, period, period_start, computed, withheld, derived, from_periods, covered,"
            + " expected, input_count, updated_at, lack, lacking";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Database database;
    private final boolean postgres;
    static final String TERM_COLUMNS = "indicator_id, region_id, period, term_a, term_b, covered, expected, lacking";

    private final List<Object[]> buffer = new ArrayList<>();
    private final String table;
    private final String columns;

    private AggregateRows(JdbcClient jdbc, JdbcTemplate batch, Database database, String table, String columns) {
        this.table = table;
        this.columns = columns;
        this.jdbc = jdbc;
        this.batch = batch;
        this.database = database;
        this.postgres = database.postgres();
    }

    static AggregateRows open(JdbcClient jdbc, JdbcTemplate batch, Database database) {
        return new AggregateRows(jdbc, batch, database, "aggregate_value", COLUMNS);
    }

    /** The same for {@code aggregate_term}: the contributions an incremental recomputation reads. */
    static AggregateRows openTerms(JdbcClient jdbc, JdbcTemplate batch, Database database) {
        return new AggregateRows(jdbc, batch, database, "aggregate_term", TERM_COLUMNS);
    }

    /** Keys and indexes set aside by {@link #clear()} on PostgreSQL, put back by {@link #finish()}. */
    private final List<String> restore = new ArrayList<>();

    /**
     * Empties the table. On PostgreSQL, for the bulk load that follows, also sets its keys and
     * indexes aside (as PostgreSQL's "Populating a Database" advises: building an index once is
     * cheaper than updating it row by row, and one validating join cheaper than a trigger per row);
     * they are read from the catalog and restored by {@link #finish()}, in this transaction, which
     * TRUNCATE holds exclusively: no other transaction sees the table without them, and a rollback
     * puts everything back.
     */
    void clear() {
        if (!postgres) {
            jdbc.sql("delete from " + table).update();
            return;
        }
        jdbc.sql("truncate table " + table).update();
        List<String[]> constraints = jdbc.sql("""
                        select conname, pg_get_constraintdef(oid), contype from pg_constraint
                        where conrelid = cast(? as regclass) and contype in ('p', 'u', 'f')
                        order by case contype when 'f' then 0 else 1 end, conname""").param(table)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        List<String[]> indexes = jdbc.sql("""
                        select i.relname, pg_get_indexdef(i.oid) from pg_index x join pg_class i on i.oid = x.indexrelid
                        where x.indrelid = cast(? as regclass)
                          and not exists (select 1 from pg_constraint c where c.conindid = i.oid and c.conrelid = x.indrelid)
                        order by i.relname""").param(table)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] i : indexes) {
            jdbc.sql("drop index " + quote(i[0])).update();
            restore.add(i[1]);
        }
        for (String[] c : constraints) { // foreign keys first
            jdbc.sql("alter table " + table + " drop constraint " + quote(c[0])).update();
        }
        for (int k = constraints.size() - 1; k >= 0; k--) { // primary key first
            restore.add("alter table " + table + " add constraint " + quote(constraints.get(k)[0]) + " " + constraints.get(k)[1]);
        }
    }

    /** Writes what is buffered and restores what {@link #clear()} set aside. */
    void finish() {
        flush();
        for (String ddl : restore) {
            jdbc.sql(ddl).update();
        }
        if (!restore.isEmpty()) {
            jdbc.sql("analyze " + table).update();
        }
        restore.clear();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Adds a row (as {@code Recomputation.row} makes it); written at the latest by {@link #flush()}. */
    void add(Object[] row) {
        buffer.add(row);
        if (buffer.size() >= CHUNK) {
            flush();
        }
    }

    void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        if (postgres) {
            copy();
        } else {
            String sql = "insert into " + table + " (" + columns + ") values (" + "?, ".repeat(columns.split(",").length - 1) + "?)";
            for (int from = 0; from < buffer.size(); from += 1000) {
                batch.batchUpdate(sql, buffer.subList(from, Math.min(buffer.size(), from + 1000)));
            }
        }
        buffer.clear();
    }

    private void copy() {
        try {
            database.copy("copy " + table + " (" + columns + ") from stdin", buffer, (line, r) -> {
                for (int i = 0; i < r.length; i++) {
                    Object v = r[i];
                    if (i > 0) {
                        line.append('\t');
                    }
                    if (v == null) {
                        line.append("\\N");
                    } else if (v instanceof BigDecimal d) {
                        line.append(d.toPlainString());
                    } else if (v instanceof Boolean b) {
                        line.append(b ? 't' : 'f');
                    } else if (v instanceof java.sql.Timestamp t) {
                        line.append(t.toInstant()); // ISO-8601 in UTC, which timestamptz reads
                    } else {
                        CopyText.text(line, v.toString()); // numbers, the period's code, dates, reasons
                    }
                }
                line.append('\n');
            });
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed", e);
        }
    }
}
