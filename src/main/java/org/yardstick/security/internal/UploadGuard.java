package org.yardstick.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Uploads are read only for signed-in accounts. A multipart request body is parsed (and spooled to
 * disk, up to the 300 MB the server takes) by the first call of {@code getParameter} or
 * {@code getParts}; this filter runs in the security chain before anything does so — before the CSRF
 * check — and answers an anonymous multipart request at once (302 to the login page, connection
 * closed), without reading its body. The CSRF token of an upload form travels in its address
 * ({@link #csrf()}), so the CSRF check does not parse the body either.
 */
public final class UploadGuard extends OncePerRequestFilter {

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request) && !signedIn()) {
            // the body is not read: closing the connection spares the server swallowing the rest of it
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + "/login");
            response.flushBuffer();
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The CSRF check, reading an upload's token from its address (or the header) rather than from
     * its body: upload forms put {@code _csrf} in their {@code action}. A multipart request without
     * it there (a signed-in account's script, the tests' mock requests) is read from the body as
     * before; anonymous ones never get this far.
     */
    public static CsrfTokenRequestHandler csrf() {
        XorCsrfTokenRequestAttributeHandler standard = new XorCsrfTokenRequestAttributeHandler();
        return new CsrfTokenRequestHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
                standard.handle(request, response, token);
            }

            @Override
            public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
                return standard.resolveCsrfTokenValue(isMultipart(request) ? new AddressFirst(request) : request, token);
            }
        };
    }

    /** A request whose parameters are looked up in its query string before its body. */
    private static final class AddressFirst extends HttpServletRequestWrapper {

        AddressFirst(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getParameter(String name) {
            String fromQuery = queryParameter(getQueryString(), name);
            return fromQuery != null ? fromQuery : super.getParameter(name);
        }
    }

    /** The first value of a parameter in a query string, decoded; null if absent. Reads no body. */
    public static @Nullable String queryParameter(@Nullable String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(key).equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }
}
