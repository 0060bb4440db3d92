package org.yardstick.observation.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.AuditTrail;
import org.yardstick.database.Database;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.FigureCheck;
import org.yardstick.observation.imports.ImportBatch.Change;
import org.yardstick.observation.imports.ImportBatch.GroupKey;
import org.yardstick.observation.imports.ImportBatch.Prepared;
import org.yardstick.observation.internal.FigureStore;
import org.yardstick.observation.internal.FigureStore.SubmissionState;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.Role;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;

/**
 * Imports figures into a data set from a long-form CSV file or the Excel template, as the current
 * user: the same checks as the form (indicators of the data set, regions of its level within the
 * user's scope, open periods, editable submissions, values, validation rules, nobody's change
 * overwritten), every problem of the file at once, and all or nothing: a file with any error
 * writes nothing. Importing the same file again changes nothing and records nothing.
 */
@Service
public class FigureImports {

    /**
     * What an import did (or, in a dry run, would do).
     *
     * @param rows the figures the file holds (CSV rows, or Excel value cells)
     * @param unchanged figures equal to the stored ones, in submissions still open for changes
     * @param skipped figures equal to the stored ones where nothing may change (submitted or approved, or
     *     the period closed): repeated unchanged, as a downloaded template repeats them, they are skipped
     * @param warnings what the validation rules said that does not stop the import
     * @param dryRun whether nothing was written: the counts say what the import would do
     */
    public record Outcome(String dataSetCode, String source, long rows, int created, int updated, int unchanged,
                          int skipped, List<InputProblem> warnings, boolean dryRun) {}

    /**
     * One figure as a program sends it (the JSON form of a row of the long-form CSV).
     *
     * @param value the value as text or a JSON number's text, exactly as given (never through a double)
     * @param breakdown the category of a figure broken down ({@code urban}); null or empty for the total
     */
    public record Row(String indicator, String region, String period, String value, @Nullable String qualifier,
                      @Nullable String comment, @Nullable String breakdown) {

        /** A total. */
        public Row(String indicator, String region, String period, String value, @Nullable String qualifier,
                   @Nullable String comment) {
            this(indicator, region, period, value, qualifier, comment, null);
        }
    }

    /** What a file is, by its first bytes. */
    public enum Format { CSV, EXCEL }

    private static final Logger log = LoggerFactory.getLogger(FigureImports.class);
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private final DataSets dataSets;
    private final Regions regions;
    private final Indicators indicators;
    private final CurrentUser currentUser;
    private final FigureStore store;
    private final List<FigureCheck> checks;
    private final Database database;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;
    private volatile FigureWriter writer;

    FigureImports(DataSets dataSets, Regions regions, Indicators indicators, CurrentUser currentUser, FigureStore store,
                  List<FigureCheck> checks, Database database, JdbcTemplate jdbc, AuditTrail audit,
                  MessageSource messages, Clock clock) {
        this.dataSets = dataSets;
        this.regions = regions;
        this.indicators = indicators;
        this.currentUser = currentUser;
        this.store = store;
        this.checks = checks;
        this.database = database;
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The data sets the current user may import into: those with regions of their level in the user's scope. */
    @Transactional(readOnly = true)
    public List<DataSet> dataSets() {
        if (!mayImport()) {
            return List.of();
        }
        return dataSets.all().stream().filter(d -> !d.retired() && !reportable(d).isEmpty()).toList();
    }

    /**
     * Imports a file (CSV or .xlsx, told apart by its first bytes) into a data set.
     *
     * @param source the file's name, for problems
     * @throws InvalidInputException with every problem of the file; nothing is written
     */
    @Transactional
    public Outcome importFile(String dataSetCode, String source, InputStream in) {
        long start = System.nanoTime();
        Prepared prepared = prepare(dataSetCode, source, in);
        long checked = System.nanoTime();
        Outcome outcome = apply(prepared);
        log.info("{} into {}: {} figures read and checked in {} ms, {} created and {} updated in {} ms", source,
                dataSetCode, prepared.rows(), (checked - start) / 1_000_000, outcome.created(), outcome.updated(),
                (System.nanoTime() - checked) / 1_000_000);
        return outcome;
    }

    /**
     * Reads and checks a file as {@link #importFile} does and says what it would do, writing nothing.
     *
     * @throws InvalidInputException with every problem of the file
     */
    @Transactional(readOnly = true)
    public Outcome dryRun(String dataSetCode, String source, InputStream in) {
        return wouldDo(prepare(dataSetCode, source, in));
    }

    /**
     * Imports figures a program sends as rows (JSON): the same checks as a file's rows, row 2 being
     * the first (as in a CSV file under its header), all or nothing.
     */
    @Transactional
    public Outcome importRows(String dataSetCode, String source, List<Row> rows, boolean dryRun) {
        Prepared prepared = prepareRows(dataSetCode, source, rows);
        return dryRun ? wouldDo(prepared) : apply(prepared);
    }

    private Prepared prepareRows(String dataSetCode, String source, List<Row> rows) {
        if (rows.size() > CsvFigures.MAX_ROWS) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, ImportProblem.TOO_MANY_ROWS,
                    CsvFigures.MAX_ROWS));
        }
        ImportBatch batch = batch(dataSetCode, source);
        FigureRow.Columns columns = new FigureRow.Columns("indicator", "region", "period", "value", "qualifier", "comment");
        long line = 1;
        for (Row r : rows) {
            line++;
            batch.accept(new FigureRow(line, text(r.indicator()), text(r.region()), text(r.period()), text(r.value()),
                    r.qualifier() == null ? "" : r.qualifier(), r.comment() == null ? "" : r.comment(), columns,
                    text(r.breakdown())));
        }
        return batch.finish(store, checks);
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static Outcome wouldDo(Prepared p) {
        int created = (int) p.changes().stream().filter(c -> c.before() == null).count();
        return new Outcome(p.dataSet().code(), p.source(), p.rows(), created, p.changes().size() - created, p.unchanged(),
                p.skipped(), p.warnings(), true);
    }

    private ImportBatch batch(String dataSetCode, String source) {
        requireImport();
        DataSet ds = dataSets.get(dataSetCode);
        Map<String, List<String>> breakdowns = dataSets.breakdowns(ds.code());
        Map<String, Long> categories = store.disaggregationIds(breakdowns.values().stream().flatMap(List::stream).toList());
        return new ImportBatch(ds, source,
                store.indicatorIds(ds.items().stream().map(DataSet.Item::indicatorCode).toList()), reportable(ds),
                lookup(), store.submissionStates(ds.id()), LocalDate.now(clock), breakdowns, categories, store.totalId());
    }

    /** The first of the two steps of an import: reads and checks the whole file, writes nothing. */
    @Transactional(readOnly = true)
    Prepared prepare(String dataSetCode, String source, InputStream in) {
        DataSet ds = dataSets.get(dataSetCode);
        ImportBatch batch = batch(dataSetCode, source);
        try {
            byte[] head = in.readNBytes(4);
            Format format = format(source, head);
            InputStream all = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in);
            // the upload goes to a file first: both readers stream it, neither holds the file in memory
            Path file = Files.createTempFile("yardstick-import-", format == Format.CSV ? ".csv" : ".xlsx");
            try {
                try (OutputStream out = Files.newOutputStream(file)) {
                    copy(source, all, out, format == Format.CSV ? CsvFigures.MAX_BYTES : ExcelFigures.MAX_BYTES);
                }
                if (format == Format.CSV) {
                    CsvFigures.read(source, file, batch::accept);
                } else {
                    ExcelFigures.read(source, file, ds.periodType(), batch::accept, batch::problem);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return batch.finish(store, checks);
    }

    /** The second step: writes what {@link #prepare} checked, unless someone changed it meanwhile. */
    @Transactional
    Outcome apply(Prepared p) {
        requireImport();
        List<Change> changes = p.changes();
        if (changes.isEmpty()) {
            return new Outcome(p.dataSet().code(), p.source(), p.rows(), 0, 0, p.unchanged(), p.skipped(), p.warnings(),
                    false);
        }
        long t0 = System.nanoTime();
        Map<GroupKey, SubmissionState> known = submissions(p.dataSet());
        Set<GroupKey> touched = new LinkedHashSet<>();
        changes.forEach(c -> touched.add(c.group()));
        List<GroupKey> missing = touched.stream().filter(k -> !known.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            createDrafts(p.dataSet(), missing);
            known.putAll(submissions(p.dataSet()));
        }
        // the submissions' rows locked until the import commits, their status read after the lock: a submit or an
        // approval running now either finished first (and the import is refused) or waits for the import (and
        // reviews its figures)
        Map<GroupKey, SubmissionState> states = new HashMap<>();
        store.lock(touched.stream().map(k -> known.get(k).id()).toList())
                .forEach(s -> states.put(new GroupKey(s.regionId(), s.period()), s));
        ProblemList refused = new ProblemList();
        for (Change c : changes) {
            SubmissionState s = states.get(c.group());
            if (s.status() != org.yardstick.observation.ObservationStatus.DRAFT
                    && s.status() != org.yardstick.observation.ObservationStatus.RETURNED) {
                refused.add(InputProblem.of(p.source(), c.row(), c.column(), c.valueText(), CollectionProblem.LOCKED,
                        s.status().name().toLowerCase(Locale.ROOT)));
            }
        }
        refused.throwIfAny();
        changedMeanwhile(p, changes, refused);
        refused.throwIfAny();
        log.debug("submissions of {} regions and periods ready in {} ms", touched.size(), (System.nanoTime() - t0) / 1_000_000);
        // the moment of the write, taken under the locks: never before a transition that went first
        FigureWriter.Written w = writer().write(p.source(), changes, states, currentUser.name(),
                Timestamp.from(Instant.now(clock)), store.totalId());
        return new Outcome(p.dataSet().code(), p.source(), p.rows(), w.created(), w.updated(), p.unchanged(), p.skipped(),
                p.warnings(), false);
    }

    /**
     * Figures someone saved since the file was checked, found under the submissions' locks: each a
     * conflict naming who saved it and what it is now.
     */
    private void changedMeanwhile(Prepared p, List<Change> changes, ProblemList conflicts) {
        Map<GroupKey, List<Change>> byGroup = new LinkedHashMap<>();
        changes.forEach(c -> byGroup.computeIfAbsent(c.group(), k -> new ArrayList<>()).add(c));
        List<GroupKey> groups = new ArrayList<>(byGroup.keySet());
        Set<Long> indicatorIds = new java.util.HashSet<>();
        Set<Long> disaggregations = new java.util.HashSet<>();
        changes.forEach(c -> {
            indicatorIds.add(c.indicatorId());
            disaggregations.add(c.disaggregationId());
        });
        for (int from = 0; from < groups.size(); from += ImportBatch.CHUNK) {
            List<GroupKey> chunk = groups.subList(from, Math.min(groups.size(), from + ImportBatch.CHUNK));
            Map<List<Object>, FigureStore.StoredLevel> now = new HashMap<>();
            store.levels(indicatorIds, chunk.stream().map(GroupKey::regionId).collect(java.util.stream.Collectors.toSet()),
                    chunk.stream().map(GroupKey::period).collect(java.util.stream.Collectors.toSet()), disaggregations,
                    s -> now.put(List.of(s.indicatorId(), s.regionId(), s.period(), s.disaggregationId()), s));
            for (GroupKey k : chunk) {
                for (Change c : byGroup.get(k)) {
                    FigureStore.StoredLevel current = now.get(List.of(c.indicatorId(), k.regionId(), k.period(),
                            c.disaggregationId()));
                    if (current != null && (c.before() == null || c.before().version() != current.version())) {
                        conflicts.add(InputProblem.of(p.source(), c.row(), c.column(), c.valueText(),
                                CollectionProblem.CONFLICT, current.updatedBy(),
                                current.value().stripTrailingZeros().toPlainString()));
                    }
                }
            }
        }
    }

    /** Creates the draft submissions an import needs; one someone else creates at the same moment is theirs. */
    private void createDrafts(DataSet ds, List<GroupKey> missing) {
        try {
            store.createDrafts(ds.id(), missing.stream().map(GroupKey::regionId).toList(),
                    missing.stream().map(GroupKey::period).toList());
        } catch (DuplicateKeyException raced) {
            // someone started one of these submissions after the file was checked: one by one, each in a savepoint
            for (GroupKey k : missing) {
                store.draft(ds.id(), k.regionId(), k.period());
            }
        }
    }

    /** Writes the Excel template of a data set: the user's regions × open periods, with the stored values. */
    @Transactional(readOnly = true)
    public void template(String dataSetCode, Locale locale, OutputStream out) {
        requireImport();
        DataSet ds = dataSets.get(dataSetCode);
        List<Region> rs = new ArrayList<>(reportable(ds).values());
        rs.sort((a, b) -> a.code().compareTo(b.code()));
        List<Period> open = ds.openOn(LocalDate.now(clock)).stream()
                .map(w -> Period.parse(w.period()).orElseThrow()).sorted().toList();
        Map<String, Indicator> byCode = indicators.byCodes(ds.items().stream().map(DataSet.Item::indicatorCode).toList());
        List<Indicator> columns = ds.items().stream().map(i -> byCode.get(i.indicatorCode())).toList();
        Map<String, Long> ids = store.indicatorIds(ds.items().stream().map(DataSet.Item::indicatorCode).toList());
        // each indicator's total, then one column per category of the data set's breakdowns (分组: CODE.urban)
        List<String> categories = dataSets.breakdowns(ds.code()).values().stream().flatMap(List::stream).toList();
        Map<String, org.yardstick.shared.LocalizedText> categoryNames = store.categoryNames(categories);
        Map<String, Long> categoryIds = store.disaggregationIds(categories);
        long totalId = store.totalId();
        List<ExcelTemplate.Column> cells = new ArrayList<>();
        Map<List<Long>, Integer> column = new HashMap<>();
        for (Indicator ind : columns) {
            column.put(List.of(ids.get(ind.code()), totalId), cells.size());
            cells.add(new ExcelTemplate.Column(ind, "", ""));
            for (String c : categories) {
                column.put(List.of(ids.get(ind.code()), categoryIds.get(c)), cells.size());
                cells.add(new ExcelTemplate.Column(ind, c, categoryNames.get(c).in(locale)));
            }
        }
        List<Long> disaggregations = new ArrayList<>(categoryIds.values());
        disaggregations.add(totalId);
        Map<GroupKey, java.math.BigDecimal[]> values = new HashMap<>();
        List<String> periods = open.stream().map(Period::code).toList();
        for (int from = 0; from < rs.size(); from += ImportBatch.CHUNK) {
            List<Long> regionIds = rs.subList(from, Math.min(rs.size(), from + ImportBatch.CHUNK)).stream()
                    .map(Region::id).toList();
            store.levels(ids.values(), regionIds, periods, disaggregations, s -> values
                    .computeIfAbsent(new GroupKey(s.regionId(), s.period()), k -> new java.math.BigDecimal[cells.size()])
                    [column.get(List.of(s.indicatorId(), s.disaggregationId()))] = s.value());
        }
        ExcelTemplate.write(ds, cells, rs, open, (r, p) -> values.get(new GroupKey(r.id(), p.code())), locale, messages,
                out, true);
    }

    /** The file name of a data set's template. */
    public static String templateName(String dataSetCode) {
        return dataSetCode + "-template.xlsx";
    }

    static Format format(String source, byte[] head) {
        if (Arrays.equals(head, ZIP)) {
            return Format.EXCEL;
        }
        if (Arrays.equals(head, OLE2)) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, ImportProblem.OLD_EXCEL));
        }
        if (head.length == 0) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.EMPTY));
        }
        return Format.CSV;
    }

    private static void copy(String source, InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.TOO_LARGE,
                        limit / 1024 / 1024 + " MB"));
            }
            out.write(buffer, 0, n);
        }
    }

    private boolean mayImport() {
        return currentUser.account().map(Account::role)
                .filter(r -> r == Role.ADMIN || r == Role.PLANNER || r == Role.REPORTER).isPresent();
    }

    private void requireImport() {
        if (!mayImport()) {
            throw new AccessDeniedException("not allowed to import figures");
        }
    }

    /** The regions of the data set's level the current user may report for, by code. */
    private Map<String, Region> reportable(DataSet ds) {
        Map<String, Region> result = new LinkedHashMap<>();
        Optional<Region> home = currentUser.account().map(Account::regionCode).flatMap(regions::find);
        home.ifPresent(h -> regions.within(h, ds.regionLevel()).stream().filter(ds::reportedBy).filter(currentUser::mayReport)
                .forEach(r -> result.put(r.code(), r)));
        return result;
    }

    private java.util.function.Function<String, Optional<Region>> lookup() {
        Map<String, Optional<Region>> cache = new HashMap<>();
        return code -> cache.computeIfAbsent(code, c -> c.length() > 64 ? Optional.empty() : regions.find(c));
    }

    private Map<GroupKey, SubmissionState> submissions(DataSet ds) {
        Map<GroupKey, SubmissionState> states = new HashMap<>();
        store.submissionStates(ds.id()).forEach(s -> states.put(new GroupKey(s.regionId(), s.period()), s));
        return states;
    }

    /** Replaces the writer (tests: a writer whose connection dies midway); null goes back to the database's own. */
    void useWriter(@Nullable FigureWriter w) {
        writer = w;
    }

    FigureWriter writer() {
        FigureWriter w = writer;
        if (w == null) {
            w = database.postgres() ? new PostgresFigureWriter(database, jdbc, audit) : new JdbcFigureWriter(jdbc, audit);
            writer = w;
        }
        return w;
    }
}
