package org.yardstick.ingestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.yardstick.framework.Change;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.ingestion.internal.DocumentText;
import org.yardstick.ingestion.internal.FrameworkHandover;
import org.yardstick.ingestion.rules.Catalogue;
import org.yardstick.ingestion.rules.Extractor;
import org.yardstick.ingestion.rules.Item;

/**
 * Plan ingestion: read a document, propose its framework, commit what the planner accepted. Reading
 * and proposing store nothing; committing goes through the framework import in one transaction.
 */
@Service
public class Ingestion {

    /** Proposals at or above this confidence are accepted by “accept all sure ones”. */
    public static final double HIGH_CONFIDENCE = 0.8;

    private final Indicators indicators;
    private final FrameworkHandover handover;

    Ingestion(Indicators indicators, FrameworkHandover handover) {
        this.indicators = indicators;
        this.handover = handover;
    }

    /**
     * The text of an uploaded file (.txt in UTF-8/GBK/GB18030, .docx, .doc, .pdf with a text layer).
     *
     * @throws org.yardstick.shared.InvalidInputException empty, too large, damaged, protected, image-only,
     *     binary or in an unknown encoding
     */
    public String read(String fileName, byte[] bytes) {
        return DocumentText.read(fileName, bytes);
    }

    /** The proposals for a document's text; {@code region} is the code the items are about (may be empty). */
    public Proposal propose(String source, String text, String region, @Nullable Integer issuedYear) {
        String checked = DocumentText.checked(source, text);
        Extractor extractor = new Extractor(catalogue());
        Extractor.Extraction e = extractor.extract(checked, new Extractor.Options(region, issuedYear));
        return new Proposal(source, checked, e.title(), e.issuedYear(), e.referenceYear(), e.planEndYear(), region,
                e.sections(), e.items());
    }

    /** The catalogue as the rules match against it (names, units, synonyms quoted in descriptions). */
    public Catalogue catalogue() {
        List<Catalogue.Entry> entries = new ArrayList<>();
        for (Indicator i : indicators.all()) {
            entries.add(Catalogue.Entry.of(i.code(), i.name().zh(), i.unit().zh(), i.description().zh()));
        }
        return new Catalogue(entries);
    }

    /**
     * Commits the accepted decisions as a new plan through the framework import (framework files,
     * the same path as hand-written ones), with the document and sentence of each as provenance.
     *
     * @throws org.yardstick.shared.InvalidInputException when nothing is accepted, an accepted item lacks an
     *     indicator, value or year, conflicts with another, or the framework import refuses the files
     */
    public FrameworkHandover.Committed commit(Proposal proposal, List<Decision> decisions, PlanHeader header,
                                              String actor, Locale locale) {
        return handover.commit(proposal, decisions, header, actor);
    }

    /**
     * What committing would add and change, from the framework import's merge preview (nothing written);
     * into the existing plan {@code header.planCode()} when {@code into}, else as a new plan.
     *
     * @throws org.yardstick.shared.InvalidInputException as {@link #commit}
     */
    public FrameworkHandover.Previewed preview(Proposal proposal, List<Decision> decisions, PlanHeader header,
                                               boolean into, Change how) {
        return handover.preview(proposal, decisions, header, into, how);
    }

    /**
     * Commits the accepted decisions into the existing plan {@code header.planCode()} through the framework
     * import's merge (the plan's own parts kept), as the account acting, in one transaction.
     *
     * @throws org.yardstick.shared.InvalidInputException as {@link #commit}, or when the plan is unknown
     */
    public FrameworkHandover.Previewed commitInto(Proposal proposal, List<Decision> decisions, PlanHeader header,
                                                  String actor, Change how) {
        return handover.commitInto(proposal, decisions, header, actor, how);
    }

    /** A commit into an existing plan told as a commit: targets, tasks and indicators added, figures written. */
    public static FrameworkHandover.Committed committed(FrameworkHandover.Previewed p) {
        java.util.function.ToIntFunction<String> added = k -> {
            var c = p.summary().counts().get(k);
            return c == null ? 0 : c.added();
        };
        return new FrameworkHandover.Committed(p.planCode(), added.applyAsInt("target"), added.applyAsInt("task"),
                p.observations(), added.applyAsInt("indicator"), p.files());
    }

    /** Items of a proposal the rules are sure of (bulk accept). */
    public static boolean sure(Item item) {
        return item.confidence() >= HIGH_CONFIDENCE && (item.match() == null || !item.match().unitConflict());
    }
}
