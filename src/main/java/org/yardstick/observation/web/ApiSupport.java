package org.yardstick.observation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.yardstick.shared.InputProblem;
import org.yardstick.web.ApiLocale;
import org.yardstick.web.ProblemText;

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
    private final ProblemText problemText;

    ApiSupport(MessageSource messages, ProblemText problemText) {
        this.messages = messages;
        this.problemText = problemText;
    }

    /** The language of an API request, as the shell's problem details choose it ({@link ApiLocale}). */
    static Locale locale(HttpServletRequest request) {
        return ApiLocale.of(request);
    }

    String reason(InputProblem p, Locale locale) {
        return problemText.of(p.kind(), p.args(), locale);
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
