package org.yardstick.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Ready means ready (issue 15): the web server starts listening only once the framework and the
 * demo are loaded, so the first request at the printed address finds the plans, and readiness is
 * never UP over an empty database. Watches the moment the server starts (its initialised event)
 * in a real server on a random port, over a database of this test alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:ready-means-ready;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
    "spring.datasource.username=sa", "spring.datasource.password=", "yardstick.demo.load-on-empty=true",
    "yardstick.supervision.scheduler.enabled=false"})
@Import(ReadyMeansReadyTest.Watch.class)
@DirtiesContext
class ReadyMeansReadyTest {

    /** Plans and targets in the database when the web server started listening; -1 until it did. */
    static final AtomicLong PLANS_WHEN_LISTENING = new AtomicLong(-1);
    static final AtomicLong TARGETS_WHEN_LISTENING = new AtomicLong(-1);

    @TestConfiguration
    static class Watch {
        @Bean
        ApplicationListener<WebServerInitializedEvent> whenListening(JdbcTemplate jdbc) {
            return e -> {
                PLANS_WHEN_LISTENING.set(jdbc.queryForObject("select count(*) from plan", Long.class));
                TARGETS_WHEN_LISTENING.set(jdbc.queryForObject("select count(*) from target", Long.class));
            };
        }
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theDemoIsLoadedBeforeTheServerAcceptsARequest() throws Exception {
        long plans = jdbc.queryForObject("select count(*) from plan", Long.class);
        assertThat(plans).isPositive();
        assertThat(PLANS_WHEN_LISTENING.get()).isEqualTo(plans);
        assertThat(TARGETS_WHEN_LISTENING.get()).isEqualTo(jdbc.queryForObject("select count(*) from target", Long.class));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"UP\"");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/plans/xj-info-13fyp")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);

        // phones and slow links: pages and static files travel gzip-compressed
        HttpResponse<byte[]> gz = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/plans/xj-info-13fyp"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.body().length).isLessThan(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 3);
    }

    @Test
    void theLoaderRunsInALifecyclePhaseBeforeTheWebServersStart() {
        assertThat(DemoOnStartup.PHASE).isLessThan(
                org.springframework.boot.web.server.context.WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);
    }
}
