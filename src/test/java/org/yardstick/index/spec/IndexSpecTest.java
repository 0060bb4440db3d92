package org.yardstick.index.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.yardstick.index.engine.Aggregation;
import java.util.List;
import org.yardstick.index.engine.Imputation;
import org.yardstick.index.engine.IndexEngine;
import org.yardstick.index.engine.Panel;
import org.yardstick.index.engine.Normalisation;
import org.yardstick.index.engine.Scope;
import org.yardstick.index.engine.TreeNode;
import org.yardstick.shared.InputProblem;
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
                "s.yaml:2: data.perod: is not a known field here (known: group, indicator, labels, period, unit, value)",
                "s.yaml:6: indicators[1].wieght: is not a known field here (known: code, column, denominator, direction, "
                        + "goalposts, impute, name_en, name_zh, normalise, parent, published, target, treat, unit, weight)");
    }

    static final String PUBLISHED_ONLY = """
            index: {code: IIDI, name_zh: 两化融合发展指数, name_en: Integration index}
            regions: {scope: "65", level: province}
            periods: [2010, 2015]
            aggregates:
              - {code: IIDI, name_zh: 总指数, name_en: Total, published: IIDI}
            indicators:
              - {code: ENV, name_zh: 基础环境, name_en: Environment, parent: IIDI, weight: unpublished}
              - {code: APP, name_zh: 工业应用, name_en: Application, parent: IIDI, weight: 未公布}
              - {code: BEN, name_zh: 应用效益, name_en: Benefits, parent: IIDI, weight: 0.3}
            """;

    @Test
    void aTreeWithUnpublishedWeightsIsReadAndShownButNotComputed() {
        IndexSpec spec = IndexSpec.parse("iidi.yaml", PUBLISHED_ONLY);
        assertThat(spec.layout().unitColumn()).isEqualTo("region");
        assertThat(spec.layout().periodColumn()).isEqualTo("period");
        assertThat(spec.tree().node("ENV").weightPublished()).isFalse();
        assertThat(spec.tree().node("ENV").weight()).isNaN();
        assertThat(spec.tree().node("APP").weightPublished()).isFalse();
        assertThat(spec.tree().node("BEN").weight()).isEqualTo(0.3);
        assertThat(spec.tree().computable()).isFalse();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> IndexEngine.compute(spec.tree(), spec.method(), Panel.of("d", List.of("65"), List.of("2010"),
                        List.of("ENV", "APP", "BEN"), new double[][] {{1}, {2}, {3}}, null, null), null));
        assertThat(e.problems()).extracting(InputProblem::describe).containsExactly(
                "iidi.yaml:7: indicators[1]: the weight of ENV is not published, so the index cannot be computed "
                        + "from its components",
                "iidi.yaml:8: indicators[2]: the weight of APP is not published, so the index cannot be computed "
                        + "from its components");
    }

    @Test
    void anAggregateWhoseComponentsAreNotPublishedMayStandAlone() {
        IndexSpec spec = IndexSpec.parse("idi.yaml", """
                index: {code: IDI, name_zh: 信息化发展总指数, name_en: IDI}
                regions: {scope: "65", level: province}
                aggregates:
                  - {code: IDI, name_zh: 信息化发展总指数, name_en: IDI, components: unpublished, published: IDI}
                indicators: []
                """);
        assertThat(spec.tree().indicators()).isEmpty();
        assertThat(spec.tree().root().componentsPublished()).isFalse();
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> spec.tree().requireComputable()).problems())
                .extracting(InputProblem::describe)
                .containsExactly("idi.yaml:4: aggregates[1]: the components of IDI are not published, so it cannot be computed");
        InvalidInputException bad = catchThrowableOfType(InvalidInputException.class, () -> IndexSpec.parse("x.yaml", """
                index: {code: X, name_zh: 甲, name_en: X}
                data: {unit: u}
                aggregates:
                  - {code: X, name_zh: 甲, name_en: X, components: secret}
                indicators: []
                """));
        assertThat(bad.problems()).extracting(InputProblem::describe)
                .containsExactly("x.yaml:4: aggregates[1].components: must be one of: unpublished, 未公布 (value: \"secret\")");
    }

    @Test
    void withoutPlatformRegionsTheDataSectionIsStillRequired() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> IndexSpec.parse("s.yaml", """
                index: {code: X, name_zh: 甲, name_en: X}
                aggregates:
                  - {code: X, name_zh: 甲, name_en: X}
                indicators:
                  - {code: a, name_zh: 乙, name_en: A, parent: X}
                """));
        assertThat(e.problems()).extracting(InputProblem::describe).containsExactly("s.yaml:1: data: is required");
    }
}
