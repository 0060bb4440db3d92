package org.yardstick.ingestion.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yardstick.ingestion.GoldFigures;

/**
 * The rules on plans they were not written for: five plans of other provinces (Gansu broadband,
 * Sichuan information consumption, Ningxia “互联网+” with an interview, a definition and the plan counting
 * its own tasks; Henan broadband and Guangdong information consumption, 30+ figures each, whose gold also names
 * the indicators of breakdowns and of things a sentence opens with) written for this test in the style of the seeds, with every figure listed in
 * {@code ingestion/own/own-gold.csv}. Every figure is found with kind, value, unit, year and qualifier,
 * and nothing else is proposed. bench/ingestion.sh prints their recall and precision apart from the seeds.
 */
class OwnPlansTest {

    @ParameterizedTest
    @ValueSource(strings = {"gs-bb-2016.txt", "sc-xxxf-2017.txt", "nx-hlw-2016.txt", "ha-kd-2016.txt", "gd-xxxf-2017.txt"})
    void everyFigureAndNothingElse(String file) {
        GoldFigures.OwnScore score = GoldFigures.ownScore(file, new Extractor(GoldFigures.demoCatalogue()));
        assertThat(score.gold()).isGreaterThan(5);
        assertThat(score.missed()).as("figures of %s not found", file).isEmpty();
        assertThat(score.wrong()).as("proposed beyond the figures of " + file).isEmpty();
    }
}
