package org.yardstick.aggregation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Fuzz test of formulas of derived indicators (Jazzer). In a normal build it runs its seed corpus
 * ({@code FormulaFuzzTestInputs/formula/}: shares, division by zero, broken syntax, strings,
 * arrays and structures, huge powers and literals); with {@code JAZZER_FUZZ=1} it fuzzes. The
 * property: whatever the text, {@link Formula#parse} either gives a formula or refuses it with
 * {@link Formula.Invalid}; an evaluation answers an outcome and never throws.
 */
class FormulaFuzzTest {

    static final Set<String> KNOWN = Set.of("A", "B", "SW_REV", "INFO_IND_REV");

    @FuzzTest(maxDuration = "60s")
    void formula(FuzzedDataProvider data) {
        long a = data.consumeLong();
        long b = data.consumeLong();
        String text = data.consumeRemainingAsString();
        Formula f;
        try {
            f = Formula.parse("X", text, KNOWN);
        } catch (Formula.Invalid refused) {
            assertThat(refused.problem()).isNotNull();
            assertThat(refused.getMessage()).contains("X");
            return;
        }
        Map<String, BigDecimal> figures = new HashMap<>();
        for (String input : f.inputs()) {
            figures.put(input, BigDecimal.valueOf(input.hashCode() % 2 == 0 ? a : b, 2));
        }
        Formula.Evaluation e = f.evaluate(figures);
        assertThat(e.outcome()).isNotNull();
        assertThat(e.value() == null).isEqualTo(e.outcome() != Formula.Outcome.VALUE);
    }
}
