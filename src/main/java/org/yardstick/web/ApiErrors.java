package org.yardstick.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;

/** Errors of the JSON API as RFC 9457 problem details. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setType(URI.create("urn:yardstick:not-found"));
        p.setProperty("kind", e.kind());
        p.setProperty("code", e.code());
        return p;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badArgument(MethodArgumentTypeMismatchException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "parameter '" + e.getName() + "' has an invalid value");
        p.setType(URI.create("urn:yardstick:bad-parameter"));
        return p;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                e.problems().size() + " problem(s) in input");
        p.setType(URI.create("urn:yardstick:invalid-input"));
        List<Map<String, Object>> problems = e.problems().stream().map(q -> Map.<String, Object>of(
                "source", q.source(), "line", q.line(), "field", q.field(), "value", q.value() == null ? "" : q.value(),
                "code", q.kind().key(), "reason", q.reason())).toList();
        p.setProperty("problems", problems);
        return p;
    }
}
