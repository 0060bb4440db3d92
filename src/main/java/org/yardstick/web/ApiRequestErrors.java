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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.yardstick.shared.InputProblem;

/**
 * The API's answers to requests that cannot be read or served, as problem details (see
 * {@link ApiErrors}): 400 for query parameters ({@link ApiQuery.BadParameters}), 406 for an
 * {@code Accept} no representation matches, 429 for a client over its rate limit
 * ({@link ApiQuery.TooManyRequests}), with {@code Retry-After}. Pages keep Spring's own handling.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiRequestErrors {

    private final MessageSource messages;
    private final ProblemText problemText;

    ApiRequestErrors(MessageSource messages, ProblemText problemText) {
        this.messages = messages;
        this.problemText = problemText;
    }

    private String text(String key, Object[] args, String english, Locale locale) {
        return messages.getMessage(key, args, english, locale);
    }

    @ExceptionHandler(ApiQuery.BadParameters.class)
    ResponseEntity<ProblemDetail> badParameters(ApiQuery.BadParameters e, HttpServletRequest request) {
        return problems(HttpStatus.BAD_REQUEST, "urn:yardstick:bad-parameter", e.problems(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e; // pages: Spring's own answer
        }
        List<String> types = e.getSupportedMediaTypes().isEmpty() ? List.of("application/json")
                : e.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return problems(HttpStatus.NOT_ACCEPTABLE, "urn:yardstick:not-acceptable", List.of(InputProblem.of("header", 0,
                HttpHeaders.ACCEPT, accept == null ? "" : accept, ApiQuery.Problem.NOT_ACCEPTABLE,
                String.join(", ", types))), request);
    }

    @ExceptionHandler(ApiQuery.TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(ApiQuery.TooManyRequests e, HttpServletRequest request) {
        Locale locale = ApiLocale.of(request);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, text("api.rate-limited",
                new Object[] {e.limit(), e.retryAfterSeconds()}, "more than " + e.limit() + " requests; retry after "
                        + e.retryAfterSeconds() + " s, or use a token", locale));
        p.setTitle(text("api.rate-limited.title", null, "Too many requests", locale));
        p.setType(URI.create("urn:yardstick:rate-limited"));
        p.setProperty("limit", e.limit());
        p.setProperty("retryAfter", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private ResponseEntity<ProblemDetail> problems(HttpStatus status, String type, List<InputProblem> list,
                                                   HttpServletRequest request) {
        Locale locale = ApiLocale.of(request);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, list.stream()
                .map(q -> q.field() + "=" + (q.value() == null ? "" : q.value()) + ": " + problemText.reason(q, locale))
                .reduce((a, b) -> a + "; " + b).orElse(""));
        p.setTitle(text(status == HttpStatus.BAD_REQUEST ? "api.bad-request.title" : "api.not-acceptable.title", null,
                status == HttpStatus.BAD_REQUEST ? "Bad request" : "Not acceptable", locale));
        p.setType(URI.create(type));
        p.setProperty("total", list.size());
        p.setProperty("problems", list.stream().map(q -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", q.source());
            m.put("row", q.line());
            m.put("field", q.field());
            m.put("value", q.value() == null ? "" : q.value());
            m.put("code", q.kind().key());
            m.put("reason", problemText.reason(q, locale));
            return m;
        }).toList());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
