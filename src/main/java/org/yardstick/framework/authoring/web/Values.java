package org.yardstick.framework.authoring.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Citation;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;

/**
 * The text a form sent, field by field, read into numbers, years, choices and code lists; what cannot be
 * read is collected as problems naming field, value and reason (nothing is written when there are any).
 */
final class Values {

    private final Map<String, String> raw;
    private final String source;
    private final List<InputProblem> problems = new ArrayList<>();

    Values(Map<String, String> raw, String source) {
        this.raw = new LinkedHashMap<>(raw);
        this.source = source;
    }

    Map<String, String> raw() {
        return raw;
    }

    String text(String name) {
        String v = raw.get(name);
        return v == null ? "" : v.strip();
    }

    @Nullable String optional(String name) {
        String v = text(name);
        return v.isEmpty() ? null : v;
    }

    LocalizedText localized(String prefix) {
        return LocalizedText.of(text(prefix + "_zh"), text(prefix + "_en"));
    }

    @Nullable BigDecimal decimal(String name) {
        String v = text(name).replace(",", "");
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            problems.add(InputProblem.of(source, 0, name, text(name), FileProblem.NOT_A_NUMBER));
            return null;
        }
    }

    @Nullable Integer integer(String name) {
        String v = text(name);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            problems.add(InputProblem.of(source, 0, name, v, FileProblem.NOT_AN_INTEGER));
            return null;
        }
    }

    /** A whole number that the command requires; 0 (refused by the write path as out of range) when missing. */
    int required(String name) {
        Integer i = integer(name);
        if (i == null && text(name).isEmpty()) {
            problems.add(InputProblem.of(source, 0, name, "", org.yardstick.framework.FrameworkProblem.REQUIRED));
        }
        return i == null ? 0 : i;
    }

    <E extends Enum<E>> @Nullable E choice(String name, Class<E> type, @Nullable E fallback) {
        String v = text(name);
        if (v.isEmpty()) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        problems.add(InputProblem.of(source, 0, name, v, FileProblem.NOT_ONE_OF,
                String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        return fallback;
    }

    /** Codes one per line (or separated by commas), in order, blanks left out. */
    List<String> codes(String name) {
        return Arrays.stream(text(name).split("[\\n\\r,，;；]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The source of a statement: document, line and sentence, all or none. */
    @Nullable Citation citation() {
        String doc = optional("source.document");
        String quote = optional("source.quote");
        Integer line = integer("source.line");
        if (doc == null && quote == null && line == null) {
            return null;
        }
        if (doc == null) {
            problems.add(InputProblem.of(source, 0, "source.document", "", org.yardstick.framework.FrameworkProblem.REQUIRED));
            return null;
        }
        return new Citation(doc, line == null ? 1 : line, quote == null ? "" : quote);
    }

    List<InputProblem> problems() {
        return List.copyOf(problems);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
