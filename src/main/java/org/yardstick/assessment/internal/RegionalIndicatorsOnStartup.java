package org.yardstick.assessment.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes the regional indicators at start-up when there are submitted assessments but no summaries yet (an upgrade,
 * a restore); a recomputation lost to a crash after a submission's commit is repaired by {@code recomputeAll}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class RegionalIndicatorsOnStartup implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final RegionalIndicators indicators;

    RegionalIndicatorsOnStartup(JdbcClient jdbc, RegionalIndicators indicators) {
        this.jdbc = jdbc;
        this.indicators = indicators;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean none = jdbc.sql("select 1 from asm_county_summary fetch first 1 rows only").query(Integer.class)
                .optional().isEmpty();
        boolean submitted = jdbc.sql("select 1 from asm_assessment where status = 'SUBMITTED' fetch first 1 rows only")
                .query(Integer.class).optional().isPresent();
        if (none && submitted) {
            indicators.recomputeAll();
        }
    }
}
