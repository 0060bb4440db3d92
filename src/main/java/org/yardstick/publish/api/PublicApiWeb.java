package org.yardstick.publish.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.yardstick.web.ApiQuery;

/**
 * The public API's HTTP manners: ETags from the content of every public list and document (a
 * matching {@code If-None-Match} answers 304 without the body), and the rate limit of anonymous
 * clients on every read under {@code /api/v1/}. Clients are keyed by their address as the server
 * sees it: {@code X-Forwarded-For} counts only from the trusted proxies
 * ({@code yardstick.security.trusted-proxies}, applied by the servlet container). Clients with a token
 * or a password are not limited.
 */
@Configuration(proxyBeanMethods = false)
class PublicApiWeb implements WebMvcConfigurer {

    /** The paths of the public API answered with content ETags (index scores carry their own). */
    static final String[] PATHS = {"/api/v1/plans", "/api/v1/plans/*", "/api/v1/indicators", "/api/v1/indicators/*",
        "/api/v1/regions", "/api/v1/regions/*"};

    private final RateLimit limit;

    PublicApiWeb(RateLimit limit) {
        this.limit = limit;
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicApiEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns(PATHS);
        registration.setName("publicApiEtags");
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                    return true;
                }
                Authentication who = SecurityContextHolder.getContext().getAuthentication();
                if (who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)) {
                    return true;
                }
                RateLimit.Verdict v = limit.hit("ip:" + request.getRemoteAddr());
                response.setHeader("X-RateLimit-Limit", Integer.toString(v.limit()));
                response.setHeader("X-RateLimit-Remaining", Integer.toString(v.remaining()));
                response.setHeader("X-RateLimit-Reset", Long.toString(v.resetSeconds()));
                if (!v.allowed()) {
                    throw new ApiQuery.TooManyRequests(v.limit(), v.resetSeconds());
                }
                return true;
            }
        }).addPathPatterns("/api/v1/**");
    }
}
