package org.yardstick.progress.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yardstick.framework.ChangeUnit;
import org.yardstick.framework.TargetKind;

/**
 * From its target year on a target is achieved, not achieved, or cannot be judged (latest figure
 * YYYY) — never on track (issue 15). Every kind, before, at and after its target year (2020), each
 * with a series that falls short, one that meets it, and one that stops before the target year.
 * Figures are made up.
 */
class TargetYearStatusTest {

    private static final Set<Status> FINAL = EnumSet.of(Status.ACHIEVED, Status.NOT_ACHIEVED, Status.CANNOT_BE_JUDGED);

    /** kind, target, a series short of it in 2020, a series meeting it in 2020 (both start 2015). */
    static Stream<Arguments> kinds() {
        Series up = Series.empty().with(2015, 100).with(2016, 104).with(2017, 108).with(2018, 112).with(2019, 116);
        return Stream.of(
                Arguments.of(TargetTerms.value(200, 2015, 2020), up.with(2020, 120), up.with(2020, 201)),
                Arguments.of(TargetTerms.atLeast(200, 2015, 2020), up.with(2020, 120), up.with(2020, 200)),
                Arguments.of(TargetTerms.atMost(50, 2015, 2020), up.with(2020, 120), up.with(2020, 50)),
                Arguments.of(TargetTerms.range(150, 250, 2015, 2020), up.with(2020, 120), up.with(2020, 180)),
                Arguments.of(TargetTerms.change(50, ChangeUnit.PERCENT, 2015, 2020), up.with(2020, 120), up.with(2020, 150)),
                Arguments.of(TargetTerms.growthRate(10, 2015, 2020), up.with(2020, 120), up.with(2020, 170)),
                Arguments.of(TargetTerms.multiple(2, 2015, 2020), up.with(2020, 120), up.with(2020, 200)),
                Arguments.of(TargetTerms.count(200, 2015, 2020), up.with(2020, 120), up.with(2020, 200)),
                Arguments.of(TargetTerms.increase(2015, 2020), up.with(2020, 90), up.with(2020, 120)),
                Arguments.of(TargetTerms.decrease(2015, 2020), up.with(2020, 120), up.with(2020, 90)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void beforeTheTargetYearAnyStatusButNotMissed(TargetTerms t, Series shortOf, Series meeting) {
        Assessment a = ProgressRules.assess(t, Evidence.of(shortOf).asOf(2018));

        assertThat(a.status()).isNotIn(Status.NOT_ACHIEVED, Status.CANNOT_BE_JUDGED);
        assertThat(a.latest().year()).isEqualTo(2018);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void atTheTargetYearAFigureShortOfItIsNotAchieved(TargetTerms t, Series shortOf, Series meeting) {
        Assessment a = ProgressRules.assess(t, Evidence.of(shortOf).asOf(2020));

        assertThat(a.status()).isEqualTo(Status.NOT_ACHIEVED);
        assertThat(a.latest().year()).isEqualTo(2020);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void atTheTargetYearAFigureMeetingItIsAchieved(TargetTerms t, Series shortOf, Series meeting) {
        Assessment a = ProgressRules.assess(t, Evidence.of(meeting).asOf(2020));

        assertThat(a.status()).isEqualTo(Status.ACHIEVED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void atAndAfterTheTargetYearWithoutItsFigureItCannotBeJudged(TargetTerms t, Series shortOf, Series meeting) {
        Series stopped = shortOf.upTo(2016);
        for (int asOf : new int[] {2020, 2021, 2025}) {
            Assessment a = ProgressRules.assess(t, Evidence.of(stopped).asOf(asOf));

            assertThat(a.status()).as("as of %d", asOf).isEqualTo(Status.CANNOT_BE_JUDGED);
            assertThat(a.reason().reason()).isEqualTo(Reason.CANNOT_JUDGE);
            assertThat(a.reason().args()).containsExactly(2020, 2016);
            assertThat(a.reason().english()).startsWith("Cannot be judged (latest figure 2016)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void afterTheTargetYearOnlyFinalStatuses(TargetTerms t, Series shortOf, Series meeting) {
        for (Series s : new Series[] {shortOf, meeting, shortOf.upTo(2019), shortOf.upTo(2015), Series.empty()}) {
            for (int asOf = 2020; asOf <= 2030; asOf++) {
                Assessment a = ProgressRules.assess(t, Evidence.of(s).asOf(asOf));
                assertThat(a.status()).as("%s as of %d", s, asOf).isIn(FINAL);
            }
        }
    }

    /**
     * Issue 15: a final evaluation (as of 2020, target year 2020) rated 进展顺利 from a 2016 figure at
     * 25.7% of the way. Now it cannot be judged, and says which year its latest figure is from.
     */
    @Test
    void theFinalEvaluationNeverSaysOnTrackFromAnOldFigure() {
        TargetTerms t = TargetTerms.value(100, 2015, 2020);
        Series s = Series.empty().with(2015, 30).with(2016, 48);

        Assessment before = ProgressRules.assess(t, Evidence.of(s).asOf(2016));
        Assessment last = ProgressRules.assess(t, Evidence.of(s).asOf(2020));

        assertThat(before.status()).isEqualTo(Status.ON_TRACK);
        assertThat(last.status()).isEqualTo(Status.CANNOT_BE_JUDGED);
        assertThat(last.reason().english()).isEqualTo(
                "Cannot be judged (latest figure 2016): the target year 2020 has come without a figure for it.");
    }

    /** Found by ProgressRulesProperties (seeded at random): a flat series is no deterioration, also at the target year. */
    @Test
    void aDirectionNotMovedByTheTargetYearIsLimitedProgressNotDeterioration() {
        TargetTerms t = TargetTerms.increase(2015, 2020);
        Assessment flatNegative = ProgressRules.assess(t, Series.empty().with(2015, -200).with(2020, -200));
        Assessment flat = ProgressRules.assess(t, Series.empty().with(2015, 50).with(2020, 50));
        Assessment fell = ProgressRules.assess(t, Series.empty().with(2015, 50).with(2020, 40));

        assertThat(flatNegative.status()).isEqualTo(Status.NOT_ACHIEVED);
        assertThat(flatNegative.category()).isEqualTo(SdgCategory.LIMITED_PROGRESS);
        assertThat(flat.category()).isEqualTo(SdgCategory.LIMITED_PROGRESS);
        assertThat(fell.status()).isEqualTo(Status.NOT_ACHIEVED);
        assertThat(fell.category()).isEqualTo(SdgCategory.DETERIORATION);
    }

    @Test
    void aComparatorTargetAtItsYear() {
        TargetTerms t = TargetTerms.comparator(2015, 2020);
        Series national = Series.empty().with(2015, 60).with(2018, 66).with(2020, 70);
        Series behind = Series.empty().with(2015, 40).with(2018, 50).with(2020, 60);
        Series level = behind.upTo(2018).with(2020, 70);

        assertThat(ProgressRules.assess(t, Evidence.of(behind).withComparator(national).asOf(2018)).status())
                .isNotIn(FINAL);
        assertThat(ProgressRules.assess(t, Evidence.of(behind).withComparator(national).asOf(2020)).status())
                .isEqualTo(Status.NOT_ACHIEVED);
        assertThat(ProgressRules.assess(t, Evidence.of(level).withComparator(national).asOf(2020)).status())
                .isEqualTo(Status.ACHIEVED);
        Assessment stopped = ProgressRules.assess(t, Evidence.of(behind.upTo(2018)).withComparator(national).asOf(2021));
        assertThat(stopped.status()).isEqualTo(Status.CANNOT_BE_JUDGED);
        assertThat(stopped.reason().args()).containsExactly(2020, 2018);
    }

    @Test
    void aMilestoneAtItsYear() {
        TargetTerms t = TargetTerms.milestone(2015, 2020);
        Judgement early = new Judgement(Verdict.ON_TRACK, 2018, "推进中");
        Judgement atYear = new Judgement(Verdict.OFF_TRACK, 2020, "未建成");
        Judgement done = new Judgement(Verdict.ACHIEVED, 2020, "已建成");

        assertThat(ProgressRules.assess(t, Evidence.none().withJudgement(early).asOf(2019)).status())
                .isEqualTo(Status.ON_TRACK);
        assertThat(ProgressRules.assess(t, Evidence.none().withJudgement(early).asOf(2020)).status())
                .isEqualTo(Status.CANNOT_BE_JUDGED);
        assertThat(ProgressRules.assess(t, Evidence.none().withJudgement(atYear).asOf(2020)).status())
                .isEqualTo(Status.NOT_ACHIEVED);
        assertThat(ProgressRules.assess(t, Evidence.none().withJudgement(done).asOf(2022)).status())
                .isEqualTo(Status.ACHIEVED);
        assertThat(TargetKind.values()).hasSize(12); // a new kind needs a row here
    }
}
