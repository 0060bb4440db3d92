package org.yardstick.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yardstick.As;
import org.yardstick.TestClock;
import org.yardstick.YardstickTest;
import org.yardstick.security.internal.ApiTokens;

/**
 * Programs on /api/v1/: personal access tokens made on the account page and HTTP Basic act as their
 * account, without a session; wrong, revoked or expired credentials and disabled accounts get 401
 * problem details (never the login page); Basic shares the login throttle.
 */
@YardstickTest
class ApiTokensTest {

    static final String PASSWORD = "Kq7#vLm2pX9w";
    static final Pattern TOKEN = Pattern.compile("ys_[A-Za-z0-9_-]{43}");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService details;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @BeforeEach
    void asThePublic() {
        As.nobody();
    }

    /** Account administration as the demo's national administrator, then back to the public for the requests. */
    private void asAdmin(Runnable r) {
        As.user(details, "admin");
        try {
            r.run();
        } finally {
            As.nobody();
        }
    }

    @AfterEach
    void back() {
        clock.reset();
        As.nobody();
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 10_000_000;
    }

    /** A new county reporter of 天山区 (650102), created by the administrator. */
    private String reporter(String prefix) {
        String name = unique(prefix);
        asAdmin(() -> accounts.create(
                new NewAccount(name, "令牌测试填报人", PASSWORD, Role.REPORTER, "650102", null, false), "admin"));
        return name;
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/home")).andReturn().getRequest().getSession(false);
    }

    /** Creates a token on the account page and returns it, read from the page that answers the creation. */
    private String createToken(MockHttpSession session, String name, String expiresOn) throws Exception {
        String page = mvc.perform(post("/account/tokens").session(session).with(csrf())
                        .param("name", name).param("expiresOn", expiresOn))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("the new token is shown").isTrue();
        return m.group();
    }

    private static RequestPostProcessor bearer(String token) {
        return r -> {
            r.addHeader("Authorization", "Bearer " + token);
            return r;
        };
    }

    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private long idOf(String token) {
        return jdbc.sql("select id from api_token where token_hash = ?").param(ApiTokens.hash(token))
                .query(Long.class).single();
    }

    @Test
    void aTokenMadeOnTheAccountPageActsAsTheCountyReporterWithoutASession() throws Exception {
        String name = reporter("tok-me");
        String token = createToken(login(name), "统计脚本", "");

        MvcResult r = mvc.perform(get("/api/v1/me").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(name))
                .andExpect(jsonPath("$.role").value("REPORTER"))
                .andExpect(jsonPath("$.regionCode").value("650102"))
                .andReturn();
        assertThat(r.getRequest().getSession(false)).as("no session for a token").isNull();
        assertThat(r.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(jdbc.sql("select last_used_at from api_token where id = ?").param(idOf(token))
                .query(java.sql.Timestamp.class).optional()).isPresent();
        // the token is for the API only: the browser pages do not take it
        mvc.perform(get("/collect/xj-county-info/650102/2025").with(bearer(token)))
                .andExpect(redirectedUrl("/login"));
        // created and audited under the owner's name
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'api_token' and action = 'create' "
                + "and actor = ?").param(name).query(Long.class).single()).isPositive();
    }

    @Test
    void theTokenIsShownOnceAndTheListShowsOnlyItsPrefix() throws Exception {
        String name = reporter("tok-list");
        MockHttpSession session = login(name);
        String token = createToken(session, "只显示一次", "2026-12-31");

        String page = mvc.perform(get("/account").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(token).contains(token.substring(0, 9) + "…").contains("只显示一次")
                .contains("2027-01-01 00:00");
        assertThat(TOKEN.matcher(page).find()).isFalse();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ? or prefix = ?")
                .params(token, token).query(Long.class).single()).as("the token itself is stored nowhere").isZero();
    }

    @Test
    void aRevokedTokenIsRefusedWithProblemDetailsInTheClientsLanguage() throws Exception {
        String name = reporter("tok-rev");
        MockHttpSession session = login(name);
        String token = createToken(session, "撤销", "");
        mvc.perform(get("/api/v1/me").with(bearer(token))).andExpect(status().isOk());

        mvc.perform(post("/account/tokens/{id}/revoke", idOf(token)).session(session).with(csrf()))
                .andExpect(redirectedUrl("/account"));

        mvc.perform(get("/api/v1/me").with(bearer(token)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.type").value("urn:yardstick:unauthorized"))
                .andExpect(jsonPath("$.title").value("未通过身份验证"))
                .andExpect(jsonPath("$.problems[0].field").value("Authorization"))
                .andExpect(jsonPath("$.problems[0].code").value("token-invalid"));
        mvc.perform(get("/api/v1/me").with(bearer(token)).header("Accept-Language", "en-US,en;q=0.9,zh;q=0.5"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Not authenticated"))
                .andExpect(jsonPath("$.detail").value("Authorization header: the token is unknown or was revoked."));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'api_token' and action = 'revoke' "
                + "and entity_id = ?").param(idOf(token)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherAccountCannotRevokeAToken() throws Exception {
        String owner = reporter("tok-own");
        String token = createToken(login(owner), "别人的", "");
        MockHttpSession other = login(reporter("tok-oth"));

        mvc.perform(post("/account/tokens/{id}/revoke", idOf(token)).session(other).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me").with(bearer(token))).andExpect(status().isOk());
        // and a browser session still needs its CSRF token to make one
        mvc.perform(post("/account/tokens").session(other).param("name", "无CSRF")).andExpect(status().isForbidden());
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String name = reporter("tok-exp");
        String token = createToken(login(name), "到今天为止", "2026-06-01");
        mvc.perform(get("/api/v1/me").with(bearer(token))).andExpect(status().isOk());

        clock.set(ZonedDateTime.of(2026, 6, 2, 0, 0, 0, 0, TestClock.ZONE).toInstant());
        mvc.perform(get("/api/v1/me").with(bearer(token)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.problems[0].code").value("token-expired"));
    }

    @Test
    void anExpiryBeforeTodayOrANamelessTokenIsRefusedNamingTheField() throws Exception {
        MockHttpSession session = login(reporter("tok-bad"));
        String page = mvc.perform(post("/account/tokens").session(session).with(csrf())
                        .param("name", " ").param("expiresOn", "2026-05-31"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-field=\"name\"").contains("data-field=\"expiresOn\"");
        assertThat(TOKEN.matcher(page).find()).isFalse();
    }

    @Test
    void aDisabledAccountsTokenIsRefusedAndAPasswordResetRevokesNothing() throws Exception {
        String name = reporter("tok-dis");
        String token = createToken(login(name), "停用", "");

        asAdmin(() -> accounts.resetPassword(name, "Zt5!nWq8rLp3", "admin"));
        mvc.perform(get("/api/v1/me").with(bearer(token))).andExpect(status().isOk());

        Account a = accounts.get(name);
        asAdmin(() -> accounts.update(name, a.version(), a.displayName(), a.role(), "650102", null, false, "admin"));
        mvc.perform(get("/api/v1/me").with(bearer(token)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.problems[0].code").value("account-disabled"));
    }

    @Test
    void aTokenFollowsItsAccountsCurrentScope() throws Exception {
        String name = reporter("tok-scope");
        String token = createToken(login(name), "范围", "");
        Account a = accounts.get(name);
        asAdmin(() -> accounts.update(name, a.version(), a.displayName(), Role.REPORTER, "650103", null, true, "admin"));

        mvc.perform(get("/api/v1/me").with(bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.regionCode").value("650103"));
    }

    @Test
    void basicWithTheRightPasswordActsAsTheAccountAndWrongOnesAreThrottled() throws Exception {
        String name = reporter("tok-basic");
        String address = "10.77." + (System.nanoTime() % 250) + ".9";
        MvcResult ok = mvc.perform(get("/api/v1/me").with(httpBasic(name, PASSWORD)).with(from(address)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(name)).andReturn();
        assertThat(ok.getRequest().getSession(false)).isNull();

        for (int i = 0; i <= 3; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(name, "wrong-" + i)).with(from(address)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.problems[0].code").value("basic-invalid"));
        }
        // the fourth wrong password makes the account wait: even the right one is not tried now
        mvc.perform(get("/api/v1/me").with(httpBasic(name, PASSWORD)).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(429));
    }

    @Test
    void withoutCredentialsTheApiAnswers401NotTheLoginPage() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"yardstick\""))
                .andExpect(jsonPath("$.problems[0].code").value("credentials-missing"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer ys_not-a-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.problems[0].code").value("token-invalid"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Basic !!!"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.problems[0].code").value("malformed"));
        // the public read API stays open
        mvc.perform(get("/api/v1/plans")).andExpect(status().isOk());
    }

    @Test
    void aBrowserSessionCannotWriteThroughTheApiEvenWithItsCsrfToken() throws Exception {
        MockHttpSession session = login(reporter("tok-cookie"));
        // a write on the session's cookie is refused before anything reads it, CSRF token or not
        mvc.perform(post("/api/v1/figures").session(session).with(csrf()).contentType("text/csv").content("x"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.problems[0].code").value("credentials-for-writes"));
        mvc.perform(delete("/api/v1/indicators/BB_USERS").session(session).with(csrf()))
                .andExpect(status().isUnauthorized());
        // reads on the session go on as before
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk());
    }

    @Test
    void theOpenApiDocumentDescribesMeAndBothSchemes() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/me'].get.security").isArray())
                .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"))
                .andExpect(jsonPath("$.components.securitySchemes.password.scheme").value("basic"));
    }
}
