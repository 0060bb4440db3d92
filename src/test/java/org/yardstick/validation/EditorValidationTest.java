package org.yardstick.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.Finding;
import org.yardstick.observation.Severity;
import org.yardstick.observation.Submissions;
import org.yardstick.observation.internal.ObservationEditor.Entry;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.validation.internal.RuleForm;
import org.yardstick.validation.internal.ValidationProblem;
import org.yardstick.validation.internal.ValidationRule;
import org.yardstick.validation.internal.ValidationRules;

/**
 * The demo's rules at work where figures are entered: the reporter of 天山区 (650102) enters the
 * county form xj-county-info for 2025. Each test runs in a transaction that is rolled back.
 */
@YardstickTest
@Transactional
@WithUserDetails("reporter")
class EditorValidationTest {

    static final String SET = "xj-county-info";
    static final String REGION = "650102";
    static final String YEAR = "2025";

    @Autowired ObservationEditor editor;
    @Autowired Submissions submissions;
    @Autowired ValidationRules rules;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    StoredFigures figures;

    @BeforeEach
    void setUp() {
        figures = new StoredFigures(jdbc);
    }

    /** Entries as {@code "BB_USERS", "10", "FTTH_USERS", "12"}, each naming the version of the stored figure. */
    List<Entry> entries(String... pairs) {
        Entry[] e = new Entry[pairs.length / 2];
        for (int i = 0; i < pairs.length; i += 2) {
            e[i / 2] = new Entry("form", 0, pairs[i], pairs[i + 1], "", null, figures.version(pairs[i], REGION, YEAR));
        }
        return Arrays.asList(e);
    }

    @Test
    void anErrorBlocksTheSaveAndNamesTheIndicator() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> editor.save(SET, REGION, YEAR, entries("BB_USERS", "10", "FTTH_USERS", "20")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("FTTH_USERS");
            assertThat(p.value()).isEqualTo("20");
            assertThat(p.kind()).isEqualTo(ValidationProblem.COMPARISON);
            assertThat(p.reason()).isEqualTo("FTTH_USERS (20) must be ≤ BB_USERS (10)");
        });
        assertThat(figures.value("FTTH_USERS", REGION, YEAR)).isEmpty();
        assertThat(figures.value("BB_USERS", REGION, YEAR)).isEmpty();
    }

    @Test
    void aNegativeCountAndARateAbove100AreErrors() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> editor.save(SET, REGION, YEAR, entries("INTERNET_PORTS", "-3", "FTTB_RATE", "100.5",
                        "RURAL_FIBRE_VILLAGE_RATE", "100")));
        assertThat(e.problems()).extracting(p -> p.field() + ":" + p.kind())
                .containsExactlyInAnyOrder("INTERNET_PORTS:BELOW_MIN", "FTTB_RATE:ABOVE_MAX");
    }

    @Test
    void aWarningIsReturnedAndTheFigureSaved() {
        figures.put("BB_USERS", REGION, "2024", "100", "APPROVED");
        ObservationEditor.Outcome outcome = editor.save(SET, REGION, YEAR, entries("BB_USERS", "160", "FTTH_USERS", "90"));
        assertThat(outcome.created()).isEqualTo(2);
        assertThat(outcome.warnings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.indicatorCode()).isEqualTo("BB_USERS");
            assertThat(f.ruleCode()).isEqualTo("bb-users-yoy-50");
            assertThat(f.args()).containsExactly("+60.0", "100", "160", "50");
        });
        assertThat(figures.value("BB_USERS", REGION, YEAR)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("160"));
    }

    @Test
    void theFormIsCheckedAsYouTypeWithoutWritingAnything() {
        List<Finding> findings = editor.check(SET, REGION, YEAR, entries("FTTB_RATE", "120"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.kind()).isEqualTo(ValidationProblem.ABOVE_MAX);
            assertThat(f.ruleCode()).isEqualTo("fttb-rate-0-100");
        });
        assertThat(editor.check(SET, REGION, YEAR, entries("FTTB_RATE", "99.9"))).isEmpty();
        assertThat(figures.value("FTTB_RATE", REGION, YEAR)).isEmpty();
    }

    @Test
    void aRuleChangedByAPlannerCountsForTheNextFigure() {
        InvalidInputException before = catchThrowableOfType(InvalidInputException.class,
                () -> editor.save(SET, REGION, YEAR, entries("BB_USERS", "10", "FTTH_USERS", "20")));
        assertThat(before).isNotNull();
        StoredFigures.as(users, "planner", () -> {
            ValidationRule r = rules.get("ftth-le-bb");
            rules.setEnabled(r.code(), r.version(), false);
        });
        ObservationEditor.Outcome outcome = editor.save(SET, REGION, YEAR, entries("BB_USERS", "10", "FTTH_USERS", "20"));
        assertThat(outcome.created()).isEqualTo(2);
        assertThat(outcome.warnings()).isEmpty();
    }

    @Test
    void aSubmissionIsRefusedWhileAStoredFigureBreaksARule() {
        ObservationEditor.Outcome saved = editor.save(SET, REGION, YEAR, entries("BB_USERS", "10", "FTTH_USERS", "5",
                "MOBILE_INTERNET_USERS", "30", "INTERNET_PORTS", "12"));
        // a rule added after the figures were entered: they now break it
        StoredFigures.as(users, "planner", () -> rules.create(new RuleForm("ports-le-bb", "端口数不超过用户数", "", "comparison",
                "error", SET, "INTERNET_PORTS", "BB_USERS", "<=", "", "", "", "", "", "true")));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> submissions.submit(saved.submission().id(), saved.submission().version()));
        assertThat(e.problems()).extracting(InputProblem::kind).contains(CollectionProblem.ERRORS_REMAIN);
    }

    @Test
    void aChangeIsNotBlockedByAnUntouchedFigureThatBreaksARule() {
        // stored before the rule: FTTB_RATE 150 is wrong, but entering BB_USERS does not touch it
        figures.put("FTTB_RATE", REGION, YEAR, "150", "DRAFT");
        ObservationEditor.Outcome outcome = editor.save(SET, REGION, YEAR, entries("BB_USERS", "10"));
        assertThat(outcome.created()).isEqualTo(1);
        // the whole form, as submission checks it, still has the error
        assertThat(editor.check(SET, REGION, YEAR, List.of())).extracting(Finding::ruleCode).contains("fttb-rate-0-100");
    }
}
