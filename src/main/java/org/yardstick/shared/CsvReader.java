package org.yardstick.shared;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The platform's one CSV reader, for files as people export them from Excel, R or a database
 * (RFC 4180): UTF-8 with or without a byte-order mark; comma-separated; fields optionally in double
 * quotes (a quote inside written twice, line breaks and commas allowed inside quotes; white space
 * before the opening quote is ignored); lines ending in LF, CRLF or a lone CR; rows whose cells are
 * all blank skipped. Unquoted cells are trimmed, quoted ones kept as written. Every row keeps the
 * 1-based line it starts on (the header is line 1), so that problems name it exactly even after a
 * line break inside quotes.
 *
 * <p>{@link #table} reads a whole file and reports every problem at once: bad encoding, an unclosed
 * quote, rows with more or fewer cells than the header. {@link #of} reads row by row.
 */
public final class CsvReader {

    /** A row of cells and the line it starts on (1-based, counting the header). */
    public record Row(long line, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell of a column, or the empty string if the row is shorter. */
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        public int size() {
            return cells.size();
        }
    }

    /**
     * A whole CSV file: its header and its data rows, each exactly as many cells as the header.
     *
     * @param source the file name, for problems
     * @param header the header row (line 1 unless blank lines precede it)
     * @param rows the data rows in file order
     */
    public record Table(String source, Row header, List<Row> rows) {

        public Table {
            rows = List.copyOf(rows);
        }

        /** The column names, trimmed. */
        public List<String> columnNames() {
            return header.cells();
        }
    }

    /**
     * Bounds on what one row may hold, so that a file read row by row holds at most one bounded row
     * in memory whatever it contains: more cells than {@code maxCells} in a row, or more characters
     * than {@code maxChars} in a row, stop the reading with a problem of the given kind (whose one
     * argument is the bound).
     */
    public record Limits(int maxCells, ProblemKind tooManyCells, int maxChars, ProblemKind tooManyChars) {}

    private static final int BUFFER = 1 << 16;

    private final String source;
    private final Reader in;
    private final @Nullable Limits limits;
    private final char[] buffer;
    private int pos;
    private int end;
    private boolean eof;
    private long line = 1;
    private @Nullable Row pending;
    private @Nullable InputProblem unclosed;

    private CsvReader(String source, Reader in, @Nullable Limits limits) {
        this.source = source;
        this.in = in;
        this.limits = limits;
        this.buffer = new char[BUFFER];
        if (peek() == '\uFEFF') {
            pos++;
        }
    }

    /** Reads CSV text row by row; an unclosed quote throws when its row is reached. */
    public static CsvReader of(String source, String text) {
        return new CsvReader(source, new java.io.StringReader(text), null);
    }

    /**
     * Reads CSV text row by row from a reader, holding only the row being read (and, with limits,
     * at most a bounded row); an unclosed quote throws when its row is reached. A decoding error of
     * the reader is thrown as it is ({@link java.io.UncheckedIOException}).
     */
    public static CsvReader of(String source, Reader in, Limits limits) {
        return new CsvReader(source, in, limits);
    }

    /** The next character, -1 at the end, without consuming it. */
    private int peek() {
        if (pos >= end) {
            if (eof) {
                return -1;
            }
            try {
                int n;
                do {
                    n = in.read(buffer, 0, buffer.length);
                } while (n == 0);
                if (n < 0) {
                    eof = true;
                    return -1;
                }
                pos = 0;
                end = n;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return buffer[pos];
    }

    /** The next character, consumed; -1 at the end. */
    private int read() {
        int c = peek();
        if (c >= 0) {
            pos++;
        }
        return c;
    }

    /** The bytes of a file as UTF-8 text (a byte-order mark is dropped); other encodings are a problem. */
    public static String decode(String source, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.BAD_ENCODING));
        }
    }

    /** Reads a whole file from its bytes; see {@link #table(String, String)}. */
    public static Table table(String source, byte[] bytes) {
        return table(source, decode(source, bytes));
    }

    /**
     * Reads a whole file: the first non-blank row is the header. Throws every problem found: an
     * empty file, an unclosed quote, each row with another number of cells than the header.
     */
    public static Table table(String source, String text) {
        CsvReader csv = of(source, text);
        List<Row> rows = new ArrayList<>();
        Row r;
        while ((r = csv.parseRow()) != null) {
            rows.add(r);
        }
        List<InputProblem> problems = new ArrayList<>();
        if (rows.isEmpty() && csv.unclosed == null) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.EMPTY));
        }
        Row header = rows.isEmpty() ? new Row(1, List.of()) : rows.get(0);
        List<Row> data = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.size() != header.size()) {
                problems.add(InputProblem.of(source, row.line(), "", null, FileProblem.RAGGED_ROW, row.size(),
                        header.size()));
            } else {
                data.add(row);
            }
        }
        if (csv.unclosed != null) {
            problems.add(csv.unclosed);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Table(source, header, data);
    }

    /** All rows, the header included, or an exception naming the line of an unclosed quote. */
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
            if (pending == null && unclosed != null) {
                throw new InvalidInputException(unclosed);
            }
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

    /**
     * The next row that is not blank, or null at the end. A quote still open at the end of the text
     * is recorded in {@link #unclosed} (with the line its row starts on) and ends the text.
     */
    private @Nullable Row parseRow() {
        while (peek() >= 0) {
            long start = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean endOfRow = false;
            long chars = 0;
            int c;
            while (!endOfRow && (c = read()) >= 0) {
                if (limits != null && ++chars > limits.maxChars()) {
                    throw new InvalidInputException(InputProblem.of(source, start, "", null, limits.tooManyChars(),
                            limits.maxChars()));
                }
                if (quoted) {
                    if (c == '"') {
                        if (peek() == '"') {
                            cell.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n' || (c == '\r' && peek() != '\n')) {
                            line++;
                        }
                        cell.append((char) c);
                    }
                } else if (c == '"' && !wasQuoted && cell.toString().isBlank()) {
                    cell.setLength(0);
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    cells.add(finish(cell, wasQuoted));
                    wasQuoted = false;
                    if (limits != null && cells.size() >= limits.maxCells()) {
                        throw new InvalidInputException(InputProblem.of(source, start, "", null, limits.tooManyCells(),
                                limits.maxCells()));
                    }
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && peek() == '\n') {
                        pos++;
                    }
                    line++;
                    endOfRow = true;
                } else {
                    cell.append((char) c);
                }
            }
            if (quoted) {
                unclosed = InputProblem.of(source, start, "", null, FileProblem.UNCLOSED_QUOTE);
                return null;
            }
            cells.add(finish(cell, wasQuoted));
            if (!cells.stream().allMatch(String::isBlank)) {
                return new Row(start, cells);
            }
        }
        return null;
    }

    private static String finish(StringBuilder cell, boolean quoted) {
        String v = quoted ? cell.toString() : cell.toString().strip();
        cell.setLength(0);
        return v;
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
