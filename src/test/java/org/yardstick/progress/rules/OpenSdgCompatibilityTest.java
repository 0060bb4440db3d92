package org.yardstick.progress.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yardstick.framework.ChangeUnit;
import org.yardstick.framework.Polarity;

/**
 * Yardstick against Statistics Canada's progress method as Open SDG runs it. The fixtures are the
 * public progress fixtures of open-sdg/sdg-build ({@code tests/assets/progress-calculation/data/…}
 * with their {@code indicator-config/…} options), ported as values and the category the method
 * prescribes for them; sdg-build's defaults apply where a config is silent (base year 2015, target
 * year 2030, direction negative). A quantitative target with direction negative is an
 * {@code at_most} target here, positive an {@code at_least}; no target is {@code decrease} or
 * {@code increase}. The expected categories were worked out by hand from the method's formulas.
 */
class OpenSdgCompatibilityTest {

    static final int BASE = 2015;
    static final int DUE = 2030;

    /** {@code fixture, target, series, the method's category}. */
    static Stream<Arguments> fixtures() {
        return Stream.of(
                // data/indicator_1-1-1.csv, indicator-config/1-1-1.yml: no options (negative, no target);
                // no 2015 figure, so 2020 is the base ("the first available year following 2015")
                Arguments.of("1-1-1", TargetTerms.decrease(BASE, DUE), series(2020, 100, 2021, 120),
                        SdgCategory.DETERIORATION),
                Arguments.of("1-1-1 SEX=M", TargetTerms.decrease(BASE, DUE), series(2020, 50, 2021, 60),
                        SdgCategory.DETERIORATION),
                Arguments.of("1-1-1 SEX=F", TargetTerms.decrease(BASE, DUE), series(2020, 70, 2021, 80),
                        SdgCategory.DETERIORATION),
                // data/indicator_3-3-3.csv, indicator-config/3-3-3.yml: negative, target 0 (→ 0.001); R = −0.106
                Arguments.of("3-3-3", TargetTerms.atMost(0, BASE, DUE), series(2010, 1.51, 2011, 1.51, 2012, 1.38,
                        2013, 1.4, 2014, 1.27, 2015, 1.55, 2016, 1.69, 2017, 1.65, 2018, 1.62, 2019, 1.82),
                        SdgCategory.DETERIORATION),
                Arguments.of("3-3-3 Male", TargetTerms.atMost(0, BASE, DUE),
                        series(2015, 1.94, 2016, 2.07, 2017, 2.08, 2018, 2.07, 2019, 2.35), SdgCategory.DETERIORATION),
                Arguments.of("3-3-3 Female", TargetTerms.atMost(0, BASE, DUE),
                        series(2015, 1.16, 2016, 1.32, 2017, 1.22, 2018, 1.15, 2019, 1.28), SdgCategory.DETERIORATION),
                // data/temp/indicator_1-2-1.csv, indicator-config/temp/1-2-1.yml: negative, target 7.25; R = 1.91
                Arguments.of("1-2-1", TargetTerms.atMost(7.25, BASE, DUE),
                        series(2015, 14.5, 2016, 12.8, 2017, 11.7, 2018, 11, 2019, 10.1), SdgCategory.ON_TRACK),
                Arguments.of("1-2-1 Canada, Females", TargetTerms.atMost(7.25, BASE, DUE),
                        series(2015, 14.8, 2016, 13.3, 2017, 11.9, 2018, 10.9, 2019, 10.4), SdgCategory.ON_TRACK),
                Arguments.of("1-2-1 Edmonton, All persons", TargetTerms.atMost(7.25, BASE, DUE),
                        series(2015, 7.8, 2016, 9.2, 2017, 10.2, 2018, 7.5, 2019, 10.1), SdgCategory.DETERIORATION),
                // data/temp/indicator_1-a-2.csv, indicator-config/temp/1-a-2.yml: positive, no target
                Arguments.of("1-a-2", TargetTerms.increase(BASE, DUE),
                        series(2015, 57.781, 2016, 58.964, 2017, 58.478, 2018, 57.519, 2019, 56.143),
                        SdgCategory.DETERIORATION),
                Arguments.of("1-a-2 Yukon", TargetTerms.increase(BASE, DUE),
                        series(2015, 49.511, 2016, 52.433, 2017, 53.252, 2018, 50, 2019, 49.812),
                        SdgCategory.LIMITED_PROGRESS),
                // data/temp/indicator_17-8-1.csv, indicator-config/temp/17-8-1.yml: positive, no target;
                // 2018 is the base; CAGR 0.546% lies between 0.5% and 1.5%
                Arguments.of("17-8-1", TargetTerms.increase(BASE, DUE), series(2018, 91.3, 2020, 92.3),
                        SdgCategory.ACCELERATION_NEEDED),
                // data/temp/indicator_3-1-1.csv, indicator-config/temp/3-1-1.yml: negative, target 70
                Arguments.of("3-1-1", TargetTerms.atMost(70, BASE, DUE), series(2015, 7.060817171907362,
                        2016, 6.264650145392089, 2017, 6.625886543619536, 2018, 8.555028886589724,
                        2019, 7.526112923948628), SdgCategory.TARGET_ACHIEVED),
                // data/temp/indicator_3-2-1.csv, indicator-config/temp/3-2-1.yml: negative, target 25
                Arguments.of("3-2-1", TargetTerms.atMost(25, BASE, DUE),
                        series(2015, 5.3, 2016, 5.29, 2017, 5.16, 2018, 5.36, 2019, 5.07), SdgCategory.TARGET_ACHIEVED),
                // data/temp/indicator_3-2-2.csv, indicator-config/temp/3-2-2.yml: negative, target 12
                Arguments.of("3-2-2", TargetTerms.atMost(12, BASE, DUE),
                        series(2015, 4.5, 2016, 4.5, 2017, 4.5, 2018, 4.7, 2019, 4.4), SdgCategory.TARGET_ACHIEVED),
                // data/temp/indicator_3-3-1.csv, indicator-config/temp/3-3-1.yml: negative, no target (the
                // years before 2015, which the method does not use, abbreviated)
                Arguments.of("3-3-1", TargetTerms.decrease(BASE, DUE), series(1995, 9.96, 2000, 6.4, 2014, 5.41,
                        2015, 5.44, 2016, 5.98, 2017, 5.88, 2018, 6.19, 2019, 5.64), SdgCategory.DETERIORATION),
                Arguments.of("3-3-1 Male", TargetTerms.decrease(BASE, DUE),
                        series(2015, 8.3, 2016, 9.17, 2017, 9.01, 2018, 8.94, 2019, 7.91),
                        SdgCategory.ACCELERATION_NEEDED),
                Arguments.of("3-3-1 Female", TargetTerms.decrease(BASE, DUE),
                        series(2015, 2.6, 2016, 2.79, 2017, 2.77, 2018, 3.46, 2019, 3.38), SdgCategory.DETERIORATION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theSdgBuildFixturesGetTheMethodsCategory(String fixture, TargetTerms target, Series series, SdgCategory expected) {
        Assessment a = ProgressRules.assess(target, series);

        assertThat(a.category()).as("%s: %s", fixture, a.reason()).isEqualTo(expected);
        assertThat(a.status()).as(fixture).isEqualTo(expected.status());
    }

    static Series series(double... yearValue) {
        Series s = Series.empty();
        for (int i = 0; i < yearValue.length; i += 2) {
            s = s.with((int) yearValue[i], yearValue[i + 1]);
        }
        return s;
    }

    /** "If the target value is zero, it is replaced by 0.001"; "if the base value is zero, … by 0.001". */
    @Nested
    class Zeros {

        /** The case: halved in five years towards 0 is limited progress (R = 0.28), not on track. */
        @Test
        void halvingTowardsAZeroTargetInFiveYearsIsLimitedProgress() {
            Assessment a = ProgressRules.assess(TargetTerms.atMost(0, BASE, DUE), series(2015, 10, 2020, 5));

            assertThat(a.rates().basis()).isEqualTo(RateBasis.COMPOUND);
            assertThat(a.rates().required()).isCloseTo(100 * (Math.pow(0.0001, 1.0 / 15) - 1), within(1e-9));
            assertThat(a.rates().ratio()).isCloseTo(0.2821, within(1e-4));
            assertThat(a.category()).isEqualTo(SdgCategory.LIMITED_PROGRESS);
            assertThat(a.status()).isEqualTo(Status.OFF_TRACK);
            assertThat(a.hasNote(Reason.NOTE_ZERO_TARGET)).isTrue();
        }

        @Test
        void aZeroTargetMetIsAchievedAtZeroItself() {
            Assessment a = ProgressRules.assess(TargetTerms.atMost(0, BASE, DUE), series(2015, 10, 2020, 0));

            assertThat(a.status()).isEqualTo(Status.ACHIEVED);
        }

        @Test
        void aZeroBaseGrowsFrom0point001() {
            Assessment a = ProgressRules.assess(TargetTerms.increase(BASE, DUE), series(2015, 0, 2017, 0.004));

            // (0.004 / 0.001)^(1/2) − 1 = 100%
            assertThat(a.rates().achieved()).isCloseTo(100.0, within(1e-9));
            assertThat(a.status()).isEqualTo(Status.ON_TRACK);
            assertThat(a.hasNote(Reason.NOTE_ZERO_BASE)).isTrue();
        }

        @Test
        void aFallToZeroIsMinusOneHundredPercentAYear() {
            Assessment a = ProgressRules.assess(TargetTerms.increase(BASE, DUE), series(2015, 4, 2017, 0));

            assertThat(a.rates().achieved()).isEqualTo(-100.0);
            assertThat(a.category()).isEqualTo(SdgCategory.DETERIORATION);
        }

        /** A departure: 0 → 0 is no change, where 0.001 → 0 would be −100% a year. */
        @Test
        void zeroToZeroIsNoChange() {
            Assessment a = ProgressRules.assess(TargetTerms.decrease(BASE, DUE), series(2015, 0, 2018, 0));

            assertThat(a.rates().achieved()).isEqualTo(0.0);
            assertThat(a.category()).isEqualTo(SdgCategory.LIMITED_PROGRESS);
            assertThat(a.hasNote(Reason.NOTE_DEPARTURE_FLAT_ZERO)).isTrue();
        }
    }

    /** "it is valid only when all values are positive or all values are negative". */
    @Nested
    class Signs {

        @Test
        void aSeriesThatCrossesZeroIsUnableToAssess() {
            Assessment a = ProgressRules.assess(TargetTerms.increase(BASE, DUE), series(2015, -2, 2016, 1, 2017, 3));

            assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
            assertThat(a.reason().reason()).isEqualTo(Reason.SIGN_CHANGE);
            assertThat(a.reason().english()).startsWith("Unable to assess: the figures change sign, from -2 in 2015 to 1 in 2016");
            assertThat(a.category()).isNull();
        }

        /** The text says all values; sdg-build compares the two ends. We follow the text. */
        @Test
        void aCrossingInBetweenCountsToo() {
            Assessment a = ProgressRules.assess(TargetTerms.atLeast(10, BASE, DUE), series(2015, 2, 2016, -1, 2017, 3));

            assertThat(a.reason().reason()).isEqualTo(Reason.SIGN_CHANGE);
        }

        @Test
        void aTargetMetAcrossZeroIsStillAchieved() {
            Assessment a = ProgressRules.assess(TargetTerms.atLeast(1, BASE, DUE), series(2015, -2, 2017, 3));

            assertThat(a.status()).isEqualTo(Status.ACHIEVED);
        }

        /** "If all values are negative, the desired direction of progress is flipped". */
        @Test
        void aSeriesBelowZeroKeepsCompoundRatesWithTheDirectionFlipped() {
            // −10 → −8 in two years towards −5 by 2025: (0.8)^(1/2) − 1 = −10.56%, (0.5)^(1/10) − 1 = −6.70%
            TargetTerms t = TargetTerms.atLeast(-5, BASE, 2025);

            Assessment a = ProgressRules.assess(t, series(2015, -10, 2017, -8));

            assertThat(a.rates().basis()).isEqualTo(RateBasis.COMPOUND);
            assertThat(a.rates().achieved()).isCloseTo(100 * (Math.sqrt(0.8) - 1), within(1e-9));
            assertThat(a.rates().required()).isCloseTo(100 * (Math.pow(0.5, 0.1) - 1), within(1e-9));
            assertThat(a.rates().ratio()).isCloseTo((1 - Math.sqrt(0.8)) / (1 - Math.pow(0.5, 0.1)), within(1e-9));
            assertThat(a.category()).isEqualTo(SdgCategory.ON_TRACK);
            assertThat(a.hasNote(Reason.NOTE_NEGATIVE_SERIES)).isTrue();
        }

        @Test
        void aSeriesBelowZeroMovingAwayIsDeterioration() {
            Assessment a = ProgressRules.assess(TargetTerms.increase(BASE, DUE), series(2015, -10, 2017, -12));

            assertThat(a.category()).isEqualTo(SdgCategory.DETERIORATION);
            assertThat(a.reason().reason()).isEqualTo(Reason.DIRECTION_DETERIORATION);
        }

        @Test
        void aTargetAcrossZeroFromTheStartIsUnableToAssess() {
            TargetTerms t = TargetTerms.change(5, ChangeUnit.POINTS, BASE, DUE); // −2 + 5 = 3

            Assessment a = ProgressRules.assess(t, series(2015, -2, 2016, -1));

            assertThat(a.reason().reason()).isEqualTo(Reason.TARGET_ACROSS_ZERO);
            assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        }
    }

    /** "At least two years of data is required to calculate the progress measure." */
    @Nested
    class MinimumData {

        @Test
        void oneFigureGivesNoGrowth() {
            assertThat(ProgressRules.assess(TargetTerms.increase(BASE, DUE), series(2015, 5)).reason().reason())
                    .isEqualTo(Reason.NO_LATER_FIGURE);
            assertThat(ProgressRules.assess(TargetTerms.increase(BASE, DUE), series(2017, 5)).reason().reason())
                    .isEqualTo(Reason.ONLY_ONE_FIGURE);
            assertThat(ProgressRules.assess(TargetTerms.atMost(3, BASE, DUE), series(2015, 5)).status())
                    .isEqualTo(Status.INSUFFICIENT_DATA);
        }

        /** A departure: one figure that meets the target is achieved, and the notes say so. */
        @Test
        void oneFigureThatMeetsTheTargetIsAchievedWithTheDepartureNoted() {
            Assessment a = ProgressRules.assess(TargetTerms.atMost(3, BASE, DUE), series(2015, 2));

            assertThat(a.status()).isEqualTo(Status.ACHIEVED);
            assertThat(a.hasNote(Reason.NOTE_DEPARTURE_SINGLE_FIGURE)).isTrue();
        }

        @Test
        void noFigureAtAll() {
            assertThat(ProgressRules.assess(TargetTerms.decrease(BASE, DUE), Series.empty()).reason().reason())
                    .isEqualTo(Reason.NO_FIGURES);
        }
    }

    /** The thresholds for indicators without a quantitative target, and the scaling factor C. */
    @Nested
    class DirectionOnly {

        @Test
        void theThresholdsAreOneAndAHalfAndAHalfPercentAYear() {
            assertThat(category(TargetTerms.increase(BASE, DUE), 100, 100 * 1.0151 * 1.0151)).isEqualTo(SdgCategory.ON_TRACK);
            assertThat(category(TargetTerms.increase(BASE, DUE), 100, 100 * 1.0149 * 1.0149))
                    .isEqualTo(SdgCategory.ACCELERATION_NEEDED);
            assertThat(category(TargetTerms.increase(BASE, DUE), 100, 100 * 1.0051 * 1.0051))
                    .isEqualTo(SdgCategory.ACCELERATION_NEEDED);
            assertThat(category(TargetTerms.increase(BASE, DUE), 100, 100 * 1.0049 * 1.0049))
                    .isEqualTo(SdgCategory.LIMITED_PROGRESS);
            assertThat(category(TargetTerms.increase(BASE, DUE), 100, 100)).isEqualTo(SdgCategory.LIMITED_PROGRESS);
            assertThat(category(TargetTerms.increase(BASE, DUE), 100, 99.9)).isEqualTo(SdgCategory.DETERIORATION);
            assertThat(category(TargetTerms.decrease(BASE, DUE), 100, 100 / 1.02 / 1.02)).isEqualTo(SdgCategory.ON_TRACK);
        }

        @Test
        void theReasonSaysTheRateAndTheThreshold() {
            Assessment a = ProgressRules.assess(TargetTerms.increase(BASE, DUE), series(2015, 100, 2017, 100 * 1.01 * 1.01));

            assertThat(a.status()).isEqualTo(Status.AT_RISK);
            assertThat(a.reason().english()).isEqualTo("At risk: 1% a year in the wanted direction, short of the 1.5% "
                    + "a year of on track (at least 0.5%); progress must accelerate.");
            assertThat(a.targetLevel()).isNull();
            assertThat(a.progressPercent()).isNull();
        }

        /** 98 → 98.5 in two years is 0.25% a year: limited without the limit, on track near 100 (C = 0.086). */
        @Test
        void aMaximumLimitScalesTheThresholdsDown() {
            Series s = series(2018, 98, 2020, 98.5);

            Assessment free = ProgressRules.assess(TargetTerms.increase(BASE, DUE), s);
            Assessment capped = ProgressRules.assess(TargetTerms.increase(BASE, DUE).withLimit(100.0), s);

            assertThat(free.category()).isEqualTo(SdgCategory.LIMITED_PROGRESS);
            assertThat(capped.category()).isEqualTo(SdgCategory.ON_TRACK);
            assertThat(capped.hasNote(Reason.NOTE_LIMIT_SCALING)).isTrue();
            assertThat(capped.rates().required()).isCloseTo(1.5 * (1 - Math.pow(0.98, 4.44)), within(1e-12));
        }

        @Test
        void theScalingFactorFollowsSdgBuild() {
            assertThat(StatCan.scaling(98, 100.0, 1)).isCloseTo(1 - Math.pow(0.98, 4.44), within(1e-12));
            assertThat(StatCan.scaling(5, 4.0, -1)).isCloseTo(1 - Math.pow(0.75, 4.44), within(1e-12));
            assertThat(StatCan.scaling(9, 4.0, -1)).isEqualTo(1.0);
            assertThat(StatCan.scaling(100, 100.0, 1)).isEqualTo(0.0);
            // "a maximum limit is not considered for indicators whose desired direction of progress is negative"
            assertThat(StatCan.scaling(98, 100.0, -1)).isEqualTo(1.0);
            assertThat(StatCan.scaling(98, null, 1)).isEqualTo(1.0);
        }

        /** "if the calculated progress value is zero or greater (CAGR ≥ 0) … 'On track'" when y_0 = y_lim. */
        @Test
        void holdingTheLimitItStartedAtIsOnTrack() {
            TargetTerms t = TargetTerms.increase(BASE, DUE).withLimit(100.0);

            Assessment held = ProgressRules.assess(t, series(2015, 100, 2018, 100));
            Assessment fell = ProgressRules.assess(t, series(2015, 100, 2018, 99));

            assertThat(held.status()).isEqualTo(Status.ON_TRACK);
            assertThat(held.reason().reason()).isEqualTo(Reason.DIRECTION_AT_LIMIT);
            assertThat(fell.category()).isEqualTo(SdgCategory.DETERIORATION);
        }

        @Test
        void aDirectionAgainstThePolarityIsFollowedAndNoted() {
            TargetTerms t = TargetTerms.increase(BASE, DUE).withPolarity(Polarity.NEGATIVE);

            Assessment a = ProgressRules.assess(t, series(2015, 10, 2017, 11));

            assertThat(a.status()).isEqualTo(Status.ON_TRACK);
            assertThat(a.hasNote(Reason.NOTE_DIRECTION_AGAINST_POLARITY)).isTrue();
        }

        @Test
        void aDirectionOnlyTargetRefusesANumberAndOnlyItTakesALimit() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TargetTerms(
                            org.yardstick.framework.TargetKind.INCREASE, org.yardstick.framework.Qualifier.NONE, 5.0,
                            null, null, BASE, null, DUE, Polarity.POSITIVE, null))
                    .isInstanceOf(IllegalArgumentException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TargetTerms.atLeast(5, BASE, DUE).withLimit(100.0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        private SdgCategory category(TargetTerms t, double from, double to) {
            return ProgressRules.assess(t, series(2015, from, 2017, to)).category();
        }
    }

    /** Where Yardstick departs from the method, the notes say so. */
    @Nested
    class Departures {

        /** The method grades the latest figure (2022); Yardstick judges the target at 2020. */
        @Test
        void aTargetIsJudgedAtItsTargetYear() {
            TargetTerms t = TargetTerms.atLeast(20, BASE, 2020);

            Assessment missed = ProgressRules.assess(t, series(2015, 10, 2020, 15, 2022, 16));
            Assessment achieved = ProgressRules.assess(t, series(2015, 10, 2020, 21, 2022, 19));

            assertThat(missed.reason().reason()).isEqualTo(Reason.MISSED);
            assertThat(missed.hasNote(Reason.NOTE_DEPARTURE_TARGET_YEAR)).isTrue();
            assertThat(achieved.status()).isEqualTo(Status.ACHIEVED);
            assertThat(achieved.hasNote(Reason.NOTE_DEPARTURE_TARGET_YEAR)).isTrue();
        }

        @Test
        void noDepartureNoteWhereTheMethodAgrees() {
            Assessment a = ProgressRules.assess(TargetTerms.atLeast(20, BASE, 2020), series(2015, 10, 2018, 16));

            assertThat(a.notes()).noneMatch(n -> n.reason().name().startsWith("NOTE_DEPARTURE_"));
        }

        @Test
        void countsSayTheyAreLinear() {
            Assessment a = ProgressRules.assess(TargetTerms.count(20, BASE, 2020), series(2018, 9));

            assertThat(a.rates().basis()).isEqualTo(RateBasis.LINEAR);
            assertThat(a.hasNote(Reason.NOTE_DEPARTURE_COUNT_LINEAR)).isTrue();
        }
    }
}
