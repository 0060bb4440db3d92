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
import org.yardstick.index.engine.Imputation;
import org.yardstick.index.engine.ImputationReport;
import org.yardstick.index.engine.ScoreTable;
import org.yardstick.index.engine.OutlierTreatment;
import org.yardstick.index.engine.Panel;
import org.yardstick.index.engine.TreatmentSummary;
import org.yardstick.shared.CsvReader;
import org.yardstick.index.spec.DataLayout;
import org.yardstick.index.spec.IndexSpec;
import org.yardstick.index.spec.WideData;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.TextDecoding;

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
            usage: index compute --spec SPEC.yaml --data DATA.csv --out OUT.csv [--long LONG.csv]
                                 [--report REPORT.csv] [--bom] [--stages DIR]
              --spec    the index definition (YAML, see docs/index-spec.md)
              --data    CSV in UTF-8, GBK or GB18030: wide (unit, period, one column per indicator)
                        or long (unit, period, indicator, value) as the spec's data section says
              --out     every node's score and rank per unit and period, one line per unit and period
              --long    the same, one line per unit, period and node (unit, period, node, score, rank)
              --report  the imputation report (default: OUT's name with -imputation.csv)
              --bom     start the CSV files with a UTF-8 byte-order mark (for Excel)
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
            if (key.equals("--bom")) {
                options.put(key, "true");
                continue;
            }
            if (!List.of("--spec", "--data", "--out", "--stages", "--long", "--report").contains(key)
                    || i + 1 >= a.size()) {
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
            Path outFile = Path.of(options.get("--out"));
            return compute(Path.of(options.get("--spec")), Path.of(options.get("--data")), outFile,
                    options.containsKey("--long") ? Path.of(options.get("--long")) : null,
                    options.containsKey("--report") ? Path.of(options.get("--report")) : reportBeside(outFile),
                    options.containsKey("--bom"),
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

    /** {@code scores.csv} → {@code scores-imputation.csv} in the same folder. */
    static Path reportBeside(Path outFile) {
        String name = outFile.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return outFile.resolveSibling(base + "-imputation.csv");
    }

    private static int compute(Path specFile, Path dataFile, Path outFile, @Nullable Path longFile, Path reportFile,
            boolean bom, @Nullable Path stages, PrintStream out) {
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
        String dataName = dataFile.getFileName().toString();
        // UTF-8 (with or without byte-order mark), else GBK / GB18030, as the platform's import reads uploads
        String text = TextDecoding.decode(bytes).orElseThrow(() -> new InvalidInputException(InputProblem.of(dataName,
                0, "", null, org.yardstick.shared.FileProblem.SYNTAX, "is not text in UTF-8, GBK or GB18030")));
        WideData data = WideData.read(CsvReader.table(dataName, text), spec.layout(), spec.tree());
        IndexResult result = IndexEngine.compute(spec.tree(), spec.method(), data.values(), data.denominators());
        DataLayout layout = spec.layout();
        List<ScoreTable.Row> rows = ScoreTable.rows(result, null, null);
        String periodHeader = layout.periodColumn();
        write(outFile, ScoreTable.wideTable(rows, ScoreTable.nodes(result), layout.unitColumn(), periodHeader), bom);
        if (longFile != null) {
            write(longFile, ScoreTable.longTable(rows, layout.unitColumn(), periodHeader == null ? "period" : periodHeader),
                    bom);
        }
        write(reportFile, reportTable(result.imputationReport(), layout), bom);
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
        ImputationReport report = result.imputationReport();
        StringBuilder filled = new StringBuilder();
        for (Imputation m : Imputation.values()) {
            int k = report.filled(m);
            if (k > 0) {
                filled.append(filled.isEmpty() ? "" : ", ").append(m.name().toLowerCase(java.util.Locale.ROOT))
                        .append(' ').append(k);
            }
        }
        out.println("imputation: " + report.missing() + " cell(s) missing, filled "
                + (filled.isEmpty() ? "none" : filled) + "; still missing " + report.stillMissing()
                + "; not ranked (no row in the input) " + report.unranked().size() + " → " + reportFile);
        return OK;
    }

    /**
     * The imputation report as a table: a line per indicator and method with the cells it filled, a
     * line per indicator with the cells missing before and after, a line per unit screened out and per
     * unit-period imputed without a row in the input (not ranked).
     */
    static List<List<String>> reportTable(ImputationReport report, DataLayout layout) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("what", "indicator", "method", "cells", layout.unitColumn(), "period"));
        for (ImputationReport.Line l : report.indicators()) {
            table.add(List.of("missing", l.indicator(), "", Integer.toString(l.missing()), "", ""));
            l.filled().forEach((m, k) -> table.add(List.of("filled", l.indicator(),
                    m.name().toLowerCase(java.util.Locale.ROOT), Integer.toString(k), "", "")));
            table.add(List.of("still_missing", l.indicator(), "", Integer.toString(l.stillMissing()), "", ""));
        }
        for (ExcludedUnit x : report.screened()) {
            table.add(List.of("screened_out", "", "", "", x.unit(), ""));
        }
        for (ImputationReport.Cell c : report.unranked()) {
            table.add(List.of("not_ranked", "", "", "", c.unit(), c.period()));
        }
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
        write(file, table, false);
    }

    private static void write(Path file, List<List<String>> table, boolean bom) {
        String s = ScoreTable.csv(table, bom);
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
}
