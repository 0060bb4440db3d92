package org.yardstick.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.audit.AuditTrail;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Four eyes: nobody approves figures they entered or submitted, administrators included, unless the
 * data set allows it through an audited setting; and a tampered version field is a 422 naming the
 * field. Works in 托克逊县 (650422), which no other test uses.
 */
@YardstickTest
class FourEyesTest {

    static final String DS = "xj-county-info";
    static final String COUNTY = "650422";

    @Autowired ObservationEditor editor;
    @Autowired Submissions submissions;
    @Autowired DataSets dataSets;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired MessageSource messages;
    @Autowired MockMvc mvc;

    @BeforeEach
    void clear() {
        jdbc.sql("delete from observation where region_id = (select id from region where code = ?) and submission_id is not null")
                .param(COUNTY).update();
        jdbc.sql("delete from submission where region_id = (select id from region where code = ?)").param(COUNTY).update();
    }

    @AfterEach
    void reset() {
        jdbc.sql("update data_set set allow_self_approval = false where code = ?").param(DS).update();
        As.nobody();
    }

    Submission submittedBy(String enteredBy, String submitter) {
        As.user(accounts, enteredBy);
        ObservationEditor.Outcome o = editor.save(DS, COUNTY, "2025", List.of(
                new ObservationEditor.Entry("form", 0, "BB_USERS", "100", "", null, null),
                new ObservationEditor.Entry("form", 0, "FTTH_USERS", "40", "", null, null),
                new ObservationEditor.Entry("form", 0, "MOBILE_INTERNET_USERS", "50", "", null, null),
                new ObservationEditor.Entry("form", 0, "INTERNET_PORTS", "30", "", null, null)));
        As.user(accounts, submitter);
        return submissions.submit(o.submission().id(), o.submission().version());
    }

    String text(InputProblem p, Locale locale) {
        return messages.getMessage("problem." + p.kind().key(), p.args().toArray(), locale);
    }

    @Test
    void anAdministratorWhoSubmittedCannotApproveAndIsToldWhyInBothLanguages() {
        Submission s = submittedBy("admin", "admin");
        As.user(accounts, "admin");
        assertThatThrownBy(() -> submissions.approve(s.id(), s.version())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(CollectionProblem.SELF_APPROVAL);
                    assertThat(text(p, Locale.CHINA)).contains("admin").contains("本人填报或提交").contains("四眼原则");
                    assertThat(text(p, Locale.ENGLISH)).contains("admin").contains("entered or submitted").contains("four eyes");
                }));
        assertThat(submissions.get(s.id()).status()).isEqualTo(ObservationStatus.SUBMITTED);
        As.user(accounts, "reviewer-xj");
        assertThat(submissions.approve(s.id(), s.version()).status()).isEqualTo(ObservationStatus.APPROVED);
    }

    @Test
    void anAdministratorWhoEnteredFiguresSomeoneElseSubmittedCannotApproveThemEither() {
        Submission s = submittedBy("admin", "planner");
        As.user(accounts, "admin");
        assertThatThrownBy(() -> submissions.approve(s.id(), s.version())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InputProblem::kind).containsExactly(CollectionProblem.SELF_APPROVAL));
    }

    @Test
    void onlyAnAdministratorWithAReasonAllowsSelfApprovalAndTheChangeIsAudited() {
        As.user(accounts, "planner");
        assertThatThrownBy(() -> dataSets.allowSelfApproval(DS, true, "small county")).isInstanceOf(AccessDeniedException.class);
        As.user(accounts, "admin");
        assertThatThrownBy(() -> dataSets.allowSelfApproval(DS, true, " ")).isInstanceOf(InvalidInputException.class);
        assertThat(dataSets.allowsSelfApproval(DS)).isFalse();
        long id = jdbc.sql("select id from data_set where code = ?").param(DS).query(Long.class).single();
        int before = audit.history("data_set", id).size();
        dataSets.allowSelfApproval(DS, true, "县里只有一名工作人员");
        assertThat(audit.history("data_set", id)).hasSize(before + 1).last().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.action()).isEqualTo("allow-self-approval");
            assertThat(e.reason()).isEqualTo("县里只有一名工作人员");
        });
        Submission s = submittedBy("admin", "admin");
        As.user(accounts, "admin");
        assertThat(submissions.approve(s.id(), s.version()).status()).isEqualTo(ObservationStatus.APPROVED);
    }

    @Test
    void aVersionThatIsNotANumberIsA422NamingTheField() throws Exception {
        Submission s = submittedBy("planner", "planner");
        MvcResult r = mvc.perform(post("/review/" + s.id() + "/approve").param("version", "1e3")
                .with(user(accounts.loadUserByUsername("reviewer-xj"))).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(r.getResponse().getContentAsString()).contains("version").contains("不是整数");
        assertThat(submissions.get(s.id()).status()).isEqualTo(ObservationStatus.SUBMITTED);

        MvcResult form = mvc.perform(post("/collect/" + DS + "/650421/2025").param("value.BB_USERS", "5")
                .param("version.BB_USERS", "abc").param("lang", "en")
                .with(user(accounts.loadUserByUsername("planner"))).with(csrf())).andReturn();
        assertThat(form.getResponse().getStatus()).isEqualTo(422);
        assertThat(form.getResponse().getContentAsString()).contains("version.BB_USERS").contains("is not a whole number");
    }
}
