package org.yardstick.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yardstick.validation.Fixtures.COUNTY;
import static org.yardstick.validation.Fixtures.TIANSHAN;
import static org.yardstick.validation.Fixtures.d;
import static org.yardstick.validation.Fixtures.rule;
import static org.yardstick.validation.Fixtures.values;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yardstick.observation.Finding;
import org.yardstick.observation.Proposal;
import org.yardstick.observation.Severity;
import org.yardstick.shared.Period;
import org.yardstick.validation.internal.Condition;
import org.yardstick.validation.internal.RuleEvaluator;
import org.yardstick.validation.internal.ValidationProblem;

/** 合计等于分项之和, in memory: complete parts judged within the tolerance, incomplete ones not at all. */
class TotalOfPartsTest {

    static final Map<String, List<String>> AREA_AND_SIZE = new LinkedHashMap<>(Map.of(
            "AREA", List.of("urban", "rural-pastoral")));

    static Proposal proposal(String total, Map<String, BigDecimal> parts) {
        Map<String, BigDecimal> totals = total == null ? Map.of() : values("BB_USERS", total);
        return new Proposal(COUNTY, TIANSHAN, Period.year(2025), totals, Map.of(), Set.of(),
                parts.isEmpty() ? Map.of() : Map.of("BB_USERS", parts), AREA_AND_SIZE);
    }

    static List<Finding> check(String tolerance, Proposal p) {
        return new RuleEvaluator(List.of(rule("bb-parts", Severity.ERROR, "BB_USERS",
                new Condition.TotalOfParts(d(tolerance))))).check(p);
    }

    @Test
    void aTotalEqualToItsCompletePartsPassesAndOneOffIsFlaggedWithBothSums() {
        assertThat(check("0", proposal("10", values("urban", "6.5", "rural-pastoral", "3.5")))).isEmpty();
        assertThat(check("0", proposal("10", values("urban", "6.5", "rural-pastoral", "3.4")))).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(ValidationProblem.TOTAL_NOT_SUM);
                    assertThat(f.indicatorCode()).isEqualTo("BB_USERS");
                    assertThat(f.args()).containsExactly("10", "9.9", "urban + rural-pastoral", "0");
                });
    }

    @Test
    void theToleranceIsAShareOfTheTotalBothBoundsIncluded() {
        assertThat(check("1", proposal("200", values("urban", "100", "rural-pastoral", "102")))).isEmpty();
        assertThat(check("1", proposal("200", values("urban", "100", "rural-pastoral", "98")))).isEmpty();
        assertThat(check("1", proposal("200", values("urban", "100", "rural-pastoral", "102.01")))).hasSize(1);
    }

    @Test
    void incompletePartsOrNoTotalAreNotJudged() {
        assertThat(check("0", proposal("10", values("urban", "600")))).isEmpty();
        assertThat(check("0", proposal(null, values("urban", "6", "rural-pastoral", "3")))).isEmpty();
        assertThat(check("0", proposal("10", Map.of()))).isEmpty();
    }

    @Test
    void aNegativeToleranceIsNoCondition() {
        assertThatThrownBy(() -> new Condition.TotalOfParts(d("-1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
