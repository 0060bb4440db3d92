package org.yardstick.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.StoredObservations;
import org.yardstick.YardstickTest;
import org.yardstick.aggregation.internal.Recomputation;

/**
 * One approval recomputes only its region's ancestors, each from its sub-regions' stored figures
 * and contributions; after random approvals and reopenings in 新疆's counties (and a prefecture's
 * own figure now and then) the stored aggregates and contributions are exactly those a full
 * recomputation of the period writes: sums, a ratio of sums, a weighted mean, a formula and a
 * partial aggregate withheld.
 */
@YardstickTest
class IncrementalRecomputationTest {

    static final String PERIOD = "2031";
    static final List<String> CODES = List.of("TEST_INC_SUM", "TEST_INC_NUM", "TEST_INC_DEN", "TEST_INC_SHARE", "TEST_INC_MEAN",
            "TEST_INC_HOLD", "TEST_INC_DERIVED");
    static final List<String> REPORTED = List.of("TEST_INC_SUM", "TEST_INC_NUM", "TEST_INC_DEN", "TEST_INC_MEAN", "TEST_INC_HOLD");

    @Autowired JdbcClient jdbc;
    @Autowired Recomputation recomputation;

    @BeforeEach
    void indicatorsInACountyDataSet() {
        clear();
        indicator("TEST_INC_SUM", "SUM", "WARN", "万户");
        indicator("TEST_INC_NUM", "SUM", "WARN", "亿元");
        indicator("TEST_INC_DEN", "SUM", "WARN", "亿元");
        indicator("TEST_INC_SHARE", "RATIO", "WARN", "%");
        indicator("TEST_INC_MEAN", "MEAN", "SHOW", "%");
        indicator("TEST_INC_HOLD", "SUM", "WITHHOLD", "万户");
        indicator("TEST_INC_DERIVED", "NOT_ADDITIVE", "WARN", "%");
        jdbc.sql("""
                update indicator set numerator_id = (select id from indicator where code = 'TEST_INC_NUM'),
                                     denominator_id = (select id from indicator where code = 'TEST_INC_DEN') where code = 'TEST_INC_SHARE'""")
                .update();
        jdbc.sql("update indicator set weight_id = (select id from indicator where code = 'TEST_INC_DEN') where code = 'TEST_INC_MEAN'").update();
        jdbc.sql("update indicator set formula = 'TEST_INC_NUM / TEST_INC_DEN * 100' where code = 'TEST_INC_DERIVED'").update();
        TestDataSets.countyDataSet(jdbc, "test-incremental", "增量汇总（测试）", "Incremental aggregation (test)", REPORTED);
    }

    @AfterEach
    void clear() {
        jdbc.sql("delete from observation where indicator_id in (select id from indicator where code in (:c))").param("c", CODES).update();
        recomputation.recompute(CODES, PERIOD);
    }

    void indicator(String code, String aggregation, String incomplete, String unit) {
        if (jdbc.sql("select count(*) from indicator where code = ?").param(code).query(Long.class).single() == 0) {
            jdbc.sql("""
                    insert into indicator (code, name_zh, name_en, unit_zh, unit_en, polarity, aggregation, nature, incomplete)
                    values (?, '增量汇总（测试）', 'Incremental aggregation (test)', ?, ?, 'POSITIVE', ?, 'EXPECTED', ?)""")
                    .param(code).param(unit).param(unit).param(aggregation).param(incomplete).update();
        }
    }

    /** Approves a figure (or changes it), or takes it back to the reporter (reopened: not approved any more). */
    void change(String indicator, String region, Random r) {
        long have = jdbc.sql("""
                        select count(*) from observation where indicator_id = (select id from indicator where code = ?)
                        and region_id = (select id from region where code = ?) and period = ?""")
                .param(indicator).param(region).param(PERIOD).query(Long.class).single();
        BigDecimal value = BigDecimal.valueOf(r.nextInt(100_000), r.nextInt(3));
        if (have == 0) {
            StoredObservations.of(indicator).region(region).period(PERIOD).value(value).approved().by("incremental-test")
                    .insert(jdbc);
        } else {
            jdbc.sql("""
                    update observation set obs_value = ?, status = ? where indicator_id = (select id from indicator where code = ?)
                    and region_id = (select id from region where code = ?) and period = ?""")
                    .param(value).param(r.nextInt(3) == 0 ? "RETURNED" : "APPROVED").param(indicator).param(region).param(PERIOD).update();
        }
    }

    /** Every stored aggregate and contribution of the test's indicators. */
    Set<String> stored() {
        Set<String> out = new TreeSet<>(jdbc.sql("""
                        select i.code, r.code, a.computed, a.withheld, a.derived, a.from_periods, a.covered, a.expected, a.input_count,
                               a.lack, a.lacking
                        from aggregate_value a join indicator i on i.id = a.indicator_id join region r on r.id = a.region_id
                        where i.code in (:c) and a.period = :p""")
                .param("c", CODES).param("p", PERIOD)
                .query((rs, n) -> "value " + rs.getString(1) + "|" + rs.getString(2) + "|" + plain(rs.getBigDecimal(3)) + "|"
                        + rs.getBoolean(4) + "|" + rs.getBoolean(5) + "|" + rs.getBoolean(6) + "|" + rs.getInt(7) + "|" + rs.getInt(8)
                        + "|" + rs.getInt(9) + "|" + rs.getString(10) + "|" + rs.getInt(11))
                .list());
        out.addAll(jdbc.sql("""
                        select i.code, r.code, t.term_a, t.term_b, t.covered, t.expected, t.lacking
                        from aggregate_term t join indicator i on i.id = t.indicator_id join region r on r.id = t.region_id
                        where i.code in (:c) and t.period = :p""")
                .param("c", CODES).param("p", PERIOD)
                .query((rs, n) -> "term " + rs.getString(1) + "|" + rs.getString(2) + "|" + plain(rs.getBigDecimal(3)) + "|"
                        + plain(rs.getBigDecimal(4)) + "|" + rs.getInt(5) + "|" + rs.getInt(6) + "|" + rs.getInt(7))
                .list());
        return out;
    }

    static String plain(BigDecimal x) {
        return x == null ? "null" : x.stripTrailingZeros().toPlainString();
    }

    @Test
    void approvalsRecomputedIncrementallyLeaveWhatAFullRecomputationWrites() {
        List<String> counties = jdbc.sql("select code from region where level = 'COUNTY' and code like '65%' order by code")
                .query(String.class).list();
        List<String> prefectures = jdbc.sql("select code from region where level = 'PREFECTURE' and code like '65%' order by code")
                .query(String.class).list();
        assertThat(counties).hasSizeGreaterThan(20);
        Random r = new Random(20261205L);
        int aggregatesSeen = 0;
        for (int step = 0; step < 40; step++) {
            // a "submission": one region's figures of two or three indicators
            String region = r.nextInt(8) == 0 ? prefectures.get(r.nextInt(prefectures.size())) : counties.get(r.nextInt(counties.size()));
            List<String> changed = new java.util.ArrayList<>(REPORTED);
            java.util.Collections.shuffle(changed, r);
            changed = changed.subList(0, 2 + r.nextInt(2));
            for (String indicator : changed) {
                change(indicator, region, r);
            }
            recomputation.recompute(changed, PERIOD, List.of(region));
            Set<String> incremental = stored();

            recomputation.recompute(CODES, PERIOD);
            Set<String> full = stored();

            assertThat(incremental).as("step %d: %s at %s", step, changed, region).isEqualTo(full);
            aggregatesSeen = Math.max(aggregatesSeen, full.size());
        }
        // the walk met every kind of row: sums up to 新疆 and the country, contributions, a share, a formula's value
        Set<String> last = stored();
        assertThat(last).anyMatch(s -> s.startsWith("value TEST_INC_SUM|65|"));
        assertThat(last).anyMatch(s -> s.startsWith("value TEST_INC_SHARE|65|"));
        assertThat(last).anyMatch(s -> s.startsWith("value TEST_INC_DERIVED|65|"));
        assertThat(last).anyMatch(s -> s.startsWith("term TEST_INC_MEAN|"));
        assertThat(aggregatesSeen).isGreaterThan(30);
    }

    @Test
    void anApprovalRewritesOnlyItsCountysAncestors() {
        Random r = new Random(7);
        for (String county : List.of("650102", "650103", "654002", "652801")) {
            change("TEST_INC_SUM", county, r);
        }
        recomputation.recompute(List.of("TEST_INC_SUM"), PERIOD);
        java.sql.Timestamp before = jdbc.sql("select max(updated_at) from aggregate_value where period = ?").param(PERIOD)
                .query(java.sql.Timestamp.class).single();
        jdbc.sql("update aggregate_value set updated_at = ? where period = ? and indicator_id = (select id from indicator where code = 'TEST_INC_SUM')")
                .param(java.sql.Timestamp.valueOf("2000-01-01 00:00:00")).param(PERIOD).update();
        jdbc.sql("update observation set obs_value = obs_value + 1 where period = ? and region_id = (select id from region where code = '650102')"
                + " and indicator_id = (select id from indicator where code = 'TEST_INC_SUM')").param(PERIOD).update();

        recomputation.recompute(List.of("TEST_INC_SUM"), PERIOD, List.of("650102"));

        List<String> rewritten = jdbc.sql("""
                        select r.code from aggregate_value a join region r on r.id = a.region_id
                        where a.period = ? and a.indicator_id = (select id from indicator where code = 'TEST_INC_SUM')
                          and a.updated_at > ? order by r.code""")
                .param(PERIOD).param(java.sql.Timestamp.valueOf("2000-01-01 00:00:00")).query(String.class).list();
        assertThat(before).isNotNull();
        // the county's prefecture (乌鲁木齐市), 新疆 and the country; not 伊犁 (6540) nor 巴音郭楞 (6528)
        assertThat(rewritten).containsExactlyInAnyOrder("6501", "65", jdbc.sql("select r.code from region r where r.parent_id is null")
                .query(String.class).single());
    }
}
