package org.yardstick.shared;

import org.jspecify.annotations.Nullable;

/**
 * Fields of PostgreSQL's COPY text format ({@code COPY … FROM STDIN}): tab-separated, one row a
 * line, backslash escapes, {@code \N} for null. Plain Java, so every module that bulk-loads writes
 * its rows the same way.
 */
public final class CopyText {

    private CopyText() {}

    /** Appends a text field, escaped; {@code \N} for null. */
    public static StringBuilder text(StringBuilder b, @Nullable String s) {
        if (s == null) {
            return b.append("\\N");
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b;
    }
}
