package org.yardstick.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.observation.imports.FigureImports;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/**
 * The pages of data set authoring and bulk approval, in Chinese and English: a planner creates a data
 * set in the browser and back-fills a past period only with a reason, then retires it; a reviewer
 * approves every matching submission of 阿勒泰地区 (6543), which no other test uses, after a
 * confirmation that shows the count, instead of one by one.
 */
@YardstickTest
class DataSetAndBulkPagesTest {

    static final String PASSWORD = "Kq7#vLm2pX9w-Altay";
    static final List<String> COUNTIES = List.of("654301", "654321", "654322", "654323", "654324", "654325", "654326");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService details;
    @Autowired JdbcClient jdbc;
    @Autowired DataSets dataSets;
    @Autowired FigureImports imports;
    @Autowired Submissions submissions;

    String planner;
    String reporter;
    String reviewer;

    @BeforeEach
    void accountsAndACleanPrefecture() {
        for (String county : COUNTIES) {
            jdbc.sql("delete from observation where region_id = (select id from region where code = ?)").param(county).update();
            jdbc.sql("delete from submission where region_id = (select id from region where code = ?)").param(county).update();
        }
        planner = account("alt-planner", Role.PLANNER);
        reporter = account("alt-reporter", Role.REPORTER);
        reviewer = account("alt-reviewer", Role.REVIEWER);
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    private String account(String prefix, Role role) {
        String name = prefix + "-" + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        try {
            accounts.create(new NewAccount(name, "阿勒泰测试账号", PASSWORD, role, "6543", null, false), "admin");
        } finally {
            As.nobody();
        }
        return name;
    }

    /** The channels the audit trail records for an element's changes, once each. */
    private java.util.List<String> channels(String type, String key) {
        return jdbc.sql("select distinct new_value from audit_event where entity_type = ? and entity_key = ? and field = 'channel'")
                .params(type, key).query(String.class).list();
    }

    private MvcResult as(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(details.loadUserByUsername(who))).with(csrf())).andReturn();
    }

    private static MockHttpServletRequestBuilder form(String code, String windowPeriod, String reason) {
        return post("/collect/data-sets").param("code", code).param("nameZh", "阿勒泰地区信息化年报")
                .param("nameEn", "Altay informatization form").param("regionLevel", "COUNTY").param("periodType", "YEAR")
                .param("indicators", "BB_USERS\nFTTH_USERS?").param("regions", "6543").param("period", windowPeriod)
                .param("opensOn", "2026-01-01").param("closesOn", "2026-12-31").param("reason", reason);
    }

    @Test
    void aPlannerCreatesADataSetInTheBrowserBackFillsWithAReasonAndRetiresIt() throws Exception {
        String code = "alt-" + System.nanoTime() % 10_000_000;
        MvcResult bad = as(planner, form(code, "2021", "").param("indicators", "BB_USERS\nNOPE").param("lang", "en"));
        assertThat(bad.getResponse().getStatus()).isEqualTo(422);
        assertThat(bad.getResponse().getContentAsString()).contains("NOPE").contains("is not a known indicator code")
                .contains("opening a past period for back-filling needs a reason");
        assertThat(dataSets.find(code)).isEmpty();
        MvcResult zh = as(planner, form(code, "2021", ""));
        assertThat(zh.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("为补报开放往期需填写原因");

        MvcResult created = as(planner, form(code, "2025", ""));
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/collect/data-sets/" + code);
        assertThat(dataSets.get(code).items()).extracting(DataSet.Item::required).containsExactly(true, false);
        String page = as(planner, get("/collect/data-sets/" + code).param("lang", "en")).getResponse().getContentAsString();
        assertThat(page).contains("Altay informatization form").contains("window-form").contains("retire-form");
        assertThat(as(planner, get("/collect/data-sets")).getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(code).contains("新建数据集");

        MvcResult noReason = as(planner, post("/collect/data-sets/" + code + "/windows").param("period", "2023")
                .param("opensOn", "2026-06-01").param("closesOn", "2026-06-30"));
        assertThat(noReason.getResponse().getStatus()).isEqualTo(422);
        assertThat(noReason.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("为补报开放往期需填写原因");
        as(planner, post("/collect/data-sets/" + code + "/windows").param("period", "2023").param("opensOn", "2026-06-01")
                .param("closesOn", "2026-06-30").param("reason", "普查后补报"));
        assertThat(dataSets.get(code).window("2023")).hasValueSatisfying(w -> assertThat(w.reason()).isEqualTo("普查后补报"));
        // browser writes are audited with the channel form, as the framework's and the regions' forms are
        assertThat(channels("data_set", code)).containsExactly("form");
        assertThat(channels("data_set", code + "/2023")).containsExactly("form");

        // the reporter of a county may read it but not change it
        String readOnly = as(reporter, get("/collect/data-sets/" + code)).getResponse().getContentAsString();
        assertThat(readOnly).doesNotContain("retire-form").doesNotContain("window-form");
        assertThat(as(reporter, post("/collect/data-sets/" + code + "/retire").param("reason", "x")).getResponse().getStatus())
                .isEqualTo(403);

        assertThat(as(planner, post("/collect/data-sets/" + code + "/retire")).getResponse().getStatus()).isEqualTo(422);
        as(planner, post("/collect/data-sets/" + code + "/retire").param("reason", "并入新报表"));
        assertThat(dataSets.get(code).retired()).isTrue();
    }

    /** A new data set with a figure of each of Altay's seven counties for 2025, each county's submission submitted. */
    void sevenCountiesSubmitted(String code) throws Exception {
        as(planner, form(code, "2025", ""));
        StringBuilder csv = new StringBuilder("indicator,region,period,value\n");
        COUNTIES.forEach(c -> csv.append("BB_USERS,").append(c).append(",2025,").append(c.substring(4)).append('\n'));
        As.user(details, reporter);
        imports.importFile(code, "altay.csv", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        resubmit(code);
    }

    void resubmit(String code) {
        As.user(details, reporter);
        for (String c : COUNTIES) {
            Submission s = submissions.find(code, c, "2025").orElseThrow();
            submissions.submit(s.id(), s.version());
        }
        As.nobody();
    }

    @Test
    void aReviewerApprovesEveryMatchingSubmissionAfterAConfirmationThatShowsTheCount() throws Exception {
        String code = "alt-" + System.nanoTime() % 10_000_000;
        sevenCountiesSubmitted(code);

        String queue = as(reviewer, get("/review").param("dataSet", code).param("period", "2025").param("region", "6543"))
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(queue).contains("符合条件的待审核报送：7 份").contains("全部审核通过（7 份）");

        MvcResult confirm = as(reviewer, post("/review/bulk").param("dataSet", code).param("period", "2025")
                .param("region", "6543").param("lang", "en"));
        assertThat(confirm.getResponse().getContentAsString()).contains("7 submissions will be approved; 0 cannot")
                .contains("bulk-confirm-form");
        assertThat(submissions.find(code, "654301", "2025").orElseThrow().status()).isEqualTo(ObservationStatus.SUBMITTED);

        MvcResult done = as(reviewer, post("/review/bulk").param("dataSet", code).param("period", "2025")
                .param("region", "6543").param("confirm", "true"));
        assertThat(done.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("已审核通过 7 份报送");
        for (String c : COUNTIES) {
            assertThat(submissions.find(code, c, "2025").orElseThrow().status()).isEqualTo(ObservationStatus.APPROVED);
        }
        assertThat(channels("submission", code + "/654301/2025")).as("the approval in the page").containsExactly("form");
        MvcResult badPeriod = as(reviewer, post("/review/bulk").param("dataSet", code).param("period", "2025Q1"));
        assertThat(badPeriod.getResponse().getStatus()).isEqualTo(422);
    }

    @Test
    void aReviewerReopensAndReturnsEveryMatchingSubmissionWithAReasonAfterAConfirmation() throws Exception {
        String code = "alr-" + System.nanoTime() % 10_000_000;
        sevenCountiesSubmitted(code);
        as(reviewer, post("/review/bulk").param("dataSet", code).param("period", "2025").param("region", "6543")
                .param("confirm", "true"));

        String queue = as(reviewer, get("/review").param("dataSet", code).param("period", "2025").param("region", "6543")
                .param("lang", "en")).getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(queue).contains("Reopen all (7 approved)").contains("Return all (0 waiting for review)");

        // without a reason nothing happens, and the page names the field
        MvcResult noReason = as(reviewer, post("/review/bulk").param("dataSet", code).param("period", "2025")
                .param("region", "6543").param("action", "reopen").param("confirm", "true"));
        assertThat(noReason.getResponse().getStatus()).isEqualTo(422);
        assertThat(submissions.find(code, "654301", "2025").orElseThrow().status()).isEqualTo(ObservationStatus.APPROVED);

        MvcResult confirm = as(reviewer, post("/review/bulk").param("dataSet", code).param("period", "2025")
                .param("region", "6543").param("action", "reopen").param("reason", "统计口径调整后复核").param("lang", "en"));
        assertThat(confirm.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("7 approved submissions will be reopened").contains("bulk-confirm-form")
                .contains("name=\"action\" value=\"reopen\"").contains("统计口径调整后复核");
        assertThat(submissions.find(code, "654301", "2025").orElseThrow().status()).isEqualTo(ObservationStatus.APPROVED);

        MvcResult reopened = as(reviewer, post("/review/bulk").param("dataSet", code).param("period", "2025")
                .param("region", "6543").param("action", "reopen").param("reason", "统计口径调整后复核").param("confirm", "true"));
        assertThat(reopened.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("已重新打开 7 份报送");
        for (String c : COUNTIES) {
            assertThat(submissions.find(code, c, "2025").orElseThrow().status()).isNotEqualTo(ObservationStatus.APPROVED);
        }
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'submission' and action = 'reopen' "
                + "and reason = '统计口径调整后复核'").query(Long.class).single()).isGreaterThanOrEqualTo(7);

        // resubmitted, then returned in bulk with a reason
        resubmit(code);
        MvcResult returned = as(reviewer, post("/review/bulk").param("dataSet", code).param("period", "2025")
                .param("region", "6543").param("action", "return").param("reason", "请核对口径").param("confirm", "true")
                .param("lang", "en"));
        assertThat(returned.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("7 submissions returned");
        for (String c : COUNTIES) {
            assertThat(submissions.find(code, c, "2025").orElseThrow().status()).isEqualTo(ObservationStatus.RETURNED);
        }
    }
}
