package org.yardstick.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yardstick.browser.Browser;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.observation.ObservationFiles;
import org.yardstick.region.Regions;

/**
 * Headless Chromium renders the index pages' charts with data and without console errors: the
 * 两化融合 page of the demo, and an index computed from generated figures (committed under codes
 * of their own, see docs/decisions/0003); the editor's check works through htmx with its CSRF token.
 */
@ExtendWith(Browser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude=") // sessions in the database, as in production: flash values must serialise
@org.springframework.context.annotation.Import(org.yardstick.TestClock.Config.class)
@ExtendWith(org.yardstick.ResetTestState.class)
class IndexPagesInBrowserTest {

    static ChromeDriver browser;
    static GeneratedIndexData data;

    @LocalServerPort int port;
    @Autowired FrameworkFiles frameworkFiles;
    @Autowired ObservationFiles observationFiles;
    @Autowired IndexDefinitions definitions;
    @Autowired Regions regions;

    @BeforeAll
    static void startTheBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void generateAnIndexOnce() {
        if (data != null) {
            return;
        }
        data = GeneratedIndexData.load(11, false, regions, frameworkFiles, observationFiles, definitions);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The index's own charts, not the map beside them (which renders when its boundaries arrive). */
    List<WebElement> renderedCharts(int expected) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector(".ys-chart:not([data-chart-kind='map'])[data-rendered='true'] svg"), expected));
    }

    @Test
    void theIntegrationIndexPageDrawsItsPublishedFigures() throws Exception {
        browser.get(url("/indices/IIDI"));
        List<WebElement> charts = renderedCharts(2);
        assertThat(charts).allSatisfy(svg -> assertThat(svg.findElements(By.tagName("path"))).isNotEmpty());
        assertThat(charts.get(1).getText()).contains("18.87").contains("13.91");
        assertThat(browser.findElement(By.id("published")).getText()).contains("42.24").contains("13.91");
        Browser.screenshot(browser, "index-IIDI");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    @Test
    void aComputedIndexDrawsItsComparisonAndDecompositionAndLoadsRankIntervals() throws Exception {
        browser.get(url("/indices/" + data.code));
        List<WebElement> charts = renderedCharts(2);
        assertThat(charts).allSatisfy(svg -> assertThat(svg.findElements(By.tagName("path"))).isNotEmpty());
        WebElement button = browser.findElement(By.cssSelector("#uncertainty button"));
        // Bootstrap scrolls smoothly: put the button in view at once, or the click lands mid-scroll
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        button.click();
        WebElement table = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#uncertainty table")));
        assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(data.units.size());
        Browser.screenshot(browser, "index-computed");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    @Test
    void aPlannerChecksADefinitionInTheEditor() throws Exception {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("planner");
        browser.findElement(By.id("password")).sendKeys("yardstick-demo");
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(url("/indices/new"));
        browser.findElement(By.cssSelector("button[hx-post]")).click();
        WebElement problems = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#problems .alert-danger")));
        assertThat(problems.getText()).contains("第 19 行").contains("INDICATOR_1");
        Browser.screenshot(browser, "index-editor");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }
}
