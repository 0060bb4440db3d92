package org.yardstick.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.audit.AuditEvent;
import org.yardstick.audit.AuditTrail;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/**
 * Per-value reviewer comments (issue 15 item 5): a reviewer returns a submission with a comment on one
 * value, on the review page or through the API; the reporter reads it beside that field of the form; the
 * comment is audited; a comment on an indicator outside the data set, or too long, refuses the whole
 * return and changes nothing. Works in 吉木萨尔县 (652327), which no other test uses.
 */
@YardstickTest
class ValueCommentsTest {

    static final String DS = "xj-county-info";
    static final String COUNTY = "652327";
    static final String FORM = "/collect/" + DS + "/" + COUNTY + "/2025";
    static final String PASSWORD = "Panel-7#qTz-Analyse-2026";

    @Autowired MockMvc mvc;
    @Autowired ObservationEditor editor;
    @Autowired Submissions submissions;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService details;
    @Autowired Accounts accounts;

    @BeforeEach
    void clear() {
        jdbc.sql("delete from observation where region_id = (select id from region where code = ?) and submission_id is not null")
                .param(COUNTY).update();
        jdbc.sql("delete from submission where region_id = (select id from region where code = ?)").param(COUNTY).update();
    }

    @AfterEach
    void nobody() {
        clear();
        As.nobody();
    }

    String reporter;
    String reviewer;

    /** A fresh account, as other tests make theirs: a name of its own, a strong password. */
    String account(String prefix, Role role, String region) {
        String name = prefix + "-" + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        try {
            accounts.create(new NewAccount(name, "吉木萨尔县测试账号", PASSWORD, role, region, null, false), "admin");
        } finally {
            As.nobody();
        }
        return name;
    }

    RequestPostProcessor as(String username) {
        return user(details.loadUserByUsername(username));
    }

    Submission submitted() {
        reporter = account("jms-reporter", Role.REPORTER, COUNTY);
        reviewer = account("cj-reviewer", Role.REVIEWER, "6523");
        As.user(details, reporter);
        ObservationEditor.Outcome o = editor.save(DS, COUNTY, "2025", List.of(
                new ObservationEditor.Entry("form", 0, "BB_USERS", "100", "", null, null),
                new ObservationEditor.Entry("form", 0, "FTTH_USERS", "40", "", null, null),
                new ObservationEditor.Entry("form", 0, "MOBILE_INTERNET_USERS", "50", "", null, null),
                new ObservationEditor.Entry("form", 0, "INTERNET_PORTS", "30", "", null, null)));
        Submission s = submissions.submit(o.submission().id(), o.submission().version());
        As.nobody();
        return s;
    }

    @Test
    void aReviewerCommentsOnOneValueAndTheReporterReadsItBesideThatField() throws Exception {
        Submission s = submitted();
        mvc.perform(get("/review/" + s.id()).with(as("reviewer-xj"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("逐项意见"), containsString("name=\"comment.FTTH_USERS\""),
                        containsString("form=\"return-form\""), containsString("id=\"return-form\""))));
        mvc.perform(post("/review/" + s.id() + "/return").with(as("reviewer-xj")).with(csrf())
                        .param("version", Integer.toString(s.version())).param("reason", "请核对光纤用户")
                        .param("comment.FTTH_USERS", "光纤用户数与去年相比翻倍，请核对").param("comment.BB_USERS", " "))
                .andExpect(status().is3xxRedirection());
        assertThat(submissions.get(s.id()).status()).isEqualTo(ObservationStatus.RETURNED);
        Map<String, ValueComment> stored = submissions.valueComments(s.id());
        assertThat(stored).containsOnlyKeys("FTTH_USERS");
        assertThat(stored.get("FTTH_USERS").author()).isEqualTo("reviewer-xj");

        // the reporter sees it beside that field, in both languages, with the reviewer's name
        mvc.perform(get(FORM).with(as(reporter))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"review-comment-FTTH_USERS\""),
                        containsString("光纤用户数与去年相比翻倍，请核对"), containsString("自治区审核人"),
                        not(containsString("id=\"review-comment-BB_USERS\"")))));
        mvc.perform(get(FORM).param("lang", "en").with(as(reporter))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Reviewer ")));
        // the review page shows it read-only now
        mvc.perform(get("/review/" + s.id()).with(as("reviewer-xj")))
                .andExpect(content().string(allOf(containsString("光纤用户数与去年相比翻倍"), not(containsString("name=\"comment.FTTH_USERS\"")))));

        // audited: who, what, why
        List<AuditEvent> all = audit.history("submission", s.id()).stream().filter(e -> e.action().equals("value-comment")).toList();
        // made in the page: the trail says so (channel form), beside the comment itself
        assertThat(all).filteredOn(e -> e.field().equals("channel")).extracting(AuditEvent::newValue).containsExactly("form");
        List<AuditEvent> rows = all.stream().filter(e -> !e.field().equals("channel")).toList();
        assertThat(rows).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("comment.FTTH_USERS");
            assertThat(e.newValue()).isEqualTo("光纤用户数与去年相比翻倍，请核对");
            assertThat(e.actor()).isEqualTo("reviewer-xj");
            assertThat(e.reason()).isEqualTo("请核对光纤用户");
        });
    }

    @Test
    void aCommentOnAnIndicatorOutsideTheDataSetOrTooLongRefusesTheWholeReturn() throws Exception {
        Submission s = submitted();
        mvc.perform(post("/review/" + s.id() + "/return").with(as("reviewer-xj")).with(csrf())
                        .param("version", Integer.toString(s.version())).param("reason", "请核对")
                        .param("comment.FTTH_USERS", "好").param("comment.NO_SUCH", "x").param("comment.BB_USERS", "长".repeat(1001)))
                .andExpect(status().is3xxRedirection());
        assertThat(submissions.get(s.id()).status()).isEqualTo(ObservationStatus.SUBMITTED);
        assertThat(submissions.valueComments(s.id())).isEmpty();
        // the page says which field and why, and keeps what was typed
        mvc.perform(get("/review/" + s.id()).with(as("reviewer-xj"))
                        .flashAttr("problems", List.of()).flashAttr("typedComments", Map.of("FTTH_USERS", "好")))
                .andExpect(content().string(containsString("value=\"好\"")));

        // the API: 422 naming each field, nothing stored
        mvc.perform(post("/api/v1/submissions/" + s.id() + "/return").with(httpBasic(reviewer, PASSWORD))
                        .param("reason", "请核对").param("comment.NO_SUCH", "x").param("comment.BB_USERS", "长".repeat(1001))
                        .param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[?(@.field == 'comment.NO_SUCH')].code").value("collection.not-in-data-set"))
                .andExpect(jsonPath("$.problems[?(@.field == 'comment.BB_USERS')].code").value("collection.comment-too-long"));
        // a comment without a reason: refused too
        mvc.perform(post("/api/v1/submissions/" + s.id() + "/return").with(httpBasic(reviewer, PASSWORD))
                        .param("comment.BB_USERS", "请核对"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[?(@.field == 'reason')].code").value("collection.reason-required"));
        assertThat(submissions.get(s.id()).status()).isEqualTo(ObservationStatus.SUBMITTED);
        assertThat(submissions.valueComments(s.id())).isEmpty();
        assertThat(audit.history("submission", s.id())).extracting(AuditEvent::action).doesNotContain("return", "value-comment");
    }

    @Test
    void theApiReturnsWithPerValueCommentsAndListsThem() throws Exception {
        Submission s = submitted();
        mvc.perform(post("/api/v1/submissions/" + s.id() + "/return").with(httpBasic(reviewer, PASSWORD))
                        .param("version", Integer.toString(s.version())).param("reason", "请核对")
                        .param("comment.INTERNET_PORTS", "端口数少于光纤用户数"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"));
        mvc.perform(get("/api/v1/submissions/" + s.id() + "/comments").with(httpBasic(reporter, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].indicator").value("INTERNET_PORTS"))
                .andExpect(jsonPath("$[0].comment").value("端口数少于光纤用户数"))
                .andExpect(jsonPath("$[0].author").value(reviewer));
        // someone outside the county may not read them
        mvc.perform(get("/api/v1/submissions/" + s.id() + "/comments").with(as("reporter")))
                .andExpect(status().isForbidden());
    }
}
