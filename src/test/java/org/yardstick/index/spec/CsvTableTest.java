package org.yardstick.index.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yardstick.shared.InvalidInputException;

class CsvTableTest {

    @Test
    void readsUtf8WithByteOrderMarkQuotesAndCrlf() {
        byte[] bytes = "\uFEFF\"unit\",名称,a\r\n\"x\",\"乌鲁木齐, 市\",\"1.5\"\r\ny,\"say \"\"hi\"\"\",\r\n"
                .getBytes(StandardCharsets.UTF_8);
        CsvTable t = CsvTable.parse("d.csv", bytes);
        assertThat(t.header()).containsExactly("unit", "名称", "a");
        assertThat(t.rows()).containsExactly(List.of("x", "乌鲁木齐, 市", "1.5"), List.of("y", "say \"hi\"", ""));
        assertThat(t.rowNumbers()).containsExactly(2L, 3L);
    }

    @Test
    void aLineBreakInsideQuotesStaysInTheCellAndRowsKeepTheirLineNumbers() {
        CsvTable t = CsvTable.parse("d.csv", "u,note\nx,\"two\nlines\"\n\ny,z\n");
        assertThat(t.rows()).containsExactly(List.of("x", "two\nlines"), List.of("y", "z"));
        assertThat(t.rowNumbers()).containsExactly(2L, 5L);
    }

    @Test
    void raggedRowsOpenQuotesAndBadBytesAreProblems() {
        InvalidInputException ragged = catchThrowableOfType(InvalidInputException.class,
                () -> CsvTable.parse("d.csv", "a,b\n1,2,3\n"));
        assertThat(ragged.problems().get(0).describe()).isEqualTo("d.csv:2: has 3 cells but the header has 2");
        InvalidInputException open = catchThrowableOfType(InvalidInputException.class,
                () -> CsvTable.parse("d.csv", "a,b\n1,\"2\n"));
        assertThat(open.problems().get(0).kind().key()).isEqualTo("index.unterminated-quote");
        InvalidInputException bytes = catchThrowableOfType(InvalidInputException.class,
                () -> CsvTable.parse("d.csv", new byte[] {'a', '\n', (byte) 0xC3, (byte) 0x28}));
        assertThat(bytes.problems().get(0).kind().key()).isEqualTo("file.bad-encoding");
    }

    @Test
    void naAndEmptyCellsAreMissingAndNumbersMayUseExponents() {
        IndexSpec spec = IndexSpec.parse("spec.yaml", BadInputTest.SPEC.replace("NORMALISE", "min_max")
                .replace("AGGREGATE", "arithmetic"));
        WideData d = WideData.read(CsvTable.parse("d.csv", "unit,year,a,b\nx,2020,NA,1e3\ny,2020,,-2.5\n"),
                spec.layout(), spec.tree());
        assertThat(d.values().column(0)).containsExactly(Double.NaN, Double.NaN);
        assertThat(d.values().column(1)).containsExactly(1000, -2.5);
    }

    @Test
    void numbersThatJavaWouldReadButPeopleDoNotWriteAreRefused() {
        IndexSpec spec = IndexSpec.parse("spec.yaml", BadInputTest.SPEC.replace("NORMALISE", "min_max")
                .replace("AGGREGATE", "arithmetic"));
        for (String bad : List.of("NaN", "Infinity", "0x10", "1,5", "12%", "1e999")) {
            String csv = "unit,year,a,b\nx,2020,\"" + bad + "\",1\n";
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> WideData.read(CsvTable.parse("d.csv", csv), spec.layout(), spec.tree()));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.problems().get(0).describe()).as(bad).startsWith("d.csv:2: a: ");
        }
    }
}
