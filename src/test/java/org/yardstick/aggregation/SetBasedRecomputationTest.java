package org.yardstick.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.StoredObservations;
import org.yardstick.YardstickTest;
import org.yardstick.aggregation.internal.Recomputation;

/**
 * The set-based full recomputation (region rules in SQL, level by level) leaves exactly the rows
 * the engine's walk leaves ({@code recomputeAllByEngine}, the reference): on random figures of
 * 新疆's counties, prefectures, the region itself and test townships below some counties, for every
 * rule (sum, sum from complete categories, mean, weighted mean, ratio of sums, not additive, a
 * formula, a quarterly flow rolled up), random incomplete policies, reporting units at two levels,
 * approved and unapproved figures, zero denominators and missing weights. Every aggregate row
 * compared (value to its stored 12 places, coverage, computed marks, withheld, lack) and every
 * stored contribution; then approvals recomputed incrementally from the SQL's contributions leave
 * what a full recomputation leaves.
 */
@YardstickTest
class SetBasedRecomputationTest {

    static final String AUTHOR = "set-based-test";
    static final String P = "TEST_WALK_";
    static final String YEAR = "2033";
    static final List<String> REPORTED = List.of(P + "SUM", P + "PARTS", P + "NUM", P + "DEN", P + "MEAN", P + "WMEAN", P + "POP",
            P + "HOLD", P + "NA", P + "SHARE", P + "QTR");
    static final List<String> ALL = List.of(P + "SUM", P + "PARTS", P + "NUM", P + "DEN", P + "MEAN", P + "WMEAN", P + "POP",
            P + "HOLD", P + "NA", P + "SHARE", P + "PERMILLE", P + "QTR", P + "DERIVED");

    @Autowired JdbcClient jdbc;
    @Autowired Recomputation recomputation;

    @BeforeEach
    void indicatorsDataSetsAndTownships() {
        clear();
        indicator("SUM", "SUM", "万户", null);
        indicator("PARTS", "SUM", "万户", null);
        indicator("NUM", "SUM", "亿元", null);
        indicator("DEN", "SUM", "亿元", null);
        indicator("POP", "SUM", "万人", null);
        indicator("MEAN", "MEAN", "分", null);
        indicator("WMEAN", "MEAN", "%", null);
        indicator("HOLD", "SUM", "万户", null);
        indicator("NA", "NOT_ADDITIVE", "位", null);
        indicator("SHARE", "RATIO", "%", null);
        indicator("PERMILLE", "RATIO", "‰", null);
        indicator("QTR", "SUM", "亿元", "SUM");
        indicator("DERIVED", "NOT_ADDITIVE", "%", null);
        jdbc.sql("update indicator set numerator_id = (select id from indicator where code = :n),"
                + " denominator_id = (select id from indicator where code = :d) where code in (:r)")
                .param("n", P + "NUM").param("d", P + "DEN").param("r", List.of(P + "SHARE", P + "PERMILLE")).update();
        jdbc.sql("update indicator set weight_id = (select id from indicator where code = ?) where code = ?").param(P + "POP")
                .param(P + "WMEAN").update();
        jdbc.sql("update indicator set formula = ? where code = ?").param(P + "NUM / " + P + "DEN * 100").param(P + "DERIVED").update();
        for (String[] c : new String[][] {{"test-walk-a", "OTHER"}, {"test-walk-b", "OTHER"}, {"test-walk-c", "INDUSTRY"},
                {"test-walk-d", "INDUSTRY"}, {"test-walk-e", "INDUSTRY"}}) {
            if (jdbc.sql("select count(*) from disaggregation where code = ?").param(c[0]).query(Long.class).single() == 0) {
                jdbc.sql("insert into disaggregation (code, dimension, name_zh, name_en) values (?, ?, '测试分组', 'Test category')")
                        .param(c[0]).param(c[1]).update();
            }
        }
        // counties report most indicators; prefectures the denominator and the weighted mean (units at two levels for the share)
        dataSet("test-walk-county", "COUNTY", List.of("SUM", "PARTS", "NUM", "POP", "MEAN", "HOLD", "NA", "SHARE", "QTR"));
        dataSet("test-walk-prefecture", "PREFECTURE", List.of("DEN", "WMEAN"));
        for (String category : List.of("test-walk-a", "test-walk-b", "test-walk-c", "test-walk-d", "test-walk-e")) {
            jdbc.sql("""
                    insert into data_set_breakdown (data_set_id, disaggregation_id, ordinal)
                    values ((select id from data_set where code = 'test-walk-county'), (select id from disaggregation where code = ?), 0)""")
                    .param(category).update();
        }
        // townships below three counties of 乌鲁木齐: a level deeper than the reporting units
        for (String county : List.of("650102", "650103", "650104")) {
            for (int t = 1; t <= 2; t++) {
                jdbc.sql("""
                        insert into region (code, parent_id, level, name_zh, name_en, official, path, depth)
                        select ?, id, 'TOWNSHIP', '测试乡镇', 'Test township', false, path || ? || '/', depth + 1 from region where code = ?""")
                        .param(county + "T" + t).param(county + "T" + t).param(county).update();
            }
        }
    }

    void indicator(String code, String aggregation, String unit, String periodRule) {
        if (jdbc.sql("select count(*) from indicator where code = ?").param(P + code).query(Long.class).single() == 0) {
            jdbc.sql("""
                    insert into indicator (code, name_zh, name_en, unit_zh, unit_en, polarity, aggregation, nature, period_rule)
                    values (?, '集合汇总（测试）', 'Set-based aggregation (test)', ?, ?, 'POSITIVE', ?, 'EXPECTED', ?)""")
                    .param(P + code).param(unit).param(unit).param(aggregation).param(periodRule).update();
        }
    }

    void dataSet(String code, String level, List<String> indicators) {
        jdbc.sql("insert into data_set (code, name_zh, name_en, region_level, period_type) values (?, '集合汇总（测试）', 'Set-based (test)', ?, 'YEAR')")
                .param(code).param(level).update();
        int ordinal = 0;
        for (String indicator : indicators) {
            jdbc.sql("""
                    insert into data_set_indicator (data_set_id, indicator_id, ordinal)
                    values ((select id from data_set where code = ?), (select id from indicator where code = ?), ?)""")
                    .param(code).param(P + indicator).param(ordinal++).update();
        }
    }

    @AfterEach
    void clear() {
        StoredObservations.removeBy(jdbc, AUTHOR);
        jdbc.sql("delete from aggregate_value where region_id in (select id from region where code like '6501__T_')").update();
        jdbc.sql("delete from aggregate_term where region_id in (select id from region where code like '6501__T_')").update();
        jdbc.sql("delete from region where code like '6501__T_'").update();
        jdbc.sql("delete from data_set_breakdown where disaggregation_id in (select id from disaggregation where code like 'test-walk-%')").update();
        for (String ds : List.of("test-walk-county", "test-walk-prefecture")) {
            jdbc.sql("delete from data_set_breakdown where data_set_id in (select id from data_set where code = ?)").param(ds).update();
            jdbc.sql("delete from data_set_indicator where data_set_id in (select id from data_set where code = ?)").param(ds).update();
            jdbc.sql("delete from data_set where code = ?").param(ds).update();
        }
        jdbc.sql("delete from disaggregation where code like 'test-walk-%'").update();
        recomputation.recomputeAll();
    }

    @Test
    void theSqlWalkWritesWhatTheEngineWrites() {
        List<String> regions = new ArrayList<>(jdbc.sql("""
                        select code from region where (code like '65%' and level in ('COUNTY', 'PREFECTURE', 'PROVINCE'))
                        or code like '6501__T_' order by code""").query(String.class).list());
        assertThat(regions).hasSizeGreaterThan(100);
        Random r = new Random(20261205L);
        int rows = 0;
        for (int trial = 0; trial < 6; trial++) {
            StoredObservations.removeBy(jdbc, AUTHOR);
            for (String code : ALL) {
                jdbc.sql("update indicator set incomplete = ? where code = ?").param(List.of("SHOW", "WARN", "WITHHOLD").get(r.nextInt(3)))
                        .param(code).update();
            }
            double share = 0.3 + 0.7 * r.nextDouble();
            for (String region : regions) {
                boolean county = region.length() == 6;
                for (String indicator : REPORTED) {
                    double p = county || region.contains("T") ? share : 0.15; // prefectures and 新疆 now and then report their own
                    if (r.nextDouble() >= p) {
                        continue;
                    }
                    if (indicator.equals(P + "QTR")) {
                        figure(indicator, region, YEAR + "Q1", r);
                        if (r.nextBoolean()) {
                            figure(indicator, region, YEAR + "Q2", r);
                        }
                    } else if (indicator.equals(P + "PARTS") && r.nextInt(3) == 0) {
                        // categories instead of the total: complete for one dimension or not
                        for (String category : List.of("test-walk-a", "test-walk-b", "test-walk-c", "test-walk-d", "test-walk-e")) {
                            if (r.nextInt(5) > 0) {
                                StoredObservations.of(indicator).region(region).period(YEAR).breakdown(category)
                                        .value(BigDecimal.valueOf(r.nextInt(10_000), r.nextInt(3))).approved().by(AUTHOR).insert(jdbc);
                            }
                        }
                    } else {
                        figure(indicator, region, YEAR, r);
                    }
                }
            }
            recomputation.recomputeAllByEngine();
            Map<String, BigDecimal[]> engine = stored();
            recomputation.recomputeAll();
            Map<String, BigDecimal[]> sql = stored();

            assertThat(sql.keySet()).as("trial %d: rows", trial).isEqualTo(engine.keySet());
            engine.forEach((key, values) -> {
                BigDecimal[] other = sql.get(key);
                for (int k = 0; k < values.length; k++) {
                    if (values[k] == null || other[k] == null) {
                        assertThat(other[k]).as("%s [%d]", key, k).isEqualTo(values[k]);
                    } else if (key.startsWith("term")) {
                        // a contribution keeps 30 places; the engine's quotients carry 34 significant digits, the SQL's 34 places
                        assertThat(other[k].subtract(values[k]).abs()).as("%s [%d]: %s vs %s", key, k, other[k], values[k])
                                .isLessThanOrEqualTo(new BigDecimal("1e-20").multiply(values[k].abs().max(BigDecimal.ONE)));
                    } else {
                        assertThat(other[k]).as("%s [%d]", key, k).isEqualByComparingTo(values[k]);
                    }
                }
            });
            rows += engine.size();
        }
        // every kind of row was met
        Map<String, BigDecimal[]> last = stored();
        assertThat(rows).isGreaterThan(600);
        for (String kind : List.of("SUM", "PARTS", "MEAN", "WMEAN", "SHARE", "PERMILLE", "HOLD", "DERIVED", "QTR")) {
            assertThat(last.keySet()).as(kind).anyMatch(k -> k.startsWith("value " + P + kind + "|"));
        }
        assertThat(last.keySet()).anyMatch(k -> k.startsWith("term " + P + "WMEAN|"));
    }

    @Test
    void approvalsAfterTheSqlWalkRecomputeIncrementallyAsAFullRecomputation() {
        List<String> counties = jdbc.sql("select code from region where level = 'COUNTY' and code like '65%' order by code")
                .query(String.class).list();
        Random r = new Random(11);
        for (String county : counties) {
            for (String indicator : REPORTED) {
                if (!indicator.equals(P + "QTR") && r.nextInt(3) > 0) {
                    figure(indicator, county, YEAR, r);
                }
            }
        }
        recomputation.recomputeAll();
        for (int step = 0; step < 12; step++) {
            String county = counties.get(r.nextInt(counties.size()));
            List<String> changed = List.of(REPORTED.get(r.nextInt(REPORTED.size() - 1)), P + "NUM");
            for (String indicator : changed) {
                jdbc.sql("delete from observation where created_by = ? and region_id = (select id from region where code = ?)"
                        + " and indicator_id = (select id from indicator where code = ?)").param(AUTHOR).param(county).param(indicator).update();
                if (r.nextInt(4) > 0) {
                    figure(indicator, county, YEAR, r);
                }
            }
            recomputation.recompute(changed, YEAR, List.of(county));
            Map<String, String> incremental = exact();
            recomputation.recompute(ALL, YEAR);
            assertThat(incremental).as("step %d: %s at %s", step, changed, county).isEqualTo(exact());
            recomputation.recomputeAll(); // the next step starts from the SQL's contributions again
        }
    }

    void figure(String indicator, String region, String period, Random r) {
        int kind = r.nextInt(20);
        BigDecimal value = kind == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(r.nextInt(200_000) - (kind == 1 ? 100_000 : 0), r.nextInt(4));
        StoredObservations.of(indicator).region(region).period(period).value(value).status(kind == 2 ? "SUBMITTED" : "APPROVED")
                .by(AUTHOR).insert(jdbc);
    }

    /** Every aggregate and contribution in the database, by kind, indicator, region and period: numbers in order. */
    Map<String, BigDecimal[]> stored() {
        Map<String, BigDecimal[]> out = new TreeMap<>();
        jdbc.sql("""
                        select i.code, r.code, a.period, a.computed, a.withheld, a.derived, a.from_periods, a.covered, a.expected,
                               a.input_count, a.lack, a.lacking, a.period_start
                        from aggregate_value a join indicator i on i.id = a.indicator_id join region r on r.id = a.region_id""")
                .query((rs, n) -> out.put("value " + rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getBoolean(5)
                        + "|" + rs.getBoolean(6) + "|" + rs.getBoolean(7) + "|" + rs.getInt(8) + "/" + rs.getInt(9) + "|" + rs.getInt(10)
                        + "|" + rs.getString(11) + "|" + rs.getInt(12) + "|" + rs.getDate(13), new BigDecimal[] {rs.getBigDecimal(4)}))
                .list();
        jdbc.sql("""
                        select i.code, r.code, t.period, t.term_a, t.term_b, t.covered, t.expected, t.lacking
                        from aggregate_term t join indicator i on i.id = t.indicator_id join region r on r.id = t.region_id""")
                .query((rs, n) -> out.put("term " + rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(6)
                        + "/" + rs.getInt(7) + "|" + rs.getInt(8), new BigDecimal[] {rs.getBigDecimal(4), rs.getBigDecimal(5)}))
                .list();
        return out;
    }

    /** The test's aggregates of the year, values to their stored places (what the incremental path is compared on). */
    Map<String, String> exact() {
        Map<String, String> out = new TreeMap<>();
        stored().forEach((key, values) -> {
            if (key.startsWith("value " + P) && key.contains("|" + YEAR + "|")) {
                out.put(key, values[0] == null ? "null" : values[0].stripTrailingZeros().toPlainString());
            }
        });
        return out;
    }
}
