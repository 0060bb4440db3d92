package org.yardstick.publish;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.As;
import org.yardstick.TestClock;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/** Anonymous API clients over the limit (shortened here to 5 a minute) get 429 with Retry-After; counted in the database. */
@SpringBootTest(properties = {"yardstick.api.rate-limit.anonymous=5", "yardstick.api.rate-limit.window=60s"})
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class RateLimitTest {

    private static final AtomicLong MINUTE = new AtomicLong();

    @Autowired MockMvc mvc;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService details;
    @Autowired Accounts accounts;

    /** A fresh window of its own for each test, 20 s into it, with no count left by an earlier run on this database. */
    private void freshWindow() {
        jdbc.sql("delete from api_rate_window where client_key like 'ip:203.0.113.%'").update();
        clock.set(Instant.parse("2031-01-01T00:00:20Z").plusSeconds(60 * MINUTE.incrementAndGet()));
    }

    @AfterEach
    void back() {
        clock.reset();
        As.nobody();
    }

    @Test
    void theSixthRequestOfAMinuteIsRefusedUntilTheWindowEnds() throws Exception {
        freshWindow();
        for (int i = 1; i <= 5; i++) {
            mvc.perform(get("/api/v1/plans").with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                    .andExpect(status().isOk())
                    .andExpect(header().string("X-RateLimit-Limit", "5"))
                    .andExpect(header().string("X-RateLimit-Remaining", Integer.toString(5 - i)));
        }
        mvc.perform(get("/api/v1/indicators").header("Accept-Language", "en")
                        .with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "40"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:yardstick:rate-limited"))
                .andExpect(jsonPath("$.limit").value(5))
                .andExpect(jsonPath("$.detail").value(containsString("retry after 40 s")));
        // a forged X-Forwarded-For from an untrusted client does not make it another client
        mvc.perform(get("/api/v1/plans").header("X-Forwarded-For", "198.51.100.9")
                        .with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                .andExpect(status().isTooManyRequests());
        // another address has its own count
        mvc.perform(get("/api/v1/plans").with(r -> { r.setRemoteAddr("203.0.113.8"); return r; }))
                .andExpect(status().isOk()).andExpect(header().string("X-RateLimit-Remaining", "4"));
        // the count is in the database, where every instance sees it
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select hits from api_rate_window where client_key = ? "
                        + "order by window_start desc").param("ip:203.0.113.7").query(Integer.class).list().get(0))
                .isEqualTo(7);
        // the next window starts afresh
        clock.set(clock.instant().plusSeconds(40));
        mvc.perform(get("/api/v1/plans").with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                .andExpect(status().isOk()).andExpect(header().string("X-RateLimit-Remaining", "4"));
    }

    @Test
    void clientsWithCredentialsAreNotLimitedAndPagesAreNotCounted() throws Exception {
        freshWindow();
        String name = "ratelimit-" + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        try {
            accounts.create(new NewAccount(name, "限流测试", "Panel-7#qTz-Analyse-2026", Role.PLANNER, "65", null, false),
                    "admin");
        } finally {
            As.nobody();
        }
        for (int i = 0; i < 8; i++) {
            mvc.perform(get("/api/v1/plans").with(httpBasic(name, "Panel-7#qTz-Analyse-2026"))
                            .with(r -> { r.setRemoteAddr("203.0.113.9"); return r; }))
                    .andExpect(status().isOk()).andExpect(header().doesNotExist("X-RateLimit-Limit"));
            mvc.perform(get("/plans").with(r -> { r.setRemoteAddr("203.0.113.9"); return r; })).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/plans").with(r -> { r.setRemoteAddr("203.0.113.9"); return r; }))
                .andExpect(status().isOk()).andExpect(header().string("X-RateLimit-Remaining", "4"));
    }
}
