package org.yardstick.observation.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.audit.Changed;
import org.yardstick.framework.Qualifier;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.FigureCheck;
import org.yardstick.observation.Finding;
import org.yardstick.observation.Proposal;
import org.yardstick.observation.Severity;
import org.yardstick.observation.Submission;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;
import org.yardstick.shared.ProblemKind;

/**
 * Enters figures (填报): one region's levels of a data set for one period, as a reporter types them
 * in a form or an import delivers them. Checks scope, the collection window, the submission's
 * status, each value, the validation rules ({@link FigureCheck}) and that nobody changed a figure
 * meanwhile (optimistic locking); then writes all or nothing, and records every change in the
 * audit trail. Entering the same values again changes nothing.
 */
@Service
public class ObservationEditor {

    /**
     * One figure as entered.
     *
     * @param source where it was entered, for problems: {@code form} or a file name
     * @param line the row of a file (0 for a form)
     * @param value the value as typed; blank leaves an absent figure absent (and is refused for a
     *     stored one: figures are corrected, not erased)
     * @param expectedVersion the version of the stored figure the person saw; null if they saw none
     * @param breakdown the category (分组) of a figure broken down, one of the data set's breakdowns; empty for the total
     */
    public record Entry(String source, long line, String indicatorCode, String value, String qualifier,
                        @Nullable String comment, @Nullable Integer expectedVersion, String breakdown) {

        /** A total. */
        public Entry(String source, long line, String indicatorCode, String value, String qualifier,
                     @Nullable String comment, @Nullable Integer expectedVersion) {
            this(source, line, indicatorCode, value, qualifier, comment, expectedVersion, "");
        }

        /** Its key among a region's and period's figures: the indicator, and {@code #category} for a part. */
        String key() {
            return breakdown.isEmpty() ? indicatorCode : indicatorCode + "#" + breakdown;
        }

        /** How a form names its field: the indicator, and {@code .category} for a part. */
        String field() {
            return breakdown.isEmpty() ? indicatorCode : indicatorCode + "." + breakdown;
        }
    }

    private static String indicatorOf(String key) {
        int i = key.indexOf('#');
        return i < 0 ? key : key.substring(0, i);
    }

    private static String categoryOf(String key) {
        int i = key.indexOf('#');
        return i < 0 ? "_T" : key.substring(i + 1);
    }

    /** The stored figures of indicators, totals by indicator code and parts by {@code code#category}. */
    private Map<String, FigureStore.Stored> stored(List<String> indicators, long regionId, String period) {
        Map<String, FigureStore.Stored> all = new HashMap<>(store.levels(indicators, regionId, period));
        store.parts(indicators, regionId, period).forEach((indicator, parts) ->
                parts.forEach((category, f) -> all.put(indicator + "#" + category, f)));
        return all;
    }

    private static List<String> indicators(Set<String> keys) {
        return keys.stream().map(ObservationEditor::indicatorOf).distinct().toList();
    }

    /** What a save did: the submission, which figures changed, and the warnings to show. */
    public record Outcome(Submission submission, int created, int updated, int unchanged, List<Finding> warnings)
            implements java.io.Serializable {}

    static final int MAX_COMMENT = FigureText.MAX_COMMENT;

    private final DataSets dataSets;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final FigureStore store;
    private final List<FigureCheck> checks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ObservationEditor(DataSets dataSets, Regions regions, CurrentUser currentUser, FigureStore store,
                      List<FigureCheck> checks, ApplicationEventPublisher events, Clock clock) {
        this.dataSets = dataSets;
        this.regions = regions;
        this.currentUser = currentUser;
        this.store = store;
        this.checks = checks;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks entries without writing anything: the validation rules' findings.
     *
     * @throws InvalidInputException for entries that cannot be read at all (not a number …)
     */
    @Transactional(readOnly = true)
    public List<Finding> check(String dataSetCode, String regionCode, String periodCode, List<Entry> entries) {
        Context c = context(dataSetCode, regionCode, periodCode, entries, true);
        if (!c.problems.isEmpty()) {
            throw new InvalidInputException(c.problems);
        }
        return c.findings;
    }

    /** The validation findings about the stored figures of a region and period, for their reviewer. */
    @Transactional(readOnly = true)
    public List<Finding> findings(String dataSetCode, String regionCode, String periodCode) {
        Region region = regions.get(regionCode);
        if (!currentUser.maySeeUnapproved(region)) {
            throw new org.springframework.security.access.AccessDeniedException("not your region: " + regionCode);
        }
        return context(dataSetCode, regionCode, periodCode, List.of(), false).findings;
    }

    /**
     * Saves entries of one region and period.
     *
     * @throws InvalidInputException with every problem (entry, field, value, reason); nothing is written
     */
    @Transactional
    public Outcome save(String dataSetCode, String regionCode, String periodCode, List<Entry> entries) {
        try {
            return write(dataSetCode, regionCode, periodCode, entries);
        } catch (DuplicateKeyException raced) {
            // another save created the same figure or submission between our read and our write
            String where = entries.isEmpty() ? "form" : entries.get(0).source();
            throw new InvalidInputException(InputProblem.of(where, 0, "", null, CollectionProblem.CONFLICT_RACE));
        }
    }

    private Outcome write(String dataSetCode, String regionCode, String periodCode, List<Entry> entries) {
        Context c = context(dataSetCode, regionCode, periodCode, entries, true);
        List<InputProblem> errors = new ArrayList<>(c.problems);
        for (Finding f : c.findings) {
            if (f.severity() == Severity.ERROR) {
                Entry e = c.entryOf.get(f.indicatorCode());
                if (e == null) {
                    e = c.entryOf.values().stream().filter(x -> x.indicatorCode().equals(f.indicatorCode())).findFirst()
                            .orElse(null);
                }
                errors.add(new InputProblem(e == null ? "rules" : e.source(), e == null ? 0 : e.line(), f.indicatorCode(),
                        e == null ? null : e.value(), f.kind(), f.args()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String actor = currentUser.name();
        Submission draft = store.draft(c.dataSet.id(), c.region.id(), c.period.code());
        // the submission's row locked until this save commits: a submit or approval waits for it (and sees its
        // figures), or went first and this save sees the new status
        store.lock(draft.id());
        Submission submission = store.submission(draft.id()).orElseThrow();
        if (!submission.editable()) {
            throw new InvalidInputException(InputProblem.of("form", 0, "submission", submission.status().name(),
                    CollectionProblem.LOCKED, submission.status().name().toLowerCase()));
        }
        // what is stored now, under the lock: a figure someone saved since the form was checked is a conflict that
        // names them and their value
        Map<String, FigureStore.Stored> now = stored(indicators(c.parsed.keySet()), c.region.id(), c.period.code());
        List<InputProblem> changedMeanwhile = new ArrayList<>();
        for (Map.Entry<String, Parsed> e : c.parsed.entrySet()) {
            FigureStore.Stored before = c.stored.get(e.getKey());
            FigureStore.Stored current = now.get(e.getKey());
            if (current != null && (before == null || before.version() != current.version())) {
                changedMeanwhile.add(conflict(e.getValue().entry(), current.updatedBy(), current.value()));
            }
        }
        if (!changedMeanwhile.isEmpty()) {
            throw new InvalidInputException(changedMeanwhile);
        }
        Map<String, Long> indicatorIds = store.indicatorIds(indicators(c.parsed.keySet()));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<InputProblem> conflicts = new ArrayList<>();
        for (Map.Entry<String, Parsed> e : c.parsed.entrySet()) {
            Parsed p = e.getValue();
            FigureStore.Stored before = c.stored.get(e.getKey());
            String indicator = indicatorOf(e.getKey());
            String key = indicator + "/" + c.region.code() + "/" + c.period.code()
                    + (p.entry().breakdown().isEmpty() ? "" : "/" + p.entry().breakdown());
            if (before == null) {
                long id = store.insert(indicatorIds.get(indicator), c.region.id(), c.period, categoryOf(e.getKey()), p.value(),
                        p.qualifier().name(), p.qualifierText(), p.comment(), submission.status(), submission.id(), actor);
                events.publishEvent(FormChannel.of(new Changed("observation", id, key, "create", actor,
                        FigureText.changes(null, null, null, false, figure(p)), "")));
                created++;
            } else if (same(before, p)) {
                unchanged++;
            } else if (!store.update(before.id(), before.version(), p.value(), p.qualifier().name(), p.qualifierText(),
                    p.comment(), submission.id(), actor)) {
                // not locked by its submission (a figure moved or deleted meanwhile): name who has it now
                FigureStore.Stored current = stored(List.of(indicator), c.region.id(), c.period.code()).get(e.getKey());
                conflicts.add(current == null ? problem(p.entry(), e.getKey(), p.entry().value(), CollectionProblem.CONFLICT_RACE)
                        : conflict(p.entry(), current.updatedBy(), current.value()));
            } else {
                List<FieldChange> changes = FigureText.changes(before.value(), before.qualifierText(), before.comment(), true,
                        figure(p));
                events.publishEvent(FormChannel.of(new Changed("observation", before.id(), key, "update", actor, changes, "")));
                updated++;
            }
        }
        if (!conflicts.isEmpty()) {
            // someone wrote between our read and our write: undo everything of this save
            throw new InvalidInputException(conflicts);
        }
        List<Finding> warnings = c.findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
        return new Outcome(store.submission(submission.id()).orElseThrow(), created, updated, unchanged, warnings);
    }

    private record Parsed(Entry entry, BigDecimal value, Qualifier qualifier, String qualifierText,
                          @Nullable String comment) {}

    private static final class Context {
        DataSet dataSet;
        Region region;
        Period period;
        final List<InputProblem> problems = new ArrayList<>();
        final Map<String, Parsed> parsed = new LinkedHashMap<>();
        final Map<String, Entry> entryOf = new HashMap<>();
        Map<String, FigureStore.Stored> stored = Map.of();
        Map<String, List<String>> breakdowns = Map.of();
        List<Finding> findings = List.of();
    }

    private Context context(String dataSetCode, String regionCode, String periodCode, List<Entry> entries,
                            boolean reporting) {
        Context c = new Context();
        c.dataSet = dataSets.get(dataSetCode);
        c.region = regions.get(regionCode);
        if (reporting) {
            currentUser.requireReport(c.region);
        }
        String where = entries.isEmpty() ? "form" : entries.get(0).source();
        if (c.region.level() != c.dataSet.regionLevel()) {
            c.problems.add(InputProblem.of(where, 0, "region", regionCode, CollectionProblem.WRONG_REGION_LEVEL,
                    c.region.level().name().toLowerCase(), c.dataSet.code(), c.dataSet.regionLevel().name().toLowerCase()));
        } else if (!c.dataSet.reportedBy(c.region)) {
            c.problems.add(InputProblem.of(where, 0, "region", regionCode, DataSetProblem.NOT_A_REPORTING_REGION,
                    c.dataSet.code(), String.join(", ", c.dataSet.regionCodes())));
        }
        if (c.dataSet.retired()) {
            c.problems.add(InputProblem.of(where, 0, "dataSet", dataSetCode, DataSetProblem.RETIRED));
        }
        Optional<Period> period = Period.parse(periodCode).filter(p -> p.type() == c.dataSet.periodType());
        if (period.isEmpty()) {
            throw new InvalidInputException(InputProblem.of(where, 0, "period", periodCode,
                    CollectionProblem.WRONG_PERIOD_TYPE, c.dataSet.code(), c.dataSet.periodType().name().toLowerCase()));
        }
        c.period = period.get();
        Optional<DataSet.Window> window = c.dataSet.window(c.period.code());
        LocalDate today = LocalDate.now(clock);
        if (window.isEmpty()) {
            c.problems.add(InputProblem.of(where, 0, "period", periodCode, CollectionProblem.NO_WINDOW, c.dataSet.code()));
        } else if (!window.get().isOpen(today)) {
            c.problems.add(InputProblem.of(where, 0, "period", periodCode, CollectionProblem.PERIOD_CLOSED,
                    window.get().opensOn(), window.get().closesOn()));
        }
        List<String> indicators = c.dataSet.items().stream().map(DataSet.Item::indicatorCode).toList();
        c.breakdowns = dataSets.breakdowns(c.dataSet.code());
        c.stored = c.breakdowns.isEmpty() ? store.levels(indicators, c.region.id(), c.period.code())
                : stored(indicators, c.region.id(), c.period.code());
        for (Entry typed : entries) {
            Entry e = canonical(c, typed);
            if (e == null) {
                continue;
            }
            c.entryOf.put(e.key(), e);
            parse(c, e);
        }
        Map<String, java.math.BigDecimal> values = new HashMap<>();
        Map<String, Map<String, java.math.BigDecimal>> parts = new HashMap<>();
        java.util.function.BiConsumer<String, java.math.BigDecimal> put = (k, v) -> {
            if (k.indexOf('#') < 0) {
                values.put(k, v);
            } else {
                parts.computeIfAbsent(indicatorOf(k), x -> new HashMap<>()).put(categoryOf(k), v);
            }
        };
        c.stored.forEach((k, v) -> put.accept(k, v.value()));
        c.parsed.forEach((k, v) -> put.accept(k, v.value()));
        Map<String, java.math.BigDecimal> previous = new HashMap<>();
        store.levels(indicators, c.region.id(), c.period.previousYear().code()).forEach((k, v) -> previous.put(k, v.value()));
        Proposal proposal = new Proposal(c.dataSet, c.region, c.period, values, previous,
                new HashSet<>(indicators(c.parsed.keySet())), parts, c.breakdowns);
        List<Finding> findings = new ArrayList<>();
        for (FigureCheck check : checks) {
            findings.addAll(check.check(proposal));
        }
        c.findings = findings;
        return c;
    }

    /**
     * The entry with its combination (交叉分组, {@code large+urban}) in canonical form ({@code urban+large}), or
     * null with the reason among the problems when the combination is refused.
     */
    private static @Nullable Entry canonical(Context c, Entry e) {
        if (!org.yardstick.observation.internal.Combinations.isCombination(e.breakdown())) {
            return e;
        }
        var r = org.yardstick.observation.internal.Combinations.resolve(e.breakdown(), c.dataSet.code(), c.breakdowns);
        if (r.code() == null) {
            c.problems.add(problem(e, e.field(), e.breakdown(), Objects.requireNonNull(r.problem()), r.args().toArray()));
            return null;
        }
        return new Entry(e.source(), e.line(), e.indicatorCode(), e.value(), e.qualifier(), e.comment(), e.expectedVersion(),
                r.code());
    }

    private void parse(Context c, Entry e) {
        String indicator = e.indicatorCode();
        if (!c.dataSet.contains(indicator)) {
            c.problems.add(problem(e, "indicator", indicator, CollectionProblem.NOT_IN_DATA_SET, c.dataSet.code()));
            return;
        }
        if (!e.breakdown().isEmpty()
                && c.breakdowns.values().stream().noneMatch(categories -> categories.contains(e.breakdown()))) {
            c.problems.add(problem(e, e.field(), e.breakdown(), CollectionProblem.UNKNOWN_BREAKDOWN, c.dataSet.code(),
                    c.breakdowns.isEmpty() ? "—" : String.join(", ",
                            c.breakdowns.values().stream().flatMap(List::stream).toList())));
            return;
        }
        FigureStore.Stored before = c.stored.get(e.key());
        if (before != null && !Objects.equals(e.expectedVersion(), before.version())) {
            c.problems.add(conflict(e, before.updatedBy(), before.value()));
            return;
        }
        FigureText.Read read = FigureText.read(e.value(), e.qualifier(), e.comment(), c.dataSet.decimals(),
                c.dataSet.code());
        if (read.wrong() != null) {
            FigureText.Wrong w = read.wrong();
            String field = w.part().equals("value") ? e.field() : e.field() + "." + w.part();
            c.problems.add(InputProblem.of(e.source(), e.line(), field, w.text(), w.kind(), w.args().toArray()));
            return;
        }
        if (read.blank()) {
            if (before != null) {
                c.problems.add(problem(e, e.field(), e.value(), CollectionProblem.NOT_A_NUMBER));
            }
            return;
        }
        FigureText.Figure f = read.figure();
        c.parsed.put(e.key(), new Parsed(e, f.value(), f.qualifier(), f.qualifierText(), f.comment()));
    }

    /** A value as people write it: 10, not 10.00000000. */
    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static boolean same(FigureStore.Stored before, Parsed p) {
        return figure(p).sameAs(before.value(), before.qualifierText(), before.comment());
    }

    private static FigureText.Figure figure(Parsed p) {
        return new FigureText.Figure(p.value(), p.qualifier(), p.qualifierText(), p.comment());
    }

    private static InputProblem conflict(Entry e, String by, BigDecimal now) {
        return problem(e, e.field(), e.value(), CollectionProblem.CONFLICT, by, plain(now));
    }

    private static InputProblem problem(Entry e, String field, @Nullable String value, ProblemKind kind, Object... args) {
        return InputProblem.of(e.source(), e.line(), field, value, kind, args);
    }
}
