package org.yardstick.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.observation.ObservationFiles;
import org.yardstick.region.Regions;

/**
 * The public index pages in Chinese and English — the 两化融合 index as the seeds publish it, and an
 * index computed from approved figures — and the editor, which only planners and administrators reach.
 */
@YardstickTest
@Transactional
class IndexPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired FrameworkFiles frameworkFiles;
    @Autowired ObservationFiles observationFiles;
    @Autowired IndexDefinitions definitions;
    @Autowired IndexResults results;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    GeneratedIndexData generated() {
        return GeneratedIndexData.load(7, false, regions, frameworkFiles, observationFiles, definitions);
    }

    long versions(String code) {
        return jdbc.sql("select count(*) from index_definition_version v join index_definition d on d.id = v.definition_id "
                + "where d.code = ?").param(code).query(Long.class).single();
    }

    @Test
    void theListNamesTheSeedsIndicesInBothLanguages() throws Exception {
        mvc.perform(get("/indices")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("两化融合发展指数"), containsString("信息化发展总指数"), containsString("仅有公布值"),
                containsString("href=\"/indices\""), containsString(">指数<"))));
        mvc.perform(get("/indices").param("lang", "en")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Integration of Informatization and Industrialization Index"),
                containsString("Published figures only"), not(containsString("仅有公布值")))));
    }

    @Test
    void theIntegrationIndexShowsItsPublishedFiguresAndWhyItIsNotComputed() throws Exception {
        mvc.perform(get("/indices/IIDI")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("公布的数值"), containsString("43.05"), containsString("56.96"), containsString("59.8"),
                containsString("发展总指数从2010年的43.05提升到2015年的56.96"),
                containsString("自治区“两化”融合发展总指数从2010年的43.05提升到2016年的59.8"),
                containsString("18.87"), containsString("13.03"), containsString("10.34"),
                containsString("公布的各分指数变化之和为 42.24，而总指数变化了 13.91"), containsString("权重没有公布"),
                containsString("基础环境"), containsString("工业应用"), containsString("应用效益"),
                containsString("权重未公布"), containsString("构成未公布"), containsString("由公布值计算"),
                containsString("为什么不计算该指数"), containsString("data-chart-kind=\"series\""),
                containsString("data-chart-kind=\"bars\""), not(containsString("计算结果")))));
    }

    @Test
    void theIntegrationIndexInEnglish() throws Exception {
        mvc.perform(get("/indices/IIDI").param("lang", "en")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Published figures"), containsString("Infrastructure and environment"),
                containsString("weight not published"), containsString("components not published"),
                containsString("add up to 42.24, while the total changed by 13.91"),
                containsString("Why this index is not computed"), containsString("59.8"),
                not(containsString("权重未公布")), not(containsString("公布的数值")), not(containsString("为什么不计算")))));
    }

    @Test
    void theInformatizationIndexShowsItsPublishedLevelsAndChange() throws Exception {
        mvc.perform(get("/indices/IDI")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("40.12"), containsString("70.2"), containsString("30.08"), containsString("构成未公布"),
                containsString("信息化发展总指数从2010年的40.12提升到2015年的70.2"))));
    }

    @Test
    void aComputedIndexShowsScoresRanksComparisonDecompositionAndContributions() throws Exception {
        GeneratedIndexData data = generated();
        IndexResult result = results.compute(definitions.get(data.code)).result();
        int root = result.tree().aggregateIndex(data.code);
        int last = result.scores().periodCount() - 1;
        int best = -1;
        for (int u = 0; u < result.scores().unitCount(); u++) {
            if (result.rank(root, u, last) == 1) {
                best = u;
            }
        }
        String bestScore = String.format(Locale.ROOT, "%.2f", result.scores().value(root, best, last));
        String bestName = regions.get(result.scores().units().get(best)).name().zh();
        mvc.perform(get("/indices/" + data.code)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("计算结果"), containsString("计算值"), containsString("2018年各地区比较"),
                containsString("data-chart-kind=\"bars\""), containsString("data-chart-kind=\"waterfall\""),
                containsString("id=\"ranking\""), containsString(bestName), containsString(bestScore),
                containsString("（第1名）"), containsString("得分变化的分解"), containsString("各组成部分对得分的贡献"),
                containsString("分项一"), containsString("权重 2（占同级 66.67%）"), containsString("逆向指标"),
                containsString("计算2018年的排名区间"), not(containsString("公布的数值")))));
        mvc.perform(get("/indices/" + data.code).param("lang", "en").param("period", "2016").param("from", "2016")
                        .param("to", "2017")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Computed results"), containsString("Regional comparison, 2016"),
                containsString("Decomposition of a change in score"), containsString("weight 2 (66.67% of its level)"),
                not(containsString("计算结果")))));
        mvc.perform(get("/indices/" + data.code + "/uncertainty").param("period", "2018")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("5%—95% 区间"), containsString(bestName),
                        containsString("共计算 600 次"))));
    }

    @Test
    void anUnknownIndexIsA404InTheUsersLanguage() throws Exception {
        mvc.perform(get("/indices/NOPE").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("没有代码为“NOPE”的指数")));
    }

    @Test
    void historyAndVersionsArePublic() throws Exception {
        mvc.perform(get("/indices/IIDI/history")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("版本历史"), containsString("indices/iidi.yaml"))));
        mvc.perform(get("/indices/IIDI/versions/1")).andExpect(status().isOk())
                .andExpect(content().string(containsString("weight: unpublished")));
    }

    @Test
    void onlyPlannersAndAdministratorsReachTheEditor() throws Exception {
        mvc.perform(get("/indices/IIDI/edit")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/indices/new")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/indices/IIDI/edit").with(as("reporter"))).andExpect(status().isForbidden());
        mvc.perform(get("/indices/IIDI/edit").with(as("planner"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("code: IIDI"), containsString("name=\"version\" value=\"1\""))));
        mvc.perform(get("/indices/new").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("NEW_INDEX")));
        mvc.perform(get("/indices/IIDI")).andExpect(content().string(not(containsString("/indices/IIDI/edit"))));
        mvc.perform(get("/indices/IIDI").with(as("planner"))).andExpect(content().string(containsString("/indices/IIDI/edit")));

        String yaml = IndexDefinitionsTest.valid("TPERM" + System.nanoTime() % 1_000_000, "1");
        mvc.perform(post("/indices/save").with(csrf()).param("yaml", yaml).param("version", "0"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/indices/save").with(csrf()).with(as("reporter")).param("yaml", yaml).param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/indices/check").with(csrf()).with(as("reporter")).param("yaml", yaml))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from index_definition where code like 'TPERM%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void checkingListsEveryProblemWithItsLineAndField() throws Exception {
        String yaml = """
                index: {code: TCHECK, name_zh: 测试, name_en: Test}
                regions: {scope: "65", level: prefecture}
                aggregates:
                  - {code: ROOT, name_zh: 总, name_en: Total}
                indicators:
                  - {code: NO_SUCH_INDICATOR, name_zh: 甲, name_en: A, parent: ROOT, weight: -1}
                """;
        mvc.perform(post("/indices/check").with(csrf()).with(as("planner")).param("yaml", yaml)
                        .header("HX-Request", "true")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("发现 2 个问题"), containsString("第 6 行"),
                        containsString("indicators[1]"), containsString("权重 -1 为负数"), not(containsString("<html")))));
        mvc.perform(post("/indices/check").with(csrf()).with(as("planner")).param("yaml", yaml).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("2 problem(s) found"),
                        containsString("line 6"), containsString("weight -1 is negative"))));
        mvc.perform(post("/indices/check").with(csrf()).with(as("planner"))
                        .param("yaml", IndexDefinitionsTest.valid("TCHECK", "1")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("没有发现问题")));
    }

    @Test
    void savingMakesAVersionOnlyWhenValidAndNamesAConflict() throws Exception {
        String code = "TSAVE" + System.nanoTime() % 1_000_000;
        mvc.perform(post("/indices/save").with(csrf()).with(as("planner")).param("version", "0")
                        .param("yaml", IndexDefinitionsTest.valid(code, "-2")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("第 6 行"), containsString("权重 -2 为负数"),
                        containsString("weight: -2"))));
        assertThat(jdbc.sql("select count(*) from index_definition where code = ?").param(code).query(Long.class).single())
                .isZero();

        mvc.perform(post("/indices/save").with(csrf()).with(as("planner")).param("version", "0").param("note", "first")
                        .param("yaml", IndexDefinitionsTest.valid(code, "1")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/indices/" + code));
        mvc.perform(post("/indices/save").with(csrf()).with(as("admin")).param("editing", code).param("version", "1")
                        .param("yaml", IndexDefinitionsTest.valid(code, "2")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/indices/save").with(csrf()).with(as("planner")).param("editing", code).param("version", "1")
                        .param("yaml", IndexDefinitionsTest.valid(code, "3")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("没有保存：你编辑的是第 1 版，但 admin 已于"),
                        containsString("保存了第 2 版"), containsString("weight: 3"),
                        containsString("/indices/" + code + "/versions/2"))));
        assertThat(versions(code)).isEqualTo(2);
        mvc.perform(post("/indices/save").with(csrf()).with(as("planner")).param("editing", code).param("version", "1")
                        .param("rebase", "2").param("yaml", IndexDefinitionsTest.valid(code, "3")))
                .andExpect(status().is3xxRedirection());
        assertThat(versions(code)).isEqualTo(3);
    }
}
