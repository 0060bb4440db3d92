package org.yardstick.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.ProblemKind;

/**
 * Puts input problems and validation findings into the user's language for pages
 * ({@code ${@problemText.reason(problem, #locale)}}): the bundle's {@code problem.<key>} text with
 * the problem's arguments, the English template if a text is missing.
 */
@Component("problemText")
public class ProblemText {

    private final MessageSource messages;

    ProblemText(MessageSource messages) {
        this.messages = messages;
    }

    public String reason(InputProblem p, Locale locale) {
        return of(p.kind(), p.args(), locale);
    }

    public String of(ProblemKind kind, List<Object> args, Locale locale) {
        String english = new java.text.MessageFormat(kind.template(), Locale.ROOT).format(args.toArray());
        return messages.getMessage("problem." + kind.key(), args.toArray(), english, locale);
    }

    /** {@code 第 3 行，value 列：不是数字（“abc”）} / {@code row 3, column value: is not a number ("abc")}. */
    public String full(InputProblem p, Locale locale) {
        Object[] args = {p.source(), p.line(), p.field(), p.value() == null ? "" : p.value(), reason(p, locale)};
        String key = p.line() > 0 ? (p.field().isEmpty() ? "problem.at.line" : "problem.at.line-field")
                : (p.field().isEmpty() ? "problem.at.source" : "problem.at.field");
        return messages.getMessage(key, args, p.describe(), locale);
    }
}
