package org.yardstick.aggregation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Formulas of derived indicators: parsed and checked once, evaluated on aggregated figures. */
class FormulaTest {

    static final Set<String> KNOWN = Set.of("SW_REV", "INFO_IND_REV", "BB_USERS", "FTTH_USERS", "SHARE", "A", "B", "C");

    @Test
    void aShareOfTwoIndicatorsIsEvaluatedExactly() {
        Formula f = Formula.parse("SW_SHARE", "SW_REV / INFO_IND_REV * 100", KNOWN);
        assertThat(f.inputs()).containsExactlyInAnyOrder("SW_REV", "INFO_IND_REV");
        var e = f.evaluate(Map.of("SW_REV", new BigDecimal("18.7"), "INFO_IND_REV", new BigDecimal("374")));
        assertThat(e.outcome()).isEqualTo(Formula.Outcome.VALUE);
        assertThat(e.value()).isEqualByComparingTo("5");
    }

    @Test
    void oneParsedFormulaGivesEachEvaluationItsOwnFigures() {
        Formula f = Formula.parse("SW_SHARE", "SW_REV / INFO_IND_REV * 100", KNOWN);
        assertThat(f.evaluate(Map.of("SW_REV", new BigDecimal("1"), "INFO_IND_REV", new BigDecimal("4"))).value()).isEqualByComparingTo("25");
        assertThat(f.evaluate(Map.of("SW_REV", new BigDecimal("3"), "INFO_IND_REV", new BigDecimal("4"))).value()).isEqualByComparingTo("75");
        assertThat(f.evaluate(Map.of("SW_REV", new BigDecimal("3"))).outcome()).isEqualTo(Formula.Outcome.MISSING_INPUTS);
    }

    @Test
    void missingInputsAndDivisionByZeroAreExplainedNotGuessed() {
        Formula f = Formula.parse("FTTH_SHARE", "FTTH_USERS / BB_USERS * 100", KNOWN);
        var missing = f.evaluate(Map.of("FTTH_USERS", BigDecimal.ONE));
        assertThat(missing.outcome()).isEqualTo(Formula.Outcome.MISSING_INPUTS);
        assertThat(missing.missing()).containsExactly("BB_USERS");
        var zero = f.evaluate(Map.of("FTTH_USERS", BigDecimal.ONE, "BB_USERS", BigDecimal.ZERO));
        assertThat(zero.outcome()).isEqualTo(Formula.Outcome.DIVISION_BY_ZERO);
        assertThat(zero.value()).isNull();
    }

    @Test
    void badFormulasAreRefusedWithTheirReason() {
        assertThat(catchThrowableOfType(Formula.Invalid.class, () -> Formula.parse("X", "  ", KNOWN)).problem())
                .isEqualTo(Formula.Problem.EMPTY);
        assertThat(catchThrowableOfType(Formula.Invalid.class, () -> Formula.parse("X", "SW_REV / (INFO_IND_REV", KNOWN)).problem())
                .isEqualTo(Formula.Problem.SYNTAX);
        Formula.Invalid unknown = catchThrowableOfType(Formula.Invalid.class, () -> Formula.parse("X", "SW_REV / NOPE", KNOWN));
        assertThat(unknown.problem()).isEqualTo(Formula.Problem.UNKNOWN_INDICATOR);
        assertThat(unknown.codes()).containsExactly("NOPE");
        assertThat(catchThrowableOfType(Formula.Invalid.class, () -> Formula.parse("SHARE", "SHARE * 2", KNOWN)).problem())
                .isEqualTo(Formula.Problem.SELF_REFERENCE);
    }

    @Test
    void derivedIndicatorsAreOrderedAfterWhatTheyReadAndCyclesAreNamed() {
        Map<String, Formula> formulas = new LinkedHashMap<>();
        formulas.put("C", Formula.parse("C", "A + B", KNOWN));
        formulas.put("A", Formula.parse("A", "SW_REV * 2", KNOWN));
        assertThat(Formula.evaluationOrder(formulas)).containsExactly("A", "C");

        formulas.put("B", Formula.parse("B", "C - 1", KNOWN));
        Formula.Invalid cycle = catchThrowableOfType(Formula.Invalid.class, () -> Formula.evaluationOrder(formulas));
        assertThat(cycle.problem()).isEqualTo(Formula.Problem.CYCLE);
        assertThat(cycle.codes()).containsSubsequence("B", "C").endsWith(cycle.codes().get(0));
    }

    @Test
    void aFormulaReadsNothingButTheFiguresGiven() {
        // no strings, no arrays, no structures: only arithmetic and the library's math functions
        assertThat(catchThrowableOfType(Formula.Invalid.class, () -> Formula.parse("X", "A[0]", KNOWN))).isNotNull();
        assertThat(catchThrowableOfType(Formula.Invalid.class, () -> Formula.parse("X", "A.b", KNOWN))).isNotNull();
        assertThat(Formula.parse("X", "MAX(A, B) / 2", KNOWN).evaluate(Map.of("A", BigDecimal.TEN, "B", BigDecimal.ONE)).value())
                .isEqualByComparingTo("5");
    }
}
