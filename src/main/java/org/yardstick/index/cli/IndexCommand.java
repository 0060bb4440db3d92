package org.yardstick.index.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yardstick.index.engine.Decimals;
import org.yardstick.index.engine.ExcludedUnit;
import org.yardstick.index.engine.IndexEngine;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.index.engine.OutlierTreatment;
import org.yardstick.index.engine.Panel;
import org.yardstick.index.engine.TreatmentSummary;
import org.yardstick.shared.CsvReader;
import org.yardstick.index.spec.DataLayout;
import org.yardstick.index.spec.IndexSpec;
import org.yardstick.index.spec.WideData;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * The analysts' batch command:
 * <pre>index compute --spec SPEC.yaml --data DATA.csv --out OUT.csv [--stages DIR]</pre>
 * reads an index spec and a wide data CSV, computes every stage and writes every aggregate's score
 * and rank per unit and period; {@code --stages} also writes each stage as a CSV. Exit code 0 when
 * done, 2 for bad input or usage (every problem printed as {@code file:line:column: reason}), 1 when
 * an output cannot be written. Nothing is written unless the whole computation succeeded.
 */
public final class IndexCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private static final String USAGE = """
            usage: index compute --spec SPEC.yaml --data DATA.csv --out OUT.csv [--stages DIR]
              --spec    the index definition (YAML, see docs/index-spec.md)
              --data    wide CSV: unit, period, one column per indicator, group and denominator columns
              --out     where to write every aggregate's score and rank per unit and period
              --stages  optional folder for every stage: denominated, imputed, treated, normalised,
                        aggregated, treatment summary and flags, excluded units""";

    private IndexCommand() {}

    /** Runs the command; {@code args} may start with {@code index}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(List.of(args));
        if (!a.isEmpty() && a.get(0).equals("index")) {
            a.remove(0);
        }
        if (a.isEmpty() || !a.get(0).equals("compute")) {
            err.println(a.isEmpty() || a.get(0).startsWith("-h") || a.get(0).equals("--help")
                    ? USAGE : "unknown command: " + a.get(0) + "\n" + USAGE);
            return BAD_INPUT;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < a.size(); i++) {
            String key = a.get(i);
            if (!List.of("--spec", "--data", "--out", "--stages").contains(key) || i + 1 >= a.size()) {
                err.println((key.startsWith("--") && i + 1 >= a.size() ? key + " needs a value" : "unknown option: " + key)
                        + "\n" + USAGE);
                return BAD_INPUT;
            }
            options.put(key, a.get(++i));
        }
        for (String required : List.of("--spec", "--data", "--out")) {
            if (!options.containsKey(required)) {
                err.println("missing " + required + "\n" + USAGE);
                return BAD_INPUT;
            }
        }
        try {
            return compute(Path.of(options.get("--spec")), Path.of(options.get("--data")), Path.of(options.get("--out")),
                    options.containsKey("--stages") ? Path.of(options.get("--stages")) : null, out);
        } catch (InvalidInputException e) {
            for (InputProblem p : e.problems()) {
                err.println(describe(p));
            }
            err.println(e.problems().size() + " problem(s); nothing written");
            return BAD_INPUT;
        } catch (UncheckedIOException e) {
            err.println("cannot write: " + e.getCause().getMessage());
            return FAILED;
        }
    }

    /** {@code file:line:column: reason (value: "x")}; line and column left out when not known. */
    static String describe(InputProblem p) {
        StringBuilder s = new StringBuilder(p.source());
        if (p.line() > 0) {
            s.append(':').append(p.line());
        }
        if (!p.field().isEmpty()) {
            s.append(':').append(p.field());
        }
        s.append(": ").append(p.reason());
        if (p.value() != null && !p.value().isEmpty()) {
            s.append(" (value: \"").append(p.value()).append("\")");
        }
        return s.toString();
    }

    private static int compute(Path specFile, Path dataFile, Path outFile, @Nullable Path stages, PrintStream out) {
        IndexSpec spec = IndexSpec.read(specFile);
        spec.tree().requireComputable();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dataFile);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(InputProblem.of(dataFile.getFileName().toString(), 0, "", null,
                    org.yardstick.shared.FileProblem.SYNTAX, "does not exist"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WideData data = WideData.read(CsvReader.table(dataFile.getFileName().toString(), bytes), spec.layout(),
                spec.tree());
        IndexResult result = IndexEngine.compute(spec.tree(), spec.method(), data.values(), data.denominators());
        DataLayout layout = spec.layout();
        write(outFile, scoresTable(result, layout));
        if (stages != null) {
            try {
                Files.createDirectories(stages);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            write(stages.resolve("denominated.csv"), panelTable(layout, List.of(result.denominated())));
            write(stages.resolve("imputed.csv"), panelTable(layout, List.of(result.imputed())));
            write(stages.resolve("treated.csv"), panelTable(layout, List.of(result.treated())));
            write(stages.resolve("normalised.csv"), panelTable(layout, List.of(result.normalised())));
            write(stages.resolve("aggregated.csv"), panelTable(layout, List.of(result.normalised(), result.scores())));
            write(stages.resolve("treatment.csv"), treatmentTable(result));
            write(stages.resolve("treatment-flags.csv"), flagsTable(result, layout));
            write(stages.resolve("excluded.csv"), excludedTable(result, layout));
        }
        out.println(spec.code() + ": " + result.scores().unitCount() + " units × " + result.scores().periodCount()
                + " period(s), " + result.scores().columns().size() + " aggregates → " + outFile
                + (stages != null ? " (stages in " + stages + ")" : ""));
        for (ExcludedUnit x : result.excluded()) {
            out.println("excluded by screening: " + x.unit() + " (data present: " + Decimals.format(x.share()) + ")");
        }
        return OK;
    }

    private static List<List<String>> scoresTable(IndexResult result, DataLayout layout) {
        Panel scores = result.scores();
        List<String> header = idHeader(layout);
        // the index first, then each level below it, aggregates of a level as defined
        List<Integer> order = new ArrayList<>();
        for (int a = 0; a < scores.columns().size(); a++) {
            order.add(a);
        }
        order.sort((x, y) -> Integer.compare(result.tree().level(y), result.tree().level(x)));
        for (int a : order) {
            header.add(scores.columns().get(a));
            header.add(scores.columns().get(a) + "_rank");
        }
        List<List<String>> table = new ArrayList<>();
        table.add(header);
        forEachRow(scores, layout, table, (row, u, p) -> {
            for (int a : order) {
                row.add(Decimals.format(scores.value(a, u, p)));
                int r = result.rank(a, u, p);
                row.add(r == 0 ? "" : Integer.toString(r));
            }
        });
        return table;
    }

    private static List<List<String>> panelTable(DataLayout layout, List<Panel> panels) {
        List<String> header = idHeader(layout);
        panels.forEach(p -> header.addAll(p.columns()));
        List<List<String>> table = new ArrayList<>();
        table.add(header);
        Panel first = panels.get(0);
        forEachRow(first, layout, table, (row, u, p) -> {
            for (Panel panel : panels) {
                int unit = panel.unitIndex(first.units().get(u));
                for (int c = 0; c < panel.columns().size(); c++) {
                    row.add(Decimals.format(panel.value(c, unit, p)));
                }
            }
        });
        return table;
    }

    private static List<List<String>> flagsTable(IndexResult result, DataLayout layout) {
        Panel treated = result.treated();
        List<String> header = idHeader(layout);
        header.addAll(treated.columns());
        List<List<String>> table = new ArrayList<>();
        table.add(header);
        byte[][] flags = result.treatment().flags();
        forEachRow(treated, layout, table, (row, u, p) -> {
            for (byte[] f : flags) {
                row.add(OutlierTreatment.label(f[p * treated.unitCount() + u]));
            }
        });
        return table;
    }

    private static List<List<String>> treatmentTable(IndexResult result) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("indicator", "period", "low", "high", "treatment", "skew_before", "kurtosis_before",
                "skew_after", "kurtosis_after"));
        for (TreatmentSummary s : result.treatment().summaries()) {
            table.add(List.of(s.indicator(), s.period(), Integer.toString(s.lowPoints()),
                    Integer.toString(s.highPoints()), s.describe(), Decimals.format(s.skewBefore()),
                    Decimals.format(s.kurtosisBefore()), Decimals.format(s.skewAfter()), Decimals.format(s.kurtosisAfter())));
        }
        return table;
    }

    private static List<List<String>> excludedTable(IndexResult result, DataLayout layout) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of(layout.unitColumn(), "data_present"));
        for (ExcludedUnit x : result.excluded()) {
            table.add(List.of(x.unit(), Decimals.format(x.share())));
        }
        return table;
    }

    private interface RowWriter {
        void write(List<String> row, int unit, int period);
    }

    private static List<String> idHeader(DataLayout layout) {
        List<String> header = new ArrayList<>();
        header.add(layout.unitColumn());
        if (layout.periodColumn() != null) {
            header.add(layout.periodColumn());
        }
        return header;
    }

    /** Adds one row per unit and period that was in the input, periods in order, units as first seen. */
    private static void forEachRow(Panel panel, DataLayout layout, List<List<String>> table, RowWriter writer) {
        int n = panel.unitCount();
        for (int p = 0; p < panel.periodCount(); p++) {
            for (int u = 0; u < n; u++) {
                if (panel.row(p * n + u) == 0) {
                    continue; // no row for this unit and period in the input
                }
                List<String> row = new ArrayList<>();
                row.add(panel.units().get(u));
                if (layout.periodColumn() != null) {
                    row.add(panel.periods().get(p));
                }
                writer.write(row, u, p);
                table.add(row);
            }
        }
    }

    private static void write(Path file, List<List<String>> table) {
        StringBuilder s = new StringBuilder();
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    s.append(',');
                }
                s.append(quote(row.get(i)));
            }
            s.append('\n');
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = Files.createTempFile(parent, ".index-", ".csv");
            Files.writeString(tmp, s, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
