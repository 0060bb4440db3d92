package org.yardstick.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yardstick.validation.Fixtures.COUNTY;
import static org.yardstick.validation.Fixtures.TIANSHAN;
import static org.yardstick.validation.Fixtures.change;
import static org.yardstick.validation.Fixtures.d;
import static org.yardstick.validation.Fixtures.rule;
import static org.yardstick.validation.Fixtures.values;
import static org.yardstick.validation.Fixtures.whole;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yardstick.observation.Finding;
import org.yardstick.observation.Proposal;
import org.yardstick.observation.Severity;
import org.yardstick.shared.Period;
import org.yardstick.validation.internal.Condition;
import org.yardstick.validation.internal.Direction;
import org.yardstick.validation.internal.Operator;
import org.yardstick.validation.internal.RuleEvaluator;
import org.yardstick.validation.internal.ValidationProblem;
import org.yardstick.validation.internal.ValidationRule;

/** Each kind of rule, evaluated in memory on proposals built by hand. */
class RuleEvaluatorTest {

    static List<Finding> check(ValidationRule rule, Proposal p) {
        return new RuleEvaluator(List.of(rule)).check(p);
    }

    @Nested
    class Range {
        final ValidationRule rate = rule("rate", Severity.ERROR, "FTTB_RATE", new Condition.Range(d("0"), d("100")));

        @Test
        void bothBoundsAreIncluded() {
            assertThat(check(rate, whole(values("FTTB_RATE", "0")))).isEmpty();
            assertThat(check(rate, whole(values("FTTB_RATE", "100")))).isEmpty();
            assertThat(check(rate, whole(values("FTTB_RATE", "55.5")))).isEmpty();
        }

        @Test
        void belowTheMinimumAndAboveTheMaximumAreFound() {
            assertThat(check(rate, whole(values("FTTB_RATE", "-0.1")))).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.indicatorCode()).isEqualTo("FTTB_RATE");
                assertThat(f.kind()).isEqualTo(ValidationProblem.BELOW_MIN);
                assertThat(f.args()).containsExactly("-0.1", "0");
                assertThat(f.ruleCode()).isEqualTo("rate");
            });
            assertThat(check(rate, whole(values("FTTB_RATE", "100.50")))).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(ValidationProblem.ABOVE_MAX);
                assertThat(f.args()).containsExactly("100.5", "100");
            });
        }

        @Test
        void oneBoundIsEnough() {
            ValidationRule notNegative = rule("nn", Severity.ERROR, "BB_USERS", new Condition.Range(d("0"), null));
            assertThat(check(notNegative, whole(values("BB_USERS", "1e9")))).isEmpty();
            assertThat(check(notNegative, whole(values("BB_USERS", "-1")))).hasSize(1);
            ValidationRule atMost = rule("am", Severity.WARNING, "BB_USERS", new Condition.Range(null, d("10")));
            assertThat(check(atMost, whole(values("BB_USERS", "-1000")))).isEmpty();
            assertThat(check(atMost, whole(values("BB_USERS", "11")))).singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        }

        @Test
        void anAbsentFigureSaysNothing() {
            assertThat(check(rate, whole(values("BB_USERS", "5")))).isEmpty();
        }

        @Test
        void aRangeWithoutBoundsOrWithTheMinimumAboveTheMaximumCannotBeMade() {
            assertThatThrownBy(() -> new Condition.Range(null, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Condition.Range(d("2"), d("1"))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Required {
        @Test
        void aMissingFigureIsFound() {
            ValidationRule r = rule("req", Severity.ERROR, "INTERNET_PORTS", new Condition.Required(null));
            assertThat(check(r, whole(values("BB_USERS", "5")))).singleElement().satisfies(f -> {
                assertThat(f.indicatorCode()).isEqualTo("INTERNET_PORTS");
                assertThat(f.kind()).isEqualTo(ValidationProblem.MISSING);
            });
            assertThat(check(r, whole(values("INTERNET_PORTS", "0")))).isEmpty();
        }

        @Test
        void withAConditionOnlyWhenTheOtherFigureIsPresent() {
            ValidationRule r = rule("req-when", Severity.ERROR, "FTTH_USERS", new Condition.Required("BB_USERS"));
            assertThat(check(r, whole(values("MOBILE_INTERNET_USERS", "5")))).isEmpty();
            assertThat(check(r, whole(values("BB_USERS", "5")))).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(ValidationProblem.MISSING_WITH);
                assertThat(f.args()).containsExactly("BB_USERS");
            });
            assertThat(check(r, whole(values("BB_USERS", "5", "FTTH_USERS", "3")))).isEmpty();
        }

        @Test
        void anUnconditionalRuleDoesNotStopADraftThatLeavesTheFigureOut() {
            // entering other figures does not touch the required one: it is judged at submission
            ValidationRule r = rule("req", Severity.ERROR, "INTERNET_PORTS", new Condition.Required(null));
            assertThat(check(r, change(values("BB_USERS", "5"), Map.of(), "BB_USERS"))).isEmpty();
        }

        @Test
        void aConditionalRuleSpeaksWhenTheFigureThatRequiresItIsEntered() {
            ValidationRule r = rule("req-when", Severity.ERROR, "FTTH_USERS", new Condition.Required("BB_USERS"));
            assertThat(check(r, change(values("BB_USERS", "5"), Map.of(), "BB_USERS"))).hasSize(1);
        }
    }

    @Nested
    class Comparison {
        final ValidationRule ftthLeBb = rule("ftth-le-bb", Severity.ERROR, "FTTH_USERS",
                new Condition.Comparison(Operator.LE, "BB_USERS", d("1")));

        @Test
        void holdsOrIsFound() {
            assertThat(check(ftthLeBb, whole(values("BB_USERS", "10", "FTTH_USERS", "10")))).isEmpty();
            assertThat(check(ftthLeBb, whole(values("BB_USERS", "10", "FTTH_USERS", "9.99")))).isEmpty();
            assertThat(check(ftthLeBb, whole(values("BB_USERS", "10", "FTTH_USERS", "10.01")))).singleElement()
                    .satisfies(f -> {
                        assertThat(f.indicatorCode()).isEqualTo("FTTH_USERS");
                        assertThat(f.kind()).isEqualTo(ValidationProblem.COMPARISON);
                        assertThat(f.args()).containsExactly("FTTH_USERS", "10.01", "≤", "BB_USERS", "10");
                    });
        }

        @Test
        void everyOperator() {
            Map<Operator, List<Boolean>> holdsFor3vs = Map.of(
                    Operator.LT, List.of(false, false, true),
                    Operator.LE, List.of(false, true, true),
                    Operator.EQ, List.of(false, true, false),
                    Operator.GE, List.of(true, true, false),
                    Operator.GT, List.of(true, false, false));
            List<String> others = List.of("2", "3", "4");
            holdsFor3vs.forEach((op, expected) -> {
                ValidationRule r = rule("op", Severity.ERROR, "FTTH_USERS", new Condition.Comparison(op, "BB_USERS", d("1")));
                for (int i = 0; i < others.size(); i++) {
                    boolean holds = check(r, whole(values("FTTH_USERS", "3", "BB_USERS", others.get(i)))).isEmpty();
                    assertThat(holds).as("3 %s %s", op.symbol(), others.get(i)).isEqualTo(expected.get(i));
                }
            });
        }

        @Test
        void theOtherSideIsMultipliedByTheFactor() {
            ValidationRule r = rule("ports", Severity.WARNING, "BB_USERS",
                    new Condition.Comparison(Operator.LE, "INTERNET_PORTS", d("1.5")));
            assertThat(check(r, whole(values("BB_USERS", "15", "INTERNET_PORTS", "10")))).isEmpty();
            assertThat(check(r, whole(values("BB_USERS", "15.1", "INTERNET_PORTS", "10")))).singleElement()
                    .satisfies(f -> {
                        assertThat(f.kind()).isEqualTo(ValidationProblem.COMPARISON_FACTOR);
                        assertThat(f.args()).containsExactly("BB_USERS", "15.1", "≤", "1.5", "INTERNET_PORTS", "10", "15");
                    });
        }

        @Test
        void nothingIsSaidWhileEitherFigureIsAbsent() {
            assertThat(check(ftthLeBb, whole(values("FTTH_USERS", "10")))).isEmpty();
            assertThat(check(ftthLeBb, whole(values("BB_USERS", "10")))).isEmpty();
        }

        @Test
        void theFindingNamesTheFigureTheChangeTouched() {
            Map<String, java.math.BigDecimal> v = values("BB_USERS", "5", "FTTH_USERS", "10");
            assertThat(check(ftthLeBb, change(v, Map.of(), "BB_USERS"))).singleElement()
                    .satisfies(f -> assertThat(f.indicatorCode()).isEqualTo("BB_USERS"));
            assertThat(check(ftthLeBb, change(v, Map.of(), "FTTH_USERS"))).singleElement()
                    .satisfies(f -> assertThat(f.indicatorCode()).isEqualTo("FTTH_USERS"));
            assertThat(check(ftthLeBb, change(v, Map.of(), "FTTH_USERS", "BB_USERS"))).singleElement()
                    .satisfies(f -> assertThat(f.indicatorCode()).isEqualTo("FTTH_USERS"));
        }

        @Test
        void aFactorMustBePositive() {
            assertThatThrownBy(() -> new Condition.Comparison(Operator.LE, "BB_USERS", d("0")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class YearOnYear {
        final ValidationRule either = rule("yoy", Severity.WARNING, "BB_USERS",
                new Condition.YearOnYear(d("50"), Direction.EITHER));

        @Test
        void aChangeBeyondTheThresholdIsFoundEitherWay() {
            assertThat(check(either, change(values("BB_USERS", "151"), values("BB_USERS", "100"), "BB_USERS")))
                    .singleElement().satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.WARNING);
                        assertThat(f.kind()).isEqualTo(ValidationProblem.YOY_CHANGE);
                        assertThat(f.args()).containsExactly("+51.0", "100", "151", "50");
                    });
            assertThat(check(either, change(values("BB_USERS", "40"), values("BB_USERS", "100"), "BB_USERS")))
                    .singleElement().satisfies(f -> assertThat(f.args().get(0)).isEqualTo("-60.0"));
        }

        @Test
        void exactlyTheThresholdIsNotBeyondIt() {
            assertThat(check(either, change(values("BB_USERS", "150"), values("BB_USERS", "100"), "BB_USERS"))).isEmpty();
            assertThat(check(either, change(values("BB_USERS", "50"), values("BB_USERS", "100"), "BB_USERS"))).isEmpty();
        }

        @Test
        void aDirectionLimitsWhatIsFound() {
            ValidationRule up = rule("up", Severity.WARNING, "BB_USERS", new Condition.YearOnYear(d("50"), Direction.UP));
            ValidationRule down = rule("down", Severity.WARNING, "BB_USERS", new Condition.YearOnYear(d("50"), Direction.DOWN));
            Proposal rise = whole2(values("BB_USERS", "200"), values("BB_USERS", "100"));
            Proposal fall = whole2(values("BB_USERS", "10"), values("BB_USERS", "100"));
            assertThat(check(up, rise)).hasSize(1);
            assertThat(check(up, fall)).isEmpty();
            assertThat(check(down, rise)).isEmpty();
            assertThat(check(down, fall)).hasSize(1);
        }

        @Test
        void aNegativeFigureLastYearCountsByItsSize() {
            // from -100 to -10 is a rise of 90 % of last year's size
            assertThat(check(either, whole2(values("BB_USERS", "-10"), values("BB_USERS", "-100")))).singleElement()
                    .satisfies(f -> assertThat(f.args().get(0)).isEqualTo("+90.0"));
        }

        @Test
        void withoutLastYearsFigureOrWithZeroNothingIsSaid() {
            assertThat(check(either, whole2(values("BB_USERS", "1000"), Map.of()))).isEmpty();
            assertThat(check(either, whole2(values("BB_USERS", "1000"), values("BB_USERS", "0")))).isEmpty();
            assertThat(check(either, whole2(Map.of(), values("BB_USERS", "10")))).isEmpty();
        }

        Proposal whole2(Map<String, java.math.BigDecimal> values, Map<String, java.math.BigDecimal> previous) {
            return new Proposal(COUNTY, TIANSHAN, Period.year(2025), values, previous, Set.of());
        }
    }

    @Nested
    class WhichRulesApply {
        final ValidationRule ftthLeBb = rule("ftth-le-bb", Severity.ERROR, "FTTH_USERS",
                new Condition.Comparison(Operator.LE, "BB_USERS", d("1")));
        final Map<String, java.math.BigDecimal> wrong = values("BB_USERS", "5", "FTTH_USERS", "10", "FTTB_RATE", "20");

        @Test
        void disabledRulesSayNothing() {
            assertThat(check(Fixtures.disabled(ftthLeBb), whole(wrong))).isEmpty();
            assertThat(new RuleEvaluator(List.of(Fixtures.disabled(ftthLeBb))).rules()).isEmpty();
        }

        @Test
        void aRuleLimitedToAnotherDataSetSaysNothing() {
            ValidationRule elsewhere = rule("x", Severity.ERROR, "other-set", "FTTH_USERS",
                    new Condition.Comparison(Operator.LE, "BB_USERS", d("1")));
            ValidationRule here = rule("y", Severity.ERROR, "xj-county-info", "FTTH_USERS",
                    new Condition.Comparison(Operator.LE, "BB_USERS", d("1")));
            assertThat(new RuleEvaluator(List.of(elsewhere, here)).check(whole(wrong))).extracting(Finding::ruleCode)
                    .containsExactly("y");
        }

        @Test
        void aRuleReadingAnIndicatorOutsideTheDataSetSaysNothing() {
            ValidationRule required = rule("r", Severity.ERROR, "IIDI", new Condition.Required(null));
            assertThat(check(required, whole(wrong))).isEmpty();
        }

        @Test
        void aChangeIsJudgedByTheRulesOfTheFiguresItTouches() {
            ValidationRule rate = rule("rate", Severity.ERROR, "FTTB_RATE", new Condition.Range(d("0"), d("10")));
            RuleEvaluator both = new RuleEvaluator(List.of(ftthLeBb, rate));
            assertThat(both.check(change(wrong, Map.of(), "MOBILE_INTERNET_USERS"))).isEmpty();
            assertThat(both.check(change(wrong, Map.of(), "FTTB_RATE"))).extracting(Finding::ruleCode).containsExactly("rate");
            assertThat(both.check(change(wrong, Map.of(), "BB_USERS"))).extracting(Finding::ruleCode)
                    .containsExactly("ftth-le-bb");
            assertThat(both.check(whole(wrong))).extracting(Finding::ruleCode).containsExactlyInAnyOrder("ftth-le-bb", "rate");
        }

        @Test
        void aDataSetWhoseIndicatorsChangeIsLookedAtAgain() {
            RuleEvaluator e = new RuleEvaluator(List.of(ftthLeBb));
            var narrow = Fixtures.dataSet(COUNTY.id(), COUNTY.code(), "FTTH_USERS");
            assertThat(e.check(new Proposal(narrow, TIANSHAN, Period.year(2025), wrong, Map.of(), Set.of()))).isEmpty();
            assertThat(e.check(whole(wrong))).hasSize(1);
        }
    }
}
