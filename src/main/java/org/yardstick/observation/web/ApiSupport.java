package org.yardstick.observation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.yardstick.observation.DataSetProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * What the collection API's controllers share: problems in the language of the request
 * ({@code ?lang=}, else {@code Accept-Language}, else Chinese) as RFC 9457 problem details with a
 * {@code problems} list naming row, field, value and reason; 403 for what is outside the account's
 * scope; 412 for a stale version.
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

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        Locale locale = locale(request);
        boolean stale = e.problems().stream().anyMatch(p -> p.kind() == DataSetProblem.STALE);
        HttpStatus status = stale ? HttpStatus.PRECONDITION_FAILED : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage("api.problems", new Object[] {e.total()}, e.total() + " problem(s) in the input", locale));
        p.setTitle(messages.getMessage(stale ? "api.stale" : "api.invalid", null, stale ? "Stale version" : "Invalid input",
                locale));
        p.setType(URI.create(stale ? "urn:yardstick:stale" : "urn:yardstick:invalid-input"));
        p.setProperty("total", e.total());
        p.setProperty("problems", problems(e.problems(), locale));
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        Locale locale = locale(request);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setTitle(messages.getMessage("api.forbidden", null, "Outside your account's scope", locale));
        p.setType(URI.create("urn:yardstick:forbidden"));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
