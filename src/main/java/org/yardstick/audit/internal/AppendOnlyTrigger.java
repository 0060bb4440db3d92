package org.yardstick.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * The H2 trigger that keeps the audit trail append-only (db/migration/h2/V90): every UPDATE and
 * DELETE of a row of {@code audit_event} fails, whoever runs it. Loaded by H2 by its name.
 */
public final class AppendOnlyTrigger implements Trigger {

    private String table = "audit_event";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object @Nullable [] oldRow, Object @Nullable [] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " is refused",
                "42501");
    }
}
