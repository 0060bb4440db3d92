package org.yardstick.index.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yardstick.index.engine.Aggregation;
import org.yardstick.index.engine.IndexEngine;
import org.yardstick.index.engine.IndexMethod;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.Normalisation;
import org.yardstick.index.engine.Panel;
import org.yardstick.index.engine.TreeNode;
import org.yardstick.shared.InvalidInputException;

class AnalysisTest {

    static final IndexTree TREE = IndexTree.of(List.of(
            TreeNode.aggregate("I", null, 1),
            TreeNode.aggregate("P", "I", 2),
            TreeNode.aggregate("Q", "I", 1),
            TreeNode.indicator("a", "P", 1, 1),
            TreeNode.indicator("b", "P", 3, -1),
            TreeNode.indicator("c", "Q", 1, 1),
            TreeNode.indicator("d", "Q", 1, 1)));

    /** Six regions over two years, values from a seeded generator. */
    static Panel data(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] v = new double[4][12];
        for (double[] column : v) {
            for (int i = 0; i < column.length; i++) {
                column[i] = 1 + r.nextDouble() * 99;
            }
        }
        return Panel.of("d.csv", List.of("r1", "r2", "r3", "r4", "r5", "r6"), List.of("2019", "2020"),
                List.of("a", "b", "c", "d"), v, null, null);
    }

    static IndexResult compute(Aggregation how, long seed) {
        IndexMethod method = IndexMethod.defaults().withAggregation(how)
                .withNormalisation(Normalisation.minMax(1, 100)); // positive: every mean is defined
        return IndexEngine.compute(TREE, method, data(seed), null);
    }

    @Test
    void contributionsOfAnArithmeticIndexAddUpToItsScoreAtEveryLevel() {
        IndexResult r = compute(Aggregation.arithmetic(), 1);
        for (String unit : r.scores().units()) {
            List<Contribution> children = Contributions.ofChildren(r, "I", unit, "2020");
            assertThat(children).extracting(Contribution::code).containsExactly("P", "Q");
            assertThat(children.get(0).weight()).isCloseTo(2.0 / 3, within(1e-15));
            assertThat(children.stream().mapToDouble(Contribution::share).sum()).isCloseTo(1, within(1e-12));
            List<Contribution> indicators = Contributions.ofIndicators(r, "I", unit, "2020");
            assertThat(indicators).extracting(Contribution::code).containsExactly("a", "b", "c", "d");
            assertThat(indicators.get(1).weight()).isCloseTo(2.0 / 3 * 3 / 4, within(1e-15));
            assertThat(indicators.stream().mapToDouble(Contribution::contribution).sum())
                    .isCloseTo(r.scores().value("I", unit, "2020"), within(1e-9));
        }
    }

    @Test
    void theChangeOfAScoreIsSplitExactlyIntoItsPartsForEveryMean() {
        for (Aggregation how : List.of(Aggregation.arithmetic(), Aggregation.geometric(), Aggregation.harmonic(),
                Aggregation.generalised(2), Aggregation.generalised(-0.5))) {
            IndexResult r = compute(how, 7);
            for (String unit : r.scores().units()) {
                Decomposition d = ChangeDecomposition.decompose(r, "I", unit, "2019", "2020");
                assertThat(d.children().stream().mapToDouble(ChangePart::contribution).sum())
                        .as(how + " " + unit).isCloseTo(d.change(), within(1e-9));
                assertThat(d.indicators().stream().mapToDouble(ChangePart::contribution).sum())
                        .as(how + " " + unit).isCloseTo(d.change(), within(1e-9));
            }
        }
    }

    @Test
    void anArithmeticChangeIsTheWeightedDifferenceOfTheChildren() {
        IndexResult r = compute(Aggregation.arithmetic(), 3);
        Decomposition d = ChangeDecomposition.decompose(r, "I", "r2", "2019", "2020");
        ChangePart p = d.children().get(0);
        assertThat(p.contribution()).isCloseTo(2.0 / 3 * (p.after() - p.before()), within(1e-12));
    }

    @Test
    void unknownUnitsAndPeriodsAreNamed() {
        IndexResult r = compute(Aggregation.arithmetic(), 3);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ChangeDecomposition.decompose(r, "I", "r9", "2019", "2030"));
        assertThat(e.problems()).extracting(p -> p.kind().key())
                .contains("index.unknown-unit", "index.unknown-period");
    }

    @Test
    void theSensitivityEstimatorsRecoverAnAdditiveModelsIndices() {
        // Y = X1 + 2 X2, X ~ U(0, 1): V1 = 1/12, V2 = 4/12, so S1 = ST1 = 0.2 and S2 = ST2 = 0.8
        int n = 40_000;
        SplittableRandom random = new SplittableRandom(11);
        double[] ya = new double[n];
        double[] yb = new double[n];
        double[] yab1 = new double[n];
        double[] yab2 = new double[n];
        for (int j = 0; j < n; j++) {
            double a1 = random.nextDouble();
            double a2 = random.nextDouble();
            double b1 = random.nextDouble();
            double b2 = random.nextDouble();
            ya[j] = a1 + 2 * a2;
            yb[j] = b1 + 2 * b2;
            yab1[j] = b1 + 2 * a2;
            yab2[j] = a1 + 2 * b2;
        }
        SensitivityIndex s1 = UncertaintyAnalysis.indices("x1", ya, yb, yab1);
        SensitivityIndex s2 = UncertaintyAnalysis.indices("x2", ya, yb, yab2);
        assertThat(s1.firstOrder()).isCloseTo(0.2, within(0.02));
        assertThat(s1.total()).isCloseTo(0.2, within(0.02));
        assertThat(s2.firstOrder()).isCloseTo(0.8, within(0.02));
        assertThat(s2.total()).isCloseTo(0.8, within(0.02));
    }

    @Test
    void theMonteCarloIsReproducibleFromItsSeedAndGivesRankIntervals() {
        IndexResult r = compute(Aggregation.arithmetic(), 5);
        UncertaintySettings settings = new UncertaintySettings(200, 42, 0.25,
                List.of(Normalisation.minMax(1, 100), Normalisation.zScore(10, 1)),
                List.of(Aggregation.arithmetic(), Aggregation.geometric()));
        UncertaintyResult first = UncertaintyAnalysis.run(r, "I", "2020", settings);
        UncertaintyResult again = UncertaintyAnalysis.run(r, "I", "2020", settings);
        assertThat(again).isEqualTo(first);
        assertThat(first.runs()).isEqualTo(200 * 5);
        assertThat(first.overall()).extracting(SensitivityIndex::input)
                .containsExactly("weights", "normalisation", "aggregation");
        for (RankInterval i : first.ranks()) {
            assertThat(i.p05()).isLessThanOrEqualTo(i.median());
            assertThat(i.median()).isLessThanOrEqualTo(i.p95());
            assertThat(i.p05()).isGreaterThanOrEqualTo(1);
            assertThat(i.p95()).isLessThanOrEqualTo(6);
        }
        UncertaintyResult other = UncertaintyAnalysis.run(r, "I", "2020",
                new UncertaintySettings(200, 43, 0.25, settings.normalisations(), settings.aggregations()));
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void withNothingUncertainEveryRunIsTheNominalIndex() {
        IndexResult r = compute(Aggregation.arithmetic(), 5);
        UncertaintyResult u = UncertaintyAnalysis.run(r, "I", "2020", new UncertaintySettings(10, 1, 0,
                List.of(r.method().normalisation()), List.of(r.method().aggregation())));
        assertThat(u.overall()).isEmpty();
        for (RankInterval i : u.ranks()) {
            assertThat(i.p05()).isEqualTo(i.nominal());
            assertThat(i.p95()).isEqualTo(i.nominal());
        }
    }
}
