package org.yardstick.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * A public table to take away (下载): named columns, rows produced one at a time, and the metadata
 * that says what the numbers are (source, unit, definition, licence, as-of time, URL) — written as
 * CSV (UTF-8, with a byte-order mark for Excel when asked), Excel (a formatted header and a
 * "metadata" sheet, streamed through SXSSF) or JSON. Rows are never held in memory: the producer
 * hands them to the writer as it reads them. Numbers keep their full stored precision
 * ({@link BigDecimal#toPlainString()}); text that a spreadsheet would run as a formula is prefixed
 * with {@code '} as every export of the platform does ({@link CsvWriter}).
 *
 * @param name the file name without extension, e.g. {@code indicator-A01}
 * @param columns the columns in order
 * @param metadata what the table is, in order (key → text); shown on the Excel metadata sheet and in JSON
 * @param rows the producer: called once per write, hands each row (one value per column) to the sink
 */
public record TableDownload(String name, List<Column> columns, Map<String, String> metadata, Rows rows) {

    public TableDownload {
        columns = List.copyOf(columns);
        metadata = new LinkedHashMap<>(metadata);
    }

    /** What a column holds: text (guarded against formulas) or a number (written as is). */
    public enum Kind { TEXT, NUMBER }

    /** A column: its stable key (the CSV header and JSON field), a label for people, and its kind. */
    public record Column(String key, String label, Kind kind) {

        public static Column text(String key, String label) {
            return new Column(key, label, Kind.TEXT);
        }

        public static Column number(String key, String label) {
            return new Column(key, label, Kind.NUMBER);
        }
    }

    /** Produces the rows: each an array with one value (String, Number or null) per column. */
    @FunctionalInterface
    public interface Rows {
        void each(Consumer<@Nullable Object[]> sink);
    }

    /** The formats a table is downloaded in. */
    public enum Format {
        CSV("csv", "text/csv;charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        JSON("json", "application/json");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The format named {@code csv}, {@code xlsx} or {@code json} (any case), if it is one. */
        public static Optional<Format> of(@Nullable String name) {
            if (name == null) {
                return Optional.empty();
            }
            for (Format f : values()) {
                if (f.extension.equals(name.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** The file name with the format's extension. */
    public String fileName(Format format) {
        return name + "." + format.extension();
    }

    /** Writes the table in the format; {@code bom} puts a UTF-8 byte-order mark before CSV (Excel needs it). */
    public void write(Format format, boolean bom, OutputStream out) throws IOException {
        switch (format) {
            case CSV -> csv(bom, out);
            case XLSX -> xlsx(out);
            case JSON -> json(out);
        }
    }

    private void csv(boolean bom, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (bom) {
            w.write('\uFEFF');
        }
        List<String> header = new ArrayList<>();
        columns.forEach(c -> header.add(CsvWriter.field(c.key())));
        w.write(String.join(",", header));
        w.write("\r\n");
        StringBuilder line = new StringBuilder(256);
        rows.each(values -> {
            line.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                Object v = values[i];
                if (v != null) {
                    line.append(columns.get(i).kind() == Kind.NUMBER && v instanceof Number n
                            ? plain(n) : CsvWriter.field(v.toString()));
                }
            }
            line.append("\r\n");
            try {
                w.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        w.flush();
    }

    private void xlsx(OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Sheet data = wb.createSheet("data");
            data.createFreezePane(0, 2);
            Row keys = data.createRow(0);
            Row labels = data.createRow(1);
            for (int i = 0; i < columns.size(); i++) {
                Cell k = keys.createCell(i);
                k.setCellValue(columns.get(i).key());
                k.setCellStyle(head);
                Cell l = labels.createCell(i);
                l.setCellValue(columns.get(i).label());
                l.setCellStyle(head);
                data.setColumnWidth(i, Math.min(60, Math.max(10, columns.get(i).label().length() * 2 + 4)) * 256);
            }
            int[] r = {2};
            rows.each(values -> {
                Row x = data.createRow(r[0]++);
                for (int i = 0; i < columns.size(); i++) {
                    Object v = values[i];
                    if (v == null) {
                        continue;
                    }
                    Cell c = x.createCell(i);
                    if (columns.get(i).kind() == Kind.NUMBER && v instanceof Number n) {
                        String plain = plain(n);
                        double d = n.doubleValue();
                        // a double holds 15 significant digits; more than that stays text so nothing is lost
                        if (new BigDecimal(plain).compareTo(new BigDecimal(Double.toString(d))) == 0) {
                            c.setCellValue(d);
                        } else {
                            c.setCellValue(plain);
                        }
                    } else {
                        String s = v.toString();
                        c.setCellValue(!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s);
                    }
                }
            });
            Sheet meta = wb.createSheet("metadata");
            meta.setColumnWidth(0, 20 * 256);
            meta.setColumnWidth(1, 100 * 256);
            int m = 0;
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                Row x = meta.createRow(m++);
                Cell k = x.createCell(0);
                k.setCellValue(e.getKey());
                k.setCellStyle(head);
                x.createCell(1).setCellValue(e.getValue());
            }
            wb.write(out);
            out.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            wb.close();
        }
    }

    private void json(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("{\"metadata\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (!first) {
                w.write(',');
            }
            first = false;
            w.write(quote(e.getKey()) + ":" + quote(e.getValue()));
        }
        w.write("},\"columns\":[");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            w.write((i > 0 ? "," : "") + "{\"key\":" + quote(c.key()) + ",\"label\":" + quote(c.label())
                    + ",\"kind\":" + quote(c.kind().name().toLowerCase(Locale.ROOT)) + "}");
        }
        w.write("],\"rows\":[");
        boolean[] none = {true};
        StringBuilder line = new StringBuilder(256);
        rows.each(values -> {
            line.setLength(0);
            line.append(none[0] ? "\n{" : ",\n{");
            none[0] = false;
            for (int i = 0; i < columns.size(); i++) {
                Object v = values[i];
                line.append(i > 0 ? "," : "").append(quote(columns.get(i).key())).append(':');
                if (v == null) {
                    line.append("null");
                } else if (columns.get(i).kind() == Kind.NUMBER && v instanceof Number n) {
                    String p = plain(n);
                    line.append(p.isEmpty() ? "null" : p);
                } else {
                    line.append(quote(v.toString()));
                }
            }
            line.append('}');
            try {
                w.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        w.write("\n]}\n");
        w.flush();
    }

    /** A number at full precision, never in exponent notation. */
    static String plain(Number n) {
        if (n instanceof BigDecimal b) {
            // the stored value exactly; the column's padding zeros (numeric(24, 8)) say nothing
            return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "";
            }
            return new BigDecimal(Double.toString(d)).toPlainString();
        }
        return n.toString();
    }

    /** A JSON string literal of {@code s}, with its quotes; what every hand-written JSON of the platform uses. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
