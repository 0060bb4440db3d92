package org.yardstick.observation.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;

/** The Excel reader at its edges, without a database. */
class ExcelFiguresTest {

    @TempDir Path dir;

    record Read(List<FigureRow> rows, List<InputProblem> problems) {}

    Read read(byte[] bytes, Period.Type type) throws IOException {
        Path file = Files.write(dir.resolve("f.xlsx"), bytes);
        List<FigureRow> rows = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        ExcelFigures.read("f.xlsx", file, type, rows::add, problems);
        return new Read(rows, problems);
    }

    List<InputProblem> refused(byte[] bytes) {
        assertThatThrownBy(() -> read(bytes, Period.Type.YEAR)).isInstanceOf(InvalidInputException.class);
        try {
            read(bytes, Period.Type.YEAR);
        } catch (InvalidInputException e) {
            return e.problems();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return List.of();
    }

    @Test
    void theTemplateLayoutIsReadSkippingTheRowOfNamesAndBlankCells() throws IOException {
        Read r = read(ExcelSamples.good(), Period.Type.YEAR);
        assertThat(r.problems()).isEmpty();
        assertThat(r.rows()).extracting(FigureRow::row, FigureRow::indicator, FigureRow::region, FigureRow::period,
                FigureRow::value).containsExactly(
                Tuple.tuple(3L, "BB_USERS", "650102", "2025", "12.5"),
                Tuple.tuple(3L, "FTTH_USERS", "650102", "2025", "1024"),
                Tuple.tuple(3L, "MOBILE_INTERNET_USERS", "650102", "2025", ""),
                Tuple.tuple(4L, "BB_USERS", "650102", "2025", ""),
                Tuple.tuple(4L, "FTTH_USERS", "650102", "2025", ""),
                Tuple.tuple(4L, "MOBILE_INTERNET_USERS", "650102", "2025", "-3"));
        assertThat(r.rows().get(0).qualifier()).isNull();
        assertThat(r.rows().get(0).columns().value()).isEqualTo("D (BB_USERS)");
    }

    @Test
    void aFormulaIsRefusedNamingTheCellAndIsNeverCalculated() throws IOException {
        Read r = read(ExcelSamples.formula(), Period.Type.YEAR);
        assertThat(r.problems()).extracting(InputProblem::line, InputProblem::field, InputProblem::value, p -> p.kind())
                .containsExactly(Tuple.tuple(3L, "E3", "=D3*2", ImportProblem.FORMULA));
        assertThat(r.rows()).isEmpty();
    }

    @Test
    void anErrorValueIsRefused() throws IOException {
        assertThat(read(ExcelSamples.errorValue(), Period.Type.YEAR).problems())
                .extracting(InputProblem::field, InputProblem::value, p -> p.kind())
                .containsExactly(Tuple.tuple("D3", "#DIV/0!", ImportProblem.ERROR_CELL));
    }

    @Test
    void mergedCellsAreRefusedNamingTheRange() {
        assertThat(refused(ExcelSamples.merged())).extracting(InputProblem::line, InputProblem::field, p -> p.kind())
                .containsExactly(Tuple.tuple(3L, "A3:A4", ImportProblem.MERGED_CELLS));
    }

    @Test
    void aHiddenSheetIsRefused() {
        assertThat(refused(ExcelSamples.hiddenSheet())).extracting(InputProblem::field, p -> p.kind())
                .containsExactly(Tuple.tuple("secret", ImportProblem.HIDDEN_SHEET));
    }

    @Test
    void anExtraSheetWithDataIsRefusedWhileEmptyAndInstructionSheetsAreIgnored() {
        assertThat(refused(ExcelSamples.extraSheet())).extracting(InputProblem::field, InputProblem::args, p -> p.kind())
                .containsExactly(Tuple.tuple("more", List.of("数据"), ImportProblem.EXTRA_SHEET));
    }

    @Test
    void emptyWorkbooksSheetsAndHeaderOnlySheetsAreEmpty() {
        for (byte[] empty : List.of(ExcelSamples.emptySheet(), ExcelSamples.headerOnly(), ExcelSamples.all().get("xssf-empty"))) {
            assertThat(refused(empty)).extracting(p -> p.kind().key()).containsExactly("file.empty");
        }
    }

    @Test
    void aDateInThePeriodColumnIsThePeriodItStartsOrRefusedAndInAValueColumnJustANumber() throws IOException {
        Read year = read(ExcelSamples.dates(), Period.Type.YEAR);
        assertThat(year.rows()).extracting(FigureRow::region, FigureRow::period, FigureRow::indicator, FigureRow::value)
                .startsWith(Tuple.tuple("650102", "2025", "BB_USERS", "45731"));
        assertThat(year.problems()).extracting(InputProblem::line, InputProblem::field, InputProblem::value, p -> p.kind())
                .containsExactly(Tuple.tuple(4L, "C4", "2025-03-15", ImportProblem.DATE_NOT_A_PERIOD));
        assertThat(year.problems().get(0).args()).containsExactly(java.time.LocalDate.of(2025, 3, 15), "year", "2025");
        Read month = read(ExcelSamples.dates(), Period.Type.MONTH);
        assertThat(month.rows()).extracting(FigureRow::period).contains("2025-01");
        assertThat(month.problems()).extracting(InputProblem::args)
                .containsExactly(List.of(java.time.LocalDate.of(2025, 3, 15), "month", "2025-03"));
    }

    @Test
    void hugeNegativeAndInexactNumbersAreReadAsExcelShowsThem() throws IOException {
        Read r = read(ExcelSamples.numbers(), Period.Type.YEAR);
        assertThat(r.rows()).extracting(FigureRow::value).containsExactly("1E+300", "-1E+300", "-0.000000001", "0.3",
                "123456789012346000", "1,234.5");
        assertThat(org.yardstick.observation.internal.FigureText.read("1E+300", null, null).wrong().kind().key())
                .isEqualTo("collection.too-large");
    }

    @Test
    void aSheetOfAMillionRowsIsRefusedByTheRowLimitWithoutReadingItAll() {
        Path file = ExcelSamples.maximalSheet(dir);
        long[] rows = {0};
        assertThatThrownBy(() -> ExcelFigures.read("max.xlsx", file, Period.Type.YEAR, r -> rows[0]++, new ArrayList<>()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::line, p -> p.kind())
                        .containsExactly(Tuple.tuple((long) ExcelFigures.MAX_ROWS + 1, ImportProblem.TOO_MANY_ROWS)));
        assertThat(rows[0]).isEqualTo(ExcelFigures.MAX_ROWS - 1L);
    }

    @Test
    void whatIsNotAWorkbookIsSaidSo() {
        assertThat(refused(new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3})).extracting(p -> p.kind())
                .containsExactly(ImportProblem.NOT_A_WORKBOOK);
    }
}
