package org.yardstick.index.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.yardstick.shared.InputProblem;

/**
 * A problem as a page shows it: its line and field, and the reason in the reader's language
 * (the bundle's {@code problem.<key>} text, the English template when a key is missing).
 *
 * @param line 1-based line, 0 when the problem concerns the whole text
 * @param field the field's path, e.g. {@code indicators[2].weight}; may be empty
 * @param reason the translated reason
 * @param value the offending value; may be empty
 */
public record ProblemView(long line, String field, String reason, @Nullable String value) {

    static List<ProblemView> of(List<InputProblem> problems, MessageSource messages, Locale locale) {
        return problems.stream()
                .sorted(Comparator.comparingLong(InputProblem::line))
                .map(p -> new ProblemView(p.line(), p.field(), messages.getMessage("problem." + p.kind().key(),
                        p.args().toArray(), p.reason(), locale), p.value()))
                .toList();
    }
}
