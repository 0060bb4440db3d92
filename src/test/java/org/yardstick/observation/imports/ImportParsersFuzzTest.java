package org.yardstick.observation.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yardstick.observation.internal.FigureText;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;

/**
 * Fuzz tests of the import parsers (Jazzer). In a normal build each runs its seed corpus
 * ({@code src/test/resources/.../ImportParsersFuzzTestInputs/<method>/}: CSV in every encoding we
 * meet, byte-order marks, broken quotes, and workbooks with formulas, merged cells, hidden, empty
 * and extra sheets, dates and huge numbers) as regression tests; with {@code JAZZER_FUZZ=1} it
 * fuzzes. The property: whatever the bytes, the parser either reads rows or throws
 * {@link InvalidInputException} with at least one problem that names its source — never anything else.
 */
class ImportParsersFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void csv(byte[] bytes) {
        List<FigureRow> rows = new ArrayList<>();
        try {
            CsvFigures.read("fuzz.csv", bytes, rows::add);
            rows.forEach(ImportParsersFuzzTest::wellFormed);
        } catch (InvalidInputException e) {
            clear(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void excel(byte[] bytes) {
        Path file;
        try {
            file = Files.createTempFile("fuzz-", ".xlsx");
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<FigureRow> rows = new ArrayList<>();
            List<InputProblem> problems = new ArrayList<>();
            ExcelFigures.read("fuzz.xlsx", file, Period.Type.YEAR, rows::add, problems);
            rows.forEach(ImportParsersFuzzTest::wellFormed);
            problems.forEach(p -> assertThat(p.source()).isEqualTo("fuzz.xlsx"));
        } catch (InvalidInputException e) {
            clear(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Values, qualifiers and comments as typed: read, or refused with a reason, never an exception. */
    @FuzzTest(maxDuration = "30s")
    void figure(FuzzedDataProvider data) {
        FigureText.Read r = FigureText.read(data.consumeString(80), data.consumeBoolean() ? null : data.consumeString(20),
                data.consumeBoolean() ? null : data.consumeRemainingAsString());
        if (r.figure() != null) {
            assertThat(r.figure().value().abs()).isLessThanOrEqualTo(new java.math.BigDecimal("1e15"));
            assertThat(r.figure().value().stripTrailingZeros().scale()).isLessThanOrEqualTo(org.yardstick.observation.DataSet.MAX_DECIMALS);
        }
    }

    private static void wellFormed(FigureRow r) {
        assertThat(r.row()).isPositive();
        assertThat(r.indicator()).isNotNull();
        assertThat(r.region()).isNotNull();
        assertThat(r.period()).isNotNull();
        assertThat(r.value()).isNotNull();
        assertThat(r.columns()).isNotNull();
    }

    private static void clear(InvalidInputException e) {
        assertThat(e.problems()).isNotEmpty();
        for (InputProblem p : e.problems()) {
            assertThat(p.source()).startsWith("fuzz.");
            assertThat(p.kind()).isNotNull();
            assertThat(p.reason()).isNotBlank();
        }
    }
}
