package org.yardstick.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.framework.Targets;
import org.yardstick.ingestion.internal.Ingestion;
import org.yardstick.ingestion.internal.IngestionProblem;
import org.yardstick.shared.InputProblem;

/**
 * The review pages as a planner uses them: paste seed 002 (Inner Mongolia), accept the sure proposals,
 * commit a new plan, and find the hand-made demo's figures in it with their sentences; bad input and
 * bad commits store nothing.
 */
@YardstickTest
@Transactional
class IngestionPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Plans plans;
    @Autowired Targets targets;

    RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    long stored() {
        return jdbc.queryForObject("select (select count(*) from plan) + (select count(*) from target) "
                + "+ (select count(*) from observation) + (select count(*) from indicator) + (select count(*) from document)",
                Long.class);
    }

    MockHttpServletRequestBuilder decide(MockHttpSession session, int items, Set<Integer> accepted, String action) {
        MockHttpServletRequestBuilder r = post("/ingest/review").session(session).with(as("admin")).with(csrf())
                .param("action", action);
        accepted.forEach(i -> r.param("accept", Integer.toString(i)));
        return r;
    }

    @Test
    void aPlannerReadsSeed002ReviewsAndCommitsANewPlanMatchingTheDemo() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String text = GoldFigures.seed("002_f38d182d94fa755c");
        mvc.perform(post("/ingest").session(session).with(as("admin")).with(csrf()).param("text", text).param("region", "15"))
                .andReturn().getResponse().getRedirectedUrl().equals("/ingest/review");
        MvcResult page = mvc.perform(get("/ingest/review").session(session).with(as("admin"))).andReturn();
        String html = page.getResponse().getContentAsString();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(html).contains("核对提取结果").contains("id=\"d-0\"").contains("id=\"p-0\"").contains("VILLAGE_BB_RATE")
                .contains("2341Gbps").contains("分列：农村牧区（rural-pastoral）").contains("分列：城市（city）");
        assertThat(mvc.perform(get("/ingest/review").param("lang", "en").session(session).with(as("admin"))).andReturn()
                .getResponse().getContentAsString()).contains("Review the proposals").doesNotContain("核对提取结果");
        @SuppressWarnings("unchecked")
        List<org.yardstick.ingestion.internal.Decision> decisions = (List<org.yardstick.ingestion.internal.Decision>)
                page.getModelAndView().getModel().get("decisions");
        int n = decisions.size();
        // “accept the sure ones” ticks the proposals with a catalogue match and a stated year
        MvcResult sure = mvc.perform(withFields(decide(session, n, Set.of(), "sure"), decisions)).andReturn();
        assertThat(sure.getResponse().getRedirectedUrl()).isEqualTo("/ingest/review");
        long sureCount = decisions.stream().filter(d -> Ingestion.sure(d.item())).count();
        assertThat(mvc.perform(get("/ingest/review").session(session).with(as("admin"))).andReturn().getResponse()
                .getContentAsString()).contains("已接受 " + sureCount + " 条");
        assertThat(sureCount).isGreaterThan(n / 3);
        // the planner then accepts every figure and milestone, keeping codes and values as proposed
        Set<Integer> accepted = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (decisions.get(i).item().kind() != org.yardstick.ingestion.rules.ItemKind.TASK) {
                accepted.add(i);
            }
        }
        long before = stored();
        // nothing accepted: refused, nothing stored
        MvcResult none = mvc.perform(withFields(decide(session, n, Set.of(), "commit"), decisions)).andReturn();
        assertThat(none.getResponse().getStatus()).isEqualTo(422);
        assertThat(none.getResponse().getContentAsString()).contains("没有接受任何条目");
        assertThat(stored()).isEqualTo(before);
        // commit; items the import refuses (two figures of one indicator in a year, units that differ) are rejected and tried again
        MvcResult done = null;
        for (int round = 0; round < 6; round++) {
            done = mvc.perform(withFields(decide(session, n, accepted, "commit"), decisions)).andReturn();
            if (done.getResponse().getStatus() != 422) {
                break;
            }
            @SuppressWarnings("unchecked")
            List<InputProblem> problems = (List<InputProblem>) done.getModelAndView().getModel().get("problems");
            assertThat(stored()).isEqualTo(before);
            for (InputProblem p : problems) {
                if (p.kind() == IngestionProblem.CONFLICT) {
                    // two values for one figure: the planner rejects the one whose indicator and kind another item
                    // of the line holds with the first value (not every item of the line that has this number)
                    String other = String.valueOf(p.args().get(0));
                    for (int i : new ArrayList<>(accepted)) {
                        var d = decisions.get(i);
                        if (d.item().line() == p.line() && d.value() != null && d.value().toPlainString().equals(p.value())
                                && accepted.stream().map(decisions::get).anyMatch(o -> o != d && o.item().line() == p.line()
                                && o.value() != null && o.value().toPlainString().equals(other)
                                && o.indicatorCode().equals(d.indicatorCode()) && o.item().kind() == d.item().kind())) {
                            accepted.remove(i);
                        }
                    }
                    continue;
                }
                for (int i : new ArrayList<>(accepted)) {
                    var item = decisions.get(i).item();
                    if (item.line() == p.line() && (p.value() == null || p.value().isEmpty()
                            || item.value() != null && p.value().equals(item.value().toPlainString())
                            || p.value().equals(decisions.get(i).indicatorCode())
                            || item.sentence().startsWith(p.value().replace("…", "")))) {
                        accepted.remove(i);
                    }
                }
            }
        }
        assertThat(done.getResponse().getStatus()).isEqualTo(200);
        assertThat(done.getResponse().getContentAsString()).contains("规划已提交").contains("plans/nm-ingested.yaml");
        // the committed plan against the hand-made demo plan of the same document
        List<Target> demo = targets.ofPlan(plans.get("nm-info-13fyp")).stream()
                .filter(t -> t.kind() != TargetKind.MILESTONE).toList();
        List<Target> mine = targets.ofPlan(plans.get("nm-ingested"));
        long found = demo.stream().filter(d -> mine.stream().anyMatch(m -> m.targetYear() == d.targetYear()
                && same(m.value(), d.value()) && m.source() != null && d.source() != null
                && m.source().quote().contains(d.source().quote().replace("……", "").replaceFirst("^[-—]+", "").substring(0, 8)))).count();
        System.out.printf("seed 002 committed: %d of %d demo targets found with value, year and sentence%n", found, demo.size());
        // the reported figures (baselines, changes, growth rates) of the hand-made demo, as its gold file lists them,
        // against what the planner committed: indicator code, year and value
        List<GoldFigures.Gold> reported = GoldFigures.gold("002_f38d182d94fa755c", text).stream()
                .filter(g -> !g.kind().equals("milestone") && !g.kind().startsWith("target") && !g.kind().equals("count")
                        && !g.kind().equals("comparator")).toList();
        long reportedFound = reported.stream().filter(g -> accepted.stream().map(decisions::get).anyMatch(d ->
                g.indicator().equals(d.indicatorCode()) && d.year() != null && d.year() == g.year()
                        && same(d.value(), g.value()))).count();
        System.out.printf("seed 002 committed: %d of %d demo reported figures found with code, value and year%n",
                reportedFound, reported.size());
        double ratio = (double) (found + reportedFound) / (demo.size() + reported.size());
        System.out.printf("seed 002 committed: %.3f of the demo's figures (targets and reported)%n", ratio);
        // measured 2026-12-05 (wave 3): 43 of 45 = 0.956 (28户企业 matched to another indicator; the rural access speed,
        // 4Mbps, refused as a second value beside the urban 20Mbps); wave 4: 45 of 45 (what a list holds is counted,
        // 城市…，农村牧区… are the city and rural-pastoral figures of one indicator)
        assertThat((double) found / demo.size()).isGreaterThanOrEqualTo(0.95);
        assertThat(ratio).isGreaterThanOrEqualTo(0.95);
        long observations = jdbc.queryForObject("select count(*) from observation_source s join document d on d.id = s.document_id "
                + "where d.code = 'nm-ingested-doc'", Long.class);
        // the demo already holds most of the seed's reported figures (same values: not written twice); the rest are new
        System.out.printf("seed 002 committed: %d reported figures new to the platform%n", observations);
        assertThat(observations).isGreaterThanOrEqualTo(1);
        String planPage = mvc.perform(get("/plans/nm-ingested")).andReturn().getResponse().getContentAsString();
        assertThat(planPage).contains("互联网省际出口带宽达到9000Gbps");
    }

    private MockHttpServletRequestBuilder withFields(MockHttpServletRequestBuilder r,
                                                     List<org.yardstick.ingestion.internal.Decision> decisions) {
        for (int i = 0; i < decisions.size(); i++) {
            var d = decisions.get(i);
            r.param("code_" + i, d.indicatorCode()).param("name_" + i, d.indicatorName())
                    .param("value_" + i, d.value() == null ? "" : d.value().toPlainString())
                    .param("high_" + i, d.valueHigh() == null ? "" : d.valueHigh().toPlainString())
                    .param("unit_" + i, d.unit()).param("year_" + i, d.year() == null ? "" : d.year().toString());
        }
        return r.param("planCode", "nm-ingested").param("nameZh", "内蒙古自治区“十三五”信息化发展规划（导入）")
                .param("nameEn", "Inner Mongolia 13th Five-Year Informatization Plan (ingested)").param("region", "15")
                .param("startYear", "2016").param("endYear", "2020").param("baselineYear", "2015")
                .param("documentCode", "nm-ingested-doc").param("issuer", "内蒙古自治区人民政府").param("issued", "2017-02-11");
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Test
    void badInputAndBadEditsStoreNothing() throws Exception {
        long before = stored();
        MvcResult empty = mvc.perform(post("/ingest").with(as("planner")).with(csrf()).param("text", "   ")).andReturn();
        assertThat(empty.getResponse().getStatus()).isEqualTo(422);
        assertThat(empty.getResponse().getContentAsString()).contains("没有文字内容").contains("未能读取该文件");
        MvcResult emptyEn = mvc.perform(post("/ingest").param("lang", "en").with(as("planner")).with(csrf()).param("text", ""))
                .andReturn();
        assertThat(emptyEn.getResponse().getContentAsString()).contains("holds no text");
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/ingest").session(session).with(as("admin")).with(csrf())
                .param("text", "到2020年，行政村通宽带比例达到98%以上。").param("region", "65"));
        MvcResult bad = mvc.perform(post("/ingest/review").session(session).with(as("admin")).with(csrf())
                .param("action", "commit").param("accept", "0").param("value_0", "九十八").param("year_0", "2020")
                .param("code_0", "VILLAGE_BB_RATE")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(422);
        assertThat(bad.getResponse().getContentAsString()).contains("九十八").contains("不是数字");
        MvcResult unit = mvc.perform(post("/ingest/review").session(session).with(as("admin")).with(csrf())
                .param("action", "commit").param("accept", "0").param("value_0", "98").param("year_0", "2020")
                .param("unit_0", "亿元").param("code_0", "VILLAGE_BB_RATE").param("planCode", "x-plan").param("nameZh", "某规划")
                .param("nameEn", "A plan").param("region", "65").param("documentCode", "x-doc").param("issuer", "某政府")).andReturn();
        assertThat(unit.getResponse().getStatus()).isEqualTo(422);
        assertThat(unit.getResponse().getContentAsString()).contains("单位为 亿元");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void reportersMayNotAndPlannersOnlyInTheirRegion() throws Exception {
        assertThat(mvc.perform(get("/ingest").with(as("reporter"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/ingest").with(as("planner")).with(csrf()).param("text", "到2020年，宽带用户达到200万户。")
                .param("region", "15")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/ingest").with(as("planner"))).andReturn().getResponse().getContentAsString())
                .contains("读取规划文本").contains("value=\"65\"");
    }
}
