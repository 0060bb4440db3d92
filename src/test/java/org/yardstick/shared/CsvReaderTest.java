package org.yardstick.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV reader of the platform and the index batch command. */
class CsvReaderTest {

    private static List<List<String>> cells(CsvReader.Table t) {
        return t.rows().stream().map(CsvReader.Row::cells).toList();
    }

    private static List<Long> lines(CsvReader.Table t) {
        return t.rows().stream().map(CsvReader.Row::line).toList();
    }

    @Test
    void readsUtf8WithByteOrderMarkQuotesAndCrlf() {
        byte[] bytes = "\uFEFF\"unit\",名称,a\r\n\"x\",\"乌鲁木齐, 市\",\"1.5\"\r\ny,\"say \"\"hi\"\"\",\r\n"
                .getBytes(StandardCharsets.UTF_8);
        CsvReader.Table t = CsvReader.table("d.csv", bytes);
        assertThat(t.columnNames()).containsExactly("unit", "名称", "a");
        assertThat(cells(t)).containsExactly(List.of("x", "乌鲁木齐, 市", "1.5"), List.of("y", "say \"hi\"", ""));
        assertThat(lines(t)).containsExactly(2L, 3L);
    }

    @Test
    void aLineBreakInsideQuotesStaysInTheCellAndRowsKeepTheirLineNumbers() {
        CsvReader.Table t = CsvReader.table("d.csv", "u,note\nx,\"two\nlines\"\n\ny,z\n");
        assertThat(cells(t)).containsExactly(List.of("x", "two\nlines"), List.of("y", "z"));
        assertThat(lines(t)).containsExactly(2L, 5L);
    }

    @Test
    void loneCarriageReturnsEndLinesAndBlankRowsAreSkipped() {
        CsvReader.Table t = CsvReader.table("d.csv", "a,b\r1,2\r , \r\n\"q\r\nr\",3\n4,5");
        assertThat(cells(t)).containsExactly(List.of("1", "2"), List.of("q\r\nr", "3"), List.of("4", "5"));
        assertThat(lines(t)).containsExactly(2L, 4L, 6L);
    }

    @Test
    void unquotedCellsAreTrimmedAndAQuoteMayFollowWhiteSpace() {
        CsvReader.Table t = CsvReader.table("d.csv", "a,b\n  x  , \" y \"\n");
        assertThat(cells(t)).containsExactly(List.of("x", " y "));
    }

    @Test
    void raggedRowsAndAnUnclosedQuoteAreReportedTogetherWithTheirLines() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> CsvReader.table("d.csv", "a,b\n1,2,3\n4\n5,6\n7,\"8\n"));
        assertThat(e.problems()).extracting(InputProblem::describe).containsExactly(
                "d.csv:2: has 3 cells but the header has 2", "d.csv:3: has 1 cells but the header has 2",
                "d.csv:5: a quoted cell is not closed");
        assertThat(e.problems()).extracting(InputProblem::kind)
                .containsExactly(FileProblem.RAGGED_ROW, FileProblem.RAGGED_ROW, FileProblem.UNCLOSED_QUOTE);
    }

    @Test
    void badBytesAndEmptyFilesAreProblems() {
        InvalidInputException bytes = catchThrowableOfType(InvalidInputException.class,
                () -> CsvReader.table("d.csv", new byte[] {'a', '\n', (byte) 0xC3, (byte) 0x28}));
        assertThat(bytes.problems().get(0).kind()).isEqualTo(FileProblem.BAD_ENCODING);
        InvalidInputException empty = catchThrowableOfType(InvalidInputException.class,
                () -> CsvReader.table("d.csv", "\uFEFF\n\n"));
        assertThat(empty.problems().get(0).kind()).isEqualTo(FileProblem.EMPTY);
    }

    @Test
    void rowByRowReadingThrowsAtAnUnclosedQuoteWithTheLineItStartsOn() {
        CsvReader csv = CsvReader.of("d.csv", "a,b\n1,2\n3,\"4\n\n");
        assertThat(csv.next().cells()).containsExactly("a", "b");
        assertThat(csv.next().line()).isEqualTo(2);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, csv::hasNext);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.kind()).isEqualTo(FileProblem.UNCLOSED_QUOTE);
        });
    }
}
