package org.yardstick.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.StoredObservations;
import org.yardstick.YardstickTest;

/**
 * The full recomputation (one read per indicator, rows written in bulk: COPY on PostgreSQL) leaves
 * exactly the rows the live path leaves when it recomputes every indicator period by period: region
 * sums with coverage, a quarterly flow rolled up to its year, and the demo's own aggregates.
 */
@YardstickTest
class RecomputeAllTest {

    static final List<String> DISTRICTS = List.of("650102", "650103", "650104", "650105", "650106");
    static final String FLOW = "TEST_RECOMPUTE_QTR";

    @Autowired JdbcClient jdbc;
    @Autowired Aggregates aggregates;

    @BeforeEach
    void figuresOfDistrictsAndQuarters() {
        if (jdbc.sql("select count(*) from indicator where code = ?").param(FLOW).query(Long.class).single() == 0) {
            jdbc.sql("""
                    insert into indicator (code, name_zh, name_en, unit_zh, unit_en, polarity, aggregation, nature, period_rule)
                    values (?, '季度流量（测试）', 'Quarterly flow (test)', '亿元', '100 million yuan', 'POSITIVE', 'SUM', 'EXPECTED', 'SUM')""")
                    .param(FLOW).update();
        }
        clear();
        int k = 0;
        for (String d : DISTRICTS) {
            approved("BB_USERS", d, "2021", "1" + (k++) + ".25");
            approved(FLOW, d, "2021Q1", "3." + k);
            approved(FLOW, d, "2021Q2", "4");
        }
    }

    @AfterEach
    void clear() {
        jdbc.sql("delete from observation where created_by = 'recompute-test'").update();
        jdbc.sql("delete from aggregate_value where indicator_id = (select id from indicator where code = ?)").param(FLOW).update();
        aggregates.recomputeAll();
    }

    void approved(String indicator, String region, String period, String value) {
        StoredObservations.of(indicator).region(region).period(period).value(value).approved().by("recompute-test")
                .insert(jdbc);
    }

    Set<String> rows() {
        return new TreeSet<>(jdbc.sql("""
                        select indicator_id, region_id, period, period_start, computed, withheld, derived, from_periods, covered, expected,
                               input_count from aggregate_value""")
                .query((rs, n) -> rs.getLong(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getDate(4) + "|"
                        + rs.getBigDecimal(5).stripTrailingZeros().toPlainString() + "|" + rs.getBoolean(6) + "|" + rs.getBoolean(7)
                        + "|" + rs.getBoolean(8) + "|" + rs.getInt(9) + "|" + rs.getInt(10) + "|" + rs.getInt(11))
                .list());
    }

    @Test
    void theFullRecomputationWritesWhatTheLivePathWrites() {
        List<String> codes = jdbc.sql("select code from indicator order by code").query(String.class).list();
        List<String> periods = new ArrayList<>(jdbc.sql("select distinct period from observation where status = 'APPROVED' order by period")
                .query(String.class).list());
        jdbc.sql("delete from aggregate_value").update();
        for (String p : periods) {
            aggregates.recompute(codes, p);
        }
        Set<String> live = rows();
        assertThat(live).as("the test's figures reach the prefecture and the year").anyMatch(r -> r.contains("|2021|") )
                .isNotEmpty();
        assertThat(aggregates.find(FLOW, "6501", "2021")).get().satisfies(a -> {
            assertThat(a.fromPeriods()).isTrue();
            assertThat(a.covered()).isEqualTo(6);
        });

        int written = aggregates.recomputeAll();

        assertThat(written).isEqualTo(live.size());
        assertThat(rows()).isEqualTo(live);
    }
}
