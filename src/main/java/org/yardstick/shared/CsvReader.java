package org.yardstick.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 4180 CSV text — comma-separated, fields optionally in double quotes, quotes doubled
 * inside, line breaks inside quoted fields — as rows with their line numbers, the header being
 * line 1. A leading byte-order mark is ignored. Rows that are entirely empty are skipped.
 */
public final class CsvReader {

    /** A row of cells and the line it starts on (1-based, counting the header). */
    public record Row(long line, List<String> cells) {

        /** The cell of a column, or the empty string if the row is shorter. */
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    private final String source;
    private final String text;
    private int pos;
    private long line = 1;
    private @Nullable Row pending;

    private CsvReader(String source, String text) {
        this.source = source;
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public static CsvReader of(String source, String text) {
        return new CsvReader(source, text);
    }

    /** All rows, the header included, or an exception naming the line of an unterminated quote. */
    public List<Row> readAll() {
        List<Row> rows = new ArrayList<>();
        while (hasNext()) {
            rows.add(next());
        }
        return rows;
    }

    public boolean hasNext() {
        if (pending == null) {
            pending = parseRow();
        }
        return pending != null;
    }

    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row r = pending;
        pending = null;
        return r;
    }

    private @Nullable Row parseRow() {
        while (pos < text.length()) {
            long start = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean endOfRow = false;
            while (pos < text.length() && !endOfRow) {
                char c = text.charAt(pos++);
                if (quoted) {
                    if (c == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            cell.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append(c);
                    }
                } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    cells.add(finish(cell, wasQuoted));
                    cell.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r') {
                    // \r\n or a lone \r ends the row
                    if (pos < text.length() && text.charAt(pos) == '\n') {
                        pos++;
                    }
                    line++;
                    endOfRow = true;
                } else if (c == '\n') {
                    line++;
                    endOfRow = true;
                } else {
                    cell.append(c);
                }
            }
            if (quoted) {
                throw new InvalidInputException(InputProblem.of(source, start, "", null, FileProblem.SYNTAX,
                        "a quoted field is not closed"));
            }
            cells.add(finish(cell, wasQuoted));
            boolean blank = true;
            for (String c : cells) {
                blank &= c.isBlank();
            }
            if (!blank) {
                return new Row(start, List.copyOf(cells));
            }
        }
        return null;
    }

    private static String finish(StringBuilder cell, boolean quoted) {
        return quoted ? cell.toString() : cell.toString().strip();
    }

    /**
     * Column positions by lower-cased header name; a duplicate or blank header name is a problem,
     * and so is a missing required column.
     */
    public static Map<String, Integer> columns(String source, Row header, List<String> required) {
        Map<String, Integer> columns = new HashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Integer first = columns.putIfAbsent(name, i);
            if (first != null) {
                problems.add(InputProblem.of(source, header.line(), name, name, FileProblem.DUPLICATE, header.line()));
            }
        }
        for (String r : required) {
            if (!columns.containsKey(r)) {
                problems.add(InputProblem.of(source, header.line(), r, null, FileProblem.MISSING_FIELD));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return columns;
    }

    /** The cell of a named column in a row, or empty if the column does not exist. */
    public static Optional<String> cell(Row row, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null ? Optional.empty() : Optional.of(row.cell(i));
    }
}
