package org.yardstick.validation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.yardstick.StoredObservations;
import org.yardstick.shared.Period;

/**
 * Figures written straight into the database for tests that need a starting point the editor
 * would not allow (last year's figures in a closed period, a figure a rule added later rejects).
 * Tests that use it run in a transaction that is rolled back.
 */
final class StoredFigures {

    private final JdbcClient jdbc;

    StoredFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes (or overwrites) the level of an indicator for a region and year, with the given status. */
    void put(String indicator, String region, String year, String value, String status) {
        Period p = Period.parse(year).orElseThrow();
        jdbc.sql("""
                delete from observation where indicator_id = (select id from indicator where code = ?)
                  and region_id = (select id from region where code = ?) and period = ? and measure = 'LEVEL'
                  and disaggregation_id = (select id from disaggregation where code = '_T')""")
                .params(indicator, region, year).update();
        StoredObservations.of(indicator).region(region).period(p.code()).value(value).status(status).at(Instant.now())
                .insert(jdbc);
    }

    /** The stored level, if any. */
    Optional<BigDecimal> value(String indicator, String region, String year) {
        return jdbc.sql("""
                select o.obs_value from observation o join indicator i on i.id = o.indicator_id
                join region r on r.id = o.region_id
                where i.code = ? and r.code = ? and o.period = ? and o.measure = 'LEVEL'
                  and o.disaggregation_id = (select id from disaggregation where code = '_T')""")
                .params(indicator, region, year).query(BigDecimal.class).optional();
    }

    /** The version of the stored level, or null if there is none (what a form would send back). */
    Integer version(String indicator, String region, String year) {
        return jdbc.sql("""
                select o.version from observation o join indicator i on i.id = o.indicator_id
                join region r on r.id = o.region_id
                where i.code = ? and r.code = ? and o.period = ? and o.measure = 'LEVEL'
                  and o.disaggregation_id = (select id from disaggregation where code = '_T')""")
                .params(indicator, region, year).query(Integer.class).optional().orElse(null);
    }

    /** Runs a step as another account, then restores the current one. */
    static void as(UserDetailsService users, String username, Runnable step) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        UserDetails u = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            step.run();
        } finally {
            var restored = SecurityContextHolder.createEmptyContext();
            restored.setAuthentication(before);
            SecurityContextHolder.setContext(restored);
        }
    }
}
