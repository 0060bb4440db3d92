package org.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yardstick.shared.InputProblem;

/** The reading conventions as plain Java: pages, year ranges, fields. */
class ApiQueryTest {

    record Row(String code, int value) {}

    @Test
    void pagesDefaultToTheLargestAndRefuseBeyondIt() {
        List<InputProblem> problems = new ArrayList<>();
        assertThat(ApiQuery.page(null, null, problems)).isEqualTo(new ApiQuery.Page(1, ApiQuery.MAX_SIZE));
        assertThat(ApiQuery.page("3", "20", problems)).isEqualTo(new ApiQuery.Page(3, 20));
        assertThat(problems).isEmpty();
        ApiQuery.page("0", "1001", problems);
        ApiQuery.page("x", "-5", problems);
        assertThat(problems).extracting(InputProblem::field, InputProblem::value, p -> p.kind().key()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("page", "0", "api.not-positive"),
                org.assertj.core.groups.Tuple.tuple("size", "1001", "api.page-too-large"),
                org.assertj.core.groups.Tuple.tuple("page", "x", "api.not-positive"),
                org.assertj.core.groups.Tuple.tuple("size", "-5", "api.not-positive"));
        assertThat(problems.get(1).reason()).isEqualTo("is larger than the largest page size, 1000");
    }

    @Test
    void yearRanges() {
        List<InputProblem> problems = new ArrayList<>();
        assertThat(ApiQuery.years("2018..2023", problems)).isEqualTo(new ApiQuery.Years(2018, 2023));
        assertThat(ApiQuery.years("2020", problems)).isEqualTo(new ApiQuery.Years(2020, 2020));
        assertThat(ApiQuery.years("2018..", problems)).isEqualTo(new ApiQuery.Years(2018, ApiQuery.LAST_YEAR));
        assertThat(ApiQuery.years("..2018", problems)).isEqualTo(new ApiQuery.Years(ApiQuery.FIRST_YEAR, 2018));
        assertThat(ApiQuery.years(null, problems)).isNull();
        assertThat(problems).isEmpty();
        for (String bad : List.of("2023..2018", "1800..2020", "2020..9999", "20x0", "..", "2018..2019..2020",
                "99999999999")) {
            List<InputProblem> p = new ArrayList<>();
            assertThat(ApiQuery.years(bad, p)).as(bad).isNull();
            assertThat(p).as(bad).hasSize(1);
            assertThat(p.get(0).field()).isEqualTo("period");
            assertThat(p.get(0).value()).isEqualTo(bad);
        }
        List<InputProblem> reversed = new ArrayList<>();
        ApiQuery.years("2023..2018", reversed);
        assertThat(reversed.get(0).kind()).isEqualTo(ApiQuery.Problem.REVERSED);
        List<InputProblem> absurd = new ArrayList<>();
        ApiQuery.years("1800..2020", absurd);
        assertThat(absurd.get(0).kind()).isEqualTo(ApiQuery.Problem.YEAR_OUT_OF_RANGE);
    }

    @Test
    void fieldsAreTheRecordsComponentsAndUnknownOnesAreNamed() {
        Set<String> known = ApiQuery.fieldsOf(Row.class);
        assertThat(known).containsExactly("code", "value");
        List<InputProblem> problems = new ArrayList<>();
        assertThat(ApiQuery.fields("value, code,value", known, problems)).containsExactly("value", "code");
        assertThat(ApiQuery.select(new Row("A", 3), List.of("value"))).containsExactly(java.util.Map.entry("value", 3));
        ApiQuery.fields("code,colour", known, problems);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("fields");
            assertThat(p.value()).isEqualTo("colour");
            assertThat(p.reason()).contains("code, value");
        });
        assertThatThrownBy(() -> ApiQuery.refuse(problems)).isInstanceOf(ApiQuery.BadParameters.class);
    }

    @Test
    void slices() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        assertThat(ApiQuery.slice(all, new ApiQuery.Page(2, 2))).containsExactly(3, 4);
        assertThat(ApiQuery.slice(all, new ApiQuery.Page(3, 2))).containsExactly(5);
        assertThat(ApiQuery.slice(all, new ApiQuery.Page(9, 2))).isEmpty();
    }
}
