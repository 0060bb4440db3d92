package org.yardstick.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yardstick.PackagedJar;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The packaged application, started with no configuration at all in an empty directory, serves the
 * demo: headless Chromium opens the Xinjiang plan and finds 两化融合发展指数 with its 2015 baseline
 * 56.96 and its 2020 target 68.
 */
@ExtendWith(Browser.class)
class PackagedApplicationIT {

    static PackagedJar app;
    static String base;
    static ChromeDriver browser;
    static Path workDir;

    @BeforeAll
    static void startTheJarWithNoConfiguration() throws Exception {
        workDir = Files.createTempDirectory("yardstick-packaged");
        app = PackagedJar.start(workDir, List.of(), List.of());
        base = app.base();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theXinjiangPlanShowsTheIntegrationIndexWithBaselineAndTarget() throws Exception {
        browser.get(base + "/plans/xj-info-13fyp");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("新疆维吾尔自治区国民经济和社会发展信息化");
        List<WebElement> rows = browser.findElements(By.xpath("//tr[.//a[contains(., '两化融合发展')]]"));
        assertThat(rows).isNotEmpty();
        String row = rows.get(0).getText();
        assertThat(row).contains("两化融合发展").contains("56.96").contains("2015").contains("68").contains("2020");
        assertThat(Files.exists(workDir.resolve("data"))).as("the H2 database file under ./data").isTrue();
        Browser.screenshot(browser, "plan-xj-info-13fyp");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    @Test
    void theIndicatorChartRendersWithData() throws Exception {
        browser.get(base + "/indicators/IIDI?region=65");
        WebElement chart = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ys-chart[data-rendered='true'] svg")));
        assertThat(chart.findElements(By.tagName("path"))).isNotEmpty();
        Browser.screenshot(browser, "indicator-IIDI");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    @Test
    void theInterfaceSwitchesToEnglish() throws Exception {
        browser.get(base + "/plans/xj-info-13fyp");
        WebElement english = browser.findElement(By.linkText("English"));
        assertThat(english.getDomAttribute("href")).isEqualTo("/plans/xj-info-13fyp?lang=en");
        english.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/plans/xj-info-13fyp?lang=en"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Indicators and targets");
        Browser.screenshot(browser, "plan-xj-info-13fyp-en");
        browser.get(base + "/plans/xj-info-13fyp?lang=zh");
    }

    @Test
    void theSupervisionListShowsLeadAndCoUnitsAndThePlannersScoreboardSorts() throws Exception {
        browser.get(base + "/supervision?plan=xj-mfg-internet-2017&unit=xj-kjt&lang=zh");
        WebElement row = browser.findElement(By.cssSelector("tr[data-item='xj-mfg-internet-2017/T2.1.1']"));
        assertThat(row.findElement(By.cssSelector(".ys-lead")).getText()).isEqualTo("自治区科技厅");
        assertThat(row.findElement(By.cssSelector(".ys-co-units")).getText())
                .isEqualTo("自治区经信委、自治区发改委、自治区教育厅、自治区人社厅、自治区总工会");
        new Select(browser.findElement(By.id("f-unit"))).selectByValue("xj-wxb");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("unit=xj-wxb"));
        assertThat(browser.findElements(By.cssSelector("tr[data-item='xj-mfg-internet-2017/T2.5.1']"))).hasSize(1);
        Browser.screenshot(browser, "supervision-list");

        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys("planner");
        browser.findElement(By.name("password")).sendKeys("yardstick-demo");
        browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        try {
            browser.get(base + "/supervision/scoreboard/departments");
            browser.findElement(By.linkText("牵头事项")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("sort=led"));
            List<WebElement> rows = browser.findElements(By.cssSelector("#departments tbody tr"));
            assertThat(rows).isNotEmpty();
            int first = Integer.parseInt(rows.get(0).findElements(By.tagName("td")).get(1).getText());
            int last = Integer.parseInt(rows.get(rows.size() - 1).findElements(By.tagName("td")).get(1).getText());
            assertThat(first).as("sorted by items led, most first").isGreaterThanOrEqualTo(last);
            assertThat(browser.findElement(By.cssSelector("#departments")).getText()).contains("自治区经信委");
            Browser.screenshot(browser, "supervision-departments");
            assertThat(Browser.consoleErrors(browser)).isEmpty();
        } finally {
            // log out, and wait for the page it leads to: a navigation still under way would race the next test's
            browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("logout"));
        }
    }
}
