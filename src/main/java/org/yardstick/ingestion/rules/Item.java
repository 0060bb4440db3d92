package org.yardstick.ingestion.rules;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Qualifier;

/**
 * One proposed item of a document, with the exact sentence it came from.
 *
 * @param kind what it is
 * @param indicator the indicator as the document names it (empty if the rules found no name)
 * @param match the catalogue indicator it maps to, with the confidence, or null for a new indicator
 * @param value the number (a range's low end; a change is signed: 缩短10% is -10); null for
 *     comparators, milestones and tasks
 * @param valueHigh a range's high end, or null
 * @param unit the unit as written (亿元, %, 个百分点, Gbps); empty if none
 * @param year the period of a reported figure or the target year; null if the document does not say
 * @param baseYear the year a change, growth or multiple is measured from, if the document says
 * @param qualifierWord the document's own word (超过, 以上, 争取 …), or empty
 * @param qualifier what that word means
 * @param region the region code the item is about (the document's region unless it names another)
 * @param text a milestone's or task's statement; for figures, the clause the number stands in
 * @param units a task's responsible units as written, the lead first (empty for other kinds)
 * @param section the code of the section (heading) the item stands in, e.g. {@code 2.2.1}
 * @param sentence the sentence, verbatim
 * @param start offset of the sentence in the document
 * @param end offset after the sentence
 * @param figureStart offset of the figure (number, unit and qualifier) in the document
 * @param figureEnd offset after the figure
 * @param line 1-based line of the document
 * @param confidence how sure the rules are of the item as a whole (0–1)
 * @param breakdown the category of a breakdown as the document writes it (城市, 农村牧区 …) when one sentence gives
 *     the figure of one indicator for several categories; empty for a total
 * @param category the platform's code of that category (disaggregations) once the platform knows the indicator is
 *     broken down by it; empty until then (and for a total)
 */
public record Item(ItemKind kind, String indicator, Catalogue.@Nullable Match match, @Nullable BigDecimal value,
                   @Nullable BigDecimal valueHigh, String unit, @Nullable Integer year, @Nullable Integer baseYear,
                   String qualifierWord, Qualifier qualifier, String region, String text, List<String> units,
                   String section, String sentence, int start, int end, int figureStart, int figureEnd, int line,
                   double confidence, String breakdown, String category) implements java.io.Serializable {

    public Item {
        units = List.copyOf(units);
    }

    /** An item that is no breakdown (a total). */
    public Item(ItemKind kind, String indicator, Catalogue.@Nullable Match match, @Nullable BigDecimal value,
                @Nullable BigDecimal valueHigh, String unit, @Nullable Integer year, @Nullable Integer baseYear,
                String qualifierWord, Qualifier qualifier, String region, String text, List<String> units,
                String section, String sentence, int start, int end, int figureStart, int figureEnd, int line,
                double confidence) {
        this(kind, indicator, match, value, valueHigh, unit, year, baseYear, qualifierWord, qualifier, region, text, units,
                section, sentence, start, end, figureStart, figureEnd, line, confidence, "", "");
    }

    /** The same item with another catalogue match. */
    public Item withMatch(Catalogue.@Nullable Match m) {
        return new Item(kind, indicator, m, value, valueHigh, unit, year, baseYear, qualifierWord, qualifier, region,
                text, units, section, sentence, start, end, figureStart, figureEnd, line, confidence, breakdown, category);
    }

    /** The same item as the figure of {@code category} of a breakdown (the platform's code). */
    public Item withCategory(String code) {
        return new Item(kind, indicator, match, value, valueHigh, unit, year, baseYear, qualifierWord, qualifier, region,
                text, units, section, sentence, start, end, figureStart, figureEnd, line, confidence, breakdown, code);
    }

    /**
     * The same item as an indicator of its own, named with its category (农村牧区 + 平均宽带接入能力), when the platform
     * does not break the catalogue indicator down by that category: two proposals clearly named, no catalogue match.
     */
    public Item asOwnIndicator() {
        return new Item(kind, breakdown + indicator, null, value, valueHigh, unit, year, baseYear, qualifierWord, qualifier,
                region, text, units, section, sentence, start, end, figureStart, figureEnd, line, confidence, "", "");
    }

    /** The same item with the name of a breakdown's indicator and the category as written. */
    Item asBreakdown(String base, String word, Catalogue.@Nullable Match m) {
        return new Item(kind, base, m, value, valueHigh, unit, year, baseYear, qualifierWord, qualifier, region, text, units,
                section, sentence, start, end, figureStart, figureEnd, line, confidence, word, "");
    }
}
