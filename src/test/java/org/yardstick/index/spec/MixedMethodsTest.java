package org.yardstick.index.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.yardstick.index.engine.IndexEngine;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.index.engine.Normalisation;
import org.yardstick.shared.CsvReader;
import org.yardstick.shared.InvalidInputException;

/**
 * One index, several normalisations: the ITU ICT Development Index's access sub-index normalises
 * bandwidth per Internet user by log goalposts and the other four indicators by linear goalposts.
 * The expected values are computed here from ITU's published formula (IDI 2017 methodology:
 * {@code x / ref} capped at 1, bandwidth {@code log10(x) / log10(2158212)}, the five averaged, × 10)
 * on inputs chosen for the test, and compared to the two decimals the IDI prints.
 */
class MixedMethodsTest {

    static String resource(String name) throws IOException {
        try (InputStream in = MixedMethodsTest.class.getResourceAsStream("/index/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static final String DATA = """
            economy,year,Fixed telephone per 100,Mobile cellular per 100,Bandwidth bit/s per user,computer,internet
            A,2017,30,130,50000,60,70
            B,2017,10,60,8000,20,15
            """;

    /** ITU's formula, by hand. */
    static double access(double fixed, double mobile, double bandwidth, double computer, double internet) {
        double f = Math.min(fixed / 60, 1);
        double m = Math.min(mobile / 120, 1);
        double b = Math.min(Math.log10(bandwidth) / Math.log10(2158212), 1);
        double c = Math.min(computer / 100, 1);
        double i = Math.min(internet / 100, 1);
        return 10 * (f + m + b + c + i) / 5;
    }

    @Test
    void logGoalpostsForBandwidthAndLinearForTheOthersInOneDefinition() throws IOException {
        IndexSpec spec = IndexSpec.parse("idi-access.yaml", resource("idi-access.yaml"));
        Normalisation[] methods = spec.method().normalisations(spec.tree());
        assertThat(methods[2].method()).isEqualTo(Normalisation.Method.LOG_GOALPOSTS);
        assertThat(methods[2].logBase()).isEqualTo(10);
        assertThat(methods[0].method()).isEqualTo(Normalisation.Method.GOALPOSTS);
        WideData data = WideData.read(CsvReader.table("data.csv", DATA), spec.layout(), spec.tree());
        IndexResult r = IndexEngine.compute(spec.tree(), spec.method(), data.values(), data.denominators());
        double a = r.scores().value("ACCESS", "A", "2017");
        double b = r.scores().value("ACCESS", "B", "2017");
        assertThat(a).isCloseTo(access(30, 130, 50000, 60, 70), within(1e-12));
        assertThat(b).isCloseTo(access(10, 60, 8000, 20, 15), within(1e-12));
        // as printed (two decimals): A's mobile 130 is capped at its reference 120
        assertThat(String.format("%.2f", a)).isEqualTo("7.08");
        assertThat(String.format("%.2f", b)).isEqualTo("3.27");
        assertThat(r.normalised().value("bandwidth", "A", "2017"))
                .isCloseTo(10 * Math.log10(50000) / Math.log10(2158212), within(1e-12));
    }

    @Test
    void outlierTreatmentAndImputationSetOnOneIndicatorOnly() {
        String yaml = """
                index: {code: T, name_zh: 测试, name_en: Test}
                data: {unit: u}
                aggregates:
                  - {code: T, name_zh: 测试, name_en: Test}
                indicators:
                  - {code: skewed, name_zh: 偏, name_en: Skewed, parent: T, treat: {method: winsorise, max_points: 1}}
                  - {code: same, name_zh: 同, name_en: Same, parent: T, impute: {method: indicator_mean}}
                  - {code: plain, name_zh: 平, name_en: Plain, parent: T}
                """;
        IndexSpec spec = IndexSpec.parse("t.yaml", yaml);
        String csv = "u,skewed,same,plain\n"
                + "a,1,1,1\nb,2,2,2\nc,3,,3\nd,4,4,4\ne,5,5,\nf,6,6,6\ng,7,7,7\nh,8,8,8\ni,9,9,9\nj,1000,1000,1000\n";
        WideData data = WideData.read(CsvReader.table("d.csv", csv), spec.layout(), spec.tree());
        IndexResult r = IndexEngine.compute(spec.tree(), spec.method(), data.values(), data.denominators());
        // only "skewed" is treated: its 1000 is winsorised to the next value, 9; the others keep theirs
        assertThat(r.treated().value("skewed", "j", "")).isEqualTo(9.0);
        assertThat(r.treated().value("same", "j", "")).isEqualTo(1000.0);
        assertThat(r.treatment().summaries()).extracting(s -> s.indicator()).containsOnly("skewed");
        // only "same" is imputed (the mean of the nine others); "plain" stays missing
        assertThat(r.imputed().value("same", "c", "")).isCloseTo((1 + 2 + 4 + 5 + 6 + 7 + 8 + 9 + 1000) / 9.0,
                within(1e-12));
        assertThat(r.imputed().value("plain", "e", "")).isNaN();
        assertThat(r.imputationReport().indicators().get(2).stillMissing()).isEqualTo(1);
    }

    @Test
    void nodeMethodsAreCheckedWithTheirLineAndField() throws IOException {
        String bad = resource("idi-access.yaml")
                .replace("normalise: {method: log_goalposts, base: 10, goalposts: [1, 2158212]}",
                        "normalise: {method: log_goalposts, base: 1, goalposts: [1, 2158212]}")
                .replace("- {code: computer,", "- {code: computer, impute: {method: [linear_interpolation, nope]},");
        assertThatThrownBy(() -> IndexSpec.parse("idi-access.yaml", bad)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems().get(0).field()).contains("normalise.base");
                    assertThat(e.problems().get(0).line()).isEqualTo(16);
                    assertThat(e.problems().get(1).field()).contains("impute.method");
                    assertThat(e.problems().get(1).value()).isEqualTo("nope");
                });
    }
}
