package org.yardstick.aggregation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Totals and margins of broken-down figures (urban/rural × enterprise size), and a reported total checked. */
class BreakdownsTest {

    static Map<List<String>, BigDecimal> cells() {
        Map<List<String>, BigDecimal> m = new LinkedHashMap<>();
        m.put(List.of("URBAN", "LARGE"), new BigDecimal("12"));
        m.put(List.of("URBAN", "SMALL"), new BigDecimal("30"));
        m.put(List.of("RURAL", "LARGE"), new BigDecimal("3"));
        m.put(List.of("RURAL", "SMALL"), new BigDecimal("15"));
        return m;
    }

    @Test
    void theTotalAndTheMarginsOfACrossedTable() {
        var total = Breakdowns.total(RegionRule.SUM, cells(), 4).orElseThrow();
        assertThat(total.value()).isEqualByComparingTo("60");
        assertThat(total.complete()).isTrue();
        assertThat(Breakdowns.margin(cells(), 0)).containsEntry("URBAN", new BigDecimal("42")).containsEntry("RURAL", new BigDecimal("18"));
        assertThat(Breakdowns.margin(cells(), 1)).containsEntry("LARGE", new BigDecimal("15"));
    }

    @Test
    void aReportedTotalThatDisagreesWithItsPartsIsFound() {
        assertThat(Breakdowns.check(new BigDecimal("60"), cells(), 4, BigDecimal.ZERO)).isEmpty();
        var d = Breakdowns.check(new BigDecimal("65"), cells(), 4, new BigDecimal("0.001")).orElseThrow();
        assertThat(d.difference()).isEqualByComparingTo("5");
        assertThat(Breakdowns.check(new BigDecimal("60.01"), cells(), 4, new BigDecimal("0.001"))).as("rounding").isEmpty();
        assertThat(Breakdowns.check(new BigDecimal("65"), cells(), 5, BigDecimal.ZERO)).as("parts incomplete").isEmpty();
    }

    /**
     * The property of crossed tables (交叉分组): on random tables of 1–4 × 1–5 cells, the margins made from the cells
     * ({@code withMargins}) are {@code margin}'s, each margin sums to the total of the cells, and a margin reported
     * is left as reported; a row with a cell missing makes no margin.
     */
    @Test
    void theSumOfTheCellsEqualsEachMarginEqualsTheTotal() {
        java.util.Random random = new java.util.Random(51);
        for (int round = 0; round < 500; round++) {
            int rows = 1 + random.nextInt(4);
            int columns = 1 + random.nextInt(5);
            Map<List<String>, BigDecimal> byCell = new LinkedHashMap<>();
            Map<List<String>, BigDecimal> combinations = new LinkedHashMap<>();
            java.util.Set<List<String>> areas = new java.util.LinkedHashSet<>();
            java.util.Set<List<String>> sizes = new java.util.LinkedHashSet<>();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    BigDecimal v = BigDecimal.valueOf(random.nextLong(-1_000_000, 10_000_000), random.nextInt(4));
                    byCell.put(List.of("a" + r, "s" + c), v);
                    combinations.put(List.of("a" + r + "+s" + c), v);
                    areas.add(List.of("a" + r));
                    sizes.add(List.of("s" + c));
                }
            }
            BigDecimal total = Breakdowns.total(RegionRule.SUM, byCell, rows * columns).orElseThrow().value();
            Map<String, java.util.Collection<List<String>>> expected = Map.of("AREA", areas, "SIZE", sizes,
                    "CROSSED", combinations.keySet());
            var made = Breakdowns.withMargins(Map.of("CROSSED", combinations), expected, "CROSSED", "+");
            for (var dimension : List.of("AREA", "SIZE")) {
                Map<String, BigDecimal> margin = Breakdowns.margin(byCell, dimension.equals("AREA") ? 0 : 1);
                assertThat(made.get(dimension)).hasSize(margin.size());
                margin.forEach((category, v) -> assertThat(made.get(dimension).get(List.of(category))).isEqualByComparingTo(v));
                assertThat(made.get(dimension).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                        .as("round %d: the margins of %s sum to the total", round, dimension).isEqualByComparingTo(total);
            }
            // a reported margin stays; a row with a cell missing makes none
            Map<List<String>, BigDecimal> partial = new LinkedHashMap<>(combinations);
            partial.remove(List.of("a0+s0"));
            var withReported = Breakdowns.withMargins(Map.of("CROSSED", partial, "SIZE", Map.of(List.of("s1"), BigDecimal.ONE)),
                    expected, "CROSSED", "+");
            assertThat(withReported.getOrDefault("AREA", Map.of())).doesNotContainKey(List.of("a0"));
            assertThat(withReported.get("SIZE")).doesNotContainKey(List.of("s0")).containsEntry(List.of("s1"), BigDecimal.ONE);
        }
    }

    @Test
    void onlyAdditiveFiguresAddUpAcrossCategories() {
        assertThatThrownBy(() -> Breakdowns.total(RegionRule.MEAN, cells(), 4)).hasMessageContaining("MEAN");
    }
}
