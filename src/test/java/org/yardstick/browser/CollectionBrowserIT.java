package org.yardstick.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.yardstick.TestClock;

/**
 * Issue 4's story in a real browser: the county reporter logs in, sees a validation message appear
 * while typing, saves and submits; the prefecture reviewer approves; the figure is public.
 */
@ExtendWith(Browser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude=") // sessions in the database, as in production: flash values must serialise
@Import(TestClock.Config.class)
@ExtendWith(org.yardstick.ResetTestState.class)
class CollectionBrowserIT extends BrowserSession {

    @Test
    void aCountyReportsAndThePrefectureApproves() throws Exception {
        login("reporter");
        browser.findElement(By.linkText("填报")).click();
        // the demo's county form (tests on a shared database may leave other forms open to 天山区)
        browser.findElement(By.cssSelector("a[href^='/collect/xj-county-info/650102/']")).click();
        WebElement bb = browser.findElement(By.name("value.BB_USERS"));
        bb.clear();
        bb.sendKeys("二十五");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("msg-BB_USERS"), "不是数字"));
        Browser.screenshot(browser, "entry-validation");
        bb.clear();
        bb.sendKeys("25.3");
        for (String[] f : new String[][] {{"FTTH_USERS", "20"}, {"MOBILE_INTERNET_USERS", "80"}, {"INTERNET_PORTS", "40"}}) {
            WebElement input = browser.findElement(By.name("value." + f[0]));
            input.clear();
            input.sendKeys(f[1]);
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("msg-BB_USERS"), "通过"));
        browser.findElement(By.xpath("//button[text()='保存']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已保存"));
        browser.findElement(By.xpath("//button[text()='提交审核']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已提交审核"));
        assertThat(Browser.consoleErrors(browser)).isEmpty();

        login("reviewer");
        browser.findElement(By.xpath("//nav//a[text()='审核']")).click();
        browser.findElement(By.xpath("//main//a[text()='审核']")).click();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("25.3");
        Browser.screenshot(browser, "review");
        browser.findElement(By.xpath("//button[text()='审核通过']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已审核通过"));

        browser.manage().deleteAllCookies();
        browser.get(url("/regions/650102"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("互联网宽带接入用户").contains("25.3");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }
}
