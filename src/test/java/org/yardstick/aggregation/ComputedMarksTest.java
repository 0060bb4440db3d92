package org.yardstick.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.MapFileSet;
import org.yardstick.StoredObservations;
import org.yardstick.YardstickTest;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.Plans;

/**
 * A plan whose target sits at the prefecture (乌鲁木齐市) while its districts report: the plan page,
 * the evaluation report and the prefecture comparison show the districts' sum as the prefecture's
 * latest figure, marked 汇总值 with its coverage and linked to its inputs; once the prefecture
 * reports its own figure, that one is shown, unmarked.
 */
@YardstickTest
class ComputedMarksTest {

    static final String IND = "TEST_MARK_USERS";
    static final String PLAN = "t-mark";
    static final String LINK = "/regions/6501/computed/" + IND + "/2022";

    @Autowired JdbcClient jdbc;
    @Autowired Aggregates aggregates;
    @Autowired FrameworkFiles files;
    @Autowired Plans plans;
    @Autowired MockMvc mvc;

    @BeforeEach
    void aPlanWithATargetAtThePrefectureAndFiguresOfItsDistricts() {
        if (plans.find(PLAN).isEmpty()) {
            files.load(new MapFileSet().with("indicators.yaml", """
                    indicators:
                      - code: TEST_MARK_USERS
                        name_zh: 标记测试用户数
                        name_en: Mark test subscribers
                        unit_zh: 万户
                        unit_en: 10k households
                        polarity: positive
                        aggregation: sum
                        incomplete: show
                    """).with("plans/t-mark.yaml", """
                    plan:
                      code: t-mark
                      name_zh: 汇总标记测试规划
                      name_en: Computed mark test plan
                      region: "6501"
                      start_year: 2021
                      end_year: 2025
                      baseline_year: 2020
                    sections:
                      - code: "1"
                        title_zh: 目标
                        title_en: Goals
                        indicators: [TEST_MARK_USERS]
                    targets:
                      - id: t1
                        indicator: TEST_MARK_USERS
                        region: "6501"
                        kind: at_least
                        value: 500
                        target_year: 2025
                        statement_zh: 用户达到500万户
                        statement_en: 5 million subscribers
                    """), "planner");
        }
        clear();
        approved("650102", "2020", "8");
        approved("650103", "2020", "12");
        approved("650102", "2022", "10");
        approved("650103", "2022", "20.5");
        aggregates.recompute(List.of(IND), "2020");
        aggregates.recompute(List.of(IND), "2022");
    }

    @AfterEach
    void clear() {
        jdbc.sql("delete from observation where indicator_id = (select id from indicator where code = ?)").param(IND).update();
        jdbc.sql("delete from aggregate_value where indicator_id = (select id from indicator where code = ?)").param(IND).update();
        jdbc.sql("delete from aggregate_term where indicator_id = (select id from indicator where code = ?)").param(IND).update();
    }

    void approved(String region, String year, String value) {
        StoredObservations.of(IND).region(region).period(year).value(value).approved().insert(jdbc);
    }

    String page(String url, String... params) throws Exception {
        var request = get(url);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void pagesMarkTheComputedFigureWithItsCoverageAndLinkToItsInputsAndDropTheMarkOnceTheRegionReports() throws Exception {
        String plan = page("/plans/" + PLAN);
        assertThat(plan).contains("30.5").contains("href=\"" + LINK + "\"").contains("汇总值（2 项）"); // no data set collects it: no reporting units to count, two inputs
        assertThat(page("/plans/" + PLAN, "lang", "en")).contains("computed (2 inputs)");
        assertThat(page("/plans/" + PLAN + "/report")).contains("href=\"" + LINK + "\"");
        assertThat(page("/compare", "indicator", IND, "level", "PREFECTURE", "scope", "65")).contains("30.5").contains("href=\"" + LINK + "\"");
        assertThat(page(LINK)).contains("650102").contains("650103");

        approved("6501", "2022", "31");
        assertThat(page("/plans/" + PLAN)).contains("31").doesNotContain("href=\"" + LINK + "\"");
        assertThat(page("/compare", "indicator", IND, "level", "PREFECTURE", "scope", "65")).doesNotContain("href=\"" + LINK + "\"");
    }
}
