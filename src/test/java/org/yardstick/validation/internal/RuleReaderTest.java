package org.yardstick.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.Severity;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/** A rule as written is read field by field; every wrong field is reported, each under its name. */
class RuleReaderTest {

    final RuleReader reader = new RuleReader(new RuleReader.Catalog(
            Set.of("BB_USERS", "FTTH_USERS", "FTTB_RATE", "INTERNET_PORTS", "IIDI"),
            Map.of("xj-county-info", Set.of("BB_USERS", "FTTH_USERS", "FTTB_RATE", "INTERNET_PORTS"))));

    static RuleForm form(String kind, String indicator, String other, String operator, String factor, String min,
                         String max, String threshold, String direction) {
        return new RuleForm("r-1", "规则", "Rule", kind, "error", "xj-county-info", indicator, other, operator, factor, min,
                max, threshold, direction, "true");
    }

    static RuleForm range(String min, String max) {
        return form("range", "FTTB_RATE", "", "", "", min, max, "", "");
    }

    static RuleForm comparison(String other, String operator, String factor) {
        return form("comparison", "FTTH_USERS", other, operator, factor, "", "", "", "");
    }

    static RuleForm yoy(String threshold, String direction) {
        return form("yoy_change", "BB_USERS", "", "", "", "", "", threshold, direction);
    }

    ValidationRule read(RuleForm f) {
        return reader.read(f, "form", 0, 0, "planner");
    }

    List<InputProblem> problems(RuleForm f) {
        return catchThrowableOfType(InvalidInputException.class, () -> read(f)).problems();
    }

    @Test
    void aGoodRuleOfEachKindIsRead() {
        ValidationRule r = read(range("0", "100"));
        assertThat(r.code()).isEqualTo("r-1");
        assertThat(r.severity()).isEqualTo(Severity.ERROR);
        assertThat(r.dataSetCode()).isEqualTo("xj-county-info");
        assertThat(r.enabled()).isTrue();
        assertThat(r.condition()).isEqualTo(new Condition.Range(new BigDecimal("0"), new BigDecimal("100")));

        assertThat(read(range("", "1,000")).condition()).isEqualTo(new Condition.Range(null, new BigDecimal("1000")));
        assertThat(read(comparison("BB_USERS", "<=", "")).condition())
                .isEqualTo(new Condition.Comparison(Operator.LE, "BB_USERS", BigDecimal.ONE));
        assertThat(read(comparison("BB_USERS", "≥", "0.5")).condition())
                .isEqualTo(new Condition.Comparison(Operator.GE, "BB_USERS", new BigDecimal("0.5")));
        assertThat(read(yoy("50", "")).condition()).isEqualTo(new Condition.YearOnYear(new BigDecimal("50"), Direction.EITHER));
        assertThat(read(yoy("30", "down")).condition()).isEqualTo(new Condition.YearOnYear(new BigDecimal("30"), Direction.DOWN));
        assertThat(read(form("required", "INTERNET_PORTS", "", "", "", "", "", "", "")).condition())
                .isEqualTo(new Condition.Required(null));
        assertThat(read(form("REQUIRED", "INTERNET_PORTS", "BB_USERS", "", "", "", "", "", "")).condition())
                .isEqualTo(new Condition.Required("BB_USERS"));
    }

    @Test
    void fieldsOfOtherKindsAreIgnored() {
        ValidationRule r = read(form("range", "FTTB_RATE", "nonsense", "??", "-3", "0", "100", "-1", "sideways"));
        assertThat(r.condition()).isEqualTo(new Condition.Range(new BigDecimal("0"), new BigDecimal("100")));
    }

    @Test
    void anEmptyFormNamesEveryRequiredField() {
        RuleForm empty = new RuleForm("", "", "", "", "", "", "", "", "", "", "", "", "", "", null);
        assertThat(problems(empty)).extracting(InputProblem::field)
                .containsExactly("code", "nameZh", "kind", "severity", "indicator");
        assertThat(problems(empty)).allSatisfy(p -> assertThat(p.kind()).isEqualTo(FileProblem.MISSING_FIELD));
    }

    @Test
    void unknownCodesAndChoices() {
        RuleForm f = new RuleForm("no spaces allowed", "规则", "", "sometimes", "fatal", "no-such-set", "NO_SUCH", "", "",
                "", "", "", "", "", "true");
        assertThat(problems(f)).extracting(p -> p.field() + ":" + p.kind())
                .containsExactly("code:BAD_CODE", "kind:NOT_ONE_OF", "severity:NOT_ONE_OF", "dataSet:UNKNOWN_DATA_SET",
                        "indicator:UNKNOWN_INDICATOR");
    }

    @Test
    void anIndicatorOutsideTheRulesDataSet() {
        assertThat(problems(form("range", "IIDI", "", "", "", "0", "", "", ""))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("indicator");
            assertThat(p.kind()).isEqualTo(ValidationProblem.NOT_IN_DATA_SET);
            assertThat(p.args()).containsExactly("xj-county-info");
        });
    }

    @Test
    void aRangeNeedsABoundAndItsMinimumNotAboveItsMaximum() {
        assertThat(problems(range("", ""))).singleElement()
                .satisfies(p -> assertThat(p.field() + ":" + p.kind()).isEqualTo("min:NO_BOUND"));
        assertThat(problems(range("100", "0"))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("max");
            assertThat(p.kind()).isEqualTo(ValidationProblem.MIN_ABOVE_MAX);
            assertThat(p.value()).isEqualTo("0");
            assertThat(p.reason()).isEqualTo("is below the minimum (100)");
        });
        assertThat(problems(range("zero", "1e16"))).extracting(p -> p.field() + ":" + p.kind())
                .containsExactly("min:NOT_A_NUMBER", "max:TOO_LARGE");
        assertThat(problems(range("0.123456789", ""))).extracting(InputProblem::kind)
                .containsExactly(CollectionProblem.TOO_PRECISE);
    }

    @Test
    void aComparisonNeedsBothOperandsAnOperatorAndAPositiveFactor() {
        assertThat(problems(comparison("", "", ""))).extracting(p -> p.field() + ":" + p.kind())
                .containsExactly("other:MISSING_FIELD", "operator:MISSING_FIELD");
        assertThat(problems(comparison("BB_USERS", "≈", "0"))).extracting(p -> p.field() + ":" + p.kind())
                .containsExactly("operator:NOT_ONE_OF", "factor:NOT_POSITIVE");
        assertThat(problems(comparison("FTTH_USERS", "<", "-2"))).extracting(p -> p.field() + ":" + p.kind())
                .containsExactly("other:SAME_INDICATOR", "factor:NOT_POSITIVE");
        assertThat(problems(comparison("NOPE", "<", ""))).extracting(p -> p.field() + ":" + p.kind())
                .containsExactly("other:UNKNOWN_INDICATOR");
        assertThat(problems(comparison("IIDI", "<", ""))).extracting(p -> p.field() + ":" + p.kind())
                .containsExactly("other:NOT_IN_DATA_SET");
    }

    @Test
    void aYearOnYearRuleNeedsAPositiveThreshold() {
        assertThat(problems(yoy("", ""))).extracting(p -> p.field() + ":" + p.kind())
                .containsExactly("threshold:MISSING_FIELD");
        assertThat(problems(yoy("0", ""))).extracting(p -> p.field() + ":" + p.kind())
                .containsExactly("threshold:NOT_POSITIVE");
        assertThat(problems(yoy("-5", "up"))).extracting(p -> p.field() + ":" + p.kind())
                .containsExactly("threshold:NOT_POSITIVE");
        assertThat(problems(yoy("50", "sideways"))).extracting(p -> p.field() + ":" + p.kind())
                .containsExactly("direction:NOT_ONE_OF");
    }

    @Test
    void namesHaveALimit() {
        RuleForm f = new RuleForm("r", "长".repeat(201), "x".repeat(301), "required", "warning", "", "BB_USERS", "", "", "",
                "", "", "", "", "");
        assertThat(problems(f)).extracting(p -> p.field() + ":" + p.kind())
                .containsExactly("nameZh:TOO_LONG", "nameEn:TOO_LONG");
    }

    @Test
    void aRuleWithoutADataSetMayNameAnyIndicator() {
        RuleForm f = new RuleForm("r", "规则", "", "range", "warning", "", "IIDI", "", "", "", "0", "", "", "", "");
        ValidationRule r = read(f);
        assertThat(r.dataSetCode()).isNull();
        assertThat(r.enabled()).isFalse();
    }
}
