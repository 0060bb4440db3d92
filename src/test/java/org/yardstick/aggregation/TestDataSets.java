package org.yardstick.aggregation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A yearly county data set collecting test indicators, made once per database (tests share it). */
final class TestDataSets {

    private TestDataSets() {}

    static void countyDataSet(JdbcClient jdbc, String code, String nameZh, String nameEn, List<String> indicators) {
        if (jdbc.sql("select count(*) from data_set where code = ?").param(code).query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("insert into data_set (code, name_zh, name_en, region_level, period_type) values (?, ?, ?, 'COUNTY', 'YEAR')")
                .param(code).param(nameZh).param(nameEn).update();
        int ordinal = 0;
        for (String indicator : indicators) {
            jdbc.sql("""
                    insert into data_set_indicator (data_set_id, indicator_id, ordinal)
                    values ((select id from data_set where code = ?), (select id from indicator where code = ?), ?)""")
                    .param(code).param(indicator).param(ordinal++).update();
        }
    }
}
