package org.yardstick.assessment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yardstick.assessment.engine.PeerPosition.PeerScores;

class PeerPositionTest {

    private static PeerScores s(double total, double a, double b) {
        return new PeerScores(total, Map.of("a", a, "b", b));
    }

    @Test
    void percentileAmongTheOthersAndMediansPerDimension() {
        Map<Long, PeerScores> g = new HashMap<>();
        g.put(1L, s(70, 65, 10));
        g.put(2L, s(50, 50, 10));
        g.put(3L, s(60, 60, 10));
        g.put(4L, s(80, 70, 10));
        g.put(5L, s(90, 80, 10));
        g.put(6L, s(95, 90, 100)); // dimension b: 100 of 150 is not above 85 %, still shown
        var p = PeerPosition.of(1L, g, List.of("a", "b"));
        assertThat(p.published()).isTrue();
        assertThat(p.count()).isEqualTo(6);
        // 2 of the 5 others are lower
        assertThat(p.percentile()).isEqualByComparingTo("40.0");
        // a: 50 60 65 70 80 90 → (65 + 70) / 2
        assertThat(p.medians().get("a")).isEqualByComparingTo("67.5");
        assertThat(p.medians().get("b")).isEqualByComparingTo("10.0");
    }

    @Test
    void aSmallOrDominatedGroupShowsNothingAndADominatedDimensionIsWithheldAlone() {
        Map<Long, PeerScores> g = new HashMap<>();
        for (long i = 1; i <= 4; i++) {
            g.put(i, s(50, 50, 50));
        }
        var few = PeerPosition.of(1L, g, List.of("a", "b"));
        assertThat(few.verdict()).isEqualTo(Disclosure.Verdict.TOO_FEW);
        assertThat(few.count()).isNull();
        assertThat(few.percentile()).isNull();
        assertThat(few.medians()).isEmpty();

        g.put(5L, s(100, 50, 100));
        g.put(6L, s(1, 1, 0));
        for (long i = 1; i <= 4; i++) {
            g.put(i, s(1, 50, 0));
        }
        // totals: 100 of 105 (> 85 %)
        assertThat(PeerPosition.of(1L, g, List.of("a", "b")).verdict()).isEqualTo(Disclosure.Verdict.DOMINATED);
        g.put(5L, s(50, 50, 100));
        g.put(6L, s(40, 1, 0));
        for (long i = 1; i <= 4; i++) {
            g.put(i, s(40, 50, 0));
        }
        var p = PeerPosition.of(1L, g, List.of("a", "b"));
        assertThat(p.published()).isTrue();
        assertThat(p.medians().get("a")).isEqualByComparingTo(BigDecimal.valueOf(50));
        // dimension b: one enterprise holds all of it
        assertThat(p.medians()).containsEntry("b", null);
    }

    @Test
    void theEnterpriseMustBeInItsGroup() {
        assertThatThrownBy(() -> PeerPosition.of(9L, Map.of(1L, s(1, 1, 1)), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
