package org.yardstick.ingestion.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yardstick.ingestion.GoldFigures;

/**
 * Recall and precision on the five seeds against their gold figures (made from the demo framework
 * files, corrected where a document says less than the demo knows: bench/ingestion-gold.py) hold the
 * goal, recall ≥ 0.95 and precision ≥ 0.90 overall, and no seed falls below 0.95 / 0.85
 * (bench/ingestion.sh prints them per document).
 */
class SeedQualityTest {

    @Test
    void recallAndPrecisionHold() {
        Extractor extractor = new Extractor(GoldFigures.demoCatalogue());
        int gold = 0;
        int proposed = 0;
        int matched = 0;
        for (String seed : GoldFigures.SEEDS) {
            GoldFigures.Score s = GoldFigures.score(seed, extractor);
            gold += s.gold();
            proposed += s.proposed();
            matched += s.matched();
            assertThat(s.recall()).as(seed + " recall").isGreaterThanOrEqualTo(0.95);
            assertThat(s.precision()).as(seed + " precision").isGreaterThanOrEqualTo(0.85);
        }
        assertThat((double) matched / gold).as("overall recall").isGreaterThanOrEqualTo(0.95);
        assertThat((double) matched / proposed).as("overall precision").isGreaterThanOrEqualTo(0.90);
    }
}
