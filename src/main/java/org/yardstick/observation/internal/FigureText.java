package org.yardstick.observation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.framework.Qualifier;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.shared.ProblemKind;

/**
 * How a figure typed by a person (a form field, a CSV cell, an Excel cell) is read: the value, the
 * qualifier and the comment. One reading for the form and the imports, so both accept and refuse
 * exactly the same things.
 */
public final class FigureText {

    /** The longest comment kept with a figure. */
    public static final int MAX_COMMENT = 1000;
    private static final BigDecimal LIMIT = new BigDecimal("1e15");

    private FigureText() {}

    /** A figure as read: value, qualifier (code and the person's own word) and comment. */
    public record Figure(BigDecimal value, Qualifier qualifier, String qualifierText, @Nullable String comment) {

        /** Whether a stored figure says the same (value numerically; qualifier word and comment exactly). */
        public boolean sameAs(BigDecimal storedValue, String storedQualifierText, @Nullable String storedComment) {
            return storedValue.compareTo(value) == 0 && storedQualifierText.equals(qualifierText)
                    && Objects.equals(storedComment, comment);
        }
    }

    /**
     * What is wrong with a typed figure.
     *
     * @param part {@code value}, {@code qualifier} or {@code comment}
     * @param text the offending text
     */
    public record Wrong(String part, String text, ProblemKind kind, List<Object> args) {}

    /** The outcome of reading: a figure, nothing (a blank value), or what is wrong. */
    public record Read(@Nullable Figure figure, @Nullable Wrong wrong) {

        public boolean blank() {
            return figure == null && wrong == null;
        }
    }

    /**
     * Reads a figure. A blank value reads as nothing; thousands separators ({@code ,} and {@code ，})
     * are ignored.
     */
    public static Read read(String value, @Nullable String qualifier, @Nullable String comment) {
        return read(value, qualifier, comment, org.yardstick.observation.DataSet.MAX_DECIMALS, "");
    }

    /**
     * Reads a figure of a data set that takes at most {@code maxDecimals} decimals (16, what is
     * stored, unless the data set says fewer): a value with more is refused, never rounded.
     */
    public static Read read(String value, @Nullable String qualifier, @Nullable String comment, int maxDecimals,
                            String dataSetCode) {
        String text = value.strip();
        if (text.indexOf(',') >= 0 || text.indexOf('，') >= 0) {
            text = text.replace(",", "").replace("，", "");
        }
        if (text.isEmpty()) {
            return new Read(null, null);
        }
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e >= 0 && text.length() - e > 5 && number(text.substring(0, e)).isPresent()
                && text.substring(e + 1).matches("[+-]?\\d+")) {
            // an exponent of 5 digits or more: reading it exactly would cost time and memory for nothing
            return wrong("value", value, text.charAt(e + 1) == '-' ? CollectionProblem.TOO_PRECISE : CollectionProblem.TOO_LARGE);
        }
        Optional<BigDecimal> number = number(text);
        if (number.isEmpty()) {
            return wrong("value", value, CollectionProblem.NOT_A_NUMBER);
        }
        BigDecimal v = number.get();
        if (v.abs().compareTo(LIMIT) > 0) {
            return wrong("value", value, CollectionProblem.TOO_LARGE);
        }
        int decimals = v.stripTrailingZeros().scale();
        if (decimals > maxDecimals) {
            return wrong("value", value, CollectionProblem.TOO_MANY_DECIMALS, decimals, dataSetCode, maxDecimals);
        }
        String qualifierText = qualifier == null ? "" : qualifier.strip();
        Optional<Qualifier> q = Qualifier.parse(qualifierText);
        if (q.isEmpty()) {
            return wrong("qualifier", qualifierText, CollectionProblem.UNKNOWN_QUALIFIER);
        }
        String c = comment == null || comment.isBlank() ? null : comment.strip();
        if (c != null && c.length() > MAX_COMMENT) {
            return wrong("comment", c, CollectionProblem.COMMENT_TOO_LONG, MAX_COMMENT);
        }
        return new Read(new Figure(v, q.get(), qualifierText, c), null);
    }

    /**
     * The fields a change of a figure changes, old and new, as the audit trail records them: for a
     * new figure (no {@code before}) value, qualifier and comment; for a stored one, those that differ.
     */
    public static List<FieldChange> changes(@Nullable BigDecimal beforeValue, @Nullable String beforeQualifierText,
                                            @Nullable String beforeComment, boolean existed, Figure after) {
        List<FieldChange> fields = new ArrayList<>();
        if (!existed) {
            // a new figure: its value, and its qualifier and comment where it has them
            fields.add(new FieldChange("value", null, plain(after.value())));
            if (!after.qualifierText().isEmpty()) {
                fields.add(new FieldChange("qualifier", null, after.qualifierText()));
            }
            if (after.comment() != null) {
                fields.add(new FieldChange("comment", null, after.comment()));
            }
            return fields;
        }
        if (beforeValue.compareTo(after.value()) != 0) {
            fields.add(new FieldChange("value", plain(beforeValue), plain(after.value())));
        }
        if (!Objects.equals(beforeQualifierText, after.qualifierText())) {
            fields.add(new FieldChange("qualifier", beforeQualifierText, after.qualifierText()));
        }
        if (!Objects.equals(beforeComment, after.comment())) {
            fields.add(new FieldChange("comment", beforeComment, after.comment()));
        }
        return fields;
    }

    /** A value as people write it: 10, not 10.00000000. */
    public static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static Optional<BigDecimal> number(String text) {
        if (text.length() > 60 || text.indexOf('e') >= 0 && text.length() - text.indexOf('e') > 5
                || text.indexOf('E') >= 0 && text.length() - text.indexOf('E') > 5) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static Read wrong(String part, String text, ProblemKind kind, Object... args) {
        return new Read(null, new Wrong(part, text, kind, List.of(args)));
    }
}
