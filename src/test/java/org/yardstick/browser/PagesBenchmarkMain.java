package org.yardstick.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Bytes and time per main page on a throttled link (issue 15: a county's 1.6 Mbit/s, 150 ms), in
 * headless Chromium with DevTools network throttling: a first visit (empty cache) and a repeat visit
 * (the same page again, cache kept). Run by {@code bench/pages.sh} against two running servers,
 * "before" (compression and caching off) and "after", in one run, and prints the ratio.
 *
 * <p>Arguments: the before base URL, the after base URL.
 */
public final class PagesBenchmarkMain {

    static final List<String> PAGES = List.of("/", "/plans", "/plans/xj-info-13fyp", "/plans/xj-info-13fyp/overview",
            "/indicators", "/indicators/IIDI?region=65", "/regions/65", "/compare");

    /** Bytes over the wire and milliseconds to the load event. */
    record Load(long bytes, long millis) {}

    private PagesBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        String before = args[0];
        String after = args[1];
        ChromeDriver driver = Browser.start();
        try {
            // warm both servers up unthrottled (templates parsed, code compiled): the link is measured, not a cold start
            for (int round = 0; round < 2; round++) {
                for (String page : PAGES) {
                    load(driver, before + page);
                    load(driver, after + page);
                }
            }
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 150,
                    "downloadThroughput", 1_600_000 / 8, "uploadThroughput", 750_000 / 8));
            System.out.printf("%-32s %22s %22s %22s%n", "page (1.6 Mbit/s, 150 ms)", "before first|repeat", "after first|repeat",
                    "time ratio first|rep");
            List<Double> ratios = new ArrayList<>();
            long worstAfter = 0;
            for (String page : PAGES) {
                Load[] b = visit(driver, before + page);
                Load[] a = visit(driver, after + page);
                worstAfter = Math.max(worstAfter, Math.max(a[0].millis(), a[1].millis()));
                double r0 = (double) b[0].millis() / a[0].millis();
                double r1 = (double) b[1].millis() / a[1].millis();
                ratios.add(r0);
                System.out.printf("%-32s %7d KB %5d|%5d ms %7d KB %5d|%5d ms %10.1f× | %5.1f×%n", page,
                        b[0].bytes() / 1024, b[0].millis(), b[1].millis(), a[0].bytes() / 1024, a[0].millis(), a[1].millis(), r0, r1);
            }
            double mean = ratios.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            System.out.printf("mean first-visit speed-up before/after: %.1f×; slowest page after: %d ms (goal < 2000 ms)%n",
                    mean, worstAfter);
        } finally {
            driver.quit();
        }
    }

    /** A first visit with an empty cache, then a repeat visit. */
    private static Load[] visit(ChromeDriver driver, String url) {
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        Load first = load(driver, url);
        Load repeat = load(driver, url);
        return new Load[] {first, repeat};
    }

    private static Load load(ChromeDriver driver, String url) {
        driver.get("about:blank");
        driver.get(url);
        // wait until ECharts (fetched after the load on pages with a chart) has drawn
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            Object pending = driver.executeScript("return document.querySelectorAll('[data-chart]:not([data-rendered=\"true\"])').length");
            if (((Number) pending).intValue() == 0) {
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) driver.executeScript("""
                var nav = performance.getEntriesByType('navigation')[0];
                var bytes = nav.transferSize;
                var end = nav.loadEventEnd;
                performance.getEntriesByType('resource').forEach(function (r) {
                  bytes += r.transferSize; end = Math.max(end, r.responseEnd); });
                return {bytes: bytes, millis: Math.round(end)};""");
        return new Load(((Number) m.get("bytes")).longValue(), ((Number) m.get("millis")).longValue());
    }
}
