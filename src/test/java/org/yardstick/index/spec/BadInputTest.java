package org.yardstick.index.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yardstick.index.engine.IndexEngine;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.CsvReader;
import org.yardstick.shared.InvalidInputException;

/** Every kind of bad input is refused with a problem that names its place; nothing half-computed comes out. */
class BadInputTest {

    static final String SPEC = """
            index: {code: T, name_zh: 测试指数, name_en: Test index}
            data: {unit: unit, period: year}
            method:
              normalise: {method: NORMALISE}
              aggregate: {method: AGGREGATE}
            aggregates:
              - {code: I, name_zh: 总指数, name_en: Index}
              - {code: P, name_zh: 分项, name_en: Pillar, parent: I}
            indicators:
              - {code: a, name_zh: 甲, name_en: A, parent: P}
              - {code: b, name_zh: 乙, name_en: B, parent: P, direction: -1}
            """;

    static final String DATA = """
            unit,year,a,b
            x,2020,1,10
            y,2020,2,20
            z,2020,3,40
            """;

    static IndexResult run(String spec, String data) {
        IndexSpec s = IndexSpec.parse("spec.yaml", spec);
        WideData d = WideData.read(CsvReader.table("data.csv", data.getBytes(StandardCharsets.UTF_8)), s.layout(), s.tree());
        return IndexEngine.compute(s.tree(), s.method(), d.values(), d.denominators());
    }

    static String spec(String normalise, String aggregate) {
        return SPEC.replace("NORMALISE", normalise).replace("AGGREGATE", aggregate);
    }

    static List<InputProblem> problems(String spec, String data) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> run(spec, data));
        assertThat(e).as("expected the input to be refused").isNotNull();
        return e.problems();
    }

    static void assertProblem(List<InputProblem> problems, String key, String source, long line, String field) {
        assertThat(problems).as(problems.toString()).anySatisfy(p -> {
            assertThat(p.kind().key()).isEqualTo(key);
            assertThat(p.source()).isEqualTo(source);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.reason()).doesNotContain("{");
        });
    }

    @Test
    void theGoodCaseComputes() {
        IndexResult r = run(spec("min_max", "arithmetic"), DATA);
        assertThat(r.scores().value("I", "z", "2020")).isEqualTo(50);
    }

    @Test
    void aColumnThatIsNoIndicatorOfTheSpecIsRefused() {
        assertProblem(problems(spec("min_max", "arithmetic"), DATA.replace("unit,year,a,b", "unit,year,a,c")),
                "index.unknown-indicator", "data.csv", 1, "c");
    }

    @Test
    void aSecondRowForTheSameUnitAndPeriodIsRefused() {
        List<InputProblem> p = problems(spec("min_max", "arithmetic"), DATA + "y,2020,5,6\n");
        assertProblem(p, "index.duplicate-row", "data.csv", 5, "unit");
        assertThat(p.get(0).reason()).contains("first at row 3");
    }

    @Test
    void aNonNumericCellIsRefusedWithItsRowColumnAndValue() {
        List<InputProblem> p = problems(spec("min_max", "arithmetic"), DATA.replace("y,2020,2,20", "y,2020,2,2O"));
        assertProblem(p, "index.not-a-number", "data.csv", 3, "b");
        assertThat(p.get(0).value()).isEqualTo("2O");
    }

    @Test
    void anIndicatorWithZeroVarianceCannotBeMinMaxedOrZScored() {
        String flat = DATA.replace(",10\n", ",7\n").replace(",20\n", ",7\n").replace(",40\n", ",7\n");
        assertProblem(problems(spec("min_max", "arithmetic"), flat), "index.zero-variance", "data.csv", 0, "b");
        assertProblem(problems(spec("z_score", "arithmetic"), flat), "index.zero-variance", "data.csv", 0, "b");
    }

    @Test
    void aZeroUnderAGeometricMeanIsRefusedAtItsCell() {
        // min-max makes the lowest unit 0; the geometric mean of P cannot take it
        List<InputProblem> p = problems(spec("min_max", "geometric"), DATA);
        assertProblem(p, "index.non-positive-geometric", "data.csv", 2, "a");
        assertThat(p.get(0).reason()).contains("geometric", "P");
    }

    @Test
    void aNonPositiveValueUnderALogIsRefused() {
        String logGoalposts = spec("log_goalposts", "arithmetic")
                .replace("parent: P}", "parent: P, goalposts: [1, 100]}")
                .replace("direction: -1}", "direction: -1, goalposts: [1, 100]}");
        assertProblem(problems(logGoalposts, DATA.replace("x,2020,1,10", "x,2020,-1,10")),
                "index.non-positive-log", "data.csv", 2, "a");
    }

    @Test
    void aCycleInTheTreeIsRefusedNamingItsNodes() {
        String cyclic = spec("min_max", "arithmetic").replace(
                "  - {code: P, name_zh: 分项, name_en: Pillar, parent: I}",
                "  - {code: P, name_zh: 分项, name_en: Pillar, parent: Q}\n  - {code: Q, name_zh: 分项二, name_en: Q, parent: P}");
        List<InputProblem> p = problems(cyclic, DATA);
        assertThat(p).anySatisfy(x -> {
            assertThat(x.kind().key()).isEqualTo("index.cycle");
            assertThat(x.source()).isEqualTo("spec.yaml");
            assertThat(x.line()).isIn(8L, 9L);
            assertThat(x.reason()).contains("P → Q → P", "").containsAnyOf("P → Q → P", "Q → P → Q");
        });
    }

    @Test
    void aNodeWhoseParentIsNotInTheTreeIsAnOrphan() {
        assertProblem(problems(spec("min_max", "arithmetic").replace("parent: P, direction", "parent: X, direction"),
                DATA), "index.orphan", "spec.yaml", 11, "indicators[2]");
    }

    @Test
    void negativeAndAllZeroWeightsAreRefused() {
        assertProblem(problems(spec("min_max", "arithmetic").replace("parent: P}", "parent: P, weight: -1}"), DATA),
                "index.negative-weight", "spec.yaml", 10, "indicators[1]");
        String zero = spec("min_max", "arithmetic").replace("parent: P}", "parent: P, weight: 0}")
                .replace("direction: -1}", "direction: -1, weight: 0}");
        assertProblem(problems(zero, DATA), "index.zero-weights", "spec.yaml", 8, "aggregates[2]");
    }

    @Test
    void anEmptyDataSetIsRefused() {
        assertProblem(problems(spec("min_max", "arithmetic"), "unit,year,a,b\n"), "index.empty-data", "data.csv", 0, "");
        assertProblem(problems(spec("min_max", "arithmetic"), ""), "file.empty", "data.csv", 0, "");
    }

    @Test
    void aMistypedSettingNamesItsLineAndField() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> IndexSpec.parse("spec.yaml", spec("min_maxx", "arithmetic")));
        assertThat(e.problems().get(0).describe()).startsWith("spec.yaml:4: method.normalise.method: must be one of");
    }

    /** The spec with indicator a divided by population, and the data with populations x, y, z. */
    static List<InputProblem> problemsPerPopulation(String x, String y, String z, String a) {
        String perHead = spec("min_max", "arithmetic").replace("parent: P}", "parent: P, denominator: pop}");
        String data = DATA.replace("unit,year,a,b", "unit,year,a,b,pop").replace("x,2020,1,10", "x,2020," + a + ",10")
                .replace(",10\n", ",10," + x + "\n").replace(",20\n", ",20," + y + "\n").replace(",40\n", ",40," + z + "\n");
        return problems(perHead, data);
    }

    @Test
    void aZeroDenominatorIsAProblemNotAnInfinity() {
        assertProblem(problemsPerPopulation("5", "0", "2", "1"), "index.zero-denominator", "data.csv", 3, "pop");
    }

    @Test
    void aValueThatOverflowsIsAProblemNotAnInfinity() {
        assertProblem(problemsPerPopulation("1e-300", "1", "2", "1e300"), "index.overflow", "data.csv", 2, "a");
    }
}
