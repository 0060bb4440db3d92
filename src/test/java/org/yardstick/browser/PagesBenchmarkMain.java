package org.yardstick.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Bytes and time per main page on a throttled link (issue 15: a county's 1.6 Mbit/s, 150 ms), in
 * headless Chromium with DevTools network throttling: a first visit (empty cache) and a repeat visit
 * (the same page again, cache kept). Run by {@code bench/pages.sh} against two running servers,
 * "before" and "after", in one run, and prints the ratio. Two times per visit: "usable", when the page's
 * HTML, style sheets and deferred scripts are in (DOMContentLoaded: text, tables and links work), and
 * "all", when the last file has arrived (ECharts and any chart's data included). A map further down the
 * page than the first screen loads only when scrolled to, so "all" leaves it out where the page does.
 *
 * <p>Arguments: the before base URL, the after base URL.
 */
public final class PagesBenchmarkMain {

    static final List<String> PAGES = List.of("/", "/plans", "/plans/xj-info-13fyp", "/plans/xj-info-13fyp/overview",
            "/indicators", "/indicators/IIDI?region=65", "/regions/65", "/compare");

    /** Bytes over the wire, milliseconds to a usable page (DOMContentLoaded) and to the last file. */
    record Load(long bytes, long usable, long millis) {}

    private PagesBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        String before = args[0];
        String after = args[1];
        ChromeDriver driver = Browser.start();
        // a laptop's screen (issue 15 measures at 1366 px): what is "on the first screen" depends on it
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
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
            System.out.printf("%-32s %27s %27s %16s %16s%n", "page (1.6 Mbit/s, 150 ms)", "before usable|all|repeat",
                    "after usable|all|repeat", "usable ratio", "all ratio");
            List<Double> usableRatios = new ArrayList<>();
            List<Double> allRatios = new ArrayList<>();
            long worstUsable = 0;
            long worstAll = 0;
            for (String page : PAGES) {
                Load[] b = visit(driver, before + page);
                Load[] a = visit(driver, after + page);
                worstUsable = Math.max(worstUsable, Math.max(a[0].usable(), a[1].usable()));
                worstAll = Math.max(worstAll, Math.max(a[0].millis(), a[1].millis()));
                double ru = (double) b[0].usable() / a[0].usable();
                double ra = (double) b[0].millis() / a[0].millis();
                usableRatios.add(ru);
                allRatios.add(ra);
                System.out.printf("%-32s %5d KB %5d|%5d|%5d ms %5d KB %5d|%5d|%5d ms %15.2f× %15.2f×%n", page,
                        b[0].bytes() / 1024, b[0].usable(), b[0].millis(), b[1].millis(),
                        a[0].bytes() / 1024, a[0].usable(), a[0].millis(), a[1].millis(), ru, ra);
            }
            System.out.printf("mean first-visit speed-up before/after: usable %.2f×, all loaded %.2f×%n",
                    usableRatios.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    allRatios.stream().mapToDouble(Double::doubleValue).average().orElse(0));
            System.out.printf("slowest page after: usable %d ms, all loaded %d ms (goal < 2000 ms)%n", worstUsable, worstAll);
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
            // a map waiting to be scrolled to (data-lazy) is not pending: the page does not load it
            Object pending = driver.executeScript(
                    "return document.querySelectorAll('[data-chart]:not([data-rendered=\"true\"]):not([data-lazy=\"waiting\"])').length");
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
                return {bytes: bytes, usable: Math.round(nav.domContentLoadedEventEnd), millis: Math.round(end)};""");
        return new Load(((Number) m.get("bytes")).longValue(), ((Number) m.get("usable")).longValue(),
                ((Number) m.get("millis")).longValue());
    }
}
