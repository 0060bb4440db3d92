package org.yardstick.database;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Which database this is, asked once when the platform starts, and the operations whose SQL differs
 * between H2 and PostgreSQL. Modules ask {@link #postgres()} instead of sniffing connections.
 */
@Component("platformDatabase") // "database" is the health indicator's name
public class Database {

    /** The databases the platform runs on. */
    public enum Kind { H2, POSTGRESQL }

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final DataSource dataSource;
    private final Kind kind;
    private final boolean inMemory;

    public Database(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            this.kind = product.contains("postgres") ? Kind.POSTGRESQL : Kind.H2;
            this.inMemory = c.getMetaData().getURL().startsWith("jdbc:h2:mem:");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    public Kind kind() {
        return kind;
    }

    public boolean postgres() {
        return kind == Kind.POSTGRESQL;
    }

    /** H2 in memory (the tests' default): nothing on disk. */
    public boolean inMemory() {
        return inMemory;
    }

    /**
     * Runs {@code COPY … FROM STDIN} (PostgreSQL only) on the current transaction's connection: each
     * item appends one or more complete lines of COPY text to the builder. A refusal by the server (a
     * key violated …) comes back as the {@link SQLException} it is.
     *
     * @return the number of items written
     */
    public <T> long copy(String sql, Iterable<T> items, BiConsumer<StringBuilder, T> lines) throws SQLException {
        if (!postgres()) {
            throw new IllegalStateException("COPY is PostgreSQL's; this is " + kind);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        long n = 0;
        try {
            PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
            try (Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
                StringBuilder line = new StringBuilder(256);
                for (T item : items) {
                    line.setLength(0);
                    lines.accept(line, item);
                    out.append(line);
                    n++;
                }
            } catch (IOException e) {
                // the stream reports the server's refusal as the cause of an I/O error
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof SQLException refused) {
                        throw refused;
                    }
                }
                throw new UncheckedIOException(e);
            }
            return n;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Moves a table's identity column past {@code next - 1}: ids were assigned by the platform (so
     * that rows of one batch can refer to each other) and later inserts without an id must not collide.
     */
    public void restartIdentity(JdbcClient jdbc, String table, String column, long next) {
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + table + "." + column);
        }
        if (postgres()) {
            jdbc.sql("select setval(pg_get_serial_sequence('" + table + "', '" + column + "'), ?, false)")
                    .param(next).query(Long.class).single();
        } else {
            jdbc.sql("alter table " + table + " alter column " + column + " restart with " + next).update();
        }
    }
}
