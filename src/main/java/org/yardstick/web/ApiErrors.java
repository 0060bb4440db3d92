package org.yardstick.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;

/**
 * Errors of the JSON API as RFC 9457 problem details, one place for every module's controllers: in the
 * language of the request ({@code ?lang=}, else {@code Accept-Language}, else Chinese), with a
 * {@code problems} list naming source, row, field, value, code and reason of every problem (at most
 * {@value #SHOWN}; {@code total} counts them all). 422 for invalid input, 412 when a problem says the
 * version read is stale, 403 outside the account's scope, 404 for an unknown code, 400 for a malformed
 * parameter.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    /** The most problems an answer lists. */
    static final int SHOWN = 1000;

    private final MessageSource messages;
    private final ProblemText problemText;

    ApiErrors(MessageSource messages, ProblemText problemText) {
        this.messages = messages;
        this.problemText = problemText;
    }

    private String text(String key, Object[] args, String english, Locale locale) {
        return messages.getMessage(key, args, english, locale);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        Locale locale = ApiLocale.of(request);
        boolean stale = e.problems().stream().anyMatch(q -> q.kind().key().endsWith(".stale"));
        HttpStatus status = stale ? HttpStatus.PRECONDITION_FAILED : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status,
                text("api.problems", new Object[] {e.total()}, e.total() + " problem(s) in the input", locale));
        p.setTitle(stale ? text("api.stale", null, "Stale version", locale) : text("api.invalid", null, "Invalid input", locale));
        p.setType(URI.create(stale ? "urn:yardstick:stale" : "urn:yardstick:invalid-input"));
        p.setProperty("total", e.total());
        List<Map<String, Object>> problems = e.problems().stream().limit(SHOWN).map(q -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", q.source());
            m.put("row", q.line());
            m.put("line", q.line());
            m.put("field", q.field());
            m.put("value", q.value() == null ? "" : q.value());
            m.put("code", q.kind().key());
            m.put("reason", problemText.reason(q, locale));
            return m;
        }).toList();
        p.setProperty("problems", problems);
        return answer(p);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        Locale locale = ApiLocale.of(request);
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            // the public asked for what needs an account: 401 and how to sign in, not 403
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, text("api.problem.credentials-missing",
                    null, "this request needs credentials", locale));
            p.setTitle(text("api.problem.unauthorized.title", null, "Unauthorized", locale));
            p.setType(URI.create("urn:yardstick:unauthorized"));
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer realm=\"yardstick\"")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setTitle(text("api.forbidden", null, "Outside your account's scope", locale));
        p.setType(URI.create("urn:yardstick:forbidden"));
        return answer(p);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        Locale locale = ApiLocale.of(request);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                text("api.not-found", new Object[] {e.kind(), e.code()}, e.getMessage(), locale));
        p.setType(URI.create("urn:yardstick:not-found"));
        p.setProperty("kind", e.kind());
        p.setProperty("code", e.code());
        return answer(p);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badArgument(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Locale locale = ApiLocale.of(request);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                text("api.bad-parameter", new Object[] {e.getName()}, "parameter '" + e.getName() + "' has an invalid value",
                        locale));
        p.setType(URI.create("urn:yardstick:bad-parameter"));
        return answer(p);
    }
}
