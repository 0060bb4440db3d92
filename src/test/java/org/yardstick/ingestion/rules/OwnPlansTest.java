package org.yardstick.ingestion.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yardstick.ingestion.GoldFigures;
import org.yardstick.shared.CsvReader;

/**
 * The rules on plans they were not written for: two short plans of other provinces (Gansu broadband,
 * Sichuan information consumption) written for this test in the style of the seeds, with every figure
 * listed in {@code ingestion/own/own-gold.csv}. Every figure is found with kind, value, unit, year and
 * qualifier, and nothing else is proposed.
 */
class OwnPlansTest {

    @ParameterizedTest
    @ValueSource(strings = {"gs-bb-2016.txt", "sc-xxxf-2017.txt"})
    void everyFigureAndNothingElse(String file) {
        String text = GoldFigures.resource("/ingestion/own/" + file);
        List<Item> items = new ArrayList<>(new Extractor(GoldFigures.demoCatalogue()).extract(text, Extractor.Options.none()).items());
        CsvReader.Table gold = CsvReader.table("own-gold.csv", GoldFigures.resource("/ingestion/own/own-gold.csv"));
        int expected = 0;
        for (CsvReader.Row r : gold.rows()) {
            List<String> c = r.cells();
            if (!c.get(0).equals(file)) {
                continue;
            }
            expected++;
            String kind = c.get(1);
            BigDecimal value = c.get(2).isEmpty() ? null : new BigDecimal(c.get(2));
            BigDecimal high = c.get(3).isEmpty() ? null : new BigDecimal(c.get(3));
            Integer year = c.get(5).isEmpty() ? null : Integer.valueOf(c.get(5));
            Item hit = items.stream().filter(i -> i.kind().code().equals(kind)
                    && (value == null ? i.value() == null : i.value() != null && i.value().compareTo(value) == 0)
                    && (high == null || i.valueHigh() != null && i.valueHigh().compareTo(high) == 0)
                    && i.unit().equals(c.get(4)) && java.util.Objects.equals(i.year(), year)
                    && i.qualifierWord().equals(c.get(6))).findFirst().orElse(null);
            assertThat(hit).as("%s: %s", file, String.join(",", c)).isNotNull();
            items.remove(hit);
        }
        assertThat(expected).isGreaterThan(5);
        assertThat(items).as("proposed beyond the figures of " + file).isEmpty();
    }
}
