package org.yardstick.observation.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yardstick.observation.imports.Files.csv;
import static org.yardstick.observation.imports.Files.utf8;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.ObservationStatus;
import org.yardstick.observation.Submission;
import org.yardstick.observation.Submissions;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.shared.InvalidInputException;

/**
 * An import racing a submit or an approval, on real threads and real transactions: its figures land
 * before the transition (and are what the reviewer approves) or are refused after it — never a draft
 * figure in a submitted or approved submission, never an audit row dated before an approval it
 * followed. Works in 高昌区 (650402), which no other test uses.
 */
@YardstickTest
class ImportRaceTest {

    static final String DS = "xj-county-info";
    static final String COUNTY = "650402";
    static final String HEADER = "indicator,region,period,value,qualifier,comment";

    @Autowired FigureImports imports;
    @Autowired ObservationEditor editor;
    @Autowired Submissions submissions;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void clear() {
        jdbc.update("delete from observation where region_id = (select id from region where code = ?) and submission_id is not null",
                COUNTY);
        jdbc.update("delete from submission where region_id = (select id from region where code = ?)", COUNTY);
    }

    @AfterEach
    void reset() {
        imports.useWriter(null);
        As.nobody();
    }

    Submission enteredComplete() {
        As.user(accounts, "planner");
        ObservationEditor.Outcome o = editor.save(DS, COUNTY, "2025", List.of(
                new ObservationEditor.Entry("form", 0, "BB_USERS", "100", "", null, null),
                new ObservationEditor.Entry("form", 0, "FTTH_USERS", "40", "", null, null),
                new ObservationEditor.Entry("form", 0, "MOBILE_INTERNET_USERS", "50", "", null, null),
                new ObservationEditor.Entry("form", 0, "INTERNET_PORTS", "30", "", null, null)));
        return o.submission();
    }

    List<String> statuses() {
        return jdbc.queryForList("""
                select o.status from observation o join region r on r.id = o.region_id
                where r.code = ? and o.period = '2025'""", String.class, COUNTY);
    }

    @Test
    void aSubmitThatArrivesWhileAnImportWritesWaitsForItAndSubmitsItsFigures() throws Exception {
        Submission draft = enteredComplete();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        FigureWriter real = imports.writer();
        imports.useWriter((source, changes, subs, actor, now, totalId) -> {
            FigureWriter.Written w = real.write(source, changes, subs, actor, now, totalId);
            writing.countDown();
            await(letGo);
            return w;
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<FigureImports.Outcome> imported = pool.submit(() -> {
                As.user(accounts, "planner");
                try {
                    return imports.importFile(DS, "late.csv", new ByteArrayInputStream(utf8(csv(HEADER,
                            "FTTB_RATE," + COUNTY + ",2025,12,,"))));
                } finally {
                    As.nobody();
                }
            });
            assertThat(writing.await(60, TimeUnit.SECONDS)).as("the import reached its write").isTrue();
            Future<Submission> submitted = pool.submit(() -> {
                As.user(accounts, "planner");
                try {
                    return submissions.submit(draft.id(), draft.version());
                } finally {
                    As.nobody();
                }
            });
            // the submit is now waiting for the import's lock (or, without one, finishes behind the import's back)
            Thread.sleep(500);
            letGo.countDown();
            assertThat(imported.get(60, TimeUnit.SECONDS).created()).isEqualTo(1);
            assertThat(submitted.get(60, TimeUnit.SECONDS).status()).isEqualTo(ObservationStatus.SUBMITTED);
        } finally {
            letGo.countDown();
            pool.shutdownNow();
        }
        assertThat(statuses()).as("every figure of the submitted submission, the imported one included").hasSize(5)
                .containsOnly("SUBMITTED");
    }

    @Test
    void anImportCheckedBeforeASubmitAndAnApprovalIsRefusedAfterThemAndWritesNothing() {
        Submission draft = enteredComplete();
        As.user(accounts, "planner");
        ImportBatch.Prepared checked = imports.prepare(DS, "late.csv", new ByteArrayInputStream(utf8(csv(HEADER,
                "FTTB_RATE," + COUNTY + ",2025,12,,", "BB_USERS," + COUNTY + ",2025,101,,"))));
        Submission submitted = submissions.submit(draft.id(), draft.version());
        As.user(accounts, "reviewer-xj");
        submissions.approve(submitted.id(), submitted.version());
        Timestamp approvedAt = jdbc.queryForObject("select reviewed_at from submission where id = ?", Timestamp.class,
                draft.id());
        long audits = jdbc.queryForObject("select count(*) from audit_event where entity_key like ?", Long.class,
                "%/" + COUNTY + "/2025");

        As.user(accounts, "planner");
        assertThatThrownBy(() -> imports.apply(checked)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).allSatisfy(p -> {
                    assertThat(p.kind()).isEqualTo(CollectionProblem.LOCKED);
                    assertThat(p.args()).containsExactly("approved");
                }).hasSize(2));

        assertThat(statuses()).hasSize(4).containsOnly("APPROVED");
        assertThat(Files.value(jdbc, "BB_USERS", COUNTY, "2025")).isEqualByComparingTo("100");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_key like ?", Long.class,
                "%/" + COUNTY + "/2025")).isEqualTo(audits);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_key like ? and at > ?", Long.class,
                "%/" + COUNTY + "/2025", approvedAt)).as("nothing recorded after the approval").isZero();
    }

    @Test
    void aFormSaveCheckedBeforeASubmitIsRefusedAfterIt() throws Exception {
        Submission draft = enteredComplete();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> save = pool.submit(() -> {
                As.user(accounts, "admin");
                try {
                    start.await();
                    editor.save(DS, COUNTY, "2025", List.of(new ObservationEditor.Entry("form", 0, "FTTB_RATE", "12", "",
                            null, null)));
                    return "saved";
                } catch (InvalidInputException e) {
                    return e.problems().get(0).kind().key();
                } finally {
                    As.nobody();
                }
            });
            Future<String> submit = pool.submit(() -> {
                As.user(accounts, "planner");
                try {
                    start.await();
                    submissions.submit(draft.id(), draft.version());
                    return "submitted";
                } finally {
                    As.nobody();
                }
            });
            start.countDown();
            assertThat(submit.get(60, TimeUnit.SECONDS)).isEqualTo("submitted");
            String saved = save.get(60, TimeUnit.SECONDS);
            // whichever went first: the saved figure was submitted with the rest, or the save was refused
            assertThat(saved).isIn("saved", CollectionProblem.LOCKED.key());
            assertThat(statuses()).hasSize(saved.equals("saved") ? 5 : 4).containsOnly("SUBMITTED");
        } finally {
            pool.shutdownNow();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
