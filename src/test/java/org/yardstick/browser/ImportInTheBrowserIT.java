package org.yardstick.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo reporter of 天山区 imports figures in a real browser against the packaged application: the
 * import page, a file with problems (every one listed, nothing written), then a good file.
 */
@ExtendWith(Browser.class)
class ImportInTheBrowserIT {

    static ChromeDriver browser;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        PackagedApplicationIT.startTheJarWithNoConfiguration();
        browser = PackagedApplicationIT.browser;
        base = PackagedApplicationIT.base;
        // wait for the sign-in to land: a page asked for while its answer is on the way loses to the redirect to /home
        Browser.login(browser, base, "reporter");
    }

    @AfterAll
    static void stop() throws Exception {
        PackagedApplicationIT.stop();
    }

    static void upload(String name, String csv) throws Exception {
        Path file = Files.createTempDirectory("yardstick-upload").resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        browser.get(base + "/collect/import");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
        // the click returns before the answer has replaced the page: wait for the new one
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
    }

    @Test
    void theReporterImportsAFileAfterFixingWhatWasWrong() throws Exception {
        browser.get(base + "/collect/import");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("导入数据");
        assertThat(browser.findElement(By.tagName("nav")).getText()).contains("数据导入");
        Browser.screenshot(browser, "import");

        upload("bad.csv", "指标,地区,时期,数值\nBB_USERS,650103,2025,1\nFTTH_USERS,650102,2025,abc\n");
        String refused = browser.findElement(By.id("import-problems")).getText();
        assertThat(refused).contains("650103").contains("不在您可以填报的地区范围内").contains("abc").contains("不是数字");
        Browser.screenshot(browser, "import-problems");
        // the refusal is answered with 422, which the console reports as a failed load: that is expected
        assertThat(Browser.consoleErrors(browser)).allMatch(e -> e.contains("status of 422"));

        upload("good.csv", "指标,地区,时期,数值\nBB_USERS,650102,2025,10.5\nFTTH_USERS,650102,2025,8\n");
        assertThat(browser.findElement(By.id("import-done")).getText()).contains("新增 2 个");
        Browser.screenshot(browser, "import-done");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }
}
