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

    private static final java.util.Set<String> STATUSES = java.util.Set.of("NONE", "DRAFT", "SUBMITTED", "APPROVED", "RETURNED");
    private static final java.util.Set<String> ROLES =
            java.util.Set.of("ADMIN", "PLANNER", "REPORTER", "REVIEWER", "DEPARTMENT", "ENTERPRISE");

    private final MessageSource messages;
    private final NameLookup names;

    ProblemText(MessageSource messages, NameLookup names) {
        this.messages = messages;
        this.names = names;
    }

    public String reason(InputProblem p, Locale locale) {
        return of(p.kind(), p.args(), locale);
    }

    public String of(ProblemKind kind, List<Object> args, Locale locale) {
        String english = new java.text.MessageFormat(kind.template(), Locale.ROOT).format(args.toArray());
        return messages.getMessage("problem." + kind.key(), words(kind, args, locale), english, locale);
    }

    /** Arguments a person reads as words: a submission's status (草稿, not "draft"), a role (企业, not ENTERPRISE). */
    private Object[] words(ProblemKind kind, List<Object> args, Locale locale) {
        Object[] out = args.toArray();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof String s) {
                String upper = s.strip().toUpperCase(Locale.ROOT);
                if (kind.key().startsWith("collection.") && STATUSES.contains(upper)) {
                    out[i] = names.status(upper, locale);
                } else if (kind.key().startsWith("account.") && ROLES.contains(upper)) {
                    out[i] = names.role(upper, locale);
                }
            }
        }
        return out;
    }

    /** The field a person reads: an indicator's name for an indicator code (移动互联网用户数, not MOBILE_INTERNET_USERS). */
    public String field(String field, Locale locale) {
        return field.isEmpty() ? "" : names.indicator(field, locale);
    }

    /** {@code 第 3 行，value 列：不是数字（“abc”）} / {@code row 3, column value: is not a number ("abc")}. */
    public String full(InputProblem p, Locale locale) {
        Object[] args = {p.source(), p.line(), field(p.field(), locale), p.value() == null ? "" : p.value(), reason(p, locale)};
        String key = p.line() > 0 ? (p.field().isEmpty() ? "problem.at.line" : "problem.at.line-field")
                : (p.field().isEmpty() ? "problem.at.source" : "problem.at.field");
        return messages.getMessage(key, args, p.describe(), locale);
    }
}
