package org.yardstick.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.yardstick.TestClock;

/**
 * Issue 15 in the browser: the drawn time axis of a chart shows only the data's years (no 1000–3500
 * around one year), and at 390 px the menu collapses behind its button and no page scrolls sideways; a
 * comparison with fewer than two regions reporting says so and offers the comparisons that exist.
 */
@ExtendWith(Browser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude=") // sessions in the database, as in production: flash values must serialise
@Import(TestClock.Config.class)
@ExtendWith(org.yardstick.ResetTestState.class)
class ChartsAndPhonesBrowserIT extends BrowserSession {

    @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void show(String path) {
        browser.get(url(path));
        // a map further down waits to be scrolled to (data-lazy): every other chart is drawn
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(".ys-chart")).stream()
                .allMatch(e -> "true".equals(e.getDomAttribute("data-rendered")) || "waiting".equals(e.getDomAttribute("data-lazy"))));
    }

    @Test
    void theDrawnTimeAxisShowsOnlyTheDataYears() throws Exception {
        show("/indicators/IIDI?region=65");
        WebElement chart = browser.findElement(By.cssSelector(".ys-chart[data-rendered='true']"));
        List<Integer> years = chart.findElements(By.cssSelector("svg text")).stream().map(WebElement::getText)
                .filter(t -> t.matches("\\d{4}")).map(Integer::valueOf).toList();
        // the Xinjiang IIDI: figures 2010, 2015, 2016 and the target 68 by 2020
        assertThat(years).isNotEmpty().allSatisfy(y -> assertThat(y).isBetween(2010, 2020));
        assertThat(years).contains(2010, 2020);
        Browser.screenshot(browser, "issue15-indicator-1366");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    @Test
    void atThreeHundredNinetyPixelsTheMenuCollapsesAndNothingScrollsSideways() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String path : List.of("/", "/plans/xj-info-13fyp", "/plans/xj-info-13fyp/overview", "/indicators/IIDI?region=65",
                "/indicators", "/plans/xj-info-13fyp/overview?lang=en")) {
            show(path);
            long overflow = ((Number) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
            assertThat(overflow).as(path + ": horizontal scroll").isLessThanOrEqualTo(0);
            WebElement menu = browser.findElement(By.id("ys-nav"));
            assertThat(menu.isDisplayed()).as(path + ": menu collapsed").isFalse();
        }
        browser.findElement(By.cssSelector("[data-ys-toggle='ys-nav']")).click();
        assertThat(browser.findElement(By.id("ys-nav")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "issue15-overview-390-en-menu");
    }

    @Test
    void aComparisonWithoutTwoRegionsReportingSaysSoAndOffersTheOnesThatExist() throws Exception {
        String indicator = jdbc.sql("""
                select i.code from indicator i where not exists
                  (select 1 from observation o where o.indicator_id = i.id and o.status = 'APPROVED')
                order by i.code fetch first 1 rows only""").query(String.class).single();
        for (int width : new int[] {1366, 390}) {
            browser.manage().window().setSize(new Dimension(width, width < 768 ? 844 : 900));
            for (String lang : List.of("zh", "en")) {
                show("/compare?indicator=" + indicator + "&lang=" + lang);
                WebElement thin = browser.findElement(By.id("compare-thin"));
                assertThat(thin.isDisplayed()).isTrue();
                assertThat(thin.getText()).contains(lang.equals("zh") ? "无法比较" : "nothing to compare");
                // the demo's approved figures make comparisons: offered as links with how many regions report
                List<WebElement> offers = thin.findElements(By.cssSelector("li a[href^='/compare?indicator=']"));
                assertThat(offers).isNotEmpty();
                assertThat(offers.get(0).getText()).containsPattern(lang.equals("zh") ? "\\d{4}年：\\d+个" : ", \\d{4}: (one|\\d+) ");
                assertThat(browser.findElements(By.cssSelector("[data-chart-kind='comparison']"))).isEmpty();
                long overflow = ((Number) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
                assertThat(overflow).as(width + " " + lang + ": horizontal scroll").isLessThanOrEqualTo(0);
                Browser.screenshot(browser, "ux-compare-thin-" + width + "-" + lang);
            }
        }
        // the first offer opens a comparison
        WebElement first = browser.findElement(By.cssSelector("#compare-thin li a"));
        // below the fold of a phone's window: brought to the middle first, where nothing lies over it
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", first);
        first.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("ranking")).isEmpty());
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }
}
