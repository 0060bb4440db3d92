package org.yardstick.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests to {@code /api/**} that carry {@code Authorization: Bearer <token>} (a
 * personal access token) or {@code Authorization: Basic …} (the account's username and password),
 * for this request only: nothing is stored in a session, and such requests need no CSRF token
 * ({@link #carriesCredentials}). Wrong credentials end the request with 401 problem details. Basic
 * goes through the {@link LoginThrottle} as the login form does: a wrong password is counted per
 * address and per account, and an attempt during the wait is answered 429 without checking it.
 * A read without such a header goes on as it came (a browser's session, or the public); a write
 * without one is refused with 401: the API never acts on a browser's cookies, so no foreign page can
 * make a signed-in browser write through it.
 */
public final class ApiAuthentication extends OncePerRequestFilter {

    private final AuthenticationManager manager;
    private final LoginThrottle throttle;
    private final ApiProblems problems;
    private final Clock clock;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    public ApiAuthentication(JdbcClient jdbc, UserDetailsService accounts, PasswordEncoder passwords, Clock clock,
                             LoginThrottle throttle, ApiProblems problems) {
        DaoAuthenticationProvider password = new DaoAuthenticationProvider(accounts);
        password.setPasswordEncoder(passwords);
        this.manager = new ProviderManager(new TokenAuthenticationProvider(jdbc, accounts, clock), password);
        this.throttle = throttle;
        this.problems = problems;
        this.clock = clock;
    }

    /** An API request with a bearer token or Basic credentials in its {@code Authorization} header. */
    public static boolean carriesCredentials(HttpServletRequest request) {
        return ApiProblems.isApi(request) && scheme(request) != null;
    }

    private static @org.jspecify.annotations.Nullable String scheme(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        String lower = header.toLowerCase(Locale.ROOT);
        return lower.startsWith("bearer ") ? "bearer" : lower.startsWith("basic ") ? "basic" : null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiProblems.isApi(request);
    }

    private static boolean isRead(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (scheme(request) == null) {
            if (isRead(request)) {
                chain.doFilter(request, response);
            } else {
                refuse(request, response, "credentials-for-writes");
            }
            return;
        }
        boolean isBasic = "basic".equals(scheme(request));
        Authentication presented;
        if (isBasic) {
            try {
                presented = basic.convert(request);
            } catch (BadCredentialsException malformed) {
                presented = null;
            }
            if (presented == null) {
                refuse(request, response, "malformed");
                return;
            }
            Instant until = throttle.waitUntil(request.getRemoteAddr(), presented.getName());
            if (until != null) {
                problems.throttled(request, response,
                        Math.max(1, Duration.between(clock.instant(), until).plusMillis(999).toSeconds()));
                return;
            }
        } else {
            String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring("bearer ".length()).strip();
            presented = TokenAuthentication.presented(token);
        }
        Authentication result;
        try {
            result = manager.authenticate(presented);
        } catch (AuthenticationException e) {
            if (isBasic) {
                // a disabled account is refused before its password is checked: counted all the same
                throttle.failed(request.getRemoteAddr(), presented.getName());
            }
            refuse(request, response, reason(e, isBasic));
            return;
        }
        if (isBasic) {
            throttle.succeeded(presented.getName());
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(result);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        SecurityContextHolder.clearContext();
        problems.unauthorized(request, response, reason);
    }

    /**
     * Why a request was refused. Basic does not tell a disabled account from a wrong password (that
     * would confirm account names to anyone); a token's holder may learn that its account is disabled.
     */
    private static String reason(AuthenticationException e, boolean isBasic) {
        if (isBasic) {
            return "basic-invalid";
        }
        if (e instanceof DisabledException) {
            return "account-disabled";
        }
        if (e instanceof CredentialsExpiredException) {
            return "token-expired";
        }
        return "token-invalid";
    }
}
