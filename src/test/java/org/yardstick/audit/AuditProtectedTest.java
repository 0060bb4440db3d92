package org.yardstick.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.YardstickTest;

/**
 * The audit trail is protected by the database itself, on H2 and on PostgreSQL: whoever connects,
 * an UPDATE or DELETE of a row fails and leaves it as it was, and TRUNCATE fails. Each
 * attack runs in its own transaction (a failed statement ends a PostgreSQL transaction).
 */
@YardstickTest
class AuditProtectedTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;

    long oldest() {
        return jdbc.queryForObject("select min(id) from audit_event", Long.class);
    }

    Map<String, Object> row(long id) {
        return jdbc.queryForMap("select * from audit_event where id = ?", id);
    }

    void attack(String sql, Object... args) {
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> jdbc.update(sql, args)))
                .as(sql).isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
    }

    @Test
    void rowsCannotBeChangedOrRemoved() {
        long id = oldest();
        Map<String, Object> before = row(id);
        long count = jdbc.queryForObject("select count(*) from audit_event", Long.class);

        attack("update audit_event set actor = 'nobody', reason = 'covered up' where id = ?", id);
        attack("delete from audit_event where id = ?", id);
        attack("delete from audit_event");

        assertThat(row(id)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isGreaterThanOrEqualTo(count);
    }

    @Test
    void theTableCannotBeEmptiedAtOnce() {
        long count = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> jdbc.execute("truncate table audit_event")))
                .isInstanceOf(DataAccessException.class)
                .satisfiesAnyOf(e -> assertThat(e).hasStackTraceContaining("append-only"),   // PostgreSQL: V90 trigger
                        e -> assertThat(e).hasStackTraceContaining("Cannot truncate")); // H2: the V90 guard table
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isGreaterThanOrEqualTo(count);
    }
}
