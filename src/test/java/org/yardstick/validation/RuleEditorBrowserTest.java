package org.yardstick.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yardstick.browser.Browser;
import org.yardstick.validation.internal.ValidationRules;

/**
 * The rule editor in a real browser: htmx swaps in the fields of the chosen kind (with the CSRF
 * header and the Content-Security-Policy of the application), the rule is saved, shown, and
 * deleted again. The rule it makes is disabled and removed at the end, so it changes nothing for
 * other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude=") // sessions in the database, as in production: flash values must serialise
@org.springframework.context.annotation.Import(org.yardstick.TestClock.Config.class)
@ExtendWith(org.yardstick.ResetTestState.class)
@ExtendWith(Browser.class)
class RuleEditorBrowserTest {

    static ChromeDriver browser;

    @LocalServerPort int port;
    @Autowired ValidationRules rules;

    @BeforeAll
    static void start() {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPlannerWritesAComparisonRuleInTheEditor() throws Exception {
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys("planner");
        browser.findElement(By.id("password")).sendKeys("yardstick-demo");
        browser.findElement(By.cssSelector("button[type=submit].btn-primary")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get(base + "/rules/new?kind=RANGE");
        assertThat(browser.findElements(By.name("min"))).hasSize(1);
        browser.findElement(By.id("code")).sendKeys("browser-probe");
        browser.findElement(By.id("nameZh")).sendKeys("浏览器测试规则");
        browser.findElement(By.id("indicator")).sendKeys("INTERNET_PORTS");
        new Select(browser.findElement(By.id("kind"))).selectByValue("COMPARISON");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("operator")));
        assertThat(browser.findElements(By.name("min"))).isEmpty();
        new Select(browser.findElement(By.id("operator"))).selectByValue("GE");
        browser.findElement(By.id("other")).sendKeys("BB_USERS");
        browser.findElement(By.id("factor")).sendKeys("0.5");
        browser.findElement(By.id("enabled")).click();
        Browser.screenshot(browser, "rule-editor-comparison");
        browser.findElement(By.cssSelector(".ys-rule-form button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-browser-probe")));
        String row = browser.findElement(By.id("rule-browser-probe")).getText();
        assertThat(row).contains("浏览器测试规则").contains("互联网接入端口数 ≥ 0.5 × 互联网宽带接入用户").contains("已停用");
        assertThat(rules.get("browser-probe").enabled()).isFalse();
        Browser.screenshot(browser, "rules-list");
        assertThat(Browser.consoleErrors(browser)).isEmpty();

        browser.findElement(By.cssSelector("#rule-browser-probe .btn-outline-danger")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("rule-browser-probe")));
        assertThat(rules.find("browser-probe")).isEmpty();
    }
}
