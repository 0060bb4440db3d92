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
 * Chinese and in English, and finds no serious or critical violation. The results table is written to
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
    ChromeDriver browser;
    String axe;

    @BeforeEach
    void open() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core from the org.webjars.npm:axe-core test dependency").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    record Row(String who, String page, String lang, int serious, int critical, String rules) {}

    @SuppressWarnings("unchecked")
    Row check(String who, String path, String lang) {
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
        return new Row(who, path, lang, serious, critical, String.join("; ", rules));
    }

    @Test
    void theMainJourneysHaveNoSeriousOrCriticalViolationsInEitherLanguage() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String lang : List.of("zh", "en")) {
            for (String path : List.of("/", "/plans/xj-info-13fyp", "/indicators/IIDI?region=65", "/regions/65", "/compare")) {
                rows.add(check("anonymous", path, lang));
            }
        }
        Map<String, List<String>> journeys = new java.util.LinkedHashMap<>();
        journeys.put("reporter", List.of("/home", "/collect", "/collect/xj-county-info/650102/2025", "/collect/import"));
        journeys.put("reviewer", List.of("/home", "/review"));
        journeys.put("planner", List.of("/home", "/audit"));
        journeys.put("department", List.of("/home"));
        journeys.put("enterprise", List.of("/home"));
        for (var journey : journeys.entrySet()) {
            Browser.login(browser, url(""), journey.getKey());
            List<String> pages = new ArrayList<>(journey.getValue());
            if (journey.getKey().equals("reviewer")) {
                // one submission's review page, if the queue or the recent list has one
                browser.get(url("/review"));
                browser.findElements(By.cssSelector("main a[href^='/review/']")).stream()
                        .map(a -> a.getDomAttribute("href")).filter(h -> h.matches("/review/\\d+")).findFirst()
                        .ifPresent(pages::add);
            }
            for (String lang : List.of("zh", "en")) {
                for (String path : pages) {
                    rows.add(check(journey.getKey(), path, lang));
                }
            }
        }
        StringBuilder table = new StringBuilder("| who | page | lang | serious | critical | rules |\n|---|---|---|---|---|---|\n");
        rows.forEach(r -> table.append("| ").append(r.who()).append(" | ").append(r.page()).append(" | ").append(r.lang())
                .append(" | ").append(r.serious()).append(" | ").append(r.critical()).append(" | ")
                .append(r.rules().replace("|", "/")).append(" |\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "axe-results.md"), table);
        System.out.println("axe-core results\n" + table);
        assertThat(rows).as(table.toString()).allSatisfy(r -> {
            assertThat(r.serious()).as(r.who() + " " + r.page() + " " + r.lang() + ": " + r.rules()).isZero();
            assertThat(r.critical()).as(r.who() + " " + r.page() + " " + r.lang() + ": " + r.rules()).isZero();
        });
        assertThat(rows).hasSizeGreaterThanOrEqualTo(30);
    }
}
