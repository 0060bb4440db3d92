package org.yardstick.shared;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with one place of user input: which source (a file name), which line or row
 * (1-based; 0 when the problem concerns the whole source), which field or column, the offending
 * value, and why.
 *
 * @param source file name or other label of the input
 * @param line 1-based line (YAML) or row (CSV, Excel; the header is row 1); 0 if not applicable
 * @param field field or column name; empty if not applicable
 * @param value the offending value as read, possibly empty; never longer than 200 characters
 * @param kind what is wrong
 * @param args arguments of the kind's message pattern
 */
public record InputProblem(
        String source, long line, String field, @Nullable String value, ProblemKind kind, List<Object> args)
        implements java.io.Serializable {

    private static final int MAX_VALUE_LENGTH = 200;

    public InputProblem {
        // problems travel in the session (flash attributes), which lives in the database: an argument
        // that cannot be serialized is kept as its text, which is what the message shows of it anyway
        args = args.stream().map(a -> a instanceof java.io.Serializable ? a : (Object) String.valueOf(a)).toList();
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH) + "…";
        }
    }

    public static InputProblem of(
            String source, long line, String field, @Nullable String value, ProblemKind kind, Object... args) {
        return new InputProblem(source, line, field, value, kind, List.of(args));
    }

    /** The reason in English, e.g. {@code "unknown indicator code"}. */
    public String reason() {
        return new MessageFormat(kind.template(), Locale.ROOT).format(args.toArray());
    }

    /** {@code source:line: field: reason (value: "x")} — the form used in logs and on the console. */
    public String describe() {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) {
            s.append(':').append(line);
        }
        s.append(": ");
        if (!field.isEmpty()) {
            s.append(field).append(": ");
        }
        s.append(reason());
        if (value != null && !value.isEmpty()) {
            s.append(" (value: \"").append(value).append("\")");
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
