package org.yardstick.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yardstick.As;
import org.yardstick.TestClock;
import org.yardstick.YardstickTest;
import org.yardstick.audit.AuditTrail;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * The collection workflow end to end in the service layer: a reporter enters and submits, a
 * reviewer one level up approves or returns; approved figures are public and locked; every change
 * is in the audit trail. Each test works in a county of its own so that tests do not meet.
 */
@YardstickTest
class CollectionFlowTest {

    static final String DS = "xj-county-info";

    @Autowired ObservationEditor editor;
    @Autowired Submissions submissions;
    @Autowired Observations observations;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired UserDetailsService accounts;

    void as(String username) {
        As.user(accounts, username);
    }

    /** The counties these tests write in; cleared first so that a rerun on the same database starts clean. */
    static final List<String> COUNTIES = List.of("650102", "650103", "650104", "650105", "650107", "650109", "650121",
            "650202", "650203", "150102");

    @BeforeEach
    void clearTheTestCounties() {
        jdbc.sql("delete from observation where region_id in (select id from region where code in (:c)) and submission_id is not null")
                .param("c", COUNTIES).update();
        jdbc.sql("delete from submission where region_id in (select id from region where code in (:c))").param("c", COUNTIES).update();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        As.nobody();
    }

    static ObservationEditor.Entry entry(String indicator, String value, Integer version) {
        return new ObservationEditor.Entry("form", 0, indicator, value, "", null, version);
    }

    static List<ObservationEditor.Entry> complete(String bb, String ftth) {
        return List.of(entry("BB_USERS", bb, null), entry("FTTH_USERS", ftth, null),
                entry("MOBILE_INTERNET_USERS", "50", null), entry("INTERNET_PORTS", "30", null));
    }

    @Test
    void enterSubmitApproveMakesTheFiguresPublicAndLocked() {
        as("reporter");
        var saved = editor.save(DS, "650102", "2025", complete("25.3", "20"));
        assertThat(saved.created()).isEqualTo(4);
        assertThat(observations.approvedSeries("BB_USERS", "650102")).isEmpty();

        Submission s = submissions.submit(saved.submission().id(), saved.submission().version());
        assertThat(s.status()).isEqualTo(ObservationStatus.SUBMITTED);
        assertThatThrownBy(() -> editor.save(DS, "650102", "2025", List.of(entry("BB_USERS", "26", 1))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot be changed while the submission is submitted");
        assertThatThrownBy(() -> submissions.approve(s.id(), s.version())).as("nobody reviews their own figures")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> editor.save(DS, "650103", "2025", complete("1", "1"))).as("another county")
                .isInstanceOf(AccessDeniedException.class);

        as("reviewer");
        Submission approved = submissions.approve(s.id(), s.version());
        assertThat(approved.status()).isEqualTo(ObservationStatus.APPROVED);
        assertThat(observations.approvedSeries("BB_USERS", "650102")).singleElement()
                .satisfies(o -> assertThat(o.value()).isEqualByComparingTo("25.3"));
        assertThat(audit.history("submission", s.id())).extracting(e -> e.action()).containsExactly("submit", "approve");
    }

    @Test
    void aReturnNeedsAReasonAndReopensTheFormForTheReporter() {
        as("planner");
        var saved = editor.save(DS, "650103", "2025", complete("10", "5"));
        Submission s = submissions.submit(saved.submission().id(), saved.submission().version());
        as("reviewer");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> submissions.returnToReporter(s.id(), s.version(), " ")))
                .satisfies(e -> assertThat(e.problems()).extracting(InputProblem::kind).containsExactly(CollectionProblem.REASON_REQUIRED));
        Submission returned = submissions.returnToReporter(s.id(), s.version(), "宽带用户数与上年相比变化过大，请核实");
        assertThat(returned.status()).isEqualTo(ObservationStatus.RETURNED);
        assertThat(returned.reason()).contains("请核实");
        as("planner");
        var fixed = editor.save(DS, "650103", "2025", List.of(entry("BB_USERS", "11", versionOf("BB_USERS", "650103"))));
        assertThat(fixed.updated()).isEqualTo(1);
        assertThat(audit.history("observation", idOf("BB_USERS", "650103"))).extracting(e -> e.field() + ":" + e.oldValue() + "→" + e.newValue())
                .contains("value:10→11");
    }

    @Test
    void approvedFiguresAreReopenedOnlyWithAReasonAndThenLeaveThePublicView() {
        as("planner");
        var saved = editor.save(DS, "650104", "2025", complete("12", "6"));
        Submission s = submissions.submit(saved.submission().id(), saved.submission().version());
        as("reviewer");
        Submission approved = submissions.approve(s.id(), s.version());
        assertThat(observations.approvedSeries("BB_USERS", "650104")).hasSize(1);
        assertThatThrownBy(() -> submissions.reopen(approved.id(), approved.version(), ""))
                .isInstanceOf(InvalidInputException.class);
        submissions.reopen(approved.id(), approved.version(), "统计口径调整");
        assertThat(observations.approvedSeries("BB_USERS", "650104")).isEmpty();
    }

    @Test
    void aReviewerCannotApproveTheirOwnRegionNorOneOutsideIt() {
        as("planner");
        var saved = editor.save(DS, "650105", "2025", complete("3", "2"));
        Submission s = submissions.submit(saved.submission().id(), saved.submission().version());
        as("reviewer-xj");
        // the autonomous region's reviewer is higher up and may approve a county
        assertThat(submissions.approve(s.id(), s.version()).status()).isEqualTo(ObservationStatus.APPROVED);
        as("admin");
        var other = editor.save(DS, "150102", "2025", complete("3", "2"));
        Submission inMongolia = submissions.submit(other.submission().id(), other.submission().version());
        as("reviewer");
        assertThatThrownBy(() -> submissions.approve(inMongolia.id(), inMongolia.version())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aClosedPeriodAndAWrongLevelAreRefusedAndNothingIsWritten() {
        as("planner");
        long before = count();
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> editor.save(DS, "650106", "2024", complete("1", "1"))))
                .satisfies(e -> assertThat(e.problems()).extracting(InputProblem::kind).contains(CollectionProblem.PERIOD_CLOSED));
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> editor.save(DS, "6501", "2025", complete("1", "1"))))
                .satisfies(e -> assertThat(e.problems()).extracting(InputProblem::kind).contains(CollectionProblem.WRONG_REGION_LEVEL));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void badValuesAreEachNamedAndNothingIsWritten() {
        as("planner");
        long before = count();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> editor.save(DS, "650107", "2025", List.of(
                entry("BB_USERS", "abc", null), entry("FTTH_USERS", "1.12345678901234567", null),
                entry("MOBILE_INTERNET_USERS", "1e16", null), entry("NOPE", "1", null),
                new ObservationEditor.Entry("form", 0, "INTERNET_PORTS", "1", "大大", null, null))));
        assertThat(e.problems()).extracting(InputProblem::field, InputProblem::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("BB_USERS", CollectionProblem.NOT_A_NUMBER),
                org.assertj.core.groups.Tuple.tuple("FTTH_USERS", CollectionProblem.TOO_MANY_DECIMALS),
                org.assertj.core.groups.Tuple.tuple("MOBILE_INTERNET_USERS", CollectionProblem.TOO_LARGE),
                org.assertj.core.groups.Tuple.tuple("indicator", CollectionProblem.NOT_IN_DATA_SET),
                org.assertj.core.groups.Tuple.tuple("INTERNET_PORTS.qualifier", CollectionProblem.UNKNOWN_QUALIFIER));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void enteringTheSameValuesAgainChangesNothing() {
        as("planner");
        editor.save(DS, "650109", "2025", complete("7", "3"));
        int events = audit.search(AuditTrail.Filter.all(), 100_000).size();
        var again = editor.save(DS, "650109", "2025", List.of(entry("BB_USERS", "7.00", versionOf("BB_USERS", "650109"))));
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.updated()).isZero();
        assertThat(audit.search(AuditTrail.Filter.all(), 100_000)).hasSize(events);
    }

    @Test
    void aStaleVersionIsAConflictNamingWhoChangedIt() {
        as("planner");
        editor.save(DS, "650121", "2025", complete("7", "3"));
        int seen = versionOf("BB_USERS", "650121");
        editor.save(DS, "650121", "2025", List.of(entry("BB_USERS", "8", seen)));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> editor.save(DS, "650121", "2025", List.of(entry("BB_USERS", "9", seen))));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CollectionProblem.CONFLICT);
            assertThat(p.reason()).contains("planner").contains("8");
        });
        assertThat(valueOf("BB_USERS", "650121")).isEqualTo("8");
    }

    @Test
    void submittingNeedsEveryRequiredFigure() {
        as("planner");
        var saved = editor.save(DS, "650202", "2025", List.of(entry("BB_USERS", "1", null)));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> submissions.submit(saved.submission().id(), saved.submission().version()));
        assertThat(e.problems()).extracting(InputProblem::field).contains("FTTH_USERS", "MOBILE_INTERNET_USERS", "INTERNET_PORTS");
        assertThat(submissions.get(saved.submission().id()).status()).isEqualTo(ObservationStatus.DRAFT);
    }

    @Test
    void whenTheWindowClosesTheFormIsClosedToo() {
        as("planner");
        clock.set(java.time.ZonedDateTime.of(2027, 1, 2, 9, 0, 0, 0, TestClock.ZONE).toInstant());
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> editor.save(DS, "650203", "2025", complete("1", "1"))))
                .satisfies(e -> assertThat(e.problems()).extracting(InputProblem::kind).contains(CollectionProblem.PERIOD_CLOSED));
    }

    long count() {
        return jdbc.sql("select count(*) from observation").query(Long.class).single();
    }

    Integer versionOrNull(String indicator, String region) {
        return jdbc.sql("select o.version from observation o join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id "
                        + "where i.code = ? and r.code = ? and o.period = '2025'")
                .params(indicator, region).query(Integer.class).optional().orElse(null);
    }

    int versionOf(String indicator, String region) {
        return versionOrNull(indicator, region);
    }

    long idOf(String indicator, String region) {
        return jdbc.sql("select o.id from observation o join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id "
                        + "where i.code = ? and r.code = ? and o.period = '2025'")
                .params(indicator, region).query(Long.class).single();
    }

    String valueOf(String indicator, String region) {
        return jdbc.sql("select o.obs_value from observation o join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id "
                        + "where i.code = ? and r.code = ? and o.period = '2025'")
                .params(indicator, region).query(java.math.BigDecimal.class).single().stripTrailingZeros().toPlainString();
    }
}
