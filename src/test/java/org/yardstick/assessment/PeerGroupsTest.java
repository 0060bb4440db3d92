package org.yardstick.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.assessment.internal.Questionnaires;
import org.yardstick.region.Regions;
import org.yardstick.security.Accounts;
import org.yardstick.security.Role;

/**
 * The position among peers by industry, by prefecture and by size class separately, each under disclosure control,
 * with the dimension medians: in the API, on the page (radar chart data and its table) and in the PDF. Peers are
 * generated here (a test generator, not demo data) in an industry division (07) and a prefecture (6542, 塔城) few
 * other tests use; the size group is built to be dominated.
 */
@YardstickTest
@Transactional
class PeerGroupsTest {

    static final String PASSWORD = AssessmentFixtures.PASSWORD;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Regions regions;
    @Autowired Questionnaires questionnaires;
    @Autowired UserDetailsService details;
    @Autowired Accounts accounts;

    @AfterEach
    void back() {
        As.nobody();
    }

    private int serial;

    /** A generated enterprise with a submitted assessment whose every dimension scores its total. */
    private void peer(String county, String industry, String size, double total) {
        String code = AssessmentApiTest.code(String.format("92%s%09d", county, 700_000 + serial++).substring(0, 17));
        AssessmentFixtures.submitted(jdbc, questionnaires.latest().id(), regions.get(county).id(), code, industry, size,
                total, null, questionnaires.latest().questionnaire().dimensions().stream().map(d -> d.code()).toList());
    }

    private String enterpriseAccount() {
        return AssessmentFixtures.account(details, accounts, Role.ENTERPRISE, null, "xj-xinte-energy");
    }

    @Test
    void threePeerGroupsSeparatelyEachUnderDisclosureControl() throws Exception {
        // industry 07: six peers in Urumqi, medium-sized → published, 7 with the enterprise
        for (double t : new double[] {50, 60, 70, 80, 90, 95}) {
            peer("650102", "07", "MEDIUM", t);
        }
        // the prefecture 塔城: two peers → too few
        peer("654201", "39", "LARGE", 40);
        peer("654201", "39", "LARGE", 45);
        // micro enterprises: four of 1 point beside the enterprise's 85.8 → dominated
        for (int i = 0; i < 4; i++) {
            peer("650102", "39", "MICRO", 1);
        }

        String me = enterpriseAccount();
        mvc.perform(post("/api/v1/assessment/enterprise").with(httpBasic(me, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"creditCode\":\"" + AssessmentApiTest.code("91654201MA7X0007P") + "\",\"name\":\"塔城测试企业\","
                                + "\"regionCode\":\"654201\",\"industryCode\":\"0711\",\"sizeClass\":\"MICRO\"}"))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/v1/assessment/answers").with(httpBasic(me, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(AssessmentApiTest.ALL_ANSWERS)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/assessment/submit").with(httpBasic(me, PASSWORD))).andExpect(status().isOk());

        mvc.perform(get("/api/v1/assessment/result").with(httpBasic(me, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(85.8))
                .andExpect(jsonPath("$.peers[*].group").value(contains("INDUSTRY", "REGION", "SIZE")))
                .andExpect(jsonPath("$.peers[0].key").value("07"))
                .andExpect(jsonPath("$.peers[0].verdict").value("PUBLISHED"))
                .andExpect(jsonPath("$.peers[0].count").value(7))
                // 85.8 is above 50, 60, 70, 80 of the six others
                .andExpect(jsonPath("$.peers[0].percentile").value(66.7))
                // infrastructure: 50 60 65 70 80 90 95 → 70; integration: the enterprise 100 among 50…95 → 80
                .andExpect(jsonPath("$.peers[0].medians.infrastructure").value(70.0))
                .andExpect(jsonPath("$.peers[1].key").value("6542"))
                .andExpect(jsonPath("$.peers[1].verdict").value("TOO_FEW"))
                .andExpect(jsonPath("$.peers[1].count").doesNotExist())
                .andExpect(jsonPath("$.peers[1].percentile").doesNotExist())
                .andExpect(jsonPath("$.peers[2].key").value("MICRO"))
                .andExpect(jsonPath("$.peers[2].verdict").value("DOMINATED"))
                .andExpect(jsonPath("$.peers[2].medians").isEmpty());

        var u = details.loadUserByUsername(me);
        String zh = mvc.perform(get("/assessment/result").with(user(u)).param("lang", "zh")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("data-chart-kind=\"radar\"").contains("同行业（07）").contains("同地市（塔城地区）")
                .contains("同规模（微型）").contains("得分高于 66.7% 的同行").contains("不足 5 家，不公开")
                .contains("由一家企业主导，不公开").contains("中位数：同行业（07）")
                // the chart: the enterprise and the one published group's medians; the withheld groups are absent
                .contains("&quot;name&quot;:&quot;本企业&quot;").contains("&quot;name&quot;:&quot;中位数：同行业（07）&quot;")
                .doesNotContain("&quot;name&quot;:&quot;中位数：同规模");
        String en = mvc.perform(get("/assessment/result").with(user(u)).param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Same industry (07)").contains("Score above 66.7% of the peers")
                .contains("Dominated by one enterprise, not shown").contains("Fewer than 5, not shown");

        byte[] pdf = mvc.perform(get("/api/v1/assessment/result.pdf").with(httpBasic(me, PASSWORD)).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(d);
            assertThat(text).contains("Same industry (07)").contains("66.7").contains("Fewer than 5, not shown")
                    .contains("Dominated by one enterprise");
        }
    }
}
