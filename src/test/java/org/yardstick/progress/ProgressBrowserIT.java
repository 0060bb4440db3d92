package org.yardstick.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.TestClock;
import org.yardstick.browser.Browser;

/**
 * The progress dashboards in headless Chromium: each page renders, every chart is drawn with data
 * (its SVG has paths), the console stays clean; screenshots go to target/screenshots.
 */
@ExtendWith(Browser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude=") // sessions in the database, as in production: flash values must serialise
@Import(TestClock.Config.class)
@ExtendWith(org.yardstick.ResetTestState.class)
class ProgressBrowserIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
        Figures.removeAll(jdbc);
    }

    /** Opens a page and waits until every chart on it says it is drawn; returns the charts. */
    List<WebElement> show(String path, int charts) {
        browser.get("http://localhost:" + port + path);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector(".ys-chart:not(.ys-map-canvas)")); // the map has its own test (MapBrowserIT)
            return all.size() == charts && all.stream().allMatch(e -> "true".equals(e.getDomAttribute("data-rendered")));
        });
        List<WebElement> drawn = browser.findElements(By.cssSelector(".ys-chart:not(.ys-map-canvas)[data-rendered='true']"));
        assertThat(drawn).hasSize(charts);
        for (WebElement chart : drawn) {
            assertThat(chart.findElements(By.cssSelector("svg path"))).as(chart.getDomAttribute("data-chart-kind")).isNotEmpty();
        }
        return drawn;
    }

    void clean(String screenshot) throws Exception {
        Browser.screenshot(browser, screenshot);
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    @Test
    void planOverview() throws Exception {
        List<WebElement> charts = show("/plans/xj-info-13fyp/overview", 2);
        assertThat(charts).extracting(c -> c.getDomAttribute("data-chart-kind")).containsExactly("statusCounts", "sectionStack");
        // one bar per status, and a stack per chapter
        assertThat(charts.get(0).findElements(By.cssSelector("svg path")).size()).isGreaterThanOrEqualTo(2);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("进展总览", "预警", "全区两化融合发展指数达到68");
        clean("progress-overview");
        show("/plans/xj-mfg-internet-2017/overview?lang=en", 2);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Progress overview", "Early warnings");
        clean("progress-overview-en");
    }

    @Test
    void indicatorProgressChart() throws Exception {
        List<WebElement> charts = show("/indicators/IIDI/progress?region=65", 1);
        assertThat(charts.get(0).getDomAttribute("data-chart-kind")).isEqualTo("progress");
        // observed line, path, two projections, the band polygon and the target marker
        assertThat(charts.get(0).findElements(By.cssSelector("svg path")).size()).isGreaterThanOrEqualTo(6);
        // the target year 2020 has passed without a 2020 figure: it cannot be judged, never "on track"
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("无法判断（最新数据为2016年）", "2020年预测")
                .doesNotContain("进展顺利");
        clean("progress-indicator");
    }

    @Test
    void regionComparison() throws Exception {
        List<String> counties = ComparisonTest.COUNTIES;
        for (int i = 0; i < counties.size(); i++) {
            for (int y = 2016; y <= 2018; y++) {
                Figures.approved(jdbc, "IDI", counties.get(i), y, "_T", 10 * (i + 1) + 3 * (y - 2016) * (i + 1));
            }
            Figures.approved(jdbc, "IDI", counties.get(i), 2018, "urban", 7 * (i + 1));
            Figures.approved(jdbc, "IDI", counties.get(i), 2018, "rural-pastoral", 3 * (i + 1));
        }
        List<WebElement> charts = show("/compare?indicator=IDI&level=COUNTY&scope=6501", 2);
        assertThat(charts).extracting(c -> c.getDomAttribute("data-chart-kind")).containsExactly("comparison", "gap");
        assertThat(charts.get(0).findElements(By.cssSelector("svg path")).size()).isGreaterThanOrEqualTo(8);
        assertThat(browser.findElement(By.id("ranking")).getText()).contains("乌鲁木齐县", "领先组", "落后组");
        assertThat(browser.findElement(By.id("gap")).getText()).contains("2018年数字鸿沟");
        clean("progress-compare");
        show("/compare?indicator=IDI&level=COUNTY&scope=6501&breakdown=urban", 2);
        assertThat(browser.findElement(By.id("breakdown")).getText()).contains("城镇", "农村牧区");
        clean("progress-compare-urban");
    }

    @Test
    void departmentView() throws Exception {
        List<WebElement> charts = show("/departments/xj-kjt", 1);
        assertThat(charts.get(0).getDomAttribute("data-chart-kind")).isEqualTo("statusCounts");
        assertThat(browser.findElement(By.id("tasks-led")).getText()).contains("牵头", "到2020年实施完成20个以上“双创”平台建设");
        assertThat(browser.findElement(By.id("tasks-co")).getText()).contains("配合");
        clean("progress-department");
    }

    @Test
    void milestonePage() throws Exception {
        show("/plans/xj-info-13fyp/targets/t-village-stations", 0);
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("行政村综合信息服务站基本建设完成", "定性目标", "尚无人研判此目标。");
        clean("progress-milestone");
        show("/plans/xj-info-13fyp/targets/t-village-stations?lang=en", 0);
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("qualitative milestone", "Nobody has judged this milestone yet.");
        clean("progress-milestone-en");
    }

    @Test
    void evaluationReportPage() throws Exception {
        show("/plans/xj-info-13fyp/report?kind=mid-term&asOf=2018", 0);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("中期评估报告", "总体评估");
        assertThat(browser.findElements(By.id("report-pdf"))).hasSize(1);
        clean("progress-report");
    }
}
