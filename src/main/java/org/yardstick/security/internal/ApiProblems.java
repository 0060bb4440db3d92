package org.yardstick.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.yardstick.web.ApiLocale;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of the API's security filters as RFC 9457 problem details, in the language of
 * {@code Accept-Language} (Chinese unless English is preferred): 401 for missing or wrong credentials
 * (never a redirect to the login page), 429 for too many wrong passwords. Also the entry point of
 * {@code /api/**} when a resource needs an account and the request has none.
 */
public final class ApiProblems implements AuthenticationEntryPoint {

    static final String TYPE = "urn:yardstick:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    public ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** Whether a request is one of the API's, answered with problem details rather than pages. */
    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        unauthorized(request, response, "credentials-missing");
    }

    /** 401 with the reason {@code api.problem.<reason>} for the {@code Authorization} header. */
    void unauthorized(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"yardstick\"");
        write(request, response, 401, "unauthorized", reason);
    }

    /** 429 with {@code Retry-After}: too many wrong passwords from this address or for this account. */
    void throttled(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(seconds));
        write(request, response, 429, "throttled", "throttled", seconds);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String reason,
                       Object... args) throws IOException {
        Locale locale = ApiLocale.of(request);
        String detail = messages.getMessage("api.problem." + reason, args, locale);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE + type);
        problem.put("title", messages.getMessage("api.problem." + type + ".title", null, locale));
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("problems", List.of(Map.of("field", "Authorization", "code", reason, "reason", detail)));
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("application/problem+json");
        response.setHeader("Content-Language", locale.toLanguageTag());
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
