package org.yardstick.publish;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;

/** The public pages render the seed plans, in Chinese by default and in English on request. */
@YardstickTest
class PagesTest {

    @Autowired MockMvc mvc;

    @Test
    void homeListsThePlansAndRegionsInChinese() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(view().name("publish/home"))
                .andExpect(content().string(allOf(containsString("lang=\"zh-CN\""),
                        containsString("新疆维吾尔自治区国民经济和社会发展信息化“十三五”规划"),
                        containsString("内蒙古自治区"), containsString("新疆生产建设兵团"))));
    }

    @Test
    void planPageShowsTheIntegrationIndexWithBaselineTargetAndStatus() throws Exception {
        mvc.perform(get("/plans/xj-info-13fyp")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("两化融合发展总指数"), containsString("56.96"),
                        containsString("59.80"), containsString("全区两化融合发展指数达到68"), containsString("无法判断"),
                        containsString("天山云谷"), containsString("无法判断（最新数据为"), containsString("数据过时"), containsString("发展基础与面临形势"),
                        containsString("光缆总长度"))));
    }

    @Test
    void planPageInEnglishHasEnglishNamesAndNoChineseInterfaceText() throws Exception {
        mvc.perform(get("/plans/xj-info-13fyp").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"en\""), containsString("Baseline"),
                        containsString("cannot be judged"), not(containsString("进展顺利")), not(containsString(">基期值<")))));
    }

    @Test
    void theLanguageChoiceIsRemembered() throws Exception {
        mvc.perform(get("/plans").cookie(new Cookie("yardstick-lang", "en"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Plan period")));
    }

    @Test
    void tasksShowTheirLeadUnit() throws Exception {
        mvc.perform(get("/plans/xj-mfg-internet-2017")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("牵头单位"), containsString("自治区科技厅"))));
    }

    @Test
    void indicatorPageHasAChartAndTheQuotes() throws Exception {
        mvc.perform(get("/indicators/IIDI").param("region", "65")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-chart="), containsString("56.96"),
                        containsString("发展总指数从2010年的43.05提升到2015年的56.96"))));
    }

    @Test
    void regionPageListsEveryFigureOfTheRegion() throws Exception {
        mvc.perform(get("/regions/XJBT")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("97.5"), containsString("连队宽带通达率达到97.5%"))));
        mvc.perform(get("/regions/65")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("乌鲁木齐市"), containsString("322.6"))));
    }

    @Test
    void unknownCodesAndUrlsGiveA404PageInTheUsersLanguage() throws Exception {
        mvc.perform(get("/plans/no-such-plan").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("没有代码为“no-such-plan”的规划")));
        mvc.perform(get("/regions/XX").param("lang", "en").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no region with code")));
        mvc.perform(get("/indicators/NOPE").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Exception"))));
    }
}
