package org.yardstick.index.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yardstick.index.engine.IndexEngine;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.index.engine.OutlierTreatment;
import org.yardstick.index.engine.Panel;
import org.yardstick.index.engine.TreatmentSummary;
import org.yardstick.shared.CsvReader;

/**
 * The acceptance test of the engine: the ASEM example of COINr, configured by
 * {@code examples/asem/spec.yaml}, reproduces every published stage (Data_Denominated …
 * Data_Aggregated) for every unit and column to 1e-9.
 */
class AsemReproductionTest {

    private static final double TOLERANCE = 1e-9;

    private static IndexResult result;
    private static IndexSpec spec;

    @BeforeAll
    static void compute() throws IOException {
        spec = IndexSpec.parse("spec.yaml", new String(resource("spec.yaml"), java.nio.charset.StandardCharsets.UTF_8));
        WideData data = WideData.read(CsvReader.table("data.csv", resource("data.csv")), spec.layout(), spec.tree());
        result = IndexEngine.compute(spec.tree(), spec.method(), data.values(), data.denominators());
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = AsemReproductionTest.class.getResourceAsStream("/asem/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    static Stream<Arguments> stages() {
        return Stream.of(
                Arguments.of("Data_Denominated.csv", (Function<IndexResult, List<Panel>>) r -> List.of(r.denominated()), 49),
                Arguments.of("Data_Imputed.csv", (Function<IndexResult, List<Panel>>) r -> List.of(r.imputed()), 49),
                Arguments.of("Data_Treated.csv", (Function<IndexResult, List<Panel>>) r -> List.of(r.treated()), 49),
                Arguments.of("Data_Normalised.csv", (Function<IndexResult, List<Panel>>) r -> List.of(r.normalised()), 49),
                // the aggregated stage holds the normalised indicators and all 11 aggregates
                Arguments.of("Data_Aggregated.csv",
                        (Function<IndexResult, List<Panel>>) r -> List.of(r.normalised(), r.scores()), 49 + 11));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void everyStageMatchesThePublishedOne(String file, Function<IndexResult, List<Panel>> stage, int columns)
            throws IOException {
        assertStage(file, stage.apply(result), columns);
    }

    @Test
    void treatmentSummaryMatchesThePublishedPointCounts() throws IOException {
        CsvReader.Table summary = CsvReader.table("TreatSummary.csv", resource("TreatSummary.csv"));
        for (List<String> row : cells(summary)) {
            TreatmentSummary ours = result.treatment().summaries().stream()
                    .filter(s -> s.indicator().equals(row.get(0))).findFirst().orElseThrow();
            assertThat(ours.lowPoints()).as(row.get(0) + " low").isEqualTo(Integer.parseInt(row.get(1)));
            assertThat(ours.highPoints()).as(row.get(0) + " high").isEqualTo(Integer.parseInt(row.get(2)));
            assertThat(ours.describe()).as(row.get(0)).isEqualTo(row.get(4));
        }
        long flagged = 0;
        for (byte[] f : result.treatment().flags()) {
            for (byte b : f) {
                flagged += b == OutlierTreatment.FLAG_NONE ? 0 : 1;
            }
        }
        assertThat(flagged).isEqualTo(35); // sum of Low and High in TreatSummary.csv
    }

    @Test
    void ranksMatchThePublishedRanks() throws IOException {
        CsvReader.Table ranks = CsvReader.table("Results_AggregatesRank.csv", resource("Results_AggregatesRank.csv"));
        Panel scores = result.scores();
        int checked = 0;
        for (List<String> row : cells(ranks)) {
            int u = scores.unitIndex(row.get(0));
            for (int c = 2; c < ranks.columnNames().size(); c++) {
                int a = scores.columnIndex(ranks.columnNames().get(c));
                assertThat(result.rank(a, u, 0)).as(row.get(0) + " " + ranks.columnNames().get(c))
                        .isEqualTo(Integer.parseInt(row.get(c)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(51 * 11);
    }

    @Test
    void theExampleInTheRepositoryIsTheOneTested() throws IOException {
        Path example = Path.of("examples", "asem");
        assertThat(Files.readAllBytes(example.resolve("spec.yaml"))).isEqualTo(resource("spec.yaml"));
        assertThat(Files.readAllBytes(example.resolve("data.csv"))).isEqualTo(resource("data.csv"));
    }

    /** Every published column that is one of ours, every unit, within the tolerance; missing where published missing. */
    private static void assertStage(String file, List<Panel> ours, int expectedColumns) throws IOException {
        CsvReader.Table published = CsvReader.table(file, resource(file));
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        int columns = 0;
        for (int c = 0; c < published.columnNames().size(); c++) {
            String code = published.columnNames().get(c);
            Panel panel = ours.stream().filter(p -> p.columnIndex(code) >= 0).findFirst().orElse(null);
            if (panel == null) {
                continue;
            }
            columns++;
            for (List<String> row : cells(published)) {
                String cell = row.get(c);
                double expected = cell.equals("NA") || cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                int u = panel.unitIndex(row.get(0));
                assertThat(u).as(row.get(0)).isNotNegative();
                double actual = panel.value(panel.columnIndex(code), u, 0);
                boolean same = Double.isNaN(expected) ? Double.isNaN(actual) : Math.abs(actual - expected) <= TOLERANCE;
                if (!same) {
                    mismatches.add(code + "/" + row.get(0) + ": expected " + expected + " got " + actual);
                }
                compared++;
            }
        }
        assertThat(mismatches).as(file).isEmpty();
        assertThat(columns).as(file + " columns compared").isEqualTo(expectedColumns);
        assertThat(compared).isEqualTo(expectedColumns * 51);
    }

    private static List<List<String>> cells(CsvReader.Table table) {
        return table.rows().stream().map(CsvReader.Row::cells).toList();
    }
}
