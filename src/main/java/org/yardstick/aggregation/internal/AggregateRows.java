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
            + " expected, input_count, updated_at";

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

    /** Empties the table. */
    void clear() {
        jdbc.sql(postgres ? "truncate table aggregate_value" : "delete from aggregate_value").update();
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
            String sql = "insert into aggregate_value (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
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
                    if (v instanceof BigDecimal d) {
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
