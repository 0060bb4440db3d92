package org.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application on its embedded default (an H2 file under ./data), run long enough for
 * its pools, sessions and schedulers to recycle, with their lifetimes shortened rather than waited
 * for: pool connections live 30 s (Hikari's least), idle ones 10 s, sessions one minute, and the
 * supervision jobs run every few seconds. Three rounds, 40 s apart, each log in as reporter,
 * reviewer and planner and enter, submit, approve (then reopen) a county's figures and change a
 * validation rule, over plain HTTP as a browser would. Before H2 2.5 the writes of the second round
 * failed ("Check constraint invalid" after "The database has been closed").
 *
 * <p>The demo is copied from the application with one change: the county data set's reporting
 * window is open today, so that the test does not depend on the day it runs.
 */
class LongRunningApplicationIT {

    static final String DS = "xj-county-info";
    static final String COUNTY = "650102";
    static final String PASSWORD = "yardstick-demo";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    static PackagedJar app;
    static String base;
    static Path workDir;
    static String period;

    @BeforeAll
    static void start() throws Exception {
        workDir = Files.createTempDirectory("yardstick-long-running");
        Path demo = copyTheDemoWithAWindowOpenToday(workDir.resolve("demo"));
        app = PackagedJar.start(workDir, List.of("-Xmx512m"), List.of(
                "--yardstick.demo.location=" + demo.toUri(),
                "--spring.datasource.hikari.max-lifetime=30000",
                "--spring.datasource.hikari.idle-timeout=10000",
                "--spring.datasource.hikari.minimum-idle=1",
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--server.servlet.session.timeout=1m",
                "--yardstick.supervision.alerts-initial-delay=PT5S",
                "--yardstick.supervision.alerts-interval=PT15S",
                "--yardstick.supervision.outbox-initial-delay=PT5S",
                "--yardstick.supervision.outbox-interval=PT10S"));
        base = app.base();
    }

    /** The demo files, with the county data set's windows replaced by one for last year, open today. */
    static Path copyTheDemoWithAWindowOpenToday(Path target) throws IOException {
        Path source = Path.of("target/classes/demo").toAbsolutePath();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        LocalDate today = LocalDate.now(TestClock.ZONE);
        period = Integer.toString(today.getYear() - 1);
        Path dataSets = target.resolve("data-sets.yaml");
        String yaml = Files.readString(dataSets);
        Matcher m = Pattern.compile("(  - code: " + DS + "\\n(?:    .*\\n)*?    windows:\\n)((?:      - .*\\n)+)").matcher(yaml);
        assertThat(m.find()).as("the windows of %s in data-sets.yaml", DS).isTrue();
        String window = "      - {period: \"" + period + "\", opens: " + today.minusDays(1) + ", closes: " + today.plusDays(30) + "}\n";
        Files.writeString(dataSets, yaml.substring(0, m.start(2)) + window + yaml.substring(m.end(2)));
        return target;
    }

    static String log() throws IOException {
        return app.log();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void writesKeepWorkingWhilePoolsSessionsAndSchedulersRecycle() throws Exception {
        for (int round = 1; round <= 3; round++) {
            if (round > 1) {
                Thread.sleep(40_000); // past the pool's 30 s connection lifetime
            }
            Browser reporter = Browser.login("reporter");
            Browser reviewer = Browser.login("reviewer");
            Browser planner = Browser.login("planner");
            String form = "/collect/" + DS + "/" + COUNTY + "/" + period;

            if (round > 1) {
                String review = reviewer.get("/review/" + submissionId(reviewer.get(form)));
                reviewer.postExpectingRedirect(action(review, "reopen"), Map.of("version", hidden(review, "reopen", "version"),
                        "reason", "round " + round));
            }
            String page = reporter.get(form);
            Map<String, String> values = new LinkedHashMap<>();
            String broadband = "30." + round + "7"; // 万户, a value no other figure of the county has
            for (String[] v : new String[][] {{"BB_USERS", broadband}, {"FTTH_USERS", "25"}, {"MOBILE_INTERNET_USERS", "60"},
                    {"INTERNET_PORTS", "40"}}) {
                values.put("value." + v[0], v[1]);
                values.put("version." + v[0], inputValue(page, "version." + v[0]));
            }
            reporter.postExpectingRedirect(form, values);
            page = reporter.get(form);
            reporter.postExpectingRedirect(action(page, "submit"), Map.of("version", hidden(page, "submit", "version")));

            String review = reviewer.get("/review/" + submissionId(reviewer.get(form)));
            reviewer.postExpectingRedirect(action(review, "approve"), Map.of("version", hidden(review, "approve", "version")));
            assertThat(Browser.anonymous().get("/api/v1/indicators/BB_USERS/observations?region=" + COUNTY))
                    .as("round %d: the approved figure is public", round).contains(broadband);

            String rules = planner.get("/rules");
            String flip = rules.contains("/rules/ftth-le-bb/disable") ? "disable" : "enable";
            planner.postExpectingRedirect("/rules/ftth-le-bb/" + flip, Map.of("version", hidden(rules, "ftth-le-bb/" + flip, "version")));
        }
        assertThat(log()).doesNotContain("Check constraint invalid").doesNotContain("database has been closed")
                .doesNotContain("OutOfMemoryError");
        assertThat(app.isAlive()).isTrue();
    }

    static String submissionId(String page) {
        Matcher m = Pattern.compile("/review/(\\d+)").matcher(page);
        assertThat(m.find()).as("the reviewer's link to the submission").isTrue();
        return m.group(1);
    }

    /** The action of the form whose action ends with the given word. */
    static String action(String page, String ending) {
        Matcher m = Pattern.compile("action=\"([^\"]*" + Pattern.quote(ending) + ")\"").matcher(page);
        assertThat(m.find()).as("a form posting to …%s", ending).isTrue();
        return m.group(1);
    }

    /** A hidden input of the form whose action ends with the given text. */
    static String hidden(String page, String actionEnding, String name) {
        Matcher m = Pattern.compile("action=\"[^\"]*" + Pattern.quote(actionEnding) + "\"[^>]*>(.*?)</form>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("a form posting to …%s", actionEnding).isTrue();
        return inputValue(m.group(1), name);
    }

    static String inputValue(String html, String name) {
        Matcher m = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("an input named %s", name).isTrue();
        Matcher v = Pattern.compile("value=\"([^\"]*)\"").matcher(m.group());
        return v.find() ? v.group(1) : "";
    }

    /** One person's cookies, as a browser keeps them. */
    record Browser(HttpClient http) {

        static Browser anonymous() {
            return new Browser(HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build());
        }

        static Browser login(String username) throws Exception {
            Browser b = anonymous();
            String location = b.postExpectingRedirect("/login", Map.of("username", username, "password", PASSWORD), b.get("/login"));
            assertThat(location).as("%s logged in", username).doesNotContain("error");
            return b;
        }

        String get(String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
            return r.body();
        }

        String postExpectingRedirect(String path, Map<String, String> fields) throws Exception {
            return postExpectingRedirect(path, fields, get("/")); // the logout form of every page carries the token
        }

        /** Posts the fields with the CSRF token of the given page; answers where it redirects to. */
        String postExpectingRedirect(String path, Map<String, String> fields, String pageWithToken) throws Exception {
            Matcher token = CSRF.matcher(pageWithToken);
            assertThat(token.find()).as("a CSRF token on the page before POST %s", path).isTrue();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", token.group(1));
            String body = all.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("POST %s answered %s", path, r.body()).isEqualTo(302);
            return r.headers().firstValue("Location").orElse("");
        }
    }
}
