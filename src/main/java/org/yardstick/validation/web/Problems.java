package org.yardstick.validation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.yardstick.observation.Finding;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.ProblemKind;

/** Problems and findings as text in the reader's language. */
final class Problems {

    private Problems() {}

    static String text(MessageSource messages, ProblemKind kind, List<Object> args, Locale locale) {
        return messages.getMessage("problem." + kind.key(), args.toArray(), kind.template(), locale);
    }

    static String text(MessageSource messages, Finding f, Locale locale) {
        return text(messages, f.kind(), f.args(), locale);
    }

    /** The reasons of each field's problems, by field, in the order found. */
    static Map<String, List<String>> byField(MessageSource messages, List<InputProblem> problems, Locale locale) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (InputProblem p : problems) {
            result.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(text(messages, p.kind(), p.args(), locale));
        }
        return result;
    }
}
