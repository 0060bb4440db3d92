package org.yardstick.ingestion.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.yardstick.framework.Change;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
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
    private final org.yardstick.framework.Disaggregations disaggregations;
    private final org.yardstick.observation.DataSets dataSets;
    private final org.yardstick.observation.Observations observations;

    Ingestion(Indicators indicators, FrameworkHandover handover, org.yardstick.framework.Disaggregations disaggregations,
              org.yardstick.observation.DataSets dataSets, org.yardstick.observation.Observations observations) {
        this.indicators = indicators;
        this.handover = handover;
        this.disaggregations = disaggregations;
        this.dataSets = dataSets;
        this.observations = observations;
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
                e.sections(), categories(e.items(), region));
    }

    /**
     * The breakdowns the rules read (城市…，农村…) as the platform's categories: a figure keeps its catalogue indicator
     * with the category (disaggregation) when the platform breaks that indicator down by it, that is when a data set
     * of the indicator declares the category or figures of the indicator are stored under it in the region; the
     * category is the one named as written, or else the only one of those whose name begins with it (农村 → 农村牧区).
     * Otherwise the figure becomes an indicator of its own named with its area (农村家庭宽带接入能力): two proposals
     * clearly named, never two values of one figure.
     */
    private List<Item> categories(List<Item> items, String region) {
        if (items.stream().noneMatch(i -> !i.breakdown().isEmpty())) {
            return items;
        }
        Map<String, String> names = new java.util.HashMap<>();
        disaggregations.all().forEach(d -> names.put(d.code(), d.name().zh()));
        Map<String, java.util.Set<String>> declared = new java.util.HashMap<>();
        for (var ds : dataSets.all()) {
            java.util.Set<String> codes = new java.util.HashSet<>();
            dataSets.breakdowns(ds.code()).values().forEach(codes::addAll);
            if (!codes.isEmpty()) {
                ds.items().forEach(it -> declared.computeIfAbsent(it.indicatorCode(), k -> new java.util.HashSet<>()).addAll(codes));
            }
        }
        List<String> broken = items.stream().filter(i -> !i.breakdown().isEmpty() && i.match() != null)
                .map(i -> i.match().entry().code()).distinct().toList();
        if (!region.isBlank()) {
            for (var o : observations.approvedFigures(broken, List.of(region))) {
                if (!o.disaggregationCode().isEmpty() && !o.disaggregationCode().equals("_T")) {
                    declared.computeIfAbsent(o.indicatorCode(), k -> new java.util.HashSet<>()).add(o.disaggregationCode());
                }
            }
        }
        List<Item> out = new ArrayList<>(items.size());
        for (Item i : items) {
            if (i.breakdown().isEmpty()) {
                out.add(i);
                continue;
            }
            java.util.Set<String> allowed = i.match() == null ? java.util.Set.of()
                    : declared.getOrDefault(i.match().entry().code(), java.util.Set.of());
            List<String> exact = allowed.stream().filter(c -> i.breakdown().equals(names.get(c))).toList();
            List<String> begins = allowed.stream().filter(c -> names.getOrDefault(c, "").startsWith(i.breakdown())).toList();
            String code = exact.size() == 1 ? exact.get(0) : begins.size() == 1 ? begins.get(0) : "";
            out.add(code.isEmpty() ? i.asOwnIndicator() : i.withCategory(code));
        }
        return out;
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
