package org.yardstick.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.MapFileSet;
import org.yardstick.TestClock;
import org.yardstick.aggregation.Aggregates;
import org.yardstick.observation.ObservationFiles;
import org.yardstick.observation.ObservationStatus;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;

/**
 * Issue 14, done when: with county figures of 宽带接入用户 approved for 2023, the indicator page shows
 * the map of Xinjiang's prefectures for 2023 with their values, the legend with its no-data colour
 * and the sketch map's label; at 1366 px and at 390 px (screenshots under target/screenshots).
 */
@ExtendWith(Browser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.autoconfigure.exclude=", // sessions in the database, as in production: flash values must serialise
            // a deployer's boundaries: Urumqi's counties (test file with its 审图号); elsewhere the demo's sketch maps
            "yardstick.maps.boundaries=target/test-classes/maps"})
@Import(TestClock.Config.class)
class MapBrowserIT {

    static final String YEAR = "2023";

    @LocalServerPort int port;
    @Autowired ObservationFiles files;
    @Autowired Aggregates aggregates;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;
    ChromeDriver browser;
    List<String> counties;

    @BeforeEach
    void countyFiguresApproved() {
        // generated test figures (not demo data): every county of Xinjiang, 1.5 to 25.5 万户
        counties = regions.within(regions.get("65"), RegionLevel.COUNTY).stream().map(Region::code).toList();
        StringBuilder csv = new StringBuilder("indicator,region,period,disaggregation,measure,base_period,value,qualifier,document,line,quote\n");
        for (int i = 0; i < counties.size(); i++) {
            csv.append("BB_USERS,").append(counties.get(i)).append(',').append(YEAR).append(",,level,,")
                    .append(new BigDecimal(i % 17).multiply(new BigDecimal("1.5")).add(new BigDecimal("1.5"))).append(",,,,\n");
        }
        files.load(new MapFileSet().with("counties.csv", csv.toString()), "counties.csv", ObservationStatus.APPROVED, "test");
        aggregates.recompute(List.of("BB_USERS"), YEAR);
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
        jdbc.sql("""
                delete from observation_source where observation_id in (select o.id from observation o join indicator i on i.id = o.indicator_id
                  where i.code = 'BB_USERS' and o.period = :y)""").param("y", YEAR).update();
        jdbc.sql("delete from observation where period = :y and indicator_id = (select id from indicator where code = 'BB_USERS')")
                .param("y", YEAR).update();
        aggregates.recompute(List.of("BB_USERS"), YEAR);
    }

    /** The page, scrolled to its map (which loads when it comes near the screen), once every chart is drawn. */
    private WebElement showMap(String path) {
        browser.get("http://localhost:" + port + path);
        WebElement map = browser.findElement(By.cssSelector(".ys-map"));
        browser.executeScript("arguments[0].scrollIntoView()", map);
        new WebDriverWait(browser, Duration.ofSeconds(40)).until(d -> d.findElements(By.cssSelector(".ys-chart")).stream()
                .allMatch(e -> "true".equals(e.getDomAttribute("data-rendered"))));
        return map;
    }

    @SuppressWarnings("unchecked")
    private List<String> fetched() {
        return (List<String>) browser.executeScript("return performance.getEntriesByType('resource').map(r => r.name)");
    }

    @Test
    void theMapAndEChartsFullBuildLoadOnlyWhenTheMapComesNearTheScreen() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 768));
        String page = "http://localhost:" + port + "/indicators/BB_USERS?year=" + YEAR;
        browser.get(page);
        // a screen that ends well above the map (its top 300 px and more below the screen's foot and margin)
        long top = ((Number) browser.executeScript(
                "return Math.round(document.querySelector('.ys-map-canvas').getBoundingClientRect().top + window.scrollY)")).longValue();
        long chrome = ((Number) browser.executeScript("return window.outerHeight - window.innerHeight")).longValue();
        assertThat(top).as("the map is below the page's first chart").isGreaterThan(600);
        browser.manage().window().setSize(new Dimension(1366, (int) (top - 500 + chrome)));
        browser.get(page);
        WebElement canvas = browser.findElement(By.cssSelector(".ys-map-canvas"));
        // the chart above the map is drawn with ECharts' common build; the map, further down, waits
        new WebDriverWait(browser, Duration.ofSeconds(40)).withMessage(() -> "map at " + top + " px, screen "
                + browser.executeScript("return window.innerHeight") + " px, data-lazy " + canvas.getDomAttribute("data-lazy"))
                .until(d -> "waiting".equals(canvas.getDomAttribute("data-lazy"))
                && d.findElements(By.cssSelector(".ys-chart:not(.ys-map-canvas)")).stream()
                        .allMatch(e -> "true".equals(e.getDomAttribute("data-rendered"))));
        assertThat(fetched()).anyMatch(u -> u.contains("echarts.common.min"))
                .noneMatch(u -> u.matches(".*/echarts\\.min.*")).noneMatch(u -> u.contains("/js/map"))
                .noneMatch(u -> u.contains("/boundaries")).noneMatch(u -> u.contains("/map?") || u.endsWith("/map"));
        browser.executeScript("arguments[0].scrollIntoView()", canvas);
        new WebDriverWait(browser, Duration.ofSeconds(40)).until(d -> "true".equals(canvas.getDomAttribute("data-rendered")));
        assertThat(canvas.getDomAttribute("data-lazy")).isNull();
        assertThat(fetched()).anyMatch(u -> u.matches(".*/echarts\\.min.*")).anyMatch(u -> u.contains("/js/map"))
                .anyMatch(u -> u.contains("/boundaries"));
        assertThat(canvas.findElements(By.cssSelector("svg path"))).hasSizeGreaterThanOrEqualTo(14);
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    @Test
    void theIndicatorPageShowsThePrefecturesOfXinjiangForTheYear() throws Exception {
        assertThat(counties).hasSizeGreaterThan(90);
        for (int width : new int[] {1366, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1400));
            // the year asked for in the address (other tests may have approved later figures)
            WebElement map = showMap("/indicators/BB_USERS?year=" + YEAR);
            assertThat(map.findElement(By.cssSelector(".ys-map-region")).getText()).isEqualTo("新疆维吾尔自治区");
            assertThat(map.findElement(By.cssSelector(".ys-map-year option[selected], .ys-map-year option:checked")).getText()).isEqualTo(YEAR);
            // the prefectures drawn: one path or more for each, coloured from the legend's range
            List<WebElement> shapes = map.findElements(By.cssSelector(".ys-map-canvas svg path"));
            assertThat(shapes).hasSizeGreaterThanOrEqualTo(14);
            assertThat(map.findElement(By.cssSelector(".ys-map-source")).getText()).contains("示意图", "echarts", "Apache-2.0");
            assertThat(map.findElement(By.cssSelector(".ys-map-legend")).getText()).contains("无数据");
            // the table of the map's figures: Urumqi's computed sum with complete coverage
            String table = (String) browser.executeScript("return document.querySelector('.ys-map-table').textContent");
            assertThat(table).contains("乌鲁木齐市", "汇总值");
            assertThat(table).doesNotContain("无数据"); // every prefecture has its counties' sum
            long overflow = ((Number) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
            assertThat(overflow).as(width + " px: horizontal scroll").isLessThanOrEqualTo(0);
            browser.executeScript("arguments[0].scrollIntoView()", map);
            Browser.screenshot(browser, "issue14-map-xinjiang-" + width);
            assertThat(Browser.consoleErrors(browser)).isEmpty();
        }
    }

    /** Where a place is drawn on the map, in the window's coordinates (what a click at a location takes). */
    private int[] onScreen(WebElement canvas, double longitude, double latitude) {
        @SuppressWarnings("unchecked")
        List<Number> p = (List<Number>) browser.executeScript("""
                var el = arguments[0], c = echarts.getInstanceByDom(el), box = el.getBoundingClientRect();
                var xy = c.convertToPixel({seriesIndex: 0}, [arguments[1], arguments[2]]);
                return [box.left + xy[0], box.top + xy[1]];""", canvas, longitude, latitude);
        return new int[] {(int) Math.round(p.get(0).doubleValue()), (int) Math.round(p.get(1).doubleValue())};
    }

    private String shownRegion() {
        return (String) browser.executeScript("var e = document.querySelector('.ys-map-region'); return e && e.textContent");
    }

    /** Issue 14 item 4: a click on a prefecture draws its counties, with the way back above the map. */
    @Test
    void aClickOnAPrefectureDrawsItsCountiesAndTheBreadcrumbLeadsBack() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 1400));
        WebElement map = showMap("/indicators/BB_USERS?year=" + YEAR);
        assertThat(shownRegion()).isEqualTo("新疆维吾尔自治区");
        WebElement canvas = map.findElement(By.cssSelector(".ys-map-canvas"));
        // at once: the page scrolls smoothly (Bootstrap), and a click must land where the map is now
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", canvas);
        // 天山区, the heart of Urumqi: a real click at its place on the map of the prefectures
        int[] at = onScreen(canvas, 87.63, 43.79);
        new org.openqa.selenium.interactions.Actions(browser).moveToLocation(at[0], at[1]).click().perform();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "乌鲁木齐市".equals(shownRegion()));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "true".equals(canvas.getDomAttribute("data-rendered"))
                && !canvas.findElements(By.cssSelector("svg path")).isEmpty());
        // the counties drawn from the deployer's file, with its attribution, and their figures in the table
        assertThat(canvas.isDisplayed()).isTrue();
        assertThat(canvas.findElements(By.cssSelector("svg path")).size()).isGreaterThanOrEqualTo(2);
        assertThat(map.findElement(By.cssSelector(".ys-map-source")).getText()).contains("审图号").doesNotContain("示意图");
        String table = (String) browser.executeScript("return document.querySelector('.ys-map-table').textContent");
        assertThat(table).contains("650102", "650103", "天山区");
        assertThat(map.findElement(By.cssSelector(".ys-map-year option:checked")).getText()).isEqualTo(YEAR);
        // the breadcrumb: China › Xinjiang › Urumqi; Xinjiang leads back to the prefectures
        List<String> crumbs = map.findElements(By.cssSelector(".ys-map-path button")).stream().map(WebElement::getText).toList();
        assertThat(crumbs).endsWith("新疆维吾尔自治区").hasSizeGreaterThanOrEqualTo(2);
        Browser.screenshot(browser, "issue14-map-drill-urumqi");
        map.findElements(By.cssSelector(".ys-map-path button")).get(crumbs.size() - 1).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "新疆维吾尔自治区".equals(shownRegion()));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                canvas.findElements(By.cssSelector("svg path")).size() >= 14);
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    @Test
    void upToChinaAndWithoutBoundariesATable() throws Exception {
        WebElement map = showMap("/indicators/BB_USERS?lang=en");
        map.findElement(By.cssSelector(".ys-map-path button")).click(); // China (national)
        // the path above the map is drawn anew with each map: read it in one script, never a stale element
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "China (national)".equals(browser.executeScript(
                "var e = document.querySelector('.ys-map-region'); return e && e.textContent")));
        assertThat(map.findElements(By.cssSelector(".ys-map-canvas svg path")).size()).isGreaterThanOrEqualTo(31);
        // Karamay's counties have no boundaries (neither the deployer's nor the demo's): the page says so and shows the table
        browser.get("http://localhost:" + port + "/compare?indicator=BB_USERS&level=COUNTY&scope=6502&period=" + YEAR + "&lang=en");
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.cssSelector(".ys-map")));
        new WebDriverWait(browser, Duration.ofSeconds(40)).until(d -> d.findElements(By.cssSelector(".ys-map-canvas")).stream()
                .allMatch(e -> "true".equals(e.getDomAttribute("data-rendered"))));
        WebElement note = browser.findElement(By.cssSelector(".ys-map-note"));
        assertThat(note.getText()).contains("no boundaries for this level");
        assertThat(browser.findElement(By.cssSelector(".ys-map-table")).getText()).contains("650202", "reported");
        Browser.screenshot(browser, "issue14-map-no-boundaries-en");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }
}
