package org.yardstick.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.As;
import org.yardstick.YardstickApplication;
import org.yardstick.supervision.internal.AttachmentStore;
import org.yardstick.validation.internal.ValidationRule;
import org.yardstick.validation.internal.ValidationRules;

/**
 * Issue 17: two instances of the application on one database (a fresh in-memory H2 shared in this JVM,
 * or the test's PostgreSQL when {@code SPRING_DATASOURCE_URL} is set), each with its own web server, as a
 * load balancer would see them. What one instance does, the other sees at its next request: the session,
 * a rule disabled, the login throttle's count, an attachment.
 */
class TwoInstancesTest {

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    static ConfigurableApplicationContext start() {
        // the sessions in the database, as in production (the other tests keep them in the JVM)
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--yardstick.supervision.scheduler.enabled=false",
                "--spring.autoconfigure.exclude="));
        if (System.getenv("SPRING_DATASOURCE_URL") == null) {
            // both share this in-memory database of the test's JVM
            args.add("--spring.datasource.url=jdbc:h2:mem:yardstick-two-instances;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        return new SpringApplicationBuilder(YardstickApplication.class).run(args.toArray(String[]::new));
    }

    @BeforeAll
    static void twoInstances() {
        a = start();
        b = start();
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            // the wrong passwords counted here (real clock) would slow down the other tests' logins
            a.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("delete from login_failure").update();
        }
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    static String base(ConfigurableApplicationContext c) {
        return "http://localhost:" + ((WebServerApplicationContext) c).getWebServer().getPort();
    }

    static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static HttpResponse<String> get(HttpClient http, String url, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            r.headers(headers);
        }
        return http.send(r.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("the login form's CSRF token").isTrue();
        return m.group(1);
    }

    static HttpResponse<String> login(HttpClient http, String base, String username, String password) throws Exception {
        String token = csrf(get(http, base + "/login").body());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSessionStartedOnOneInstanceIsValidOnTheOther() throws Exception {
        HttpClient http = client();
        HttpResponse<String> in = login(http, base(a), "reporter", "yardstick-demo");
        assertThat(in.headers().firstValue("Location")).hasValue(base(a) + "/home");
        // the same cookie, the other instance: still signed in
        HttpResponse<String> home = get(http, base(b) + "/home");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("天山区填报人").contains("action=\"/logout\"");
        // a stranger's client on the other instance is sent to the login page
        assertThat(get(client(), base(b) + "/home").statusCode()).isEqualTo(302);
        // signing out on B ends the session on A too
        String token = csrf(get(http, base(b) + "/home").body());
        http.send(HttpRequest.newBuilder(URI.create(base(b) + "/logout")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get(http, base(a) + "/home").statusCode()).isEqualTo(302);
    }

    @Test
    void aPlanUnderReviewInTheSessionIsReviewedOnTheOtherInstance() throws Exception {
        HttpClient http = client();
        assertThat(login(http, base(a), "planner", "yardstick-demo").statusCode()).isEqualTo(302);
        String token = csrf(get(http, base(a) + "/ingest").body());
        String form = "text=" + URLEncoder.encode("到2025年，全区5G基站达到3.5万个。", StandardCharsets.UTF_8)
                + "&region=65&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(base(a) + "/ingest"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/ingest/review"));
        HttpResponse<String> review = get(http, base(b) + "/ingest/review");
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(review.body()).contains("3.5万个");
    }

    @Test
    void aRuleDisabledOnOneInstanceIsNotEnforcedByTheOtherAtItsNextUse() {
        ValidationRules onA = a.getBean(ValidationRules.class);
        ValidationRules onB = b.getBean(ValidationRules.class);
        As.user(a.getBean(UserDetailsService.class), "admin");
        ValidationRule rule = onA.all().stream().filter(ValidationRule::enabled).findFirst().orElseThrow();
        // B has the rules in memory
        assertThat(codes(onB)).contains(rule.code());
        assertThat(codes(onB)).contains(rule.code());
        ValidationRule disabled = onA.setEnabled(rule.code(), rule.version(), false);
        try {
            assertThat(codes(onB)).doesNotContain(rule.code());
        } finally {
            onA.setEnabled(rule.code(), disabled.version(), true);
        }
        assertThat(codes(onB)).contains(rule.code());
    }

    static List<String> codes(ValidationRules rules) {
        return rules.evaluator().rules().stream().map(ValidationRule::code).toList();
    }

    @Test
    void wrongPasswordsCountedOnOneInstanceSlowDownTheOther() throws Exception {
        String name = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        String basic = "Basic " + Base64.getEncoder().encodeToString((name + ":wrong-password").getBytes(StandardCharsets.UTF_8));
        // the free failures of an account name, all on A
        for (int i = 0; i < 4; i++) {
            assertThat(get(client(), base(a) + "/api/v1/me", "Authorization", basic).statusCode()).as("failure " + i).isEqualTo(401);
        }
        HttpResponse<String> onB = get(client(), base(b) + "/api/v1/me", "Authorization", basic);
        assertThat(onB.statusCode()).isEqualTo(429);
        assertThat(onB.headers().firstValue("Retry-After")).isPresent();
        // an account name nobody guessed is not slowed down on B
        String other = "Basic " + Base64.getEncoder().encodeToString(("other-" + name + ":wrong").getBytes(StandardCharsets.UTF_8));
        assertThat(get(client(), base(b) + "/api/v1/me", "Authorization", other).statusCode()).isEqualTo(401);
    }

    @Test
    void anAttachmentStoredByOneInstanceIsReadByTheOther() {
        byte[] pdf = "%PDF-1.4\n% evidence written on A\n".getBytes(StandardCharsets.US_ASCII);
        String name = UUID.randomUUID().toString().replace("-", "");
        new TransactionTemplate(a.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                .executeWithoutResult(s -> a.getBean(AttachmentStore.class).put(name, pdf));
        assertThat(b.getBean(AttachmentStore.class).get(name)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(pdf));
        // not committed: gone on both
        String rolledBack = UUID.randomUUID().toString().replace("-", "");
        new TransactionTemplate(a.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                .executeWithoutResult(s -> {
                    a.getBean(AttachmentStore.class).put(rolledBack, pdf);
                    s.setRollbackOnly();
                });
        assertThat(b.getBean(AttachmentStore.class).get(rolledBack)).isEmpty();
        b.getBean(AttachmentStore.class).delete(name);
    }
}
