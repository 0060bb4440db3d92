package org.yardstick.ingestion.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzz test of the number and quantity rules (Jazzer). In a normal build it runs its seed corpus
 * ({@code QuantityFuzzTestInputs/quantities/}: targets, ranges, huge numbers, numerals, punctuation,
 * garbage); with {@code JAZZER_FUZZ=1} it fuzzes. The property: whatever the text, the rules answer
 * without throwing; every quantity lies inside the text, a range's high end is above its low end, and
 * every item's sentence is the text at its offsets.
 */
class QuantityFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void quantities(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        String normal = Widths.normalise(text);
        assertThat(normal).hasSameSizeAs(text);
        List<Quantity> found = Quantities.find(normal);
        for (Quantity q : found) {
            assertThat(q.start()).isBetween(0, q.numberStart());
            assertThat(q.numberStart()).isLessThan(q.end());
            assertThat(q.end()).isLessThanOrEqualTo(normal.length());
            assertThat(q.value().signum()).isGreaterThanOrEqualTo(0);
            if (q.valueHigh() != null) {
                assertThat(q.valueHigh()).isGreaterThan(q.value());
            }
        }
        Extractor.Extraction e = new Extractor(Catalogue.empty()).extract(text, Extractor.Options.none());
        for (Item i : e.items()) {
            assertThat(text.substring(i.start(), i.end())).isEqualTo(i.sentence());
            assertThat(i.figureStart()).isBetween(i.start(), i.end());
            assertThat(i.figureEnd()).isBetween(i.figureStart(), i.end());
        }
    }
}
