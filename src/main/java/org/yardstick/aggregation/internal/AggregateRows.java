package org.yardstick.aggregation.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

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
    private final DataSource dataSource;
    private final boolean postgres;
    private final List<Object[]> buffer = new ArrayList<>();

    private AggregateRows(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource, boolean postgres) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    static AggregateRows open(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            return new AggregateRows(jdbc, batch, dataSource, c.isWrapperFor(PGConnection.class));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
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
            jdbc.sql("delete from aggregate_value").update();
            return;
        }
        jdbc.sql("truncate table aggregate_value").update();
        List<String[]> constraints = jdbc.sql("""
                        select conname, pg_get_constraintdef(oid), contype from pg_constraint
                        where conrelid = 'aggregate_value'::regclass and contype in ('p', 'u', 'f')
                        order by case contype when 'f' then 0 else 1 end, conname""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        List<String[]> indexes = jdbc.sql("""
                        select i.relname, pg_get_indexdef(i.oid) from pg_index x join pg_class i on i.oid = x.indexrelid
                        where x.indrelid = 'aggregate_value'::regclass
                          and not exists (select 1 from pg_constraint c where c.conindid = i.oid and c.conrelid = x.indrelid)
                        order by i.relname""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] i : indexes) {
            jdbc.sql("drop index " + quote(i[0])).update();
            restore.add(i[1]);
        }
        for (String[] c : constraints) { // foreign keys first
            jdbc.sql("alter table aggregate_value drop constraint " + quote(c[0])).update();
        }
        for (int k = constraints.size() - 1; k >= 0; k--) { // primary key first
            restore.add("alter table aggregate_value add constraint " + quote(constraints.get(k)[0]) + " " + constraints.get(k)[1]);
        }
    }

    /** Writes what is buffered and restores what {@link #clear()} set aside. */
    void finish() {
        flush();
        for (String ddl : restore) {
            jdbc.sql(ddl).update();
        }
        if (!restore.isEmpty()) {
            jdbc.sql("analyze aggregate_value").update();
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
            String sql = "insert into aggregate_value (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            for (int from = 0; from < buffer.size(); from += 1000) {
                batch.batchUpdate(sql, buffer.subList(from, Math.min(buffer.size(), from + 1000)));
            }
        }
        buffer.clear();
    }

    private void copy() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "copy aggregate_value (" + COLUMNS + ") from stdin", 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder line = new StringBuilder(160);
            for (Object[] r : buffer) {
                line.setLength(0);
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
                        line.append(v); // numbers, the period's code, java.sql.Date as yyyy-mm-dd
                    }
                }
                out.append(line).append('\n');
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into aggregate_value failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
