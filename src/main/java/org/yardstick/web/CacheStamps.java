package org.yardstick.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stamps of what instances keep in memory (validation rules, region trees): one row per name in
 * {@code cache_stamp}. A change calls {@link #bump} in its own transaction, so the new stamp is seen
 * exactly when the change is; a reader compares {@link #current} (one primary-key select) with the stamp
 * its copy was read under and reads again when they differ. Every instance on the same database thus
 * drops a stale copy at its next use after the change commits (decision 0043).
 */
@Component
public class CacheStamps {

    private final JdbcClient jdbc;

    CacheStamps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stamp of a name as committed (or as this transaction changed it). */
    public long current(String name) {
        return jdbc.sql("select stamp from cache_stamp where name = ?").param(name).query(Long.class).optional()
                .orElseThrow(() -> unknown(name));
    }

    /**
     * Marks every copy of {@code name} stale once the caller's transaction commits. The new stamp comes
     * from a sequence, which a rollback does not give back: a copy read inside a transaction that is
     * rolled back carries a stamp no later change will have.
     */
    public void bump(String name) {
        if (jdbc.sql("update cache_stamp set stamp = nextval('cache_stamp_seq') where name = ?").param(name).update() != 1) {
            throw unknown(name);
        }
    }

    private static IllegalStateException unknown(String name) {
        return new IllegalStateException("no cache stamp named " + name + ": add it to cache_stamp in a migration");
    }
}
