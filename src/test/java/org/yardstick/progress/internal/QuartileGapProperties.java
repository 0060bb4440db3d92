package org.yardstick.progress.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yardstick.framework.Polarity;

/** Invariants of the quartile gap (数字鸿沟) over generated values. */
class QuartileGapProperties {

    static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void theBestQuarterIsNeverWorseThanTheWorstAndTheRatioIsAtLeastOne() {
        qt().withExamples(500)
                .forAll(lists().of(doubles().between(0, 1e6)).ofSizeBetween(4, 300))
                .checkAssert(values -> {
                    for (Polarity p : Polarity.values()) {
                        QuartileGap g = QuartileGap.of(array(values), p);
                        assertThat(g.difference()).isGreaterThanOrEqualTo(0);
                        assertThat(g.k()).isEqualTo((values.size() + 3) / 4);
                        if (p == Polarity.POSITIVE) {
                            assertThat(g.bestMean()).isGreaterThanOrEqualTo(g.worstMean());
                        } else {
                            assertThat(g.bestMean()).isLessThanOrEqualTo(g.worstMean());
                        }
                        if (g.ratio() != null) {
                            assertThat(g.ratio()).isGreaterThanOrEqualTo(1.0 - 1e-12);
                        }
                    }
                });
    }

    @Test
    void theGapDoesNotDependOnTheOrderOfTheRegions() {
        qt().withExamples(300)
                .forAll(lists().of(doubles().between(-1e3, 1e3)).ofSizeBetween(4, 100), integers().between(0, 1000))
                .checkAssert((values, seed) -> {
                    List<Double> shuffled = new ArrayList<>(values);
                    Collections.shuffle(shuffled, new java.util.Random(seed));
                    QuartileGap a = QuartileGap.of(array(values), Polarity.POSITIVE);
                    QuartileGap b = QuartileGap.of(array(shuffled), Polarity.POSITIVE);
                    assertThat(b.difference()).isCloseTo(a.difference(), org.assertj.core.api.Assertions.within(1e-9));
                });
    }

    @Test
    void quartersMatchTheGapItsBestAndWorstQuartersHoldKRegionsEach() {
        qt().withExamples(200)
                .forAll(integers().between(4, 5000))
                .checkAssert(n -> {
                    int k = (n + 3) / 4;
                    int[] sizes = new int[5];
                    int previous = 1;
                    for (int i = 0; i < n; i++) {
                        int q = QuartileGap.quartile(i, n);
                        assertThat(q).isBetween(previous, 4);
                        previous = q;
                        sizes[q]++;
                    }
                    assertThat(sizes[1]).isEqualTo(k);
                    assertThat(sizes[4]).isEqualTo(k);
                    assertThat(Math.abs(sizes[2] - sizes[3])).isLessThanOrEqualTo(1);
                });
    }
}
