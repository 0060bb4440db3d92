package org.yardstick.shared;

import org.jspecify.annotations.Nullable;

/** Fields of CSV files (RFC 4180) that spreadsheets open safely: no cell is run as a formula. */
public final class CsvWriter {

    private CsvWriter() {}

    /** A field, quoted when needed; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it. */
    public static String field(@Nullable String s) {
        if (s == null) {
            return "";
        }
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
