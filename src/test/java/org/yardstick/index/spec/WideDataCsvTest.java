package org.yardstick.index.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yardstick.shared.CsvReader;
import org.yardstick.shared.InvalidInputException;

/** Cells of the wide data CSV: what is missing and what is a number. */
class WideDataCsvTest {

    @Test
    void naAndEmptyCellsAreMissingAndNumbersMayUseExponents() {
        IndexSpec spec = IndexSpec.parse("spec.yaml", BadInputTest.SPEC.replace("NORMALISE", "min_max")
                .replace("AGGREGATE", "arithmetic"));
        WideData d = WideData.read(CsvReader.table("d.csv", "unit,year,a,b\nx,2020,NA,1e3\ny,2020,,-2.5\n"),
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
                    () -> WideData.read(CsvReader.table("d.csv", csv), spec.layout(), spec.tree()));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.problems().get(0).describe()).as(bad).startsWith("d.csv:2: a: ");
        }
    }
}
