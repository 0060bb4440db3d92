package org.yardstick.assessment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yardstick.assessment.engine.Disclosure.Cell;
import org.yardstick.assessment.engine.Disclosure.Table;
import org.yardstick.assessment.engine.Disclosure.Verdict;

class DisclosureTest {

    static Cell cell(String key, long firstId, double... values) {
        Map<Long, Double> m = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(firstId + i, values[i]);
        }
        return new Cell(key, m);
    }

    @Test
    void aGroupOfThreeIsSuppressedAndProtectedBySecondarySuppression() {
        Table t = Disclosure.control(List.of(
                cell("650102", 0, 50, 60, 70),
                cell("650103", 10, 50, 60, 70, 80, 90),
                cell("650104", 20, 40, 50, 60, 70, 80, 90)));
        assertThat(t.cells()).containsEntry("650102", Verdict.TOO_FEW)
                .containsEntry("650103", Verdict.SECONDARY)
                .containsEntry("650104", Verdict.PUBLISHED);
        assertThat(t.total()).isEqualTo(Verdict.PUBLISHED);
    }

    @Test
    void oneDominantEnterpriseSuppressesItsCell() {
        assertThat(Disclosure.primary(Map.of(1L, 1000.0, 2L, 10.0, 3L, 10.0, 4L, 10.0, 5L, 10.0)))
                .isEqualTo(Verdict.DOMINATED);
        assertThat(Disclosure.primary(Map.of(1L, 80.0, 2L, 10.0, 3L, 10.0, 4L, 10.0, 5L, 10.0)))
                .isEqualTo(Verdict.PUBLISHED);
    }

    @Test
    void aTotalOverTooFewIsSuppressedWithEverything() {
        Table t = Disclosure.control(List.of(cell("a", 0, 1, 2), cell("b", 5, 3)));
        assertThat(t.total()).isEqualTo(Verdict.TOO_FEW);
        assertThat(t.cells().values()).doesNotContain(Verdict.PUBLISHED);
    }

    /**
     * Property: in random tables (cells of 0–12 enterprises, some with one giant), every published figure — a
     * cell, the total, and the total minus the published cells — covers at least 5 enterprises none of which
     * makes more than 85 % of it; so no published table, nor any difference of its figures, gives one
     * enterprise's value.
     */
    @Test
    void noPublishedFigureNorDifferenceRevealsOneEnterprise() {
        Random random = new Random(23020);
        int tablesWithSuppression = 0;
        for (int n = 0; n < 5_000; n++) {
            List<Cell> cells = new ArrayList<>();
            long id = 0;
            int k = 1 + random.nextInt(8);
            for (int c = 0; c < k; c++) {
                int size = random.nextInt(13);
                double[] values = new double[size];
                for (int i = 0; i < size; i++) {
                    values[i] = random.nextInt(10) == 0 ? 1000 + random.nextInt(100_000) : random.nextInt(100);
                }
                cells.add(cell("c" + c, id, values));
                id += size;
            }
            Table t = Disclosure.control(cells);
            Map<Long, Double> hidden = new HashMap<>();
            Map<Long, Double> all = new HashMap<>();
            for (Cell c : cells) {
                all.putAll(c.values());
                if (t.published(c.key())) {
                    assertThat(Disclosure.primary(c.values())).isEqualTo(Verdict.PUBLISHED);
                } else {
                    hidden.putAll(c.values());
                }
            }
            if (t.total() == Verdict.PUBLISHED) {
                assertThat(Disclosure.primary(all)).isEqualTo(Verdict.PUBLISHED);
                assertThat(hidden.isEmpty() || Disclosure.primary(hidden) == Verdict.PUBLISHED)
                        .as("the suppressed cells together, recoverable from the total, are safe: " + cells).isTrue();
            }
            if (!hidden.isEmpty()) {
                tablesWithSuppression++;
            }
        }
        assertThat(tablesWithSuppression).isGreaterThan(1_000);
    }
}
