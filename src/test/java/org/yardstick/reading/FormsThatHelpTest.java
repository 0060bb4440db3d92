package org.yardstick.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Forms that help (issue 15 item 5): the error banner lists every problem, each linked to its field (never
 * a count above an empty list); the live check cancels a request a newer one overtakes; the review of a
 * resubmission shows each changed value beside the value it had when it was returned.
 */
@YardstickTest
class FormsThatHelpTest {

    static final String COUNTY = "652301"; // 昌吉市, a county no other test writes in
    static final String REVIEWED = "652302"; // 阜康市, reviewed by the Xinjiang reviewer (ProvenanceTest writes there too, clearing first)
    static final String FORM = "/collect/xj-county-info/" + COUNTY + "/2025";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired ObservationEditor editor;
    @Autowired Submissions submissions;

    @BeforeEach
    void clear() {
        for (String county : List.of(COUNTY, REVIEWED)) {
            jdbc.sql("delete from observation where region_id = (select id from region where code = ?) and submission_id is not null")
                    .param(county).update();
            jdbc.sql("delete from submission where region_id = (select id from region where code = ?)").param(county).update();
        }
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    @Test
    void theBannerListsEveryProblemWithALinkToItsField() throws Exception {
        var planner = user(accounts.loadUserByUsername("planner"));
        for (String lang : List.of("zh", "en")) {
            String html = mvc.perform(post(FORM).param("lang", lang).with(planner).with(csrf())
                            .param("value.BB_USERS", "十二").param("value.FTTH_USERS", "abc"))
                    .andReturn().getResponse().getContentAsString();
            Matcher banner = Pattern.compile("(?s)<ul class=\"mb-0 ys-problem-list\">(.*?)</ul>").matcher(html);
            assertThat(banner.find()).as(lang).isTrue();
            String list = banner.group(1);
            assertThat(Pattern.compile("<li>").matcher(list).results().count()).as(lang).isEqualTo(2);
            assertThat(list).contains("href=\"#value-BB_USERS\"", "href=\"#value-FTTH_USERS\"");
            // the problems name the indicators, not their codes
            assertThat(list).doesNotContain(">BB_USERS", "FTTH_USERS：", "FTTH_USERS:");
            // the links lead somewhere: the inputs have those ids
            assertThat(html).contains("id=\"value-BB_USERS\"", "id=\"value-FTTH_USERS\"");
        }
    }

    @Test
    void theLiveCheckReplacesARequestANewerOneOvertakes() throws Exception {
        String html = mvc.perform(get(FORM).with(user(accounts.loadUserByUsername("planner"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("hx-sync=\"this:replace\"");
    }

    static ObservationEditor.Entry entry(String indicator, String value, Integer version) {
        return new ObservationEditor.Entry("form", 0, indicator, value, "", null, version);
    }

    @Test
    void aResubmissionIsReviewedAgainstTheValuesAsReturned() throws Exception {
        As.user(accounts, "planner");
        var saved = editor.save("xj-county-info", REVIEWED, "2025", List.of(entry("BB_USERS", "10", null),
                entry("FTTH_USERS", "5", null), entry("MOBILE_INTERNET_USERS", "50", null), entry("INTERNET_PORTS", "30", null)));
        Submission s = submissions.submit(saved.submission().id(), saved.submission().version());
        As.user(accounts, "reviewer-xj");
        String before = mvc.perform(get("/review/" + s.id()).with(user(accounts.loadUserByUsername("reviewer-xj"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(before).doesNotContain("退回时为");
        As.user(accounts, "reviewer-xj"); // a request of MockMvc leaves the thread signed out
        Submission returned = submissions.returnToReporter(s.id(), s.version(), "宽带用户数请核实");
        As.user(accounts, "planner");
        int version = jdbc.sql("select o.version from observation o join indicator i on i.id = o.indicator_id where o.submission_id = ? and i.code = 'BB_USERS'")
                .param(s.id()).query(Integer.class).single();
        editor.save("xj-county-info", REVIEWED, "2025", List.of(entry("BB_USERS", "11", version)));
        Submission again = submissions.get(returned.id());
        submissions.submit(again.id(), again.version());
        As.nobody();

        var reviewer = user(accounts.loadUserByUsername("reviewer-xj"));
        String zh = mvc.perform(get("/review/" + s.id()).with(reviewer)).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("退回时为 10", "退回后修改了 1 个数值").doesNotContain("退回时为 5", "退回时为 50");
        String en = mvc.perform(get("/review/" + s.id()).param("lang", "en").with(reviewer)).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("was 10 when returned");
    }
}
