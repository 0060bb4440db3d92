package org.yardstick.security;

import java.time.Clock;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.yardstick.security.internal.ApiAuthentication;
import org.yardstick.security.internal.ApiProblems;
import org.yardstick.security.internal.LoginThrottle;
import org.yardstick.security.internal.SessionCheck;
import org.yardstick.security.internal.UploadGuard;

/**
 * HTTP security: what is public (published pages, the read API, health) and that everything else needs an
 * account (which role a page needs is said on its controller, {@code @PreAuthorize}, decision 0067); form
 * login with throttling; personal access tokens and Basic for programs on
 * {@code /api/**} (stateless, 401 problem details); sessions that end when their account changes; CSRF on every
 * form and htmx request; security headers.
 * Scope (which regions, which organisation) is checked where the data is, through {@link CurrentUser}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Pages and assets anyone may read: only published (approved) data is shown there. */
    static final String[] PUBLIC = {"/", "/plans", "/plans/**", "/indicators", "/indicators/**", "/regions",
        "/regions/**", "/compare", "/departments", "/departments/**", "/indices", "/indices/**", "/open/**", "/login", "/error", "/webjars/**", "/css/**", "/js/**",
        "/favicon.svg", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
        "/swagger-ui.html", "/swagger-ui/**", "/api-guide",
        // downloads and the dataset catalogue (issue 14)
        "/catalogue", "/catalogue.jsonld", "/compare/download"};

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt, with the algorithm named in each stored hash so it can be upgraded later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle, JdbcClient jdbc, UserDetailsService accounts,
                            PasswordEncoder passwords, Clock clock, MessageSource messages) throws Exception {
        ApiProblems apiProblems = new ApiProblems(messages);
        LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/me").authenticated()
                        .requestMatchers(HttpMethod.GET, PUBLIC).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/sdmx/**").permitAll() // SDMX: approved figures only
                        .requestMatchers("/login", "/logout").permitAll()
                        // task supervision: the item list and item pages are public (published overview only;
                        // details are checked per item)
                        .requestMatchers(HttpMethod.GET, "/supervision", "/supervision/items/*").permitAll()
                        // roles are checked beside the controllers they protect (@PreAuthorize, decision 0067)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/home", false).failureUrl("/login?error"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?logout"))
                // programs: the API's own 401 problem details instead of the login page
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    if (ApiProblems.isApi(request)) {
                        apiProblems.commence(request, response, ex);
                    } else {
                        loginPage.commence(request, response, ex);
                    }
                }))
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                // bearer tokens and Basic on /api/**, for the request only (no session); ahead of the
                // upload guard so that a program with a token may upload
                .addFilterBefore(new ApiAuthentication(jdbc, accounts, passwords, clock, throttle, apiProblems),
                        CsrfFilter.class)
                // a session whose account was disabled or changed since it logged in goes on as the public's
                .addFilterBefore(new SessionCheck(jdbc), AnonymousAuthenticationFilter.class)
                // anonymous uploads are refused before anything reads (and spools) their bodies
                .addFilterBefore(new UploadGuard(), CsrfFilter.class)
                .csrf(c -> c.csrfTokenRequestHandler(UploadGuard.csrf())
                        // a request whose credentials are in its Authorization header is not one a
                        // foreign page can make a browser send; wrong credentials are refused with 401
                        .ignoringRequestMatchers(ApiAuthentication::carriesCredentials))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
