package org.yardstick.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.Targets;

/** The progress pages over the demo: every seed target has a status and a reason; both languages. */
@YardstickTest
class ProgressPagesTest {

    static final List<String> PLANS = List.of("xj-info-13fyp", "nm-info-13fyp", "xj-mfg-internet-2017");

    @Autowired MockMvc mvc;
    @Autowired Plans plans;
    @Autowired Targets targets;

    String page(String url, String... params) throws Exception {
        var request = get(url);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The rows of the overview's table of every target, by target code. */
    static java.util.Map<String, String> targetRows(String html) {
        java.util.Map<String, String> rows = new java.util.LinkedHashMap<>();
        Matcher m = Pattern.compile("(?s)<tr data-target=\"([^\"]+)\">(.*?)</tr>").matcher(html);
        while (m.find()) {
            rows.put(m.group(1), m.group(2));
        }
        return rows;
    }

    @Test
    void theOverviewShowsEverySeedTargetWithAStatusAndAReason() throws Exception {
        for (String code : PLANS) {
            Plan plan = plans.get(code);
            String html = page("/plans/" + code + "/overview");
            var rows = targetRows(html);
            List<String> expected = targets.ofPlan(plan).stream().map(Target::code).toList();
            assertThat(rows.keySet()).as(code).containsExactlyElementsOf(expected);
            rows.forEach((target, row) -> {
                assertThat(row).as(target).containsPattern("badge ys-status ys-status-[A-Z_]+\">[^<]+<");
                assertThat(row).as(target).containsPattern("ys-reason\">[^<]{6,}<");
            });
        }
    }

    @Test
    void theOverviewSaysWhereTheSeedsGiveNoLaterFigure() throws Exception {
        var rows = targetRows(page("/plans/xj-info-13fyp/overview"));
        // 电子信息制造业 219.25 in 2015, 500 by 2020: nothing reported since, and 2020 has passed (test clock 2026)
        assertThat(rows.get("t-eimfg-rev-2020")).contains("ys-status-CANNOT_BE_JUDGED")
                .contains("无法判断（最新数据为2015年）").contains("2015年数据（11年前）").contains("数据过时");
        // 两化融合发展指数达到68: 56.96 → 59.8 was on track in 2016; in 2026 it cannot be judged, and says why
        assertThat(rows.get("t-iidi-2020")).contains("ys-status-CANNOT_BE_JUDGED")
                .contains("无法判断（最新数据为2016年）：目标年份2020年已到").contains("2016年数据（10年前）")
                .doesNotContain("进展顺利");
        String html = page("/plans/xj-info-13fyp/overview");
        assertThat(html).contains("目标状态分布", "各章节目标状态", "预警", "进展最滞后的目标", "变化情况",
                "data-chart-kind=\"statusCounts\"", "data-chart-kind=\"sectionStack\"");
    }

    @Test
    void theOverviewIsCompleteInEnglish() throws Exception {
        String html = page("/plans/xj-info-13fyp/overview", "lang", "en");
        assertThat(html).contains("lang=\"en\"", "Progress overview", "Targets by status", "Early warnings",
                "Targets furthest behind", "What changed", "Every target", "cannot be judged", "Cannot be judged (latest figure 2016)", "figure of 2016 (10 years old)", "stale");
        assertThat(html).doesNotContain("进展总览", "预警", "目标状态分布", "数据不足", "进展顺利");
    }

    @Test
    void everyProgressPageRendersInBothLanguages() throws Exception {
        for (String lang : List.of("zh", "en")) {
            page("/plans/xj-mfg-internet-2017/overview", "lang", lang);
            page("/plans/xj-info-13fyp/report", "kind", "mid-term", "asOf", "2018", "lang", lang);
            page("/plans/nm-info-13fyp/report", "kind", "final", "lang", lang);
            page("/plans/xj-info-13fyp/report", "kind", "annual", "lang", lang);
            page("/compare", "lang", lang);
            page("/compare", "indicator", "IIDI", "level", "PROVINCE", "scope", "CN", "lang", lang);
            page("/departments", "lang", lang);
            page("/departments/xj-kjt", "lang", lang);
            page("/indicators/IIDI/progress", "lang", lang);
        }
    }

    /** In English, no Chinese is left on a progress page but the link that switches to it and the brand mark (尺). */
    @Test
    void theEnglishPagesHaveNoChineseLeft() throws Exception {
        String[][] pages = {
            {"/plans/xj-info-13fyp/overview"}, {"/plans/xj-mfg-internet-2017/overview"}, {"/plans/nm-info-13fyp/overview"},
            {"/plans/xj-info-13fyp/report", "kind", "mid-term", "asOf", "2018"}, {"/plans/nm-info-13fyp/report", "kind", "final"},
            {"/compare"}, {"/compare", "indicator", "IIDI", "level", "PROVINCE", "scope", "CN"},
            {"/departments"}, {"/departments/xj-kjt"}, {"/indicators/IIDI/progress"}, {"/indicators/IDI/progress", "region", "15"}};
        for (String[] p : pages) {
            String[] params = new String[p.length + 1];
            System.arraycopy(p, 1, params, 0, p.length - 1);
            params[p.length - 1] = "lang";
            params[p.length] = "en";
            String text = page(p[0], params).replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]+>", " ")
                    .replace("中文", "").replace("尺", "")
                    // Chinese terms the demo's English names quote on purpose, e.g. 'shuangchuang' ('双创')
                    .replaceAll("&#39;[\\p{IsHan}]+&#39;", "");
            Matcher han = Pattern.compile("[\\p{IsHan}]+").matcher(text);
            List<String> left = new java.util.ArrayList<>();
            while (han.find()) {
                left.add(text.substring(Math.max(0, han.start() - 30), Math.min(text.length(), han.end() + 30)).strip());
            }
            assertThat(left).as(p[0]).isEmpty();
        }
    }

    @Test
    void thePlanPageLinksToTheOverviewAndTheReport() throws Exception {
        assertThat(page("/plans/xj-info-13fyp")).contains("/plans/xj-info-13fyp/overview", "/plans/xj-info-13fyp/report");
    }

    @Test
    void theTrajectoryOfTheIntegrationIndexHasPathProjectionAndRange() throws Exception {
        String html = page("/indicators/IIDI/progress", "region", "65");
        assertThat(html).contains("data-chart-kind=\"progress\"", "全区两化融合发展指数达到68", "无法判断");
        Matcher chart = Pattern.compile("data-chart=\"([^\"]+)\"").matcher(html);
        assertThat(chart.find()).isTrue();
        String json = chart.group(1).replace("&quot;", "\"");
        assertThat(json).contains("\"observed\":[[2010,43.05],[2015,56.96],[2016,59.8]]", "\"path\":[[2015,56.96],[2020,68.0]]",
                "\"linear\":[[2016,59.8],[2020,", "\"compound\":[[2016,59.8]", "\"band\":[[2016,59.8],[2020,");
    }
}
