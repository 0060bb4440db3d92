package org.yardstick.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A fresh, signed-out Chromium per test against the application on its random port: the set-up the page-level
 * browser tests share (the subclass keeps its own {@code @SpringBootTest} and extensions).
 */
abstract class BrowserSession {

    @LocalServerPort int port;
    ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void login(String user) {
        Browser.login(browser, url(""), user);
    }
}
