package org.yardstick.index.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Panels whose periods are not evenly spaced, imputation limits and chains, the imputation report, reference units. */
class TimeTruePanelTest {

    private static final double NA = Double.NaN;
    private static final Normalisation NONE = Normalisation.of(Normalisation.Method.NONE, 0, 1);
    /** Editions of a survey: 2011 was skipped. */
    private static final List<String> EDITIONS = List.of("2010", "2012", "2013", "2014");

    /** Units a and b over the editions, cell {@code p * 2 + u}: a 10, NA, NA, 40; b 1, NA, 7, NA. */
    private static Panel skippedYear() {
        return Panel.of("t", List.of("a", "b"), EDITIONS, List.of("x"),
                new double[][] {{10, 1, NA, NA, NA, 7, 40, NA}}, null, null);
    }

    private static ImputationChain chain(double maxGap, Imputation... methods) {
        return new ImputationChain(List.of(methods), maxGap);
    }

    @Test
    void interpolationMeasuresTheYearsBetweenEditionsNotTheirOrder() {
        double[] x = IndexEngine.impute(skippedYear(), Imputation.LINEAR_INTERPOLATION).column(0);
        // a: 10 in 2010, 40 in 2014: 2012 is half-way, 2013 three quarters (by order it would be 20, 30)
        assertThat(x[2]).isCloseTo(10 + (40 - 10) * 2.0 / 4, within(1e-12));
        assertThat(x[4]).isCloseTo(10 + (40 - 10) * 3.0 / 4, within(1e-12));
        // b: 1 in 2010, 7 in 2013: 2012 is two thirds of the way (by order: half-way, 4)
        assertThat(x[3]).isCloseTo(1 + (7 - 1) * 2.0 / 3, within(1e-12));
        assertThat(x[7]).isNaN(); // no extrapolation
        assertThat(x[2]).isEqualTo(25.0);
        assertThat(x[4]).isEqualTo(32.5);
        assertThat(x[3]).isEqualTo(5.0);
    }

    @Test
    void quartersAndMonthsAreMeasuredInQuartersAndMonths() {
        Panel quarters = Panel.of("t", List.of("a"), List.of("2015-Q1", "2015-Q2", "2015-Q4"), List.of("x"),
                new double[][] {{0, NA, 30}}, null, null);
        assertThat(IndexEngine.impute(quarters, Imputation.LINEAR_INTERPOLATION).column(0)).containsExactly(0, 10, 30);
        Panel months = Panel.of("t", List.of("a"), List.of("2015-11", "2015-12", "2016-03"), List.of("x"),
                new double[][] {{0, NA, 8}}, null, null);
        assertThat(IndexEngine.impute(months, Imputation.LINEAR_INTERPOLATION).column(0)).containsExactly(0, 2, 8);
        assertThat(PeriodAxis.of(List.of("2015Q4", "2016Q1")).distance(0, 1)).isEqualTo(1);
        assertThat(PeriodAxis.of(List.of("x", "y")).unit()).isEqualTo("order");
    }

    @Test
    void maxGapLimitsInterpolationAndLastObservationCarriedForward() {
        ImputationChain[] one = {chain(1, Imputation.LINEAR_INTERPOLATION)};
        ImputationChain[] two = {chain(2, Imputation.LINEAR_INTERPOLATION)};
        // a's hole is 2011–2013 (three years), b's 2011–2012 (two years)
        assertThat(IndexEngine.impute(skippedYear(), one).column(0)).containsExactly(10, 1, NA, NA, NA, 7, 40, NA);
        assertThat(IndexEngine.impute(skippedYear(), two).column(0)).containsExactly(10, 1, NA, 5, NA, 7, 40, NA);
        // LOCF at most one year on: a's 2010 value does not reach 2012, b's 2013 value reaches 2014
        ImputationChain[] locf = {chain(1, Imputation.LAST_OBSERVATION)};
        assertThat(IndexEngine.impute(skippedYear(), locf).column(0)).containsExactly(10, 1, NA, NA, NA, 7, 40, 7);
    }

    @Test
    void aFallbackChainFillsWhatTheMethodBeforeLeftAndTheReportCountsEachMethod() {
        List<TreeNode> nodes = List.of(TreeNode.aggregate("I", null, 1), TreeNode.indicator("x", "I", 1, 1),
                TreeNode.indicator("y", "I", 1, 1));
        IndexTree tree = IndexTree.of(nodes);
        Panel data = Panel.of("t", List.of("a", "b"), EDITIONS, List.of("x", "y"),
                new double[][] {{10, 1, NA, NA, NA, 7, 40, NA}, {1, 2, 3, 4, 5, 6, 7, 8}}, null, null);
        IndexMethod method = IndexMethod.defaults().withNormalisation(NONE).withImputing(
                chain(2, Imputation.LINEAR_INTERPOLATION, Imputation.LAST_OBSERVATION, Imputation.INDICATOR_MEAN));
        IndexResult r = IndexEngine.compute(tree, method, data, null);
        double[] x = r.imputed().column(0);
        // interpolation fills b 2012 (a hole of two years; a's of three is too long); LOCF fills b 2014 (7)
        // and a 2012 (10, two years on) but not a 2013 (three years on); the mean of 2013 (b's 7) does
        assertThat(x).containsExactly(10, 1, 10, 5, 7, 7, 40, 7);
        ImputationReport.Line line = r.imputationReport().indicators().get(0);
        assertThat(line.missing()).isEqualTo(4);
        assertThat(line.filled()).containsExactly(Map.entry(Imputation.LINEAR_INTERPOLATION, 1),
                Map.entry(Imputation.LAST_OBSERVATION, 2), Map.entry(Imputation.INDICATOR_MEAN, 1));
        assertThat(line.stillMissing()).isZero();
        assertThat(r.imputationReport().indicators().get(1).missing()).isZero();
    }

    @Test
    void eachIndicatorMayHaveItsOwnImputationInheritedFromItsAggregate() {
        List<TreeNode> nodes = List.of(TreeNode.aggregate("I", null, 1), TreeNode.aggregate("P", "I", 1),
                TreeNode.indicator("x", "P", 1, 1), TreeNode.indicator("y", "I", 1, 1));
        IndexTree tree = IndexTree.of(nodes);
        Panel data = Panel.of("t", List.of("a", "b"), EDITIONS, List.of("x", "y"),
                new double[][] {{10, 1, NA, NA, NA, 7, 40, NA}, {10, 1, NA, NA, NA, 7, 40, NA}}, null, null);
        IndexMethod method = IndexMethod.defaults().withNormalisation(NONE).withNodes(Map.of("P",
                new NodeMethod(ImputationChain.of(Imputation.LINEAR_INTERPOLATION), null, null)));
        IndexResult r = IndexEngine.compute(tree, method, data, null);
        assertThat(r.imputed().column(0)).containsExactly(10, 1, 25, 5, 32.5, 7, 40, NA);
        assertThat(r.imputed().column(1)).containsExactly(10, 1, NA, NA, NA, 7, 40, NA); // the index's: none
    }

    @Test
    void aUnitImputedInAPeriodItHasNoRowForIsScoredButNotRanked() {
        IndexTree tree = IndexTree.of(List.of(TreeNode.aggregate("I", null, 1), TreeNode.indicator("x", "I", 1, 1)));
        // three units, two periods; c has no row in 2012 (row 0) and is carried forward
        Panel data = Panel.of("t.csv", List.of("a", "b", "c"), List.of("2010", "2012"), List.of("x"),
                new double[][] {{1, 2, 9, 1, 2, NA}}, null, new long[] {2, 3, 4, 5, 6, 0});
        IndexResult r = IndexEngine.compute(tree, IndexMethod.defaults().withImputation(Imputation.LAST_OBSERVATION),
                data, null);
        int c = 2;
        assertThat(r.scores().value(0, c, 1)).isEqualTo(100.0); // imputed 9: the best
        assertThat(r.rank(0, c, 1)).isZero();
        assertThat(r.rank(0, 1, 1)).isEqualTo(1);
        assertThat(r.rank(0, 0, 1)).isEqualTo(2);
        assertThat(r.rank(0, c, 0)).isEqualTo(1);
        assertThat(r.imputationReport().unranked()).containsExactly(new ImputationReport.Cell("c", "2012"));
        assertThat(ScoreTable.rows(r, "2012", "I")).extracting(ScoreTable.Row::unit).containsExactly("a", "b");
    }

    @Test
    void referenceUnitsAreScoredButNeitherRankedNorUsedForTheBoundsUnlessAsked() {
        IndexTree tree = IndexTree.of(List.of(TreeNode.aggregate("I", null, 1), TreeNode.indicator("x", "I", 1, 1)));
        Panel data = Panel.of("t", List.of("a", "b", "c", "全国"), List.of("2020"), List.of("x"),
                new double[][] {{10, 20, 30, 40}}, null, null);
        IndexMethod method = IndexMethod.defaults().withReferenceUnits(Set.of("全国"), false);
        IndexResult r = IndexEngine.compute(tree, method, data, null);
        // bounds from a, b, c only: 10 → 0, 30 → 100, 40 → 150
        assertThat(r.normalised().column(0)).containsExactly(0, 50, 100, 150);
        assertThat(List.of(r.rank(0, 0, 0), r.rank(0, 1, 0), r.rank(0, 2, 0), r.rank(0, 3, 0)))
                .containsExactly(3, 2, 1, 0);
        assertThat(r.isReference(3)).isTrue();
        assertThat(ScoreTable.rows(r, null, "I").get(3)).isEqualTo(new ScoreTable.Row("全国", "2020", "I", 150, 0, true));

        IndexResult inBounds = IndexEngine.compute(tree, method.withReferenceUnits(Set.of("全国"), true), data, null);
        assertThat(inBounds.normalised().column(0)[2]).isCloseTo(200.0 / 3, within(1e-12));
        assertThat(inBounds.rank(0, 3, 0)).isZero();
        // without reference units 全国 would rank first
        assertThat(IndexEngine.compute(tree, IndexMethod.defaults(), data, null).rank(0, 3, 0)).isEqualTo(1);
    }
}
