package org.yardstick.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.security.Accounts;
import org.yardstick.security.Role;

/** The diagnosis report as PDF, in Chinese and English, for the enterprise itself and no one outside its region. */
@YardstickTest
@Transactional
class DiagnosisPdfTest {

    static final String PASSWORD = AssessmentFixtures.PASSWORD;

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService details;
    @Autowired Accounts accounts;

    @AfterEach
    void back() {
        As.nobody();
    }

    private String account(Role role, String region, String organisation) {
        return AssessmentFixtures.account(details, accounts, role, region, organisation);
    }

    private static String text(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void theEnterpriseDownloadsItsDiagnosisInBothLanguages() throws Exception {
        String me = account(Role.ENTERPRISE, null, "xj-xinte-energy");
        String code = AssessmentApiTest.code("91650102MA7X0003U");
        // no enterprise registered yet: refused, naming why
        mvc.perform(get("/api/v1/assessment/result.pdf").with(httpBasic(me, PASSWORD)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/assessment/enterprise").with(httpBasic(me, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"creditCode\":\"" + code + "\",\"name\":\"新特能源股份有限公司\",\"regionCode\":\"650102\","
                                + "\"industryCode\":\"3985\",\"sizeClass\":\"LARGE\",\"aboveScale\":true}"))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/v1/assessment/answers").with(httpBasic(me, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(AssessmentApiTest.ALL_ANSWERS)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/assessment/submit").with(httpBasic(me, PASSWORD))).andExpect(status().isOk());

        byte[] zh = mvc.perform(get("/api/v1/assessment/result.pdf").with(httpBasic(me, PASSWORD))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        String zhText = text(zh);
        assertThat(zhText).contains("两化融合自评估诊断报告").contains("基础建设").contains("85.8").contains("新特能源股份有限公司");
        byte[] en = mvc.perform(get("/api/v1/assessment/result.pdf").with(httpBasic(me, PASSWORD))
                        .param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(en)).contains("Self-assessment diagnosis report").contains("Infrastructure").contains("85.8");

        // the page's link gives the same report
        mvc.perform(get("/assessment/result.pdf").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                                details.loadUserByUsername(me)))).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
        // another region's reviewer may not read it by its id
        long id = Long.parseLong(com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/assessment/mine")
                .with(httpBasic(me, PASSWORD))).andReturn().getResponse().getContentAsString(), "$.id").toString());
        String stranger = account(Role.REVIEWER, "6502", null);
        mvc.perform(get("/api/v1/assessment/" + id + "/diagnosis.pdf").with(httpBasic(stranger, PASSWORD)))
                .andExpect(status().isForbidden());
        String reviewer = account(Role.REVIEWER, "65", null);
        mvc.perform(get("/api/v1/assessment/" + id + "/diagnosis.pdf").with(httpBasic(reviewer, PASSWORD)))
                .andExpect(status().isOk());
    }
}
