package org.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;

/**
 * Phones and slow links (issue 15): every static file a page links to has a content-versioned URL
 * and is cached for a year; ECharts is not loaded by the page itself, only named for the pages with
 * a chart to fetch. (Compression is Tomcat's: ReadyMeansReadyTest checks it on a real server.)
 */
@YardstickTest
class StaticFilesTest {

    static final Pattern LINKED = Pattern.compile("(?:href|src|content)=\"(/(?:css|js|webjars)/[^\"]+)\"");

    @Autowired MockMvc mvc;

    private String page(String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r.getContentAsString();
    }

    @Test
    void everyStaticFileOfAPageHasAVersionedUrlCachedForAYear() throws Exception {
        String html = page("/plans");
        Matcher m = LINKED.matcher(html);
        int files = 0;
        while (m.find()) {
            String url = m.group(1);
            files++;
            assertThat(url).as("versioned").containsPattern("-[0-9a-f]{32}\\.(css|js|svg)$");
            MockHttpServletResponse r = mvc.perform(get(url)).andReturn().getResponse();
            assertThat(r.getStatus()).as(url).isEqualTo(200);
            assertThat(r.getHeader("Cache-Control")).as(url).contains("max-age=31536000").contains("public");
        }
        assertThat(files).isEqualTo(6); // two style sheets, htmx, ours, and ECharts' two builds named for later
    }

    @Test
    void echartsIsFetchedOnlyByPagesWithAChart() throws Exception {
        for (String url : new String[] {"/plans", "/plans/xj-info-13fyp/overview", "/indicators/IIDI?region=65"}) {
            String html = page(url);
            assertThat(html).as(url).doesNotContainPattern("<script[^>]+echarts");
            assertThat(html).as(url).containsPattern("<meta name=\"echarts-full-src\" content=\"/webjars/echarts/[0-9.]+/echarts.min-[0-9a-f]{32}.js\">");
            assertThat(html).as(url).containsPattern("<meta name=\"echarts-common-src\" content=\"/webjars/echarts/[0-9.]+/echarts.common.min-[0-9a-f]{32}.js\">");
        }
        // the map's script is named by the map for later, never loaded by the page itself
        String index = page("/indicators/IIDI?region=65");
        assertThat(index).doesNotContainPattern("<script[^>]+map");
        assertThat(index).containsPattern("data-map-script=\"/js/map-[0-9a-f]{32}.js\"");
        assertThat(page("/plans")).doesNotContain("data-chart=");
        assertThat(page("/plans/xj-info-13fyp/overview")).contains("data-chart=");
    }
}
