package org.yardstick.progress.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yardstick.framework.ChangeUnit;
import org.yardstick.framework.Polarity;
import org.yardstick.framework.Qualifier;

/** The rules kind by kind, and their edge cases. Figures here are made up unless a comment cites a seed. */
class ProgressRulesTest {

    private static final Series IIDI = Series.empty().with(2015, 56.96).with(2016, 59.8);

    @Nested
    class Baselines {

        @Test
        void targetAlreadyMetAtTheBaselineIsAchievedWithNoDistanceToCover() {
            Assessment a = ProgressRules.assess(TargetTerms.atLeast(60, 2015, 2020), Series.empty().with(2015, 65));

            assertThat(a.status()).isEqualTo(Status.ACHIEVED);
            assertThat(a.reason().english())
                    .isEqualTo("Already met at the baseline: 65 in 2015 meets the target of 60.");
            assertThat(a.latest()).isEqualTo(a.start());
            assertThat(a.progressPercent()).isNull();
            assertThat(a.rates()).isNull();
        }

        @Test
        void metAtTheBaselineThenFallingBelowIsMovingAway() {
            Assessment a = ProgressRules.assess(
                    TargetTerms.atLeast(60, 2015, 2020), Series.empty().with(2015, 65).with(2017, 55));

            assertThat(a.status()).isEqualTo(Status.OFF_TRACK);
            assertThat(a.category()).isEqualTo(SdgCategory.DETERIORATION);
            assertThat(a.reason().english())
                    .isEqualTo("Off track: 55 in 2017 has moved away from the target since 65 in 2015.");
            assertThat(a.progressPercent()).isNull();
        }

        @Test
        void explicitBaselineValueWinsOverTheObservationOfThatYear() {
            Assessment a = ProgressRules.assess(TargetTerms.value(68, 2015, 2020).withBaselineValue(50.0), IIDI);

            assertThat(a.start()).isEqualTo(Figure.of(2015, 50));
            assertThat(a.progressPercent()).isCloseTo(100 * 9.8 / 18, within(1e-9));
        }

        @Test
        void withoutBaselineAValueTargetIsMeasuredFromTheFirstFigure() {
            Series s = Series.empty().with(2016, 59.8).with(2018, 63);

            Assessment a = ProgressRules.assess(TargetTerms.value(68, 2015, 2020), s);

            assertThat(a.start()).isEqualTo(Figure.of(2016, 59.8));
            assertThat(a.hasNote(Reason.NOTE_START_FROM_FIRST)).isTrue();
            assertThat(a.notes().get(0).english()).isEqualTo(
                    "There is no baseline value for 2015; progress is measured from the first figure, 59.8 in 2016.");
            // required from 2016: (68/59.8)^(1/4) − 1; achieved (63/59.8)^(1/2) − 1
            assertThat(a.rates().required()).isCloseTo(3.26471, within(1e-4));
            assertThat(a.rates().achieved()).isCloseTo(2.64072, within(1e-4));
        }

        @Test
        void aSingleFigureWithoutBaselineShowsNoTrend() {
            Assessment a = ProgressRules.assess(TargetTerms.value(68, 2015, 2020), Series.empty().with(2016, 59.8));

            assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(a.reason().english()).isEqualTo(
                    "Insufficient data: without a baseline value, the one figure 59.8 in 2016 shows no trend.");
        }

        @Test
        void aSingleFigureThatMeetsTheTargetIsEnough() {
            Assessment a = ProgressRules.assess(TargetTerms.value(68, 2015, 2020), Series.empty().with(2017, 70));

            assertThat(a.status()).isEqualTo(Status.ACHIEVED);
            assertThat(a.reason().reason()).isEqualTo(Reason.ACHIEVED);
        }

        @Test
        void nothingObservedAtAll() {
            Assessment a = ProgressRules.assess(TargetTerms.value(68, 2015, 2020), Series.empty());

            assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(a.reason().english()).isEqualTo("Insufficient data: no figure has been reported.");
            assertThat(a.asOfYear()).isNull();
        }

        @Test
        void relativeTargetNeedsAPositiveBaseline() {
            Assessment a = ProgressRules.assess(
                    TargetTerms.multiple(2, 2015, 2020), Series.empty().with(2015, 0).with(2017, 3));

            assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(a.reason().english()).isEqualTo(
                    "Insufficient data: a target relative to the baseline needs a baseline above zero, but the baseline is 0.");
        }
    }

    @Nested
    class CompoundAndLinear {

        /** The method: "If the base value is zero, it is replaced by 0.001"; rates stay compound. */
        @Test
        void zeroBaselineIsReplacedBy0point001AndSaysSo() {
            Assessment a = ProgressRules.assess(
                    TargetTerms.value(10, 2015, 2020), Series.empty().with(2015, 0).with(2017, 4));

            assertThat(a.rates().basis()).isEqualTo(RateBasis.COMPOUND);
            // (4 / 0.001)^(1/2) − 1 and (10 / 0.001)^(1/5) − 1
            assertThat(a.rates().achieved()).isCloseTo(100 * (Math.sqrt(4000) - 1), within(1e-9));
            assertThat(a.rates().required()).isCloseTo(100 * (Math.pow(10000, 0.2) - 1), within(1e-9));
            assertThat(a.status()).isEqualTo(Status.ON_TRACK);
            assertThat(a.hasNote(Reason.NOTE_ZERO_BASE)).isTrue();
            assertThat(a.hasNote(Reason.NOTE_LINEAR_FALLBACK)).isTrue(); // the projection
            assertThat(a.projection().compound()).isNull();
            assertThat(a.projection().linear()).isCloseTo(10.0, within(1e-9));
        }

        /**
         * Points (2015, −5), (2016, −4), (2017, −1): slope 2, mean −10/3, line at 2020 is 14/3.
         * Residuals 1/3, −2/3, 1/3: RSS 2/3, s = √(2/3); one degree of freedom, t = 3.078;
         * half-width 3.078 × 0.8165 × √(1 + 1/3 + 16/2) = 7.678.
         */
        @Test
        void negativeValuesProjectWithAPredictionIntervalButATargetAcrossZeroIsNotAssessed() {
            Series s = Series.empty().with(2015, -5).with(2016, -4).with(2017, -1);

            Assessment a = ProgressRules.assess(TargetTerms.value(5, 2015, 2020), s);

            Projection p = a.projection();
            assertThat(p.points()).isEqualTo(3);
            assertThat(p.compound()).isCloseTo(-Math.pow(0.2, 1.5), within(1e-12));
            assertThat(p.linear()).isCloseTo(14.0 / 3, within(1e-9));
            assertThat(p.high() - p.linear()).isCloseTo(7.678, within(1e-3));
            assertThat(p.linear() - p.low()).isCloseTo(7.678, within(1e-3));
            assertThat(a.rates()).isNull();
            assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(a.reason().english()).isEqualTo("Unable to assess: the start -5 and the target 5 lie on "
                    + "different sides of zero (a zero counts as 0.001); compound growth needs both on the same side.");
        }

        /** The method "is valid only when all values are positive or all values are negative". */
        @Test
        void figuresThatChangeSignCannotBeAssessed() {
            Assessment a = ProgressRules.assess(
                    TargetTerms.growthRate(10, 2015, 2020), Series.empty().with(2015, 100).with(2017, -5));

            assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(a.reason().english()).isEqualTo("Unable to assess: the figures change sign, from 100 in 2015 "
                    + "to -5 in 2017; compound growth needs all of them above zero or all below.");
            assertThat(a.rates()).isNull();
            assertThat(a.category()).isNull();
        }

        @Test
        void countsUseLinearRatesFromZero() {
            // 004 line 16: 到2020年，实施完成20个以上"双创"平台建设 (the 2018 count is made up)
            TargetTerms t = TargetTerms.count(20, 2015, 2020).withQualifier(Qualifier.OVER);

            Assessment a = ProgressRules.assess(t, Series.empty().with(2018, 9));

            assertThat(a.start()).isEqualTo(Figure.of(2015, 0));
            assertThat(a.hasNote(Reason.NOTE_COUNT_FROM_ZERO)).isTrue();
            assertThat(a.hasNote(Reason.NOTE_LINEAR_FALLBACK)).isFalse();
            assertThat(a.rates().basis()).isEqualTo(RateBasis.LINEAR);
            assertThat(a.rates().ratio()).isCloseTo(0.75, within(1e-12));
            assertThat(a.status()).isEqualTo(Status.AT_RISK);
            assertThat(a.reason().english())
                    .isEqualTo("At risk: 3 a year achieved where 4 a year is required; progress must accelerate.");
            assertThat(a.projection().compound()).isNull();
            assertThat(a.expected()).isCloseTo(12.0, within(1e-9));
        }

        @Test
        void growthTooLargeForADoubleLeavesTheCompoundProjectionOut() {
            Series s = Series.empty().with(2015, 1e-300).with(2016, 1e300);

            Assessment a = ProgressRules.assess(TargetTerms.value(1, 2015, 2030), s);

            assertThat(a.status()).isEqualTo(Status.ACHIEVED);
            assertThat(a.projection().compound()).isNull();
            assertThat(a.rates()).isNull();
            assertThat(a.progressPercent()).isFinite();
        }

        @Test
        void changeInPointsFromANegativeBaselineToAboveZeroCannotBeAssessed() {
            TargetTerms t = TargetTerms.change(5, ChangeUnit.POINTS, 2015, 2020);

            Assessment a = ProgressRules.assess(t, Series.empty().with(2015, -2).with(2016, 0));

            assertThat(a.targetLevel()).isEqualTo(3.0);
            assertThat(a.progressPercent()).isCloseTo(40.0, within(1e-9));
            assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(a.reason().reason()).isEqualTo(Reason.TARGET_ACROSS_ZERO);
        }
    }

    @Nested
    class TargetYear {

        @Test
        void figureOfTheTargetYearShortOfTheTargetIsMissed() {
            Assessment a = ProgressRules.assess(TargetTerms.value(68, 2015, 2020), IIDI.with(2020, 67));

            assertThat(a.status()).isEqualTo(Status.NOT_ACHIEVED);
            assertThat(a.reason().english()).isEqualTo(
                    "Missed: the target year 2020 has come and 67 in 2020 does not meet the target of 68.");
        }

        @Test
        void withoutAFigureOfTheTargetYearAMissOrAHitCannotBeTold() {
            Series s = Series.empty().with(2015, 56.96).with(2019, 66).with(2021, 69);

            Assessment a = ProgressRules.assess(TargetTerms.value(68, 2015, 2020), s);

            assertThat(a.asOfYear()).isEqualTo(2021);
            assertThat(a.latest()).isEqualTo(Figure.of(2019, 66));
            assertThat(a.status()).isEqualTo(Status.CANNOT_BE_JUDGED);
            assertThat(a.reason().english()).isEqualTo(
                    "Cannot be judged (latest figure 2021): the target year 2020 has come without a figure for it.");
        }

        @Test
        void withNoFigureUpToTheTargetYearTheFirstLaterOneDecides() {
            Series s = Series.empty().with(2015, 56.96).with(2022, 70).with(2023, 71);

            Assessment a = ProgressRules.assess(TargetTerms.value(68, 2015, 2020), s);

            assertThat(a.latest()).isEqualTo(Figure.of(2022, 70));
            assertThat(a.status()).isEqualTo(Status.ACHIEVED);
            assertThat(a.hasNote(Reason.NOTE_JUDGED_AFTER_TARGET_YEAR)).isTrue();
        }

        @Test
        void asOfYearLeavesLaterFiguresOut() {
            Assessment a = ProgressRules.assess(
                    TargetTerms.value(68, 2015, 2020), Evidence.of(IIDI.with(2018, 57)).asOf(2016));

            assertThat(a.latest()).isEqualTo(Figure.of(2016, 59.8));
            assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        }

        @Test
        void asOfYearBeforeEveryFigure() {
            Assessment a = ProgressRules.assess(TargetTerms.value(68, 2015, 2020), Evidence.of(IIDI).asOf(2014));

            assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(a.reason().english()).isEqualTo("Insufficient data: no figure has been reported up to 2014.");
        }

        @Test
        void pastTheTargetYearWithoutAFigureForItCannotBeJudgedAndNamesTheLatestFigure() {
            Assessment a = ProgressRules.assess(TargetTerms.value(68, 2015, 2020), Evidence.of(IIDI).asOf(2021));

            assertThat(a.status()).isEqualTo(Status.CANNOT_BE_JUDGED);
            assertThat(a.reason().reason()).isEqualTo(Reason.CANNOT_JUDGE);
            assertThat(a.reason().args()).containsExactly(2020, 2016);
            assertThat(a.expected()).isCloseTo(68.0, within(1e-9));
        }
    }

    @Nested
    class Polarities {

        private final TargetTerms shorterCycle = TargetTerms.value(90, 2015, 2020).withPolarity(Polarity.NEGATIVE);

        /** 100 → 96 in two years: (0.96)^(1/2) − 1 = −2.020% against 0.9^(1/5) − 1 = −2.085%: R = 0.969. */
        @Test
        void negativePolarityReadsDecreaseAsProgress() {
            Assessment a = ProgressRules.assess(shorterCycle, Series.empty().with(2015, 100).with(2017, 96));

            assertThat(a.progressPercent()).isCloseTo(40.0, within(1e-9));
            assertThat(a.rates().ratio()).isCloseTo(0.96895, within(1e-4));
            assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        }

        @Test
        void negativePolarityReadsIncreaseAsMovingAway() {
            Assessment a = ProgressRules.assess(shorterCycle, Series.empty().with(2015, 100).with(2017, 104));

            assertThat(a.progressPercent()).isCloseTo(-40.0, within(1e-9));
            assertThat(a.status()).isEqualTo(Status.OFF_TRACK);
            assertThat(a.category()).isEqualTo(SdgCategory.DETERIORATION);
        }

        @Test
        void negativePolarityIsAchievedAtOrBelowTheTarget() {
            Assessment a = ProgressRules.assess(shorterCycle, Series.empty().with(2015, 100).with(2019, 89));

            assertThat(a.status()).isEqualTo(Status.ACHIEVED);
        }

        @Test
        void aChangeAgainstThePolarityFollowsTheTargetAndSaysSo() {
            TargetTerms t = TargetTerms.change(10, ChangeUnit.PERCENT, 2015, 2020).withPolarity(Polarity.NEGATIVE);

            Assessment a = ProgressRules.assess(t, Series.empty().with(2015, 100).with(2017, 111));

            assertThat(a.status()).isEqualTo(Status.ACHIEVED);
            assertThat(a.hasNote(Reason.NOTE_DIRECTION_AGAINST_POLARITY)).isTrue();
        }
    }

    @Nested
    class Qualifiers {

        private final Series base = Series.empty().with(2015, 50);

        @Test
        void overMeetsAnAtLeastTargetItEquals() {
            Assessment a = ProgressRules.assess(TargetTerms.atLeast(60, 2015, 2020), base.with(2018, 60, Qualifier.OVER));

            assertThat(a.status()).isEqualTo(Status.ACHIEVED);
            assertThat(a.notes()).extracting(Message::english).containsExactly(
                    "The figure 60 in 2018 is a lower bound (more than): the true value is a little higher.");
        }

        @Test
        void overDoesNotMeetAnAtMostTargetItEquals() {
            Assessment over = ProgressRules.assess(TargetTerms.atMost(60, 2015, 2020), base.with(2018, 60, Qualifier.OVER));
            Assessment plain = ProgressRules.assess(TargetTerms.atMost(60, 2015, 2020), base.with(2018, 60));
            Assessment nearly =
                    ProgressRules.assess(TargetTerms.atMost(60, 2015, 2020), base.with(2018, 60, Qualifier.NEARLY));

            assertThat(over.status()).isNotEqualTo(Status.ACHIEVED);
            assertThat(plain.status()).isEqualTo(Status.ACHIEVED);
            assertThat(nearly.status()).isEqualTo(Status.ACHIEVED);
        }

        @Test
        void nearlyDoesNotMeetAValueItEquals() {
            Assessment a = ProgressRules.assess(TargetTerms.value(60, 2015, 2020), base.with(2018, 60, Qualifier.NEARLY));

            assertThat(a.status()).isEqualTo(Status.ON_TRACK);
            assertThat(a.hasNote(Reason.NOTE_NEARLY)).isTrue();
        }

        @Test
        void aboutIsReadAsTheFigure() {
            Assessment a = ProgressRules.assess(TargetTerms.value(60, 2015, 2020), base.with(2018, 60, Qualifier.ABOUT));

            assertThat(a.status()).isEqualTo(Status.ACHIEVED);
            assertThat(a.hasNote(Reason.NOTE_APPROXIMATE)).isTrue();
        }

        @Test
        void valueTargetQualifiedAtMostIsMetFromBelow() {
            TargetTerms t = TargetTerms.value(60, 2015, 2020).withQualifier(Qualifier.AT_MOST);

            assertThat(ProgressRules.assess(t, Series.empty().with(2015, 70).with(2018, 59)).status())
                    .isEqualTo(Status.ACHIEVED);
        }

        @Test
        void striveKeepsTheStatusAndAddsANote() {
            Assessment plain = ProgressRules.assess(TargetTerms.value(68, 2015, 2020), IIDI);
            Assessment strive = ProgressRules.assess(TargetTerms.value(68, 2015, 2020).withQualifier(Qualifier.STRIVE), IIDI);

            assertThat(strive.status()).isEqualTo(plain.status());
            assertThat(strive.rates()).isEqualTo(plain.rates());
            assertThat(strive.hasNote(Reason.NOTE_ASPIRATIONAL)).isTrue();
            assertThat(plain.hasNote(Reason.NOTE_ASPIRATIONAL)).isFalse();
        }

        @Test
        void aProductOfDecimalsEqualToTheTargetMeetsIt() {
            // 0.1 × 3 is 0.30000000000000004 in binary floating point
            Assessment a = ProgressRules.assess(
                    TargetTerms.multiple(3, 2015, 2020), Series.empty().with(2015, 0.1).with(2018, 0.3));

            assertThat(a.status()).isEqualTo(Status.ACHIEVED);
        }
    }

    @Nested
    class Ranges {

        private final TargetTerms oneToThree = TargetTerms.range(1, 3, 2015, 2020);

        @Test
        void startInsideAndThenOutsideHasLeftTheRange() {
            Assessment a = ProgressRules.assess(oneToThree, Series.empty().with(2015, 2).with(2017, 4));

            assertThat(a.status()).isEqualTo(Status.OFF_TRACK);
            assertThat(a.reason().english()).isEqualTo("Off track: 4 in 2017 has left the range 1–3.");
        }

        @Test
        void approachingFromAboveUsesTheHighEnd() {
            Assessment a = ProgressRules.assess(TargetTerms.range(6, 10, 2015, 2020),
                    Series.empty().with(2015, 20).with(2017, 14));

            // 20 → 14 of the 10 needed: progress 60%
            assertThat(a.progressPercent()).isCloseTo(60.0, within(1e-9));
            assertThat(a.targetLevel()).isEqualTo(6.0);
            assertThat(a.targetLevelHigh()).isEqualTo(10.0);
            assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        }

        @Test
        void outsideTheRangeAtTheTargetYearIsMissed() {
            Assessment a = ProgressRules.assess(oneToThree, Series.empty().with(2015, 0).with(2020, 0));

            assertThat(a.reason().english())
                    .isEqualTo("Missed: the target year 2020 has come and 0 in 2020 lies outside the range 1–3.");
        }
    }

    @Nested
    class Comparators {

        private final TargetTerms reachNational = TargetTerms.comparator(2015, 2020);

        @Test
        void aheadAtTheStartAndBehindNowHasFallenBehind() {
            Evidence e = Evidence.of(Series.empty().with(2015, 95).with(2017, 90))
                    .withComparator(Series.empty().with(2015, 90).with(2017, 92));

            Assessment a = ProgressRules.assess(reachNational, e);

            assertThat(a.status()).isEqualTo(Status.OFF_TRACK);
            assertThat(a.reason().english()).isEqualTo("Off track: 90 in 2017 has fallen behind the comparator's 92.");
            assertThat(a.progressPercent()).isNull();
        }

        @Test
        void aWideningGapIsOffTrack() {
            Evidence e = Evidence.of(Series.empty().with(2015, 80).with(2017, 81))
                    .withComparator(Series.empty().with(2015, 90).with(2017, 95));

            Assessment a = ProgressRules.assess(reachNational, e);

            assertThat(a.status()).isEqualTo(Status.OFF_TRACK);
            assertThat(a.reason().english())
                    .isEqualTo("Off track: the gap to the comparator has widened from 10 in 2015 to 14 in 2017.");
            assertThat(a.progressPercent()).isCloseTo(-40.0, within(1e-9));
        }

        @Test
        void theComparisonUsesTheLatestYearBothHave() {
            Evidence e = Evidence.of(Series.empty().with(2015, 80).with(2017, 88).with(2018, 89))
                    .withComparator(Series.empty().with(2015, 90).with(2017, 92));

            Assessment a = ProgressRules.assess(reachNational, e);

            assertThat(a.latest().year()).isEqualTo(2017);
            assertThat(a.hasNote(Reason.NOTE_COMPARATOR_LAGS)).isTrue();
            assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        }

        @Test
        void withoutComparatorFiguresThereIsNoComparison() {
            Assessment a = ProgressRules.assess(reachNational, Evidence.of(Series.empty().with(2015, 80).with(2017, 88)));

            assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(a.reason().reason()).isEqualTo(Reason.NO_COMPARATOR_FIGURES);
        }

        @Test
        void comparisonStartsInTheFirstCommonYear() {
            Evidence e = Evidence.of(Series.empty().with(2015, 80).with(2016, 82).with(2018, 88))
                    .withComparator(Series.empty().with(2016, 90).with(2018, 91));

            Assessment a = ProgressRules.assess(reachNational, e);

            assertThat(a.start()).isEqualTo(Figure.of(2016, 82));
            assertThat(a.hasNote(Reason.NOTE_COMPARATOR_START)).isTrue();
        }

        @Test
        void lessIsBetterComparesFromBelow() {
            Evidence e = Evidence.of(Series.empty().with(2015, 12).with(2017, 9))
                    .withComparator(Series.empty().with(2015, 10).with(2017, 10));

            Assessment a = ProgressRules.assess(reachNational.withPolarity(Polarity.NEGATIVE), e);

            assertThat(a.status()).isEqualTo(Status.ACHIEVED);
        }
    }

    @Nested
    class Milestones {

        // 000 line 56: 基本建成服务于社会稳定和长治久安的信息化保障体系 is out of scope; 004 line 31's
        // 信息安全保障体系 is the kind of milestone meant here.
        private final TargetTerms milestone = TargetTerms.milestone(2015, 2020);

        @Test
        void nobodyJudgedItYet() {
            Assessment a = ProgressRules.assess(milestone, Evidence.none());

            assertThat(a.status()).isEqualTo(Status.NOT_ASSESSED);
            assertThat(a.reason().english()).isEqualTo("Not assessed: nobody has judged this milestone yet.");
        }

        @Test
        void nobodyJudgedItAndTheTargetYearHasPassed() {
            Assessment a = ProgressRules.assess(milestone, Evidence.none().asOf(2021));

            assertThat(a.status()).isEqualTo(Status.NOT_ASSESSED);
            assertThat(a.reason().reason()).isEqualTo(Reason.NOT_JUDGED_OVERDUE);
        }

        @Test
        void aJudgementGivesTheStatus() {
            Judgement j = new Judgement(Verdict.AT_RISK, 2018, " 测评体系尚未建立 ");

            Assessment a = ProgressRules.assess(milestone, Evidence.none().withJudgement(j));

            assertThat(a.status()).isEqualTo(Status.AT_RISK);
            assertThat(a.asOfYear()).isEqualTo(2018);
            assertThat(a.reason().english()).isEqualTo("At risk, as judged for 2018: 测评体系尚未建立");
            assertThat(a.progressPercent()).isNull();
            assertThat(a.rates()).isNull();
        }

        @Test
        void judgedAchieved() {
            Judgement j = new Judgement(Verdict.ACHIEVED, 2020, "已建成");

            Assessment a = ProgressRules.assess(milestone, Evidence.none().withJudgement(j).asOf(2022));

            assertThat(a.status()).isEqualTo(Status.ACHIEVED);
            assertThat(a.category()).isEqualTo(SdgCategory.TARGET_ACHIEVED);
        }

        @Test
        void onTrackBeforeTheTargetYearAndNotJudgedSinceCannotBeJudged() {
            Judgement j = new Judgement(Verdict.ON_TRACK, 2019, "进展顺利");

            Assessment a = ProgressRules.assess(milestone, Evidence.none().withJudgement(j).asOf(2021));

            assertThat(a.status()).isEqualTo(Status.CANNOT_BE_JUDGED);
            assertThat(a.reason().english()).isEqualTo(
                    "Cannot be judged (last judged for 2019): the target year 2020 has come and nobody has judged the milestone since.");
        }

        @Test
        void judgedNotAchievedForTheTargetYearIsMissed() {
            Judgement j = new Judgement(Verdict.AT_RISK, 2020, "尚未建成");

            Assessment a = ProgressRules.assess(milestone, Evidence.none().withJudgement(j).asOf(2021));

            assertThat(a.status()).isEqualTo(Status.NOT_ACHIEVED);
            assertThat(a.reason().english()).isEqualTo(
                    "Missed: the target year 2020 has come without the milestone being judged achieved"
                            + " (last judged for 2020: 尚未建成)");
        }

        @Test
        void aJudgementAfterTheAsOfYearIsNotYetKnown() {
            Judgement j = new Judgement(Verdict.ACHIEVED, 2019, "已建成");

            Assessment a = ProgressRules.assess(milestone, Evidence.none().withJudgement(j).asOf(2018));

            assertThat(a.status()).isEqualTo(Status.NOT_ASSESSED);
        }
    }

    @Nested
    class Inputs {

        @Test
        void targetYearMustFollowTheBaselineYear() {
            assertThatThrownBy(() -> TargetTerms.value(1, 2020, 2020)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must come after the baseline year");
        }

        @Test
        void rangeMustNotBeUpsideDown() {
            assertThatThrownBy(() -> TargetTerms.range(3, 1, 2015, 2020)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void multipleMustBePositive() {
            assertThatThrownBy(() -> TargetTerms.multiple(0, 2015, 2020)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void valuesMustBeFinite() {
            assertThatThrownBy(() -> TargetTerms.value(Double.NaN, 2015, 2020)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Figure.of(2015, Double.POSITIVE_INFINITY))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aSeriesHasOneFigureAYear() {
            assertThatThrownBy(() -> Series.empty().with(2015, 1).with(2015, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("two figures for 2015");
        }

        @Test
        void aSeriesIsKeptInYearOrder() {
            Series s = Series.empty().with(2017, 3).with(2015, 1).with(2016, 2);

            assertThat(s.observations()).extracting(Figure::year).containsExactly(2015, 2016, 2017);
            assertThat(s.latest()).isEqualTo(Figure.of(2017, 3));
        }
    }
}
