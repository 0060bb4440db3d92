package org.yardstick.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.yardstick.TestClock;

/**
 * Issue 15 items 4 and A in the browser: the planner's and the administrator's bar (mark, menu, account,
 * language) keeps one line at 1366 px in both languages, with the management pages in the 管理 dropdown, which opens and closes, also in the collapsed menu at 390 px; the audit trail
 * opens from it and reads in names. Screenshots of the most-used pages under target/screenshots.
 */
@ExtendWith(Browser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude=") // sessions in the database, as in production: flash values must serialise
@Import(TestClock.Config.class)
class ReadingBrowserIT extends BrowserSession {

    /** Something to do on a page that may save screenshots. */
    interface Step {
        void on(String lang) throws Exception;
    }

    /** Signs the account in at 1366 px and opens its worklist in each language: the bar on one line, then the step. */
    private void eachLanguagesHome(String account, String shot, Step step) throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 900));
        login(account);
        for (String lang : List.of("zh", "en")) {
            browser.get(url("/home?lang=" + lang));
            assertTheMenuStandsOnOneLine(lang);
            Browser.screenshot(browser, shot + lang);
            step.on(lang);
        }
    }

    @Test
    void thePlannersMenuKeepsOneLineAndTheManageDropdownLeadsToTheAuditTrail() throws Exception {
        eachLanguagesHome("planner", "ux-home-1366-", lang -> {
            WebElement manage = browser.findElement(By.id("ys-manage"));
            assertThat(manage.isDisplayed()).isFalse();
            browser.findElement(By.id("ys-manage-toggle")).click();
            assertThat(manage.isDisplayed()).isTrue();
            Browser.screenshot(browser, "ux-manage-menu-1366-" + lang);
            // a click on the page's left margin, which the open dropdown never covers
            new org.openqa.selenium.interactions.Actions(browser).moveToLocation(5, 400).click().perform();
            assertThat(manage.isDisplayed()).as("a click elsewhere closes it").isFalse();
        });
        browser.findElement(By.id("ys-manage-toggle")).click();
        browser.findElement(By.cssSelector("#ys-manage a[href='/audit']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/audit"));
        String text = browser.findElement(By.tagName("main")).getText();
        assertThat(text).doesNotContainPattern("\\b(?:[A-Z][A-Z0-9]*_)+[A-Z0-9]+\\b").doesNotContain("xj-county-info");
        Browser.screenshot(browser, "ux-audit-1366-en");
        browser.get(url("/collect/xj-county-info/650102/2025?lang=zh"));
        Browser.screenshot(browser, "ux-entry-1366-zh");
        browser.get(url("/collect?lang=zh"));
        Browser.screenshot(browser, "ux-collect-1366-zh");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    /** The bar's mark, menu items, the account's links and the language switch all at one height (one line). */
    private void assertTheMenuStandsOnOneLine(String lang) {
        List<Long> tops = browser.findElements(By.cssSelector(".navbar-brand, #ys-nav > .navbar-nav > .nav-item, .ys-account, .ys-lang")).stream()
                .map(e -> (long) (e.getLocation().getY() + e.getSize().getHeight() / 2)).distinct().toList();
        Object layout = browser.executeScript("return [document.querySelector('.navbar-brand').offsetWidth,"
                + " document.querySelector('#ys-nav > .navbar-nav').offsetWidth, document.querySelector('.ys-account').offsetWidth,"
                + " document.querySelector('.ys-lang').offsetWidth, document.querySelector('.ys-navbar > .container-xl').clientWidth,"
                + " Array.from(document.querySelectorAll('#ys-nav > .navbar-nav > .nav-item')).map(e => e.innerText.trim() + ':' + e.offsetWidth).join(' ')]");
        // one line in both languages (English labels kept short: Compare, Units, Catalogue)
        long spread = tops.stream().mapToLong(Long::longValue).max().orElseThrow() - tops.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(spread).as(lang + ": the menu's items stand on one line, centres " + tops + " " + layout).isLessThan(20);
    }

    @Test
    void theAdministratorsMenuKeepsOneLineToo() throws Exception {
        eachLanguagesHome("admin", "ux-admin-home-1366-", lang -> {
            browser.findElement(By.id("ys-manage-toggle")).click();
            // the administrator's occasional import and review are in the dropdown, not in the bar
            for (String href : List.of("/admin/accounts", "/collect/import", "/review")) {
                assertThat(browser.findElement(By.cssSelector("#ys-manage a[href='" + href + "']")).isDisplayed()).as(href).isTrue();
            }
            Browser.screenshot(browser, "ux-admin-manage-menu-1366-" + lang);
        });
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    @Test
    void onAPhoneTheManageMenuOpensInsideTheCollapsedMenu() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        login("planner");
        for (String lang : List.of("zh", "en")) {
            browser.get(url("/audit?lang=" + lang));
            long overflow = ((Number) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
            assertThat(overflow).as(lang + ": horizontal scroll").isLessThanOrEqualTo(0);
            browser.findElement(By.cssSelector("[data-ys-toggle='ys-nav']")).click();
            browser.findElement(By.id("ys-manage-toggle")).click();
            WebElement audit = browser.findElement(By.cssSelector("#ys-manage a[href='/audit']"));
            assertThat(audit.isDisplayed()).isTrue();
            Browser.screenshot(browser, "ux-manage-menu-390-" + lang);
        }
    }
}
