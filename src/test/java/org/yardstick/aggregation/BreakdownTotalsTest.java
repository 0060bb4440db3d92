package org.yardstick.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.MapFileSet;
import org.yardstick.StoredObservations;
import org.yardstick.YardstickTest;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.FrameworkProblem;
import org.yardstick.observation.DataSetFiles;
import org.yardstick.observation.DataSets;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * A data set declares the categories its figures may be broken down by (urban × rural-pastoral); a
 * district reporting both parts of an additive indicator and no total counts as their sum in its
 * prefecture's aggregate, live and in a full recomputation; a district with one part only does not;
 * a category the platform does not know is refused with its place in the file.
 */
@YardstickTest
class BreakdownTotalsTest {

    static final String IND = "TEST_BD_USERS";
    static final String DS = "t-breakdowns";

    @Autowired JdbcClient jdbc;
    @Autowired Aggregates aggregates;
    @Autowired FrameworkFiles files;
    @Autowired DataSetFiles dataSetFiles;
    @Autowired DataSets dataSets;

    static String dataSet(String code, String breakdowns) {
        return """
                data_sets:
                  - code: %s
                    name_zh: 分组测试报表
                    name_en: Breakdown test form
                    region_level: county
                    period_type: year
                    indicators: [TEST_BD_USERS]
                    breakdowns: [%s]
                """.formatted(code, breakdowns);
    }

    @BeforeEach
    void aDataSetWithUrbanAndRuralParts() {
        files.load(new MapFileSet().with("indicators.yaml", """
                indicators:
                  - code: TEST_BD_USERS
                    name_zh: 分组测试用户数
                    name_en: Breakdown test subscribers
                    unit_zh: 万户
                    unit_en: 10k households
                    polarity: positive
                    aggregation: sum
                    incomplete: show
                """), "planner");
        if (dataSets.find(DS).isEmpty()) {
            dataSetFiles.load(new MapFileSet().with("data-sets.yaml", dataSet(DS, "urban, rural-pastoral")));
        }
        clear();
    }

    @AfterEach
    void clear() {
        jdbc.sql("delete from observation where indicator_id = (select id from indicator where code = ?)").param(IND).update();
        jdbc.sql("delete from aggregate_value where indicator_id = (select id from indicator where code = ?)").param(IND).update();
        jdbc.sql("delete from aggregate_term where indicator_id = (select id from indicator where code = ?)").param(IND).update();
    }

    void approved(String region, String category, String value) {
        StoredObservations.of(IND).region(region).period("2022").breakdown(category).value(value).approved().insert(jdbc);
    }

    @Test
    void bothPartsMakeTheTotalOnePartDoesNot() {
        assertThat(dataSets.breakdowns(DS)).isEqualTo(Map.of("AREA", List.of("urban", "rural-pastoral")));
        approved("650102", "urban", "3.25");
        approved("650102", "rural-pastoral", "4");
        approved("650103", "_T", "10");
        approved("650103", "urban", "6"); // a district's own total stands, whatever its parts
        approved("650104", "urban", "100"); // one part only: no total
        aggregates.recompute(List.of(IND), "2022");

        AggregateFigure prefecture = aggregates.find(IND, "6501", "2022").orElseThrow();
        assertThat(prefecture.value()).isEqualByComparingTo("17.25");
        assertThat(prefecture.covered()).isEqualTo(2);
        assertThat(aggregates.inputs(IND, "6501", "2022")).filteredOn(i -> i.regionCode().equals("650102"))
                .singleElement().satisfies(i -> assertThat(i.reported()).as("its parts' sum, as the aggregation read it")
                        .isEqualByComparingTo("7.25"));
        assertThat(aggregates.inputs(IND, "6501", "2022")).filteredOn(i -> i.regionCode().equals("650104"))
                .singleElement().satisfies(i -> assertThat(i.value()).as("one part is no figure").isNull());

        aggregates.recomputeAll();
        assertThat(aggregates.find(IND, "6501", "2022").orElseThrow().value()).as("the full recomputation agrees")
                .isEqualByComparingTo("17.25");
    }

    @Test
    void anUnknownCategoryIsRefusedWithItsPlaceAndNothingIsWritten() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> dataSetFiles.load(new MapFileSet().with("data-sets.yaml", dataSet("t-breakdowns-bad", "urban, suburb"))));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(FrameworkProblem.UNKNOWN_DISAGGREGATION);
            assertThat(p.value()).isEqualTo("suburb");
            assertThat(p.line()).isEqualTo(8);
        });
        assertThat(dataSets.find("t-breakdowns-bad")).isEmpty();
    }
}
