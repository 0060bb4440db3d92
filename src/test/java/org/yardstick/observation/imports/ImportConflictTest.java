package org.yardstick.observation.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yardstick.observation.imports.Files.csv;
import static org.yardstick.observation.imports.Files.utf8;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.yardstick.YardstickTest;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * A concurrent change between the check of a file and its write, with real commits: the import is
 * refused with the conflicting row, and nothing of the file is written — not even the figures that
 * did not conflict. Writes under a county no other test uses (水磨沟区, 650105) and leaves it as the
 * file before the conflict left it, whatever ran before.
 */
@YardstickTest
@WithUserDetails("admin")
class ImportConflictTest {

    static final String DS = "xj-county-info";
    static final String HEADER = "indicator,region,period,value,qualifier,comment";

    @Autowired FigureImports imports;
    @Autowired ObservationEditor editor;
    @Autowired JdbcTemplate jdbc;

    int version(String indicator) {
        return jdbc.queryForObject("""
                select o.version from observation o join indicator i on i.id = o.indicator_id
                join region r on r.id = o.region_id where i.code = ? and r.code = '650105' and o.period = '2025'""",
                Integer.class, indicator);
    }

    long audits() {
        return jdbc.queryForObject("select count(*) from audit_event where entity_key like '%/650105/2025'", Long.class);
    }

    @Test
    void nothingOfTheFileIsWrittenWhenOneOfItsFiguresWasChangedMeanwhile() {
        imports.importFile(DS, "a.csv", new ByteArrayInputStream(utf8(csv(HEADER,
                "BB_USERS,650105,2025,5,,", "FTTH_USERS,650105,2025,1,,"))));
        ImportBatch.Prepared prepared = imports.prepare(DS, "b.csv", new ByteArrayInputStream(
                utf8(csv(HEADER, "BB_USERS,650105,2025,10,,", "FTTH_USERS,650105,2025,2,,"))));
        editor.save(DS, "650105", "2025", List.of(new ObservationEditor.Entry("form", 0, "BB_USERS", "7", "", null,
                version("BB_USERS"))));
        long audited = audits();
        int ftth = version("FTTH_USERS");

        assertThatThrownBy(() -> imports.apply(prepared)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InputProblem::source, InputProblem::line, InputProblem::field,
                                p -> p.kind())
                        .containsExactly(Tuple.tuple("b.csv", 2L, "value", CollectionProblem.CONFLICT)));

        assertThat(Files.value(jdbc, "BB_USERS", "650105", "2025")).isEqualByComparingTo("7");
        assertThat(Files.value(jdbc, "FTTH_USERS", "650105", "2025")).isEqualByComparingTo("1");
        assertThat(version("FTTH_USERS")).isEqualTo(ftth);
        assertThat(audits()).isEqualTo(audited);
    }

    @Test
    void aFigureSomeoneCreatedMeanwhileIsAConflictAndNothingOfTheFileIsWritten() {
        imports.importFile(DS, "a.csv", new ByteArrayInputStream(utf8(csv(HEADER, "BB_USERS,650105,2025,5,,"))));
        jdbc.update("""
                delete from observation where region_id = (select id from region where code = '650105') and period = '2025'
                and indicator_id in (select id from indicator where code in ('INTERNET_PORTS', 'MOBILE_INTERNET_USERS'))""");
        ImportBatch.Prepared prepared = imports.prepare(DS, "c.csv", new ByteArrayInputStream(
                utf8(csv(HEADER, "MOBILE_INTERNET_USERS,650105,2025,40,,", "INTERNET_PORTS,650105,2025,30,,"))));
        // meanwhile, someone enters the ports through the form: the figure the file would create exists now
        editor.save(DS, "650105", "2025", List.of(new ObservationEditor.Entry("form", 0, "INTERNET_PORTS", "31", "", null,
                null)));
        long audited = audits();

        assertThatThrownBy(() -> imports.apply(prepared)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InputProblem::source, p -> p.kind())
                        .containsExactly(Tuple.tuple("c.csv", CollectionProblem.CONFLICT)));

        assertThat(Files.value(jdbc, "INTERNET_PORTS", "650105", "2025")).isEqualByComparingTo("31");
        assertThat(Files.value(jdbc, "MOBILE_INTERNET_USERS", "650105", "2025")).isNull();
        assertThat(audits()).isEqualTo(audited);
    }
}
