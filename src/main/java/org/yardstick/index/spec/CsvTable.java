package org.yardstick.index.spec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.yardstick.index.engine.IndexProblem;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * A CSV file as people export it from Excel, R or a database (RFC 4180): UTF-8 with or without a
 * byte-order mark, comma-separated, fields optionally in double quotes (a quote inside written
 * twice, line breaks allowed inside quotes), lines ending in LF or CRLF, blank lines skipped. Row 1
 * is the header; every row keeps its number so that problems name it.
 *
 * @param source the file name, for problems
 * @param header the column names, trimmed
 * @param rows the data rows, each as many cells as the header
 * @param rowNumbers the 1-based row number of each data row in the file (the header is row 1)
 */
public record CsvTable(String source, List<String> header, List<List<String>> rows, List<Long> rowNumbers) {

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        rowNumbers = List.copyOf(rowNumbers);
    }

    /** Parses the bytes of a CSV file; throws every problem found (bad encoding, open quotes, ragged rows). */
    public static CsvTable parse(String source, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.BAD_ENCODING));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(source, text);
    }

    /** Parses CSV text. */
    public static CsvTable parse(String source, String text) {
        List<List<String>> records = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        long line = 1;
        long recordLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
                i++;
                continue;
            }
            switch (ch) {
                case '"' -> {
                    if (cell.toString().isBlank()) {
                        cell.setLength(0);
                        quoted = true;
                        wasQuoted = true;
                    } else {
                        cell.append(ch);
                    }
                }
                case ',' -> {
                    record.add(finish(cell, wasQuoted));
                    wasQuoted = false;
                }
                case '\r' -> { }
                case '\n' -> {
                    record.add(finish(cell, wasQuoted));
                    wasQuoted = false;
                    addRecord(records, numbers, record, recordLine);
                    record = new ArrayList<>();
                    line++;
                    recordLine = line;
                }
                default -> cell.append(ch);
            }
            i++;
        }
        if (quoted) {
            problems.add(InputProblem.of(source, recordLine, "", null, IndexProblem.UNTERMINATED_QUOTE));
        }
        if (cell.length() > 0 || !record.isEmpty() || wasQuoted) {
            record.add(finish(cell, wasQuoted));
            addRecord(records, numbers, record, recordLine);
        }
        if (records.isEmpty()) {
            problems.add(InputProblem.of(source, 0, "", null, FileProblem.EMPTY));
            throw new InvalidInputException(problems);
        }
        List<String> header = records.get(0);
        List<List<String>> rows = new ArrayList<>();
        List<Long> rowNumbers = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> row = records.get(r);
            if (row.size() != header.size()) {
                problems.add(InputProblem.of(source, numbers.get(r), "", null, IndexProblem.RAGGED_ROW,
                        row.size(), header.size()));
                continue;
            }
            rows.add(row);
            rowNumbers.add(numbers.get(r));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CsvTable(source, header, rows, rowNumbers);
    }

    private static String finish(StringBuilder cell, boolean wasQuoted) {
        String v = wasQuoted ? cell.toString() : cell.toString().strip();
        cell.setLength(0);
        return v;
    }

    private static void addRecord(List<List<String>> records, List<Long> numbers, List<String> record, long line) {
        if (record.size() == 1 && record.get(0).isEmpty()) {
            return; // a blank line
        }
        records.add(record);
        numbers.add(line);
    }
}
