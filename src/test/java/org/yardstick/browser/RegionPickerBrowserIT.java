package org.yardstick.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.yardstick.TestClock;

/**
 * The region picker in the browser (issue 15 item 6), on a phone (390 px) and with the keyboard only: type
 * part of a name, move into the tree with the arrow keys, expand a region, pick one with Enter; the
 * comparison then shows that scope. Nothing scrolls sideways.
 */
@ExtendWith(Browser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Config.class)
class RegionPickerBrowserIT extends BrowserSession {

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @Test
    void onAPhoneTheKeyboardFindsExpandsAndPicksARegion() throws Exception {
        for (int width : List.of(390, 1366)) {
            browser.manage().window().setSize(new Dimension(width, 900));
            browser.get("http://localhost:" + port + "/compare?indicator=BB_USERS&level=COUNTY&scope=65&lang=zh");
            WebElement search = browser.findElement(By.id("scope"));
            assertThat(search.isDisplayed()).as("the search box replaces the code field").isTrue();
            assertThat(browser.findElement(By.id("scope-code")).getDomAttribute("type")).isEqualTo("hidden");
            search.clear();
            search.sendKeys("乌鲁木齐");
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#scope-tree [data-code='6501']")));
            long overflow = ((Number) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
            assertThat(overflow).as(width + " px: the open tree makes nothing scroll sideways").isLessThanOrEqualTo(0);
            Browser.screenshot(browser, "ux-picker-" + width + "-zh");
            search.sendKeys(Keys.ARROW_DOWN);
            WebElement first = browser.switchTo().activeElement();
            assertThat(first.getDomAttribute("role")).isEqualTo("treeitem");
            // walk down to 乌鲁木齐市 (the first match may be another), expand it, pick its first district
            for (int i = 0; i < 10 && !"6501".equals(browser.switchTo().activeElement().getDomAttribute("data-code")); i++) {
                browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
            }
            WebElement urumqi = browser.switchTo().activeElement();
            assertThat(urumqi.getDomAttribute("data-code")).isEqualTo("6501");
            urumqi.sendKeys(Keys.ARROW_RIGHT);
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#scope-tree [data-code='6501'] [data-code='650102']")));
            assertThat(urumqi.getDomAttribute("aria-expanded")).isEqualTo("true");
            urumqi.sendKeys(Keys.ARROW_DOWN);
            WebElement district = browser.switchTo().activeElement();
            String code = district.getDomAttribute("data-code");
            assertThat(code).startsWith("6501");
            district.sendKeys(Keys.ENTER);
            assertThat(browser.findElement(By.id("scope-code")).getDomProperty("value")).isEqualTo(code);
            assertThat(browser.findElement(By.id("scope-tree")).isDisplayed()).as("closed after picking").isFalse();
            // back to 乌鲁木齐市 itself, then show
            search.clear();
            search.sendKeys("6501");
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#scope-tree [data-code='6501']")));
            browser.findElement(By.cssSelector("#scope-tree [data-code='6501'] .ys-rp-name")).click();
            browser.findElement(By.cssSelector("#compare-form button[type=submit]")).click();
            waiting().until(ExpectedConditions.urlContains("scope=6501"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("乌鲁木齐市");
            assertThat(Browser.consoleErrors(browser)).isEmpty();
        }
    }
}
