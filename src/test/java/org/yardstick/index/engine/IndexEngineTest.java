package org.yardstick.index.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.yardstick.index.engine.Panels.crossSection;
import static org.yardstick.index.engine.Panels.flatTree;
import static org.yardstick.index.engine.Panels.values;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexEngineTest {

    private static final double NA = Double.NaN;

    @Test
    void indicatorMeanFillsTheGapWithTheMeanOfTheOthers() {
        Panel p = crossSection(List.of("a"), values(1, NA, 5));
        assertThat(IndexEngine.impute(p, Imputation.INDICATOR_MEAN).column(0)).containsExactly(1, 3, 5);
    }

    @Test
    void groupMeanAndMedianUseOnlyTheUnitsOfTheSameGroup() {
        Panel p = Panel.of("t", List.of("a", "b", "c", "d", "e"), List.of("1"), List.of("x"),
                new double[][] {{1, 2, 10, NA, NA}}, new String[] {"east", "east", "east", "east", ""}, null);
        assertThat(IndexEngine.impute(p, Imputation.GROUP_MEAN).column(0)).containsExactly(1, 2, 10, 13.0 / 3, NA);
        assertThat(IndexEngine.impute(p, Imputation.GROUP_MEDIAN).column(0)).containsExactly(1, 2, 10, 2, NA);
    }

    @Test
    void panelImputationCarriesForwardAndInterpolatesWithoutExtrapolating() {
        // one unit over five periods: NA, 1, NA, NA, 4
        Panel p = Panel.of("t", List.of("a"), List.of("1", "2", "3", "4", "5"), List.of("x"),
                new double[][] {{NA, 1, NA, NA, 4}}, null, null);
        assertThat(IndexEngine.impute(p, Imputation.LAST_OBSERVATION).column(0)).containsExactly(NA, 1, 1, 1, 4);
        assertThat(IndexEngine.impute(p, Imputation.LINEAR_INTERPOLATION).column(0)).containsExactly(NA, 1, 2, 3, 4);
    }

    @Test
    void screeningExcludesUnitsWithTooLittleDataAndReportsThem() {
        Panel p = crossSection(List.of("a", "b"), values(1, NA, 3), values(1, NA, NA));
        Screening s = IndexEngine.screen(p, 0.5);
        assertThat(s.kept().units()).containsExactly("u1", "u3");
        assertThat(s.excluded()).containsExactly(new ExcludedUnit("u2", 0));
    }

    @Test
    void winsorisationMovesTheHighestValueToTheNextHighestUntilTheRulePasses() {
        double[] x = new double[20];
        for (int i = 0; i < 19; i++) {
            x[i] = i % 5;
        }
        x[19] = 100;
        Panel p = crossSection(List.of("a"), x);
        OutlierTreatment t = IndexEngine.treat(p, Treatment.winsorise(5));
        assertThat(t.treated().column(0)[19]).isEqualTo(4);
        assertThat(t.flags()[0][19]).isEqualTo(OutlierTreatment.FLAG_HIGH);
        assertThat(t.summaries().get(0).outcome()).isEqualTo(TreatmentSummary.Outcome.WINSORISED);
    }

    @Test
    void whenWinsorisationIsNotEnoughTheCtLogOfTheOriginalValuesIsTaken() {
        double[] x = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = Math.exp(i); // one step leaves skewness 2.56 and kurtosis 5.54: still failing
        }
        Panel p = crossSection(List.of("a"), x);
        OutlierTreatment t = IndexEngine.treat(p, Treatment.winsorise(1));
        double shift = -1 + 0.01 * (Math.exp(19) - 1);
        assertThat(t.treated().column(0)[19]).isCloseTo(Math.log(Math.exp(19) + shift), within(1e-12));
        assertThat(t.treated().column(0)[0]).isCloseTo(Math.log(1 + shift), within(1e-12));
        assertThat(t.flags()[0]).containsOnly(OutlierTreatment.FLAG_LOG);
        assertThat(t.summaries().get(0).outcome()).isEqualTo(TreatmentSummary.Outcome.LOG_TRANSFORMED);
    }

    @Test
    void minMaxReversesPolarityForNegativeIndicators() {
        IndexTree tree = IndexTree.of(List.of(TreeNode.aggregate("I", null, 1), TreeNode.indicator("a", "I", 1, -1)));
        Panel p = crossSection(List.of("a"), values(2, 4, 6));
        assertThat(IndexEngine.normalise(p, tree, Normalisation.minMax(0, 10)).column(0)).containsExactly(10, 5, 0);
    }

    @Test
    void zScoreUsesTheSampleStandardDeviationAndTheChosenMeanAndSd() {
        Panel p = crossSection(List.of("a"), values(1, 2, 3));
        double[] z = IndexEngine.normalise(p, flatTree("a"), Normalisation.zScore(10, 2)).column(0);
        assertThat(z).containsExactly(8, 10, 12);
    }

    @Test
    void goalpostsCapValuesBeyondThemAsTheItuIdiDoes() {
        IndexTree tree = IndexTree.of(List.of(TreeNode.aggregate("I", null, 1),
                TreeNode.indicator("a", "I", 1, 1).withGoalposts(0, 50)));
        Panel p = crossSection(List.of("a"), values(-5, 25, 80));
        assertThat(IndexEngine.normalise(p, tree, Normalisation.of(Normalisation.Method.GOALPOSTS, 0, 10)).column(0))
                .containsExactly(0, 5, 10);
    }

    @Test
    void logGoalpostsScaleOnLogarithms() {
        IndexTree tree = IndexTree.of(List.of(TreeNode.aggregate("I", null, 1),
                TreeNode.indicator("a", "I", 1, 1).withGoalposts(100, 10000)));
        Panel p = crossSection(List.of("a"), values(100, 1000, 10000));
        double[] y = IndexEngine.normalise(p, tree, Normalisation.of(Normalisation.Method.LOG_GOALPOSTS, 0, 1)).column(0);
        assertThat(y[1]).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void distanceToTargetIsCappedAtTheTarget() {
        IndexTree tree = IndexTree.of(List.of(TreeNode.aggregate("I", null, 1),
                TreeNode.indicator("a", "I", 1, 1).withTarget(10)));
        Panel p = crossSection(List.of("a"), values(0, 5, 20));
        assertThat(IndexEngine.normalise(p, tree, Normalisation.of(Normalisation.Method.DISTANCE_TO_TARGET, 0, 1))
                .column(0)).containsExactly(0, 0.5, 1);
    }

    @Test
    void rankAndPercentileRankGiveTiesTheMinimumRank() {
        Panel p = crossSection(List.of("a"), values(3, 1, 3, 2, NA));
        assertThat(IndexEngine.normalise(p, flatTree("a"), Normalisation.of(Normalisation.Method.RANK, 0, 1)).column(0))
                .containsExactly(3, 1, 3, 2, NA);
        assertThat(IndexEngine.normalise(p, flatTree("a"), Normalisation.of(Normalisation.Method.PERCENTILE_RANK, 0, 1))
                .column(0)).containsExactly(2.0 / 3, 0, 2.0 / 3, 1.0 / 3, NA);
    }

    @Test
    void distanceToMaximumIsOneMinusTheShareOfTheRangeBelowTheMaximum() {
        Panel p = crossSection(List.of("a"), values(0, 5, 20));
        assertThat(IndexEngine.normalise(p, flatTree("a"), Normalisation.of(Normalisation.Method.DISTANCE_TO_MAX, 0, 1))
                .column(0)).containsExactly(0, 0.25, 1);
    }

    @Test
    void theMeansFollowTheirFormulas() {
        IndexTree tree = IndexTree.of(List.of(TreeNode.aggregate("I", null, 1),
                TreeNode.indicator("a", "I", 1, 1), TreeNode.indicator("b", "I", 3, 1)));
        Panel p = crossSection(List.of("a", "b"), values(1), values(16));
        MissingChildren any = MissingChildren.renormalise();
        assertThat(IndexEngine.aggregate(p, tree, Aggregation.arithmetic(), any).column(0)[0]).isEqualTo(12.25);
        assertThat(IndexEngine.aggregate(p, tree, Aggregation.geometric(), any).column(0)[0])
                .isCloseTo(8, within(1e-12)); // 1^0.25 · 16^0.75
        assertThat(IndexEngine.aggregate(p, tree, Aggregation.harmonic(), any).column(0)[0])
                .isCloseTo(4 / (1 + 3.0 / 16), within(1e-12));
        assertThat(IndexEngine.aggregate(p, tree, Aggregation.generalised(2), any).column(0)[0])
                .isCloseTo(Math.sqrt((1 + 3 * 256) / 4.0), within(1e-12));
    }

    @Test
    void missingChildrenAreRenormalisedOrMakeTheAggregateMissingBelowTheMinimumShare() {
        IndexTree tree = IndexTree.of(List.of(TreeNode.aggregate("I", null, 1),
                TreeNode.indicator("a", "I", 1, 1), TreeNode.indicator("b", "I", 3, 1)));
        Panel p = crossSection(List.of("a", "b"), values(4, NA), values(NA, 8));
        assertThat(IndexEngine.aggregate(p, tree, Aggregation.arithmetic(), MissingChildren.renormalise()).column(0))
                .containsExactly(4, 8);
        assertThat(IndexEngine.aggregate(p, tree, Aggregation.arithmetic(), MissingChildren.requireShare(0.5)).column(0))
                .containsExactly(NA, 8);
    }

    @Test
    void ranksGiveTheHighestScoreRankOneAndTiesTheMinimumRank() {
        Panel scores = crossSection(List.of("I"), values(50, 70, 70, 10, NA));
        assertThat(IndexEngine.rank(scores, -1)[0]).containsExactly(3, 1, 1, 4, 0);
    }

    @Test
    void aTreeOfAnyDepthIsAggregatedLevelByLevel() {
        IndexTree tree = IndexTree.of(List.of(
                TreeNode.aggregate("I", null, 1),
                TreeNode.aggregate("S", "I", 1),
                TreeNode.aggregate("P", "S", 1),
                TreeNode.aggregate("Q", "P", 1),
                TreeNode.indicator("a", "Q", 1, 1),
                TreeNode.indicator("b", "Q", 1, 1),
                TreeNode.indicator("c", "I", 1, 1)));
        assertThat(tree.aggregateCodes()).containsExactly("Q", "P", "S", "I");
        Panel p = crossSection(List.of("a", "b", "c"), values(2), values(4), values(9));
        Panel s = IndexEngine.aggregate(p, tree, Aggregation.arithmetic(), MissingChildren.renormalise());
        assertThat(s.value("I", "u1", "2020")).isEqualTo(6);
    }
}
