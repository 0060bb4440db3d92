package org.yardstick.index.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yardstick.index.engine.IndexEngine;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.Panel;

/** The benchmark compares like with like: the boxed baseline computes the same scores and ranks as the engine. */
class BaselineAgreesWithEngineTest {

    @Test
    void theBaselineComputesWhatTheEngineComputes() {
        IndexTree tree = SyntheticIndex.tree(18);
        Panel panel = SyntheticIndex.panel(3, 300, 18, 3);
        IndexResult engine = IndexEngine.compute(tree, SyntheticIndex.method(), panel, null);
        BoxedBaseline.Result baseline = new BoxedBaseline(panel, tree, 5).run();
        Panel scores = engine.scores();
        int compared = 0;
        for (int p = 0; p < scores.periodCount(); p++) {
            for (int u = 0; u < scores.unitCount(); u++) {
                for (int a = 0; a < scores.columns().size(); a++) {
                    String period = scores.periods().get(p);
                    String unit = scores.units().get(u);
                    String code = scores.columns().get(a);
                    Double expected = baseline.scores().get(period).get(unit).get(code);
                    assertThat(scores.value(a, u, p)).as(period + unit + code).isCloseTo(expected,
                            org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(engine.rank(a, u, p)).as(period + unit + code)
                            .isEqualTo(baseline.ranks().get(period).get(unit).get(code));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(3 * 300 * (1 + 3 + 3));
        long treated = engine.treatment().summaries().stream().filter(s -> s.steps() > 0).count();
        assertThat(treated).as("the synthetic data give outlier treatment work").isPositive();
    }
}
