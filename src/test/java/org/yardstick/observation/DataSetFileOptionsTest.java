package org.yardstick.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yardstick.MapFileSet;
import org.yardstick.YardstickTest;
import org.yardstick.observation.internal.DataSetProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * {@code data-sets.yaml} carries what the pages and the API write: reporting regions, at most how
 * many decimals, and the reason a window was opened; a wrong one is named and nothing is written.
 */
@YardstickTest
class DataSetFileOptionsTest {

    @Autowired DataSetFiles files;
    @Autowired DataSets dataSets;

    private static String yaml(String code, String regions, String decimals) {
        return """
                data_sets:
                  - code: %s
                    name_zh: 塔城地区年报
                    name_en: Tacheng annual form
                    region_level: county
                    period_type: year
                    regions: [%s]
                    max_decimals: %s
                    indicators: [BB_USERS]
                    windows:
                      - {period: "2021", opens: 2026-06-01, closes: 2026-06-30, reason: 普查后补报}
                """.formatted(code, regions, decimals);
    }

    @Test
    void regionsDecimalsAndAWindowsReasonAreRead() {
        String code = "file-" + System.nanoTime() % 10_000_000;
        assertThat(files.load(new MapFileSet().with("data-sets.yaml", yaml(code, "\"6542\"", "12")))).isEqualTo(1);
        DataSet d = dataSets.get(code);
        assertThat(d.regionCodes()).containsExactly("6542");
        assertThat(d.maxDecimals()).isEqualTo(12);
        assertThat(d.window("2021")).hasValueSatisfying(w -> assertThat(w.reason()).isEqualTo("普查后补报"));
    }

    @Test
    void anUnknownRegionOrImpossibleDecimalsAreNamedAndNothingIsWritten() {
        String code = "file-" + System.nanoTime() % 10_000_000;
        assertThatThrownBy(() -> files.load(new MapFileSet().with("data-sets.yaml", yaml(code, "\"999999\"", "12"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::kind).containsExactly(DataSetProblem.UNKNOWN_REGION));
        assertThatThrownBy(() -> files.load(new MapFileSet().with("data-sets.yaml", yaml(code, "\"6542\"", "17"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::kind).containsExactly(DataSetProblem.DECIMALS));
        assertThat(dataSets.find(code)).isEmpty();
    }
}
