package org.yardstick.index.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.yardstick.index.engine.Aggregation;
import org.yardstick.index.engine.Imputation;
import org.yardstick.index.engine.Normalisation;
import org.yardstick.index.engine.Scope;
import org.yardstick.index.engine.TreeNode;
import org.yardstick.shared.InvalidInputException;

class IndexSpecTest {

    @Test
    void theExampleInTheSpecDocumentationIsAValidSpec() throws IOException {
        String doc = Files.readString(Path.of("docs", "index-spec.md"));
        String yaml = doc.substring(doc.indexOf("```yaml") + 7, doc.indexOf("```", doc.indexOf("```yaml") + 7));
        IndexSpec spec = IndexSpec.parse("index-spec.md", yaml);
        assertThat(spec.code()).isEqualTo("IIDI");
        assertThat(spec.tree().root().code()).isEqualTo("IIDI");
        assertThat(spec.tree().aggregateCodes()).containsExactly("BASE", "APP", "BEN", "IIDI");
        TreeNode energy = spec.tree().node("energy");
        assertThat(energy.direction()).isEqualTo(-1);
        assertThat(energy.denominator()).isEqualTo("output");
        assertThat(spec.tree().node("APP").aggregation()).isEqualTo(Aggregation.geometric());
        assertThat(spec.tree().node("broadband").goalpostHigh()).isEqualTo(100);
        assertThat(spec.method().rankDecimals()).isEqualTo(2);
        assertThat(spec.layout().groupColumn()).isEqualTo("area");
    }

    @Test
    void everyStageSettingIsRead() {
        IndexSpec spec = IndexSpec.parse("s.yaml", """
                index: {code: X, name_zh: 测试, name_en: Test}
                data: {unit: u}
                method:
                  screen: {min_share: 0.6}
                  impute: {method: linear_interpolation}
                  treat: {method: winsorise, max_points: 3, skew: 2.5, kurtosis: 4, fallback: log, scope: panel}
                  normalise: {method: z_score, mean: 10, sd: 2, scope: panel}
                  aggregate: {method: generalised, power: 2, missing: min_share, min_share: 0.75}
                aggregates:
                  - {code: I, name_zh: 总, name_en: I}
                indicators:
                  - {code: a, name_zh: 甲, name_en: A, parent: I}
                """);
        assertThat(spec.method().screeningMinShare()).isEqualTo(0.6);
        assertThat(spec.method().imputation()).isEqualTo(Imputation.LINEAR_INTERPOLATION);
        assertThat(spec.method().treatment().maxPoints()).isEqualTo(3);
        assertThat(spec.method().treatment().skewLimit()).isEqualTo(2.5);
        assertThat(spec.method().treatment().scope()).isEqualTo(Scope.PANEL);
        assertThat(spec.method().normalisation().method()).isEqualTo(Normalisation.Method.Z_SCORE);
        assertThat(spec.method().normalisation().mean()).isEqualTo(10);
        assertThat(spec.method().aggregation()).isEqualTo(Aggregation.generalised(2));
        assertThat(spec.method().missingChildren().minShare()).isEqualTo(0.75);
        assertThat(spec.layout().periodColumn()).isNull();
    }

    @Test
    void problemsOfSeveralSectionsAreReportedTogether() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> IndexSpec.parse("s.yaml", """
                index: {code: X, name_zh: 测试}
                data: {unit: u, perod: year}
                aggregates:
                  - {code: I, name_zh: 总, name_en: I}
                indicators:
                  - {code: a, name_zh: 甲, name_en: A, parent: I, wieght: 2}
                """));
        assertThat(e.problems()).extracting(p -> p.describe()).containsExactly(
                "s.yaml:1: index.name_en: is required",
                "s.yaml:2: data.perod: is not a known field here (known: group, labels, period, unit)",
                "s.yaml:6: indicators[1].wieght: is not a known field here (known: code, denominator, direction, "
                        + "goalposts, name_en, name_zh, parent, target, unit, weight)");
    }
}
