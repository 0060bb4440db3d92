package org.yardstick.observation.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yardstick.observation.imports.Files.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/** The CSV reader on its own: encodings, headers, quotes. */
class CsvFiguresTest {

    List<FigureRow> read(byte[] bytes) {
        List<FigureRow> rows = new ArrayList<>();
        CsvFigures.read("f.csv", bytes, rows::add);
        return rows;
    }

    List<InputProblem> refused(byte[] bytes) {
        try {
            read(bytes);
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void headersInAnyCaseAndOrderInEnglishOrChinese() {
        var rows = read(Files.gbk(csv("数值,Region,PERIOD,指标,备注", "1.5,650102,2025,BB_USERS,报送")));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.indicator()).isEqualTo("BB_USERS");
            assertThat(r.value()).isEqualTo("1.5");
            assertThat(r.comment()).isEqualTo("报送");
            assertThat(r.qualifier()).isNull();
            assertThat(r.columns().value()).isEqualTo("数值");
            assertThat(r.row()).isEqualTo(2);
        });
    }

    @Test
    void utf16AndOtherBytesAreNotText() {
        assertThat(refused(csv("indicator,region,period,value").getBytes(StandardCharsets.UTF_16)))
                .extracting(p -> p.kind().key()).containsExactly("file.bad-encoding");
        assertThat(refused(new byte[] {1, 2, 3, (byte) 0xff})).extracting(p -> p.kind().key())
                .containsExactly("file.bad-encoding");
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        assertThat(refused(Files.utf8(csv("indicator,region,period,value", "BB_USERS,650102,2025,\"1"))))
                .extracting(InputProblem::line, p -> p.kind().key()).containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "file.unclosed-quote"));
    }

    @Test
    void aHeaderWithoutRowsAndNothingAtAllAreEmpty() {
        assertThat(refused(Files.utf8(csv("indicator,region,period,value")))).extracting(p -> p.kind().key())
                .containsExactly("file.empty");
        assertThat(refused(Files.utf8WithBom(""))).extracting(p -> p.kind().key()).containsExactly("file.empty");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeReading() {
        assertThatThrownBy(() -> read(new byte[(int) CsvFigures.MAX_BYTES + 1])).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.problems().get(0).kind().key()).isEqualTo("file.too-large"));
    }
}
