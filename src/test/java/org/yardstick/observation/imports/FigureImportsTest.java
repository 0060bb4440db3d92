package org.yardstick.observation.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yardstick.observation.imports.Files.csv;
import static org.yardstick.observation.imports.Files.gbk;
import static org.yardstick.observation.imports.Files.utf8;
import static org.yardstick.observation.imports.Files.utf8WithBom;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.observation.internal.ObservationProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Imports as the demo reporter of 天山区 (650102) into the demo data set: what is written, what is
 * audited, and every way a file is refused — with nothing written. Each test rolls back.
 */
@YardstickTest
@Transactional
@WithUserDetails("reporter")
class FigureImportsTest {

    static final String DS = "xj-county-info";
    static final String HEADER = "indicator,region,period,value,qualifier,comment";

    @Autowired FigureImports imports;
    @Autowired ObservationEditor editor;
    @Autowired JdbcTemplate jdbc;

    FigureImports.Outcome run(String name, byte[] bytes) {
        return imports.importFile(DS, name, new ByteArrayInputStream(bytes));
    }

    BigDecimal value(String indicator, String region, String period) {
        return org.yardstick.observation.imports.Files.value(jdbc, indicator, region, period);
    }

    int version(String indicator, String region, String period) {
        return jdbc.queryForObject("""
                select o.version from observation o join indicator i on i.id = o.indicator_id
                join region r on r.id = o.region_id where i.code = ? and r.code = ? and o.period = ?""",
                Integer.class, indicator, region, period);
    }

    long audits(String keyPrefix) {
        return jdbc.queryForObject("select count(*) from audit_event where entity_type = 'observation' and entity_key like ?",
                Long.class, keyPrefix + "%");
    }

    long observations(String region) {
        return jdbc.queryForObject("select count(*) from observation o join region r on r.id = o.region_id where r.code = ?",
                Long.class, region);
    }

    List<InputProblem> problems(String name, byte[] bytes) {
        try {
            run(name, bytes);
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void aCsvFileInUtf8CreatesItsFiguresAndAuditsEachOne() {
        // the trail is append-only and shared by every test: look only at what this import adds
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
        var outcome = run("a.csv", utf8(csv(HEADER,
                "BB_USERS,650102,2025,2048.5,约,from the operators",
                "FTTH_USERS,650102,2025,\"1,024\",,")));
        assertThat(outcome.created()).isEqualTo(2);
        assertThat(outcome.updated()).isZero();
        assertThat(value("BB_USERS", "650102", "2025")).isEqualByComparingTo("2048.5");
        assertThat(value("FTTH_USERS", "650102", "2025")).isEqualByComparingTo("1024");
        var rows = jdbc.queryForList("""
                select field, old_value, new_value, action, actor from audit_event
                where entity_key = 'BB_USERS/650102/2025' and id > ? order by id""", before);
        assertThat(rows).extracting(r -> r.get("field"), r -> r.get("old_value"), r -> r.get("new_value"), r -> r.get("action"),
                r -> r.get("actor")).containsExactly(
                Tuple.tuple("value", null, "2048.5", "create", "reporter"),
                Tuple.tuple("qualifier", null, "约", "create", "reporter"),
                Tuple.tuple("comment", null, "from the operators", "create", "reporter"));
        String status = jdbc.queryForObject("""
                select s.status from submission s join region r on r.id = s.region_id join data_set d on d.id = s.data_set_id
                where d.code = ? and r.code = '650102' and s.period = '2025'""", String.class, DS);
        assertThat(status).isEqualTo("DRAFT");
    }

    @Test
    void utf8WithAByteOrderMarkAndGbkWithChineseHeadersReadTheSame() {
        String chinese = csv("指标,地区,时期,数值,限定词,备注", "BB_USERS,650102,2025,7,超过,运营商报送");
        assertThat(run("bom.csv", utf8WithBom(chinese)).created()).isEqualTo(1);
        var again = run("gbk.csv", gbk(chinese));
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select o.comment from observation o join indicator i on i.id = o.indicator_id
                where i.code = 'BB_USERS' and o.period = '2025' and o.region_id = (select id from region where code = '650102')""",
                String.class)).isEqualTo("运营商报送");
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndRecordsNothing() {
        byte[] file = utf8(csv(HEADER, "BB_USERS,650102,2025,12.5,,", "INTERNET_PORTS,650102,2025,300,,"));
        run("a.csv", file);
        long audited = audits("BB_USERS/650102/");
        int version = version("BB_USERS", "650102", "2025");
        var again = run("a.csv", file);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(audits("BB_USERS/650102/")).isEqualTo(audited);
        assertThat(version("BB_USERS", "650102", "2025")).isEqualTo(version);
    }

    @Test
    void aChangedValueIsUpdatedAndAuditedOldToNew() {
        run("a.csv", utf8(csv(HEADER, "BB_USERS,650102,2025,12.5,,")));
        int version = version("BB_USERS", "650102", "2025");
        var outcome = run("b.csv", utf8(csv(HEADER, "BB_USERS,650102,2025,13,,")));
        assertThat(outcome.updated()).isEqualTo(1);
        assertThat(version("BB_USERS", "650102", "2025")).isEqualTo(version + 1);
        var last = jdbc.queryForMap("select field, old_value, new_value, action from audit_event "
                + "where entity_key = 'BB_USERS/650102/2025' order by id desc limit 1");
        assertThat(last).containsEntry("field", "value").containsEntry("new_value", "13").containsEntry("action", "update");
        assertThat(new BigDecimal((String) last.get("old_value"))).isEqualByComparingTo("12.5");
    }

    @Test
    void aFileWithErrorsReturnsEveryErrorAtOnceAndWritesNothing() {
        long before = observations("650102");
        long audited = audits("");
        List<InputProblem> problems = problems("bad.csv", utf8(csv(HEADER,
                "NOPE,650102,2025,1,,",
                "BB_USERS,650103,2025,1,,",
                "BB_USERS,6501,2025,1,,",
                "BB_USERS,650102,2024,1,,",
                "FTTH_USERS,650102,2025,abc,,",
                "MOBILE_INTERNET_USERS,650102,2025,1.12345678901234567,,",
                "INTERNET_PORTS,650102,2025,13131313,,",
                "FTTB_RATE,650102,2025,50,大概齐,",
                "BB_USERS,999999,2025,1,,",
                "BB_USERS,650102,2025Q1,1,,",
                "RURAL_FIBRE_VILLAGE_RATE,650102,2025,80,,")));
        assertThat(problems).extracting(InputProblem::source, InputProblem::line, InputProblem::field, InputProblem::value,
                p -> p.kind()).containsExactly(
                Tuple.tuple("bad.csv", 2L, "indicator", "NOPE", CollectionProblem.NOT_IN_DATA_SET),
                Tuple.tuple("bad.csv", 3L, "region", "650103", CollectionProblem.OUT_OF_SCOPE),
                Tuple.tuple("bad.csv", 4L, "region", "6501", CollectionProblem.WRONG_REGION_LEVEL),
                Tuple.tuple("bad.csv", 5L, "period", "2024", CollectionProblem.PERIOD_CLOSED),
                Tuple.tuple("bad.csv", 6L, "value", "abc", CollectionProblem.NOT_A_NUMBER),
                Tuple.tuple("bad.csv", 7L, "value", "1.12345678901234567", CollectionProblem.TOO_MANY_DECIMALS),
                Tuple.tuple("bad.csv", 8L, "value", "13131313", CollectionProblem.TOO_LARGE),
                Tuple.tuple("bad.csv", 9L, "qualifier", "大概齐", CollectionProblem.UNKNOWN_QUALIFIER),
                Tuple.tuple("bad.csv", 10L, "region", "999999", ObservationProblem.UNKNOWN_REGION),
                Tuple.tuple("bad.csv", 11L, "period", "2025Q1", CollectionProblem.WRONG_PERIOD_TYPE));
        assertThat(problems.get(3).args()).hasSize(2);
        assertThat(observations("650102")).isEqualTo(before);
        assertThat(audits("")).isEqualTo(audited);
        assertThat(value("RURAL_FIBRE_VILLAGE_RATE", "650102", "2025")).isNull();
    }

    @Test
    void aSubmittedOrApprovedSubmissionIsLocked() {
        for (String status : List.of("SUBMITTED", "APPROVED")) {
            jdbc.update("delete from submission where data_set_id = (select id from data_set where code = ?) "
                    + "and region_id = (select id from region where code = '650102') and period = '2025'", DS);
            jdbc.update("insert into submission (data_set_id, region_id, period, status) values ((select id from data_set where code = ?), "
                    + "(select id from region where code = '650102'), '2025', ?)", DS, status);
            List<InputProblem> problems = problems("locked.csv", utf8(csv(HEADER, "BB_USERS,650102,2025,1,,")));
            assertThat(problems).extracting(InputProblem::line, InputProblem::field, p -> p.kind())
                    .containsExactly(Tuple.tuple(2L, "value", CollectionProblem.LOCKED));
            assertThat(problems.get(0).args()).containsExactly(status.toLowerCase());
            assertThat(value("BB_USERS", "650102", "2025")).isNull();
        }
    }

    @Test
    void aFigureChangedBySomeoneElseAfterTheFileWasCheckedIsAConflictAndNothingIsWritten() {
        run("a.csv", utf8(csv(HEADER, "BB_USERS,650102,2025,5,,", "FTTH_USERS,650102,2025,1,,")));
        ImportBatch.Prepared prepared = imports.prepare(DS, "b.csv", new ByteArrayInputStream(
                utf8(csv(HEADER, "BB_USERS,650102,2025,10,,", "FTTH_USERS,650102,2025,2,,"))));
        // meanwhile, someone saves another value through the form
        editor.save(DS, "650102", "2025", List.of(new ObservationEditor.Entry("form", 0, "BB_USERS", "7", "", null,
                version("BB_USERS", "650102", "2025"))));
        long audited = audits("");
        assertThatThrownBy(() -> imports.apply(prepared)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InputProblem::line, InputProblem::field, p -> p.kind())
                        .contains(Tuple.tuple(2L, "value", CollectionProblem.CONFLICT)));
    }

    @Test
    void aConflictLeavesTheOtherPersonsValue() {
        run("a.csv", utf8(csv(HEADER, "BB_USERS,650102,2025,5,,")));
        ImportBatch.Prepared prepared = imports.prepare(DS, "b.csv", new ByteArrayInputStream(
                utf8(csv(HEADER, "BB_USERS,650102,2025,10,,"))));
        editor.save(DS, "650102", "2025", List.of(new ObservationEditor.Entry("form", 0, "BB_USERS", "7", "", null,
                version("BB_USERS", "650102", "2025"))));
        try {
            imports.apply(prepared);
        } catch (InvalidInputException expected) {
            // the transaction of a real import would roll back here; the other person's value is there
        }
        assertThat(value("BB_USERS", "650102", "2025")).isEqualByComparingTo("7");
    }

    @Test
    void warningsOfTheRulesAreReportedAndTheFileIsImported() {
        var outcome = run("w.csv", utf8(csv(HEADER, "BB_USERS,650102,2025,42424242,,")));
        assertThat(outcome.created()).isEqualTo(1);
        assertThat(outcome.warnings()).extracting(InputProblem::line, InputProblem::field, p -> p.kind())
                .containsExactly(Tuple.tuple(2L, "value", CollectionProblem.REQUIRED_MISSING));
    }

    @Test
    void aBlankValueCannotEraseAStoredFigure() {
        run("a.csv", utf8(csv(HEADER, "BB_USERS,650102,2025,5,,")));
        assertThat(problems("b.csv", utf8(csv(HEADER, "BB_USERS,650102,2025,,,"))))
                .extracting(InputProblem::line, p -> p.kind()).containsExactly(Tuple.tuple(2L, CollectionProblem.NOT_A_NUMBER));
        assertThat(run("c.csv", utf8(csv(HEADER, "FTTH_USERS,650102,2025,,,"))).created()).isZero();
    }

    @Test
    void theSameFigureTwiceWithAnotherValueIsRefused() {
        assertThat(problems("d.csv", utf8(csv(HEADER, "BB_USERS,650102,2025,5,,", "BB_USERS,650102,2025,6,,"))))
                .extracting(InputProblem::line, InputProblem::args, p -> p.kind())
                .containsExactly(Tuple.tuple(3L, List.of("5", 2L), ImportProblem.DUPLICATE_FIGURE));
        assertThat(run("e.csv", utf8(csv(HEADER, "BB_USERS,650102,2025,5,,", "BB_USERS,650102,2025,5.0,,"))).created())
                .isEqualTo(1);
    }

    @Test
    void anOldExcelWorkbookAndAnEmptyFileAreSaidToBeWhatTheyAre() {
        assertThat(problems("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1}))
                .extracting(p -> p.kind()).containsExactly(ImportProblem.OLD_EXCEL);
        assertThat(problems("empty.csv", new byte[0])).extracting(p -> p.kind().key()).containsExactly("file.empty");
    }

    @Test
    void aBrokenHeaderNamesEveryColumnProblem() {
        assertThat(problems("h.csv", utf8(csv("indicator,地区,region,amount", "BB_USERS,650102,650102,1"))))
                .extracting(InputProblem::field, p -> p.kind().key())
                .containsExactlyInAnyOrder(Tuple.tuple("region", "file.duplicate"), Tuple.tuple("amount", "file.unknown-field"),
                        Tuple.tuple("period", "file.missing-field"), Tuple.tuple("value", "file.missing-field"));
    }
}
