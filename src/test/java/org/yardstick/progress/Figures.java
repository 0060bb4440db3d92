package org.yardstick.progress;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Constructed approved figures for tests, marked {@value #MARK} so that they are removed again; never
 * part of the demo.
 */
final class Figures {

    static final String MARK = "progress-test";

    private Figures() {}

    static void approved(JdbcClient jdbc, String indicator, String region, int year, String breakdown, double value) {
        Timestamp now = Timestamp.from(Instant.parse("2020-01-01T00:00:00Z"));
        jdbc.sql("""
                insert into observation (indicator_id, region_id, period, period_start, disaggregation_id, measure, base_period,
                                         obs_value, qualifier, qualifier_text, status, comment, version, created_at, updated_at,
                                         created_by, updated_by)
                values ((select id from indicator where code = ?), (select id from region where code = ?), ?, ?,
                        (select id from disaggregation where code = ?), 'LEVEL', '', ?, 'NONE', '', 'APPROVED', null, 0, ?, ?, ?, ?)""")
                .params(indicator, region, Integer.toString(year), Date.valueOf(year + "-01-01"), breakdown, value, now, now,
                        MARK, MARK)
                .update();
    }

    static void removeAll(JdbcClient jdbc) {
        jdbc.sql("delete from observation where created_by = ?").param(MARK).update();
    }
}
