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

    @Test
    void onlyAdditiveFiguresAddUpAcrossCategories() {
        assertThatThrownBy(() -> Breakdowns.total(RegionRule.MEAN, cells(), 4)).hasMessageContaining("MEAN");
    }
}
