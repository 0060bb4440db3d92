package org.yardstick.ingestion.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.ingestion.rules.Extractor;
import org.yardstick.ingestion.rules.Item;

/**
 * What the rules propose for one document: its text (as read, offsets refer to it), title, years,
 * sections and items. Held in the planner's session while they review it; never stored.
 *
 * @param source the file name, or {@code pasted.txt}
 * @param text the document's text; every item's offsets are offsets into it
 */
public record Proposal(String source, String text, String title, @Nullable Integer issuedYear, int referenceYear,
                       int planEndYear, String region, List<Extractor.SectionHead> sections, List<Item> items)
        implements java.io.Serializable {

    public Proposal {
        sections = List.copyOf(sections);
        items = List.copyOf(items);
    }
}
