package org.yardstick.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.yardstick.TestClock;

/**
 * Accessibility (issue 15 item 10, WCAG 2.1 AA): axe-core — the {@code org.webjars.npm:axe-core} package
 * from Maven Central, test scope, never a committed copy — is injected into every page of the main
 * journeys (the home of each role, plan, indicator, region, comparison, form, review, import, audit), in
 * Chinese and in English, on a laptop (1366 px) and on a phone (390 px, the menu collapsed, tables scrolling
 * inside themselves), and finds no serious or critical violation. The results table is written to
 * target/axe-results.md.
 */
@ExtendWith(Browser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude=")
@Import(TestClock.Config.class)
class AccessibilityBrowserIT {

    static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    /** WCAG 2.0 and 2.1, levels A and AA. */
    static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                               resultTypes: ['violations']})
               .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || '', nodes: v.nodes.length,
                     where: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 160)).join(' | ')}))))
               .catch(e => done([{id: 'axe-error', impact: 'critical', nodes: 0, where: String(e)}]));""";

    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Autowired org.yardstick.observation.internal.ObservationEditor editor;
    @org.springframework.beans.factory.annotation.Autowired org.yardstick.observation.Submissions submissions;
    @org.springframework.beans.factory.annotation.Autowired org.springframework.security.core.userdetails.UserDetailsService details;
    @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    ChromeDriver browser;
    String axe;

    @BeforeEach
    void open() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core from the org.webjars.npm:axe-core test dependency").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A laptop's width and a phone's. */
    static final List<Integer> WIDTHS = List.of(1366, 390);

    record Row(String who, String page, String lang, int width, int serious, int critical, String rules) {}

    void width(int width) {
        browser.manage().window().setSize(new Dimension(width, width < 768 ? 844 : 900));
    }

    @SuppressWarnings("unchecked")
    Row check(String who, String path, String lang, int width) {
        browser.get(url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
        browser.executeScript(axe);
        browser.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.executeAsyncScript(RUN);
        int serious = 0;
        int critical = 0;
        List<String> rules = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious")) {
                serious++;
            } else if (impact.equals("critical")) {
                critical++;
            }
            rules.add(v.get("id") + "(" + impact + ", " + v.get("nodes") + "): " + v.get("where"));
        }
        return new Row(who, path, lang, width, serious, critical, String.join("; ", rules));
    }

    /** 米东区's 2025 county form, entered and submitted by the administrator: a submission for 乌鲁木齐市's reviewer. */
    long submitted() {
        cleanUp();
        org.yardstick.As.user(details, "admin");
        try {
            var o = editor.save("xj-county-info", "650107", "2025", List.of(
                    new org.yardstick.observation.internal.ObservationEditor.Entry("form", 0, "BB_USERS", "100", "", null, null),
                    new org.yardstick.observation.internal.ObservationEditor.Entry("form", 0, "FTTH_USERS", "40", "", null, null),
                    new org.yardstick.observation.internal.ObservationEditor.Entry("form", 0, "MOBILE_INTERNET_USERS", "50", "", null, null),
                    new org.yardstick.observation.internal.ObservationEditor.Entry("form", 0, "INTERNET_PORTS", "30", "", null, null)));
            return submissions.submit(o.submission().id(), o.submission().version()).id();
        } finally {
            org.yardstick.As.nobody();
        }
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from observation where region_id = (select id from region where code = '650107') and submission_id is not null").update();
        jdbc.sql("delete from submission where region_id = (select id from region where code = '650107')").update();
    }

    @Test
    void theMainJourneysHaveNoSeriousOrCriticalViolationsInEitherLanguage() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (int w : WIDTHS) {
            width(w);
            for (String lang : List.of("zh", "en")) {
                for (String path : List.of("/", "/plans/xj-info-13fyp", "/indicators/IIDI?region=65", "/regions/65", "/compare")) {
                    rows.add(check("anonymous", path, lang, w));
                }
            }
        }
        Map<String, List<String>> journeys = new java.util.LinkedHashMap<>();
        journeys.put("reporter", List.of("/home", "/collect", "/collect/xj-county-info/650102/2025", "/collect/import"));
        journeys.put("reviewer", List.of("/home", "/review", "/review?dataSet=xj-county-info&region=6501"));
        journeys.put("planner", List.of("/home", "/audit", "/manage/organisations"));
        journeys.put("department", List.of("/home"));
        journeys.put("enterprise", List.of("/home"));
        for (var journey : journeys.entrySet()) {
            Browser.login(browser, url(""), journey.getKey());
            List<String> pages = new ArrayList<>(journey.getValue());
            if (journey.getKey().equals("reviewer")) {
                pages.add("/review/" + submitted()); // one submission's review page, with its per-value comment inputs
            }
            for (int w : WIDTHS) {
                width(w);
                for (String lang : List.of("zh", "en")) {
                    for (String path : pages) {
                        rows.add(check(journey.getKey(), path, lang, w));
                    }
                }
            }
        }
        StringBuilder table = new StringBuilder("| who | page | lang | px | serious | critical | rules |\n|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> table.append("| ").append(r.who()).append(" | ").append(r.page()).append(" | ").append(r.lang())
                .append(" | ").append(r.width()).append(" | ").append(r.serious()).append(" | ").append(r.critical()).append(" | ")
                .append(r.rules().replace("|", "/")).append(" |\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "axe-results.md"), table);
        System.out.println("axe-core results\n" + table);
        assertThat(rows).as(table.toString()).allSatisfy(r -> {
            assertThat(r.serious()).as(r.who() + " " + r.page() + " " + r.lang() + " " + r.width() + " px: " + r.rules()).isZero();
            assertThat(r.critical()).as(r.who() + " " + r.page() + " " + r.lang() + " " + r.width() + " px: " + r.rules()).isZero();
        });
        assertThat(rows).hasSizeGreaterThanOrEqualTo(60);
        assertThat(rows).filteredOn(r -> r.width() == 390).hasSizeGreaterThanOrEqualTo(30);
    }
}
