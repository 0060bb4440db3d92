package org.yardstick.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yardstick.EmptyDatabase;
import org.yardstick.TestClock;
import org.yardstick.framework.IndicatorNature;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.framework.Targets;
import org.yardstick.framework.authoring.Decomposition;

/**
 * Issue 10's planner journey in a real browser at 1366 px, from a fresh start with no demo (the documented
 * switch {@code yardstick.demo.load-on-empty=false}, on a database of this test alone, as PlannerJourneyApiTest):
 * the initial administrator adds two prefectures and three accounts through the API; the planner creates a
 * plan, a binding indicator and a derived one, targets of four kinds, decomposes one to two prefectures and
 * creates a data set with a collection window, every form checked as it is filled in; the prefecture's
 * reporter reports and submits; the province's reviewer approves in bulk; the plan page shows the progress;
 * the audit trail has every step. Screenshots at 1366 and 390 px in Chinese and English go to /tmp/fwui-*.png.
 */
@ExtendWith(Browser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.autoconfigure.exclude=", // sessions in the database, as in production: flash values must serialise
            "yardstick.demo.load-on-empty=false", "yardstick.admin.initial-password=" + PlannerJourneyBrowserIT.ADMIN,
            "yardstick.supervision.scheduler.enabled=false"})
@Import(TestClock.Config.class)
@DirtiesContext
class PlannerJourneyBrowserIT {

    static final String ADMIN = "Panel-7#qTz-Analyse-2026";
    static final String PASSWORD = "Journey-4#kWx-Plan-2026";

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) throws Exception {
        EmptyDatabase.register(registry, "planner_journey_browser");
    }

    @LocalServerPort int port;
    @Autowired Plans plans;
    @Autowired Targets targets;
    @Autowired Indicators indicators;
    @Autowired Decomposition decomposition;
    @Autowired JdbcClient jdbc;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(1366, 1000));
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void login(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user.equals("admin") ? ADMIN : PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url("/home")));
        browser.executeScript("window.__settled = 0; document.addEventListener('htmx:afterSettle', function () { window.__settled++; });");
    }

    long settled() {
        Object n = browser.executeScript("return window.__settled || 0;");
        return n == null ? 0 : ((Number) n).longValue();
    }

    void counting() {
        browser.executeScript("if (window.__counting === undefined) { window.__counting = true; window.__settled = 0;"
                + " document.addEventListener('htmx:afterSettle', function () { window.__settled++; }); }");
    }

    /** Types into a field as a person does and leaves it, then waits for the form's check to come back. */
    void type(String name, String value) {
        counting();
        long before = settled();
        idle();
        WebElement e = browser.findElement(By.name(name));
        // select and overwrite (clearing would already be a change, and the form would be swapped under the typing)
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        awaitCheck(before);
    }

    void choose(String name, String value) {
        counting();
        long before = settled();
        idle();
        new Select(browser.findElement(By.name(name))).selectByValue(value);
        awaitCheck(before);
    }

    /** Waits until no check of the form is under way. */
    void idle() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                browser.executeScript("return document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping') === null;")));
    }

    void awaitCheck(long before) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> settled() > before);
        } catch (org.openqa.selenium.TimeoutException e) {
            // nothing changed, so nothing was checked
        }
    }

    void save() {
        idle();
        WebElement button = browser.findElement(By.cssSelector("#authoring-form button[type=submit], #parts-form button[type=submit]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        try {
            button.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            browser.executeScript("arguments[0].click();", button); // below the fold of a long table
        }
    }

    /** Waits for the page saved to, or fails with what the page said. */
    void savedTo(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) throws Exception {
        try {
            wait.until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            shoot("failure");
            throw new AssertionError("not saved: " + browser.getCurrentUrl() + "\n" + browser.findElement(By.tagName("main")).getText(), e);
        }
    }

    void shoot(String name) throws Exception {
        Path file = Browser.screenshot(browser, "fwui-" + name);
        Files.copy(file, Path.of("/tmp", "fwui-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    void newTarget(String code, String kind) {
        browser.get(url("/authoring/plans/fwui-b/targets/new"));
        choose("kind", kind);
        type("code", code);
    }

    /** The administrator's part, through the API as a script does: two prefectures and the three accounts. */
    void administratorSetsUp() throws Exception {
        api("/api/v1/regions", """
                [{"code":"65","parent":"CN","level":"PROVINCE","nameZh":"新疆维吾尔自治区","nameEn":"Xinjiang"},
                 {"code":"6501","parent":"65","level":"PREFECTURE","nameZh":"乌鲁木齐市","nameEn":"Urumqi"},
                 {"code":"6502","parent":"65","level":"PREFECTURE","nameZh":"克拉玛依市","nameEn":"Karamay"}]""");
        api("/api/v1/accounts", account("planner", "PLANNER", "65"));
        api("/api/v1/accounts", account("reporter", "REPORTER", "6501"));
        api("/api/v1/accounts", account("reviewer", "REVIEWER", "65"));
    }

    static String account(String username, String role, String region) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "（旅程）\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"" + role + "\",\"regionCode\":\"" + region + "\"}";
    }

    void api(String path, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(201);
    }

    @Test
    void aPlannerRunsTheirPlanInTheBrowserFromAnEmptyStart() throws Exception {
        assertThat(jdbc.sql("select count(*) from plan").query(Long.class).single()).as("no demo").isZero();
        administratorSetsUp();
        login("planner");
        browser.get(url("/plans"));
        browser.findElement(By.linkText("新建规划")).click();
        type("code", "fwui-b");
        type("name_zh", "浏览器测试规划");
        type("name_en", "Browser test plan");
        type("region", "65");
        type("start_year", "2021");
        type("end_year", "20x5");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("authoring-form"), "不是整数"));
        shoot("plan-inline-1366-zh");
        type("end_year", "2025");
        type("baseline_year", "2020");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("authoring-form"), "暂未发现问题"));
        save();
        savedTo(ExpectedConditions.urlToBe(url("/authoring/plans/fwui-b")));

        // a binding indicator and a derived one
        browser.findElement(By.linkText("新建指标")).click();
        type("code", "FWUI_B_SUM");
        type("name_zh", "测试用户数");
        type("name_en", "Test subscribers");
        type("unit_zh", "万户");
        type("unit_en", "10k");
        choose("nature", "BINDING");
        choose("aggregation", "SUM");
        save();
        savedTo(ExpectedConditions.urlToBe(url("/indicators/FWUI_B_SUM")));
        browser.get(url("/authoring/indicators/new"));
        type("code", "FWUI_B_DER");
        type("name_zh", "测试普及率");
        type("name_en", "Test penetration");
        choose("aggregation", "NOT_ADDITIVE");
        type("formula", "FWUI_B_SUM / 10");
        save();
        savedTo(ExpectedConditions.urlToBe(url("/indicators/FWUI_B_DER")));

        // targets of four kinds
        newTarget("t-users", "AT_LEAST");
        type("indicator", "FWUI_B_SUM");
        type("region", "65");
        type("value", "100");
        type("qualifier_text", "以上");
        type("statement_zh", "用户数达到100万户以上");
        type("statement_en", "At least 1 million subscribers");
        save();
        savedTo(ExpectedConditions.urlContains("/indicators/FWUI_B_SUM/progress"));

        newTarget("t-rate", "RANGE");
        type("indicator", "FWUI_B_DER");
        type("region", "65");
        type("value", "5");
        type("value_high", "3");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("authoring-form"), "不能小于"));
        shoot("target-inline-1366-zh");
        type("value_high", "8");
        type("statement_zh", "普及率在5至8之间");
        type("statement_en", "Penetration between 5 and 8");
        save();
        savedTo(ExpectedConditions.urlContains("/indicators/FWUI_B_DER/progress"));

        newTarget("t-growth", "CHANGE");
        type("indicator", "FWUI_B_SUM");
        type("region", "65");
        type("value", "20");
        choose("change_unit", "PERCENT");
        type("statement_zh", "较2020年提高20%");
        type("statement_en", "Up 20% on 2020");
        save();
        savedTo(ExpectedConditions.urlContains("/indicators/FWUI_B_SUM/progress"));

        newTarget("t-platform", "MILESTONE");
        type("region", "65");
        type("statement_zh", "建成全区统一平台");
        type("statement_en", "A single platform for the region");
        save();
        savedTo(ExpectedConditions.urlToBe(url("/plans/fwui-b/targets/t-platform")));

        // the decomposition to two prefectures
        browser.get(url("/authoring/plans/fwui-b"));
        browser.findElement(By.cssSelector("a[href='/authoring/plans/fwui-b/targets/t-users/parts']")).click();
        WebElement form = browser.findElement(By.id("parts-form"));
        assertThat(form.getText()).isNotNull();
        String first = rowOf("6501");
        String second = rowOf("6502");
        type(first + ".value", "60");
        type(second + ".value", "30");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("parts-form"), "尚差 10"));
        shoot("parts-1366-zh");
        type(second + ".value", "40");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("parts-form"), "等于整体"));
        save();
        savedTo(ExpectedConditions.urlContains("/indicators/FWUI_B_SUM/progress"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "分解落实（2）"));
        shoot("whole-1366-zh");

        var plan = plans.get("fwui-b");
        assertThat(indicators.get("FWUI_B_SUM").nature()).isEqualTo(IndicatorNature.BINDING);
        assertThat(indicators.get("FWUI_B_DER").formula()).isEqualTo("FWUI_B_SUM / 10");
        assertThat(targets.ofPlan(plan)).extracting(Target::code)
                .contains("t-users", "t-rate", "t-growth", "t-platform", "t-users-6501", "t-users-6502");
        assertThat(targets.ofPlan(plan)).extracting(Target::kind)
                .contains(TargetKind.AT_LEAST, TargetKind.RANGE, TargetKind.CHANGE, TargetKind.MILESTONE);
        assertThat(decomposition.parts("fwui-b", "t-users")).extracting(p -> p.target().regionCode()).containsExactly("6501", "6502");

        // a data set of the prefectures for the plan, with the window of 2025 open on the test clock (2026-06-01)
        browser.get(url("/collect/data-sets/new"));
        browser.findElement(By.id("code")).sendKeys("fwui-pref");
        browser.findElement(By.id("nameZh")).sendKeys("地州信息化年报");
        browser.findElement(By.id("nameEn")).sendKeys("Prefecture informatization report");
        new Select(browser.findElement(By.id("regionLevel"))).selectByValue("PREFECTURE");
        browser.findElement(By.id("planCode")).sendKeys("fwui-b");
        browser.findElement(By.id("indicators")).sendKeys("FWUI_B_SUM");
        browser.findElement(By.id("period")).sendKeys("2025");
        // a date input takes typing in the browser's own format; the value is what the form sends
        browser.executeScript("document.getElementById('opensOn').value = '2026-05-01';"
                + " document.getElementById('closesOn').value = '2026-06-30';");
        WebElement create = browser.findElement(By.cssSelector("#data-set-form button[type=submit]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", create);
        try {
            create.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            browser.executeScript("arguments[0].click();", create); // covered by the page's footer at 1000 px
        }
        savedTo(ExpectedConditions.urlToBe(url("/collect/data-sets/fwui-pref")));
        shoot("data-set-1366-zh");

        // the reporter of Urumqi reports and submits
        login("reporter");
        browser.findElement(By.linkText("填报")).click();
        browser.findElement(By.linkText("打开")).click();
        WebElement figure = browser.findElement(By.name("value.FWUI_B_SUM"));
        figure.clear();
        figure.sendKeys("61.5");
        browser.findElement(By.xpath("//button[text()='保存']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已保存"));
        browser.findElement(By.xpath("//button[text()='提交审核']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已提交审核"));

        // the province's reviewer approves every submission of the data set and period at once
        login("reviewer");
        browser.get(url("/review?dataSet=fwui-pref&period=2025&region=65"));
        browser.findElement(By.cssSelector("#bulk-approve button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bulk-confirm")));
        browser.findElement(By.cssSelector("#bulk-confirm-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bulk-done")));
        shoot("bulk-approved-1366-zh");

        // the plan page shows the progress of Urumqi's part: 61.5 against 60
        browser.get(url("/plans/fwui-b"));
        shoot("plan-progress-1366-zh");
        String planPage = browser.findElement(By.tagName("main")).getText();
        assertThat(planPage).contains("已实现：2025年为61.5，达到目标60");

        // the audit trail has every step, by whom
        login("admin");
        browser.get(url("/audit?lang=en"));
        shoot("audit-1366-en");
        List<String> steps = browser.findElements(By.cssSelector("main table tbody tr")).stream().map(tr -> {
            List<WebElement> td = tr.findElements(By.tagName("td"));
            return td.get(1).getAttribute("title") + " " + td.get(2).findElement(By.tagName("span")).getText() + " "
                    + td.get(3).getText();
        }).distinct().toList();
        assertThat(steps).contains("admin region created", "admin account created", "planner plan created",
                "planner indicator created", "planner target created", "planner target decomposed", "planner data set created",
                "reporter figure created", "reporter submission submitted", "reviewer submission approved");

        // the same pages at 1366 in English, and at 390 px in both languages
        browser.get(url("/authoring/plans/fwui-b?lang=en"));
        shoot("workspace-1366-en");
        browser.get(url("/authoring/plans/fwui-b/targets/new?lang=en"));
        shoot("target-form-1366-en");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/authoring/plans/fwui-b?lang=zh"));
        shoot("workspace-390-zh");
        browser.get(url("/authoring/plans/fwui-b/targets/t-users/parts?lang=zh"));
        shoot("parts-390-zh");
        browser.get(url("/authoring/plans/fwui-b/targets/new?lang=en"));
        shoot("target-form-390-en");
        browser.get(url("/plans/fwui-b/targets/t-users?lang=en"));
        shoot("whole-390-en");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    /** The name prefix of the parts form's row for a region: parts[3]. */
    String rowOf(String region) {
        WebElement input = browser.findElement(By.cssSelector("#parts-form input[value='" + region + "']"));
        String name = input.getAttribute("name");
        return name.substring(0, name.indexOf('.'));
    }
}
