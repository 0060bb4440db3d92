package org.yardstick.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.observation.Submission;
import org.yardstick.observation.Submissions;
import org.yardstick.observation.internal.ObservationEditor;

/**
 * A collected figure's 出处 is its provenance line (issue 15 item 8): the reporting region, the reviewer's
 * region and the day of approval, in both languages; the audit trail shows that approval by name.
 */
@YardstickTest
class ProvenanceTest {

    static final String COUNTY = "652302"; // 阜康市, a county no other test writes in

    @Autowired ObservationEditor editor;
    @Autowired Submissions submissions;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService accounts;

    @BeforeEach
    void clear() {
        jdbc.sql("delete from observation where region_id = (select id from region where code = ?) and submission_id is not null")
                .param(COUNTY).update();
        jdbc.sql("delete from submission where region_id = (select id from region where code = ?)").param(COUNTY).update();
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    static ObservationEditor.Entry entry(String indicator, String value) {
        return new ObservationEditor.Entry("form", 0, indicator, value, "", null, null);
    }

    @Test
    void anApprovedFigureSaysWhoReportedAndWhoApprovedIt() throws Exception {
        As.user(accounts, "planner");
        var saved = editor.save("xj-county-info", COUNTY, "2025", List.of(entry("BB_USERS", "25.3"), entry("FTTH_USERS", "20"),
                entry("MOBILE_INTERNET_USERS", "50"), entry("INTERNET_PORTS", "30")));
        Submission s = submissions.submit(saved.submission().id(), saved.submission().version());
        As.user(accounts, "reviewer-xj");
        submissions.approve(s.id(), s.version());
        As.nobody();

        String zh = mvc.perform(get("/regions/" + COUNTY).param("lang", "zh")).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("由阜康市填报，新疆维吾尔自治区审核，2026-06-01");
        String en = mvc.perform(get("/regions/" + COUNTY).param("lang", "en")).andReturn().getResponse().getContentAsString();
        assertThat(en).containsPattern("reported by [^<]+, approved by [^<]+, 2026-06-01").doesNotContain("由阜康市填报");
    }
}
