package org.yardstick.region.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.yardstick.shared.CsvReader;

/**
 * Reads a CSV file row by row with the platform's {@link CsvReader}, without holding it in memory (the
 * 620k-village file is 60 MB unpacked): UTF-8, gzip recognised by its magic bytes.
 */
public final class StreamingCsv {

    /** Receives each row with its 1-based line number (the header is line 1). */
    public interface RowHandler {
        void row(long line, List<String> cells);
    }

    /** Division files have six columns; a row of more than 50 cells or 2,000 characters is not one. */
    static final CsvReader.Limits LIMITS = new CsvReader.Limits(50, RegionProblem.ROW_TOO_WIDE, 2000, RegionProblem.ROW_TOO_LONG);

    private StreamingCsv() {}

    /** Opens a stream, unpacking gzip if it starts with gzip's magic bytes. */
    public static InputStream unpacked(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    /** Reads every row, the header included, and hands it on; stops at the end or when the handler throws. */
    public static void read(String source, InputStream raw, RowHandler handler) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(unpacked(raw), StandardCharsets.UTF_8), 1 << 16)) {
            CsvReader csv = CsvReader.of(source, r, LIMITS);
            while (csv.hasNext()) {
                CsvReader.Row row = csv.next();
                handler.row(row.line(), row.cells());
            }
        }
    }
}
