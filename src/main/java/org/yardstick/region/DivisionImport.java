package org.yardstick.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.audit.Changed;
import org.yardstick.jobs.JobProgress;
import org.yardstick.region.internal.RegionProblem;
import org.yardstick.region.internal.StreamingCsv;
import org.yardstick.region.internal.Transliteration;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;

/**
 * Imports the official divisions (统计用区划代码) at any depth — provinces to villages — from the published
 * CSV files (provinces.csv, cities.csv, areas.csv, streets.csv, villages.csv.gz; see docs/regions.md).
 *
 * <p>Streaming, in two passes over the files: the first reads every row and checks it (code length, parent
 * known — stored or earlier in the import —, code under its parent's, name), keeping only the codes that
 * later rows may name as parent; any problem refuses the whole import (decision 0009) with every problem
 * listed. The second writes in one transaction, in batches of {@value #BATCH} rows: new codes are added,
 * changed names updated, equal rows left alone — importing the same files again changes nothing.
 */
@Service
public class DivisionImport {

    static final int BATCH = 5000;
    private static final int INSERT_ROWS = 1000;
    private static final int MAX_PROBLEMS = 1000;
    private static final int LINE_BITS = 23;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Regions regions;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    DivisionImport(JdbcClient jdbc, JdbcTemplate template, Regions regions, PlatformTransactionManager transactions,
                   ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.regions = regions;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
    }

    /** A file to import, opened once per pass. */
    public record DivisionFile(String name, Opener opener) {
        public interface Opener {
            InputStream open() throws IOException;
        }

        public static DivisionFile of(Path path) {
            return new DivisionFile(path.getFileName().toString(), () -> Files.newInputStream(path));
        }
    }

    /** What an import did. */
    public record Outcome(long rows, long added, long updated, long unchanged) {
        public Map<String, Long> asMap() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("rows", rows);
            m.put("added", added);
            m.put("updated", updated);
            m.put("unchanged", unchanged);
            return m;
        }
    }

    /** What one file holds, known from its header. */
    enum Kind {
        PROVINCES(RegionLevel.PROVINCE, 2, null, RegionLevel.COUNTRY, 0),
        CITIES(RegionLevel.PREFECTURE, 4, "provincecode", RegionLevel.PROVINCE, 2),
        AREAS(RegionLevel.COUNTY, 6, "citycode", RegionLevel.PREFECTURE, 4),
        STREETS(RegionLevel.TOWNSHIP, 9, "areacode", RegionLevel.COUNTY, 6),
        VILLAGES(RegionLevel.VILLAGE, 12, "streetcode", RegionLevel.TOWNSHIP, 9);

        final RegionLevel level;
        final int length;
        final @Nullable String parentColumn;
        final RegionLevel parentLevel;
        final int parentLength;

        Kind(RegionLevel level, int length, @Nullable String parentColumn, RegionLevel parentLevel, int parentLength) {
            this.level = level;
            this.length = length;
            this.parentColumn = parentColumn;
            this.parentLevel = parentLevel;
            this.parentLength = parentLength;
        }

        static @Nullable Kind of(List<String> header) {
            List<String> h = header.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
            if (!h.contains("code") || !h.contains("name")) {
                return null;
            }
            for (Kind k : List.of(VILLAGES, STREETS, AREAS, CITIES)) {
                if (h.contains(k.parentColumn)) {
                    return k;
                }
            }
            return PROVINCES;
        }
    }

    private record Opened(DivisionFile file, Kind kind, int code, int name, int parent) {}

    /**
     * Checks and imports the files (any subset, in any order: they are taken from provinces down).
     *
     * @param actor written to the audit trail
     * @throws InvalidInputException with the first {@value #MAX_PROBLEMS} problems and their total; nothing written
     */
    public Outcome importFiles(List<DivisionFile> files, String actor, Channel channel, JobProgress progress) {
        List<Opened> opened = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (DivisionFile f : files) {
            List<String> header = header(f, problems);
            if (header == null) {
                continue;
            }
            Kind kind = Kind.of(header);
            if (kind == null) {
                problems.add(InputProblem.of(f.name(), 1, "", String.join(",", header), RegionProblem.DIVISION_FILE));
                continue;
            }
            List<String> h = header.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
            opened.add(new Opened(f, kind, h.indexOf("code"), h.indexOf("name"),
                    kind.parentColumn == null ? -1 : h.indexOf(kind.parentColumn)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        opened.sort(Comparator.comparing(o -> o.kind().ordinal()));
        long rows = validate(opened, progress);
        return transaction.execute(s -> write(opened, rows, actor, channel, progress));
    }

    private static @Nullable List<String> header(DivisionFile f, List<InputProblem> problems) {
        List<List<String>> first = new ArrayList<>();
        try (InputStream in = f.opener().open()) {
            StreamingCsv.read(f.name(), in, (line, cells) -> {
                first.add(cells);
                throw new StopReading();
            });
        } catch (StopReading e) {
            // the header is all we wanted
        } catch (IOException | RuntimeException e) {
            problems.add(InputProblem.of(f.name(), 0, "", null, RegionProblem.DIVISION_READ, String.valueOf(e.getMessage())));
            return null;
        }
        if (first.isEmpty()) {
            problems.add(InputProblem.of(f.name(), 1, "", "", RegionProblem.DIVISION_FILE));
            return null;
        }
        return first.get(0);
    }

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    /** The first pass: every row checked; returns the number of rows. */
    private long validate(List<Opened> files, JobProgress progress) {
        List<InputProblem> problems = new ArrayList<>();
        long[] total = {0};
        long[] count = {0};
        progress.phase("validate", 0);
        // the codes each level's rows may name as parent: the stored ones and those of earlier files
        Map<RegionLevel, Set<String>> known = new HashMap<>();
        for (Opened o : files) {
            Set<String> parents = known.computeIfAbsent(o.kind().parentLevel, l -> new HashSet<>(
                    jdbc.sql("select code from region where level = ?").param(l.name()).query(String.class).list()));
            if (o.kind() == Kind.PROVINCES) {
                parents.add(OfficialDivisions.COUNTRY); // added by the write if it is not there
            }
            boolean keep = o.kind() != Kind.VILLAGES;
            Set<String> mine = keep ? known.computeIfAbsent(o.kind().level, l -> new HashSet<>(
                    jdbc.sql("select code from region where level = ?").param(l.name()).query(String.class).list())) : null;
            Map<String, Long> seenHere = keep ? new HashMap<>() : null;
            long[] villageCodes = keep ? null : new long[1 << 16];
            int[] villages = {0};
            long[][] holder = {villageCodes};
            read(o.file(), (line, cells) -> {
                if (line == 1) {
                    return;
                }
                count[0]++;
                progress.done(count[0]);
                String code = cell(cells, o.code());
                String name = cell(cells, o.name());
                String parent = o.parent() < 0 ? OfficialDivisions.COUNTRY : cell(cells, o.parent());
                String source = o.file().name();
                List<InputProblem> row = new ArrayList<>(1);
                boolean codeOk = code.length() == o.kind().length && digits(code);
                if (!codeOk) {
                    row.add(InputProblem.of(source, line, "code", code, RegionProblem.DIVISION_CODE, o.kind().length,
                            o.kind().level.name()));
                }
                if (name.isEmpty()) {
                    row.add(InputProblem.of(source, line, "name", name, RegionProblem.REQUIRED));
                } else if (name.length() > RegionAuthoring.NAME_MAX) {
                    row.add(InputProblem.of(source, line, "name", name, RegionProblem.TOO_LONG, RegionAuthoring.NAME_MAX));
                }
                String parentField = o.parent() < 0 ? "" : o.kind().parentColumn;
                if (!parents.contains(parent)) {
                    row.add(InputProblem.of(source, line, parentField, parent, RegionProblem.DIVISION_PARENT, parent,
                            o.kind().parentLevel.name()));
                } else if (codeOk && o.parent() >= 0 && !code.startsWith(parent)) {
                    row.add(InputProblem.of(source, line, "code", code, RegionProblem.DIVISION_PREFIX, parent));
                }
                if (codeOk) {
                    if (keep) {
                        Long first = seenHere.putIfAbsent(code, line);
                        if (first != null) {
                            row.add(InputProblem.of(source, line, "code", code, RegionProblem.REPEATED_CODE, first));
                        }
                        mine.add(code);
                    } else {
                        if (villages[0] == holder[0].length) {
                            holder[0] = Arrays.copyOf(holder[0], holder[0].length * 2);
                        }
                        // the code (12 digits, under 2^40) and the line (under 2^23) in one long: sorted, equal
                        // codes lie side by side, first line first
                        holder[0][villages[0]++] = Long.parseLong(code) << LINE_BITS | Math.min(line, (1L << LINE_BITS) - 1);
                    }
                }
                total[0] += row.size();
                for (InputProblem p : row) {
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add(p);
                    }
                }
            });
            if (!keep) {
                long[] codes = Arrays.copyOf(holder[0], villages[0]);
                Arrays.sort(codes);
                long mask = (1L << LINE_BITS) - 1;
                for (int i = 1, first = 0; i < codes.length; i++) {
                    if (codes[i] >>> LINE_BITS == codes[first] >>> LINE_BITS) {
                        total[0]++;
                        if (problems.size() < MAX_PROBLEMS) {
                            problems.add(InputProblem.of(o.file().name(), codes[i] & mask, "code",
                                    String.format("%012d", codes[i] >>> LINE_BITS), RegionProblem.REPEATED_CODE, codes[first] & mask));
                        }
                    } else {
                        first = i;
                    }
                }
                problems.sort(java.util.Comparator.comparing(InputProblem::source).thenComparingLong(InputProblem::line));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems, total[0]);
        }
        return count[0];
    }

    /** The second pass, in the caller's transaction: batches of new rows added, changed names updated. */
    private Outcome write(List<Opened> files, long rows, String actor, Channel channel, JobProgress progress) {
        progress.phase("write", rows);
        if (files.stream().anyMatch(o -> o.kind() == Kind.PROVINCES) && regions.find(OfficialDivisions.COUNTRY).isEmpty()) {
            regions.add(List.of(new NewRegion(OfficialDivisions.COUNTRY, null, RegionLevel.COUNTRY,
                    LocalizedText.of("全国", "China"), false)));
        }
        long[] counts = new long[4]; // done, added, updated, unchanged
        for (Opened o : files) {
            List<String[]> batch = new ArrayList<>(BATCH);
            read(o.file(), (line, cells) -> {
                if (line == 1) {
                    return;
                }
                batch.add(new String[] {cell(cells, o.code()), cell(cells, o.name()),
                    o.parent() < 0 ? OfficialDivisions.COUNTRY : cell(cells, o.parent())});
                if (batch.size() == BATCH) {
                    writeBatch(o.kind(), batch, counts);
                    batch.clear();
                    progress.done(counts[0]);
                }
            });
            if (!batch.isEmpty()) {
                writeBatch(o.kind(), batch, counts);
                progress.done(counts[0]);
            }
        }
        Outcome outcome = new Outcome(rows, counts[1], counts[2], counts[3]);
        events.publishEvent(Changed.of("region", null, "divisions", "import", actor, "",
                new FieldChange("files", null, String.join(", ", files.stream().map(o -> o.file().name()).toList())),
                new FieldChange("added", null, Long.toString(outcome.added())),
                new FieldChange("updated", null, Long.toString(outcome.updated())),
                new FieldChange("unchanged", null, Long.toString(outcome.unchanged())),
                RegionAuthoring.channel(channel)));
        if (outcome.added() + outcome.updated() > 0) {
            events.publishEvent(new RegionsChanged("import"));
        }
        return outcome;
    }

    private void writeBatch(Kind kind, List<String[]> batch, long[] counts) {
        List<String> codes = batch.stream().map(r -> r[0]).toList();
        Map<String, String> stored = new HashMap<>();
        jdbc.sql("select code, name_zh from region where code in (:codes)").param("codes", codes)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> stored.put(e.getKey(), e.getValue()));
        record Parent(long id, String path, int depth) {}
        Map<String, Parent> parents = new HashMap<>();
        List<String> parentCodes = batch.stream().map(r -> r[2]).distinct().toList();
        jdbc.sql("select id, code, path, depth from region where code in (:codes)").param("codes", parentCodes)
                .query((rs, n) -> Map.entry(rs.getString(2), new Parent(rs.getLong(1), rs.getString(3), rs.getInt(4)))).list()
                .forEach(e -> parents.put(e.getKey(), e.getValue()));
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (String[] r : batch) {
            String old = stored.get(r[0]);
            if (old == null) {
                Parent p = parents.get(r[2]);
                inserts.add(new Object[] {r[0], p.id(), kind.level.name(), r[1], Transliteration.placeName(r[1]),
                    p.path() + r[0] + "/", p.depth() + 1});
            } else if (!old.equals(r[1])) {
                updates.add(new Object[] {r[1], Transliteration.placeName(r[1]), r[0]});
            } else {
                counts[3]++;
            }
        }
        for (int i = 0; i < inserts.size(); i += INSERT_ROWS) {
            List<Object[]> part = inserts.subList(i, Math.min(inserts.size(), i + INSERT_ROWS));
            StringBuilder sql = new StringBuilder(
                    "insert into region (code, parent_id, level, name_zh, name_en, official, path, depth) values ");
            Object[] args = new Object[part.size() * 7];
            for (int j = 0; j < part.size(); j++) {
                sql.append(j == 0 ? "" : ",").append("(?, ?, ?, ?, ?, true, ?, ?)");
                System.arraycopy(part.get(j), 0, args, j * 7, 7);
            }
            template.update(sql.toString(), args);
        }
        if (!updates.isEmpty()) {
            template.batchUpdate("update region set name_zh = ?, name_en = ? where code = ?", updates);
        }
        counts[0] += batch.size();
        counts[1] += inserts.size();
        counts[2] += updates.size();
    }

    private static void read(DivisionFile f, StreamingCsv.RowHandler handler) {
        try (InputStream in = f.opener().open()) {
            StreamingCsv.read(f.name(), in, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(List<String> cells, int i) {
        return i >= 0 && i < cells.size() ? cells.get(i).strip() : "";
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
