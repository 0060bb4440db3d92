package org.yardstick.observation.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Qualifier;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.FigureCheck;
import org.yardstick.observation.Finding;
import org.yardstick.observation.Proposal;
import org.yardstick.observation.Severity;
import org.yardstick.observation.internal.FigureStore.StoredLevel;
import org.yardstick.observation.internal.FigureStore.SubmissionState;
import org.yardstick.observation.internal.FigureStore;
import org.yardstick.observation.internal.FigureText;
import org.yardstick.observation.internal.ObservationProblem;
import org.yardstick.region.Region;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.Period;
import org.yardstick.shared.ProblemKind;

/**
 * Checks the rows of one file against one data set, with everything it needs loaded beforehand:
 * the data set's indicators and windows, the regions the user may report for, the submissions'
 * statuses. Rows are grouped by region and period; each group is then checked by the validation
 * rules on a {@link Proposal} built from stored values loaded for a whole chunk of groups at once.
 * The same checks as {@code ObservationEditor}, for a million rows.
 */
final class ImportBatch {

    /** How many region-period groups share one query for stored values. */
    static final int CHUNK = 500;

    record GroupKey(long regionId, String period) {}

    /** A figure of the file that changes what is stored. */
    record Change(long row, String column, @Nullable String written, long indicatorId, String indicatorCode,
                  Region region, Period period, FigureText.Figure figure, @Nullable StoredLevel before,
                  long disaggregationId, String category) {

        /** The value as the file wrote it. */
        String valueText() {
            return written != null ? written : figure.value().toPlainString();
        }

        GroupKey group() {
            return new GroupKey(region.id(), period.code());
        }

        /** indicator/region/period, and /category for a figure broken down (分组). */
        String key() {
            return indicatorCode + "/" + region.code() + "/" + period.code() + (category.isEmpty() ? "" : "/" + category);
        }
    }

    /** What the file would do, checked: written by {@link FigureImports#apply}. */
    record Prepared(DataSet dataSet, String source, long rows, List<Change> changes, int unchanged, int skipped,
                    List<InputProblem> warnings) {}

    /**
     * A row kept until the file is checked whole: small, since a file may have two million of them —
     * the value as written only when it is not what the figure's number prints anyway.
     */
    private record Pending(long row, FigureRow.Columns columns, @Nullable String written, long indicatorId,
                           FigureText.@Nullable Figure figure, boolean keepQualifier, boolean keepComment) {

        static Pending of(long row, FigureRow.Columns columns, String valueText, long indicatorId,
                          FigureText.@Nullable Figure figure, boolean keepQualifier, boolean keepComment) {
            boolean plain = figure != null && valueText.equals(figure.value().toPlainString());
            return new Pending(row, columns, plain ? null : valueText, indicatorId, figure, keepQualifier, keepComment);
        }

        String valueText() {
            return written != null ? written : figure == null ? "" : figure.value().toPlainString();
        }
    }

    private static final class Group {
        final Region region;
        final Period period;
        final Map<String, Pending> entries = new LinkedHashMap<>();
        /**
         * Why its figures cannot change (submitted or approved, or the period closed): the file's
         * figures equal to the stored ones are skipped, any other is refused for this reason.
         */
        @Nullable InputProblem locked;

        Group(Region region, Period period) {
            this.region = region;
            this.period = period;
        }
    }

    private final DataSet dataSet;
    private final String source;
    private final Map<String, Long> indicatorIds;
    private final Map<String, Region> reportable;
    private final Function<String, Optional<Region>> lookup;
    private final Map<Long, Map<String, SubmissionState>> submissions = new HashMap<>();
    private final LocalDate today;
    private final ProblemList problems = new ProblemList();
    private final List<InputProblem> warnings = new ArrayList<>();
    private final Map<GroupKey, Group> groups = new HashMap<>();
    private final Map<String, Object> periods = new HashMap<>();
    /** The data set's indicator codes, each one string: the rows' own copies are not kept. */
    private final Map<String, String> canonical = new HashMap<>();
    /** The data set's categories (分组), code to disaggregation id; empty when it has no breakdowns. */
    private final Map<String, Long> categories;
    private final Map<Long, String> categoryCodes = new HashMap<>();
    private final Map<String, List<String>> breakdowns;
    private final long totalId;
    private long rows;

    /** The key of a figure in a group: its indicator's code, and {@code #category} for a category's figure. */
    static String entryKey(String indicator, String category) {
        return category.isEmpty() ? indicator : indicator + "#" + category;
    }

    static String indicatorOf(String entryKey) {
        int i = entryKey.indexOf('#');
        return i < 0 ? entryKey : entryKey.substring(0, i);
    }

    static String categoryOf(String entryKey) {
        int i = entryKey.indexOf('#');
        return i < 0 ? "" : entryKey.substring(i + 1);
    }

    /**
     * @param indicatorIds the data set's indicators, code to id
     * @param reportable the regions of the data set's level the user may report for, by code
     * @param lookup any region by code, to say why another one is refused
     */
    ImportBatch(DataSet dataSet, String source, Map<String, Long> indicatorIds, Map<String, Region> reportable,
                Function<String, Optional<Region>> lookup, List<SubmissionState> states, LocalDate today) {
        this(dataSet, source, indicatorIds, reportable, lookup, states, today, Map.of(), Map.of(), 0);
    }

    /**
     * @param breakdowns the data set's categories by dimension
     * @param categories the same categories, code to disaggregation id
     * @param totalId the total's disaggregation id
     */
    ImportBatch(DataSet dataSet, String source, Map<String, Long> indicatorIds, Map<String, Region> reportable,
                Function<String, Optional<Region>> lookup, List<SubmissionState> states, LocalDate today,
                Map<String, List<String>> breakdowns, Map<String, Long> categories, long totalId) {
        this.breakdowns = breakdowns;
        this.categories = categories;
        this.totalId = totalId;
        categories.forEach((code, id) -> categoryCodes.put(id, code));
        this.dataSet = dataSet;
        this.source = source;
        this.indicatorIds = indicatorIds;
        this.reportable = reportable;
        this.lookup = lookup;
        this.today = today;
        indicatorIds.keySet().forEach(code -> canonical.put(code, code));
        for (SubmissionState s : states) {
            submissions.computeIfAbsent(s.regionId(), k -> new HashMap<>()).put(s.period(), s);
        }
    }

    void problems(List<InputProblem> ps) {
        problems.addAll(ps);
    }

    /** A problem a reader found in a single cell (the cell is skipped). */
    void problem(InputProblem p) {
        problems.add(p);
    }

    /** Checks one row on its own (everything but the stored values and the rules) and keeps it. */
    void accept(FigureRow r) {
        rows++;
        FigureRow.Columns col = r.columns();
        boolean wrong = false;
        if (r.breakdown().isEmpty() && !indicatorIds.containsKey(r.indicator()) && r.indicator().indexOf('.') > 0) {
            // the Excel template's column of a category: CODE.category (分组)
            int dot = r.indicator().lastIndexOf('.');
            r = new FigureRow(r.row(), r.indicator().substring(0, dot), r.region(), r.period(), r.value(), r.qualifier(),
                    r.comment(), col = new FigureRow.Columns(col.indicator(), col.region(), col.period(), col.value(),
                    col.qualifier(), col.comment(), col.value()), r.indicator().substring(dot + 1));
        }
        Long indicatorId = indicatorIds.get(r.indicator());
        if (indicatorId == null) {
            wrong = true;
            if (r.indicator().isBlank()) {
                problem(r.row(), col.indicator(), r.indicator(), FileProblem.MISSING_FIELD);
            } else {
                problem(r.row(), col.indicator(), r.indicator(), CollectionProblem.NOT_IN_DATA_SET, dataSet.code());
            }
        }
        String category = r.breakdown();
        if (org.yardstick.observation.internal.Combinations.isCombination(category)) {
            // a combination of crossed categories (交叉分组), in any order: stored under its canonical code
            var combination = org.yardstick.observation.internal.Combinations.resolve(category, dataSet.code(), breakdowns);
            if (combination.code() == null) {
                wrong = true;
                problem(r.row(), col.breakdown(), category, java.util.Objects.requireNonNull(combination.problem()),
                        combination.args().toArray());
                category = "";
            } else {
                category = combination.code();
                r = new FigureRow(r.row(), r.indicator(), r.region(), r.period(), r.value(), r.qualifier(), r.comment(),
                        col, category);
            }
        }
        if (!category.isEmpty() && !categories.containsKey(category)) {
            wrong = true;
            problem(r.row(), col.breakdown(), category, CollectionProblem.UNKNOWN_BREAKDOWN, dataSet.code(),
                    categories.isEmpty() ? "—" : String.join(", ", breakdowns.values().stream().flatMap(List::stream).toList()));
        }
        Region region = region(r);
        Object period = period(r.period());
        if (period instanceof InputProblem p) {
            problems.add(new InputProblem(source, r.row(), col.period(), r.period(), p.kind(), p.args()));
        }
        InputProblem locked = null;
        if (period instanceof Closed closed) {
            period = closed.period();
            locked = new InputProblem(source, 0, col.period(), r.period(), closed.problem().kind(), closed.problem().args());
        }
        if (wrong || region == null || !(period instanceof Period)) {
            return;
        }
        Period p = (Period) period;
        SubmissionState state = submissions.getOrDefault(region.id(), Map.of()).get(p.code());
        if (locked == null && state != null && !editable(state)) {
            // refused only if it changes a figure: a template repeating approved figures imports (skipped, counted)
            locked = InputProblem.of(source, 0, col.value(), null, CollectionProblem.LOCKED,
                    state.status().name().toLowerCase(Locale.ROOT));
        }
        FigureText.Read read = FigureText.read(r.value(), r.qualifier(), r.comment(), dataSet.decimals(), dataSet.code());
        if (read.wrong() != null) {
            FigureText.Wrong w = read.wrong();
            String field = switch (w.part()) {
                case "qualifier" -> col.qualifier();
                case "comment" -> col.comment();
                default -> col.value();
            };
            problems.add(new InputProblem(source, r.row(), field, w.text(), w.kind(), w.args()));
            return;
        }
        Group g = groups.computeIfAbsent(new GroupKey(region.id(), p.code()), k -> new Group(region, p));
        if (locked != null) {
            g.locked = locked;
        }
        Pending pending = Pending.of(r.row(), col, r.value(), indicatorId, read.figure(), r.qualifier() == null,
                r.comment() == null);
        Pending first = g.entries.putIfAbsent(entryKey(canonical.get(r.indicator()), category), pending);
        if (first != null && !sameFigure(first.figure(), read.figure())) {
            problem(r.row(), col.value(), r.value(), ImportProblem.DUPLICATE_FIGURE, first.valueText().strip(), first.row());
        }
    }

    private static boolean sameFigure(FigureText.@Nullable Figure a, FigureText.@Nullable Figure b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.sameAs(b.value(), b.qualifierText(), b.comment());
    }

    private static boolean editable(SubmissionState s) {
        return switch (s.status()) {
            case DRAFT, RETURNED -> true;
            default -> false;
        };
    }

    private @Nullable Region region(FigureRow r) {
        Region region = reportable.get(r.region());
        if (region != null) {
            return region;
        }
        String column = r.columns().region();
        if (r.region().isBlank()) {
            problem(r.row(), column, r.region(), FileProblem.MISSING_FIELD);
            return null;
        }
        Optional<Region> any = lookup.apply(r.region());
        if (any.isEmpty()) {
            problem(r.row(), column, r.region(), ObservationProblem.UNKNOWN_REGION);
        } else if (any.get().level() != dataSet.regionLevel()) {
            problem(r.row(), column, r.region(), CollectionProblem.WRONG_REGION_LEVEL,
                    any.get().level().name().toLowerCase(Locale.ROOT), dataSet.code(),
                    dataSet.regionLevel().name().toLowerCase(Locale.ROOT));
        } else {
            problem(r.row(), column, r.region(), CollectionProblem.OUT_OF_SCOPE);
        }
        return null;
    }

    /** A period whose window is closed: its stored figures may be repeated unchanged, not changed. */
    private record Closed(Period period, InputProblem problem) {}

    /** The period of a text, or the problem with it (same answer for the same text, computed once). */
    private Object period(String text) {
        return periods.computeIfAbsent(text, t -> {
            if (t.isBlank()) {
                return InputProblem.of(source, 0, "", t, FileProblem.MISSING_FIELD);
            }
            Optional<Period> parsed = Period.parse(t);
            if (parsed.isEmpty()) {
                return InputProblem.of(source, 0, "", t, ObservationProblem.BAD_PERIOD);
            }
            Period p = parsed.get();
            if (p.type() != dataSet.periodType()) {
                return InputProblem.of(source, 0, "", t, CollectionProblem.WRONG_PERIOD_TYPE, dataSet.code(),
                        dataSet.periodType().name().toLowerCase(Locale.ROOT));
            }
            Optional<DataSet.Window> w = dataSet.window(p.code());
            if (w.isEmpty()) {
                return InputProblem.of(source, 0, "", t, CollectionProblem.NO_WINDOW, dataSet.code());
            }
            if (dataSet.retired()) {
                return new Closed(p, InputProblem.of(source, 0, "", t, org.yardstick.observation.internal.DataSetProblem.RETIRED));
            }
            if (!w.get().isOpen(today)) {
                return new Closed(p, InputProblem.of(source, 0, "", t, CollectionProblem.PERIOD_CLOSED, w.get().opensOn(),
                        w.get().closesOn()));
            }
            return p;
        });
    }

    private void problem(long row, String field, @Nullable String value, ProblemKind kind, Object... args) {
        problems.add(InputProblem.of(source, row, field, value, kind, args));
    }

    /**
     * Compares every group with what is stored and runs the validation rules on it; throws every
     * problem of the file, or returns what the file changes.
     */
    Prepared finish(FigureStore store, List<FigureCheck> checks) {
        Map<Long, String> codes = new HashMap<>();
        indicatorIds.forEach((code, id) -> codes.put(id, code));
        List<Group> ordered = new ArrayList<>(groups.values());
        groups.clear();
        ordered.sort(Comparator.comparing((Group g) -> g.region.code()).thenComparing(g -> g.period));
        List<Change> changes = new ArrayList<>();
        int unchanged = 0;
        int skipped = 0;
        for (int from = 0; from < ordered.size(); from += CHUNK) {
            List<Group> chunk = ordered.subList(from, Math.min(ordered.size(), from + CHUNK));
            Set<Long> regionIds = new HashSet<>();
            Set<String> periodCodes = new HashSet<>();
            for (Group g : chunk) {
                regionIds.add(g.region.id());
                periodCodes.add(g.period.code());
                periodCodes.add(g.period.previousYear().code());
            }
            Map<GroupKey, Map<String, StoredLevel>> stored = new HashMap<>();
            List<Long> disaggregations = new ArrayList<>(categories.values());
            disaggregations.add(totalId);
            store.levels(indicatorIds.values(), regionIds, periodCodes, disaggregations, s -> stored
                    .computeIfAbsent(new GroupKey(s.regionId(), s.period()), k -> new HashMap<>())
                    .put(entryKey(codes.get(s.indicatorId()), categoryCodes.getOrDefault(s.disaggregationId(), "")), s));
            for (Group g : chunk) {
                if (g.locked != null) {
                    skipped += locked(g, stored);
                } else {
                    unchanged += group(g, stored, checks, changes);
                }
            }
            // the rows of a checked chunk live on only as changes: the memory of a file is held once
            for (int i = from; i < Math.min(ordered.size(), from + CHUNK); i++) {
                ordered.set(i, null);
            }
        }
        problems.throwIfAny();
        return new Prepared(dataSet, source, rows, changes, unchanged, skipped, List.copyOf(warnings));
    }

    /**
     * A group whose figures cannot change: those equal to the stored ones are skipped (counted), any
     * other, a new one included, is refused with the reason the group is locked.
     */
    private int locked(Group g, Map<GroupKey, Map<String, StoredLevel>> stored) {
        Map<String, StoredLevel> now = stored.getOrDefault(new GroupKey(g.region.id(), g.period.code()), Map.of());
        int skipped = 0;
        for (Map.Entry<String, Pending> e : g.entries.entrySet()) {
            Pending p = e.getValue();
            StoredLevel s = now.get(e.getKey());
            if (p.figure() != null && s != null && keepNotes(p, s).sameAs(s.value(), s.qualifierText(), s.comment())) {
                skipped++;
            } else if (p.figure() != null || s != null) {
                InputProblem why = g.locked;
                boolean period = why.field().equals(p.columns().period());
                problems.add(new InputProblem(source, p.row(), period ? why.field() : p.columns().value(),
                        period ? why.value() : p.valueText(), why.kind(), why.args()));
            }
        }
        return skipped;
    }

    private int group(Group g, Map<GroupKey, Map<String, StoredLevel>> stored, List<FigureCheck> checks,
                      List<Change> changes) {
        Map<String, StoredLevel> now = stored.getOrDefault(new GroupKey(g.region.id(), g.period.code()), Map.of());
        Map<String, StoredLevel> before = stored.getOrDefault(new GroupKey(g.region.id(), g.period.previousYear().code()),
                Map.of());
        Map<String, FigureText.Figure> proposed = new LinkedHashMap<>();
        for (Map.Entry<String, Pending> e : g.entries.entrySet()) {
            Pending p = e.getValue();
            StoredLevel s = now.get(e.getKey());
            if (p.figure() == null) {
                if (s != null) {
                    problem(p.row(), p.columns().value(), p.valueText(), CollectionProblem.NOT_A_NUMBER);
                }
                continue;
            }
            proposed.put(e.getKey(), keepNotes(p, s));
        }
        if (proposed.isEmpty()) {
            return 0;
        }
        Map<String, BigDecimal> values = new HashMap<>();
        Map<String, Map<String, BigDecimal>> parts = new HashMap<>();
        java.util.function.BiConsumer<String, BigDecimal> put = (k, v) -> {
            if (k.indexOf('#') < 0) {
                values.put(k, v);
            } else {
                parts.computeIfAbsent(indicatorOf(k), x -> new HashMap<>()).put(categoryOf(k), v);
            }
        };
        now.forEach((k, v) -> put.accept(k, v.value()));
        proposed.forEach((k, v) -> put.accept(k, v.value()));
        Map<String, BigDecimal> previous = new HashMap<>();
        before.forEach((k, v) -> {
            if (k.indexOf('#') < 0) {
                previous.put(k, v.value());
            }
        });
        Set<String> changed = new HashSet<>();
        proposed.keySet().forEach(k -> changed.add(indicatorOf(k)));
        Proposal proposal = new Proposal(dataSet, g.region, g.period, values, previous, changed, parts, breakdowns);
        boolean refused = false;
        for (FigureCheck check : checks) {
            for (Finding f : check.check(proposal)) {
                Pending p = g.entries.get(f.indicatorCode());
                if (p == null) {
                    // a finding about a total the file only gave parts of: the first of its parts' rows
                    p = g.entries.entrySet().stream().filter(e -> indicatorOf(e.getKey()).equals(f.indicatorCode()))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                }
                long row = p != null ? p.row() : g.entries.values().iterator().next().row();
                InputProblem problem = new InputProblem(source, row, p != null ? p.columns().value() : f.indicatorCode(),
                        p != null ? p.valueText() : null, f.kind(), f.args());
                if (f.severity() == Severity.ERROR) {
                    problems.add(problem);
                    refused = true;
                } else if (warnings.size() < ProblemList.LIMIT) {
                    warnings.add(problem);
                }
            }
        }
        if (refused) {
            return 0;
        }
        int unchanged = 0;
        for (Map.Entry<String, FigureText.Figure> e : proposed.entrySet()) {
            Pending p = g.entries.get(e.getKey());
            StoredLevel s = now.get(e.getKey());
            FigureText.Figure f = e.getValue();
            if (s != null && f.sameAs(s.value(), s.qualifierText(), s.comment())) {
                unchanged++;
            } else {
                String category = categoryOf(e.getKey());
                changes.add(new Change(p.row(), p.columns().value(), p.written(), p.indicatorId(), indicatorOf(e.getKey()),
                        g.region, g.period, f, s, category.isEmpty() ? totalId : categories.get(category), category));
            }
        }
        return unchanged;
    }

    /** Excel has no place for qualifier and comment: a stored figure keeps its own. */
    private static FigureText.Figure keepNotes(Pending p, @Nullable StoredLevel s) {
        FigureText.Figure f = p.figure();
        if (s == null || !p.keepQualifier() && !p.keepComment()) {
            return f;
        }
        Qualifier qualifier = f.qualifier();
        String qualifierText = f.qualifierText();
        if (p.keepQualifier()) {
            qualifierText = s.qualifierText();
            qualifier = Qualifier.parse(qualifierText).orElse(Qualifier.NONE);
        }
        return new FigureText.Figure(f.value(), qualifier, qualifierText, p.keepComment() ? s.comment() : f.comment());
    }
}
