package org.yardstick.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yardstick.As;
import org.yardstick.MapFileSet;
import org.yardstick.YardstickTest;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.observation.DataSetFiles;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.Submission;
import org.yardstick.observation.Submissions;
import org.yardstick.observation.internal.ObservationEditor;

/**
 * Crossed cells (交叉分组: area × industry) entered without a total and approved through the workflow make the
 * county's total in the prefecture's aggregate live, before the approval commits (the incremental path), and
 * a reopening takes it back; committed, so cleared after.
 */
@YardstickTest
class CrossedLiveTotalsTest {

    static final String IND = "TEST_CRX_LIVE";
    static final String DS = "t-crx-live";
    static final String COUNTY = "650102";

    @Autowired JdbcClient jdbc;
    @Autowired FrameworkFiles files;
    @Autowired DataSetFiles dataSetFiles;
    @Autowired DataSets dataSets;
    @Autowired ObservationEditor editor;
    @Autowired Submissions submissions;
    @Autowired Aggregates aggregates;
    @Autowired UserDetailsService details;

    @BeforeEach
    void aDataSetCrossingAreaAndIndustry() {
        files.load(new MapFileSet().with("indicators.yaml", """
                indicators:
                  - code: TEST_CRX_LIVE
                    name_zh: 交叉分组实时测试企业数
                    name_en: Crossed live test firms
                    unit_zh: 家
                    unit_en: firms
                    polarity: positive
                    aggregation: sum
                    incomplete: show
                """), "planner");
        if (dataSets.find(DS).isEmpty()) {
            dataSetFiles.load(new MapFileSet().with("data-sets.yaml", """
                    data_sets:
                      - code: t-crx-live
                        name_zh: 交叉分组实时测试报表
                        name_en: Crossed live test form
                        region_level: county
                        period_type: year
                        indicators: [{indicator: TEST_CRX_LIVE, required: false}]
                        breakdowns: {area: [urban, rural-pastoral], industry: [equipment-ind, process-ind],
                                     crossed: [area, industry]}
                        windows:
                          - {period: "2025", opens: 2026-05-01, closes: 2026-06-30}
                    """));
        }
        clear();
    }

    @AfterEach
    void clear() {
        As.nobody();
        jdbc.sql("delete from observation where indicator_id = (select id from indicator where code = ?)").param(IND).update();
        jdbc.sql("delete from submission where data_set_id = (select id from data_set where code = ?)").param(DS).update();
        for (String table : List.of("aggregate_value", "aggregate_term")) {
            jdbc.sql("delete from " + table + " where indicator_id = (select id from indicator where code = ?)").param(IND).update();
        }
    }

    static ObservationEditor.Entry cell(String combination, String value) {
        return new ObservationEditor.Entry("form", 0, IND, value, "", null, null, combination);
    }

    @Test
    void approvedCellsMakeThePrefecturesTotalAtOnceAndAReopeningTakesItBack() {
        As.user(details, "reporter");
        var saved = editor.save(DS, COUNTY, "2025", List.of(cell("equipment-ind+urban", "12"), cell("urban+process-ind", "30"),
                cell("rural-pastoral+equipment-ind", "3"), cell("rural-pastoral+process-ind", "15")));
        assertThat(saved.created()).isEqualTo(4);
        Submission s = submissions.submit(saved.submission().id(), saved.submission().version());
        As.user(details, "reviewer");
        Submission approved = submissions.approve(s.id(), s.version());
        AggregateFigure prefecture = aggregates.find(IND, "6501", "2025").orElseThrow();
        assertThat(prefecture.value()).as("12 + 30 + 3 + 15").isEqualByComparingTo("60");
        assertThat(aggregates.inputs(IND, "6501", "2025")).filteredOn(i -> i.regionCode().equals(COUNTY)).singleElement()
                .satisfies(i -> assertThat(i.reported()).isEqualByComparingTo("60"));
        assertThat(aggregates.find(IND, "65", "2025").orElseThrow().value()).as("and up to the region").isEqualByComparingTo("60");

        submissions.reopen(approved.id(), approved.version(), "交叉分项需核对");
        assertThat(aggregates.find(IND, "6501", "2025").map(AggregateFigure::value)).as("no approved cell left").isEmpty();
    }
}
