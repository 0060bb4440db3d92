package org.yardstick.observation.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.yardstick.shared.CsvReader;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.TextDecoding;

/**
 * Reads figures from a long-form CSV file: a header row naming the columns {@code indicator, region,
 * period, value} and optionally {@code qualifier, comment, breakdown} (in any order, any case, or in Chinese:
 * 指标, 地区, 时期, 数值, 限定词, 备注, 分组), then one figure per row; {@code breakdown} names the category
 * of a figure broken down ({@code urban}), empty for the total. UTF-8 with or without a byte-order mark,
 * or GBK. Plain Java: no database, no Spring.
 */
public final class CsvFigures {

    /** The largest CSV file accepted. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;
    /** The most figure rows a CSV file may have. */
    public static final long MAX_ROWS = 2_000_000;

    static final List<String> PARTS = List.of("indicator", "region", "period", "value", "qualifier", "comment",
            "breakdown");
    private static final List<String> REQUIRED = List.of("indicator", "region", "period", "value");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("指标", "indicator"), Map.entry("指标代码", "indicator"), Map.entry("地区", "region"),
            Map.entry("地区代码", "region"), Map.entry("时期", "period"), Map.entry("数值", "value"),
            Map.entry("限定词", "qualifier"), Map.entry("备注", "comment"), Map.entry("分组", "breakdown"));

    private CsvFigures() {}

    /** The most columns a CSV file may have: a header of a million columns is refused, not read. */
    public static final int MAX_COLUMNS = 100;
    /** The most characters a row may have (a comment is at most 1,000). */
    public static final int MAX_ROW_CHARS = 64 * 1024;

    static final CsvReader.Limits LIMITS = new CsvReader.Limits(MAX_COLUMNS, ImportProblem.TOO_MANY_COLUMNS,
            MAX_ROW_CHARS, ImportProblem.CELL_TOO_LONG);

    /**
     * Reads every row into {@code sink}, in file order.
     *
     * @throws InvalidInputException if the file cannot be read at all: too large, empty, not UTF-8 or
     *     GBK, a broken header, an unclosed quote, too many rows
     */
    public static long read(String source, byte[] bytes, Consumer<FigureRow> sink) {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.TOO_LARGE,
                    MAX_BYTES / 1024 / 1024 + " MB"));
        }
        String text = TextDecoding.decode(bytes).orElseThrow(() -> new InvalidInputException(
                InputProblem.of(source, 0, "", null, FileProblem.BAD_ENCODING)));
        return read(source, new StringReader(text), sink);
    }

    /**
     * Reads every row of a file into {@code sink}, in file order, as a stream: the file is read twice
     * (once to tell its encoding, once for its rows) and never held in memory, only the row being read.
     *
     * @throws InvalidInputException as {@link #read(String, byte[], Consumer)}
     */
    public static long read(String source, Path file, Consumer<FigureRow> sink) throws IOException {
        if (java.nio.file.Files.size(file) > MAX_BYTES) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.TOO_LARGE,
                    MAX_BYTES / 1024 / 1024 + " MB"));
        }
        Charset charset = TextDecoding.detect(file).orElseThrow(() -> new InvalidInputException(
                InputProblem.of(source, 0, "", null, FileProblem.BAD_ENCODING)));
        try (Reader in = TextDecoding.reader(file, charset)) {
            return read(source, in, sink);
        }
    }

    private static long read(String source, Reader in, Consumer<FigureRow> sink) {
        CsvReader csv = CsvReader.of(source, in, LIMITS);
        if (!csv.hasNext()) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.EMPTY));
        }
        CsvReader.Row header = csv.next();
        Map<String, Integer> columns = columns(source, header);
        Map<String, String> names = new HashMap<>();
        columns.forEach((part, i) -> names.put(part, header.cell(i).strip()));
        FigureRow.Columns labels = new FigureRow.Columns(names.get("indicator"), names.get("region"),
                names.get("period"), names.get("value"), names.getOrDefault("qualifier", "qualifier"),
                names.getOrDefault("comment", "comment"),
                names.getOrDefault("breakdown", "breakdown"));
        int indicator = columns.get("indicator");
        int region = columns.get("region");
        int period = columns.get("period");
        int value = columns.get("value");
        Integer qualifier = columns.get("qualifier");
        Integer comment = columns.get("comment");
        Integer breakdown = columns.get("breakdown");
        long rows = 0;
        while (csv.hasNext()) {
            CsvReader.Row r = csv.next();
            if (++rows > MAX_ROWS) {
                throw new InvalidInputException(InputProblem.of(source, r.line(), "", null, ImportProblem.TOO_MANY_ROWS,
                        MAX_ROWS));
            }
            sink.accept(new FigureRow(r.line(), r.cell(indicator).strip(), r.cell(region).strip(), r.cell(period).strip(),
                    r.cell(value), qualifier == null ? null : r.cell(qualifier), comment == null ? null : r.cell(comment),
                    labels, breakdown == null ? "" : r.cell(breakdown).strip()));
        }
        if (rows == 0) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.EMPTY));
        }
        return rows;
    }

    /** Where each part is, by its canonical name; every problem of the header at once. */
    private static Map<String, Integer> columns(String source, CsvReader.Row header) {
        Map<String, Integer> columns = new HashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            String part = ALIASES.getOrDefault(name, name.toLowerCase(Locale.ROOT));
            if (!PARTS.contains(part)) {
                problems.add(InputProblem.of(source, header.line(), name, name, FileProblem.UNKNOWN_FIELD,
                        String.join(", ", PARTS) + " / 指标, 地区, 时期, 数值, 限定词, 备注, 分组"));
                continue;
            }
            if (columns.putIfAbsent(part, i) != null) {
                problems.add(InputProblem.of(source, header.line(), name, name, FileProblem.DUPLICATE, header.line()));
            }
        }
        for (String r : REQUIRED) {
            if (!columns.containsKey(r)) {
                problems.add(InputProblem.of(source, header.line(), r, null, FileProblem.MISSING_FIELD));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return columns;
    }
}
