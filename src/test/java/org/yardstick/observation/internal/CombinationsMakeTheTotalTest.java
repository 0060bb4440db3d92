package org.yardstick.observation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When categories entered without a total make it: a whole dimension, directly or through every cell of each category. */
class CombinationsMakeTheTotalTest {

    static final Map<String, List<String>> AREA = Map.of("AREA", List.of("urban", "rural-pastoral"));
    static final Map<String, List<String>> CROSSED = Map.of(
            "AREA", List.of("urban", "rural-pastoral"),
            "ENTERPRISE_SIZE", List.of("large", "small"),
            "CROSSED", List.of("urban+large", "urban+small", "rural-pastoral+large", "rural-pastoral+small"));

    @Test
    void aWholeDimensionMakesTheTotalPartOfOneDoesNot() {
        assertThat(Combinations.makeTheTotal(Set.of("urban", "rural-pastoral"), AREA)).isTrue();
        assertThat(Combinations.makeTheTotal(Set.of("urban"), AREA)).isFalse();
        assertThat(Combinations.makeTheTotal(Set.of(), AREA)).isFalse();
        assertThat(Combinations.makeTheTotal(Set.of("urban", "rural-pastoral"), Map.of())).as("no declared dimension").isFalse();
    }

    @Test
    void cellsMakeTheirMarginsAndTheMarginsTheTotal() {
        assertThat(Combinations.makeTheTotal(Set.of("urban+large", "urban+small", "rural-pastoral+large", "rural-pastoral+small"), CROSSED))
                .isTrue();
        assertThat(Combinations.makeTheTotal(Set.of("urban+large", "urban+small", "rural-pastoral"), CROSSED))
                .as("urban from its cells, rural reported").isTrue();
        assertThat(Combinations.makeTheTotal(Set.of("urban+large", "rural-pastoral+large", "small"), CROSSED))
                .as("large from its cells, small reported").isTrue();
        assertThat(Combinations.makeTheTotal(Set.of("urban+large", "urban+small", "rural-pastoral+large"), CROSSED))
                .as("one cell missing: no margin of rural, none of small").isFalse();
    }
}
