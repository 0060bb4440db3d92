package org.yardstick.observation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.yardstick.shared.InputProblem;

/**
 * What the collection API's controllers share: the language of the request ({@code ?lang=}, else
 * {@code Accept-Language}, else Chinese) and problems listed in it inside their answers (a bulk
 * action's refusals, an import's warnings). Refusals of a whole request are answered as problem
 * details by the web shell's {@code ApiErrors}, as for every module.
 */
abstract class ApiSupport {

    /** The most problems an answer lists; {@code total} says how many there are. */
    static final int SHOWN = 1000;

    final MessageSource messages;

    ApiSupport(MessageSource messages) {
        this.messages = messages;
    }

    /** The language of an API request: {@code ?lang=}, else {@code Accept-Language}, else Chinese. */
    static Locale locale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang != null && !lang.isBlank()) {
            return lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                String tag = r.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("en")) {
                    return Locale.ENGLISH;
                }
                if (tag.startsWith("zh")) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    String reason(InputProblem p, Locale locale) {
        Object[] args = p.args().stream().map(a -> a instanceof Number ? a : (Object) String.valueOf(a)).toArray();
        String english = new MessageFormat(p.kind().template(), Locale.ROOT).format(args);
        return messages.getMessage("problem." + p.kind().key(), args, english, locale);
    }

    /** One problem as the API lists it: row (0 when it concerns no row), field, value, code and reason. */
    Map<String, Object> problem(InputProblem p, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", p.source());
        m.put("row", p.line());
        m.put("field", p.field());
        m.put("value", p.value() == null ? "" : p.value());
        m.put("code", p.kind().key());
        m.put("reason", reason(p, locale));
        return m;
    }

    List<Map<String, Object>> problems(List<InputProblem> ps, Locale locale) {
        return ps.stream().limit(SHOWN).map(p -> problem(p, locale)).toList();
    }
}
