package org.yardstick.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.MapFileSet;
import org.yardstick.YardstickTest;
import org.yardstick.observation.internal.ObservationProblem;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/** Reported figures in long-form CSV: every bad row is named by row, column, value and reason; nothing is written. */
@YardstickTest
@Transactional
class ObservationFilesTest {

    static final String HEADER = "indicator,region,period,disaggregation,measure,base_period,value,qualifier,document,line,quote\n";

    @Autowired ObservationFiles files;
    @Autowired Observations observations;
    @Autowired JdbcClient jdbc;

    long count() {
        return jdbc.sql("select count(*) from observation").query(Long.class).single();
    }

    InvalidInputException failing(String csv) {
        long before = count();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> files.load(new MapFileSet().with("o.csv", csv), "o.csv", ObservationStatus.APPROVED, "test"));
        assertThat(e).isNotNull();
        assertThat(count()).as("nothing written").isEqualTo(before);
        return e;
    }

    @Test
    void goodRowsLoadWithTheirSources() {
        var loaded = files.load(new MapFileSet().with("o.csv", HEADER
                        + "IIDI,6501,2019,,level,,61.5,约,xj-news-2017,16,\"a sentence, with a comma\"\n"
                        + "IIDI,6501,2019,,,,61.5,约,xj-info-13fyp,15,another sentence\n"),
                "o.csv", ObservationStatus.APPROVED, "test");
        assertThat(loaded.observations()).isEqualTo(1);
        assertThat(loaded.sources()).isEqualTo(2);
        assertThat(observations.approvedSeries("IIDI", "6501")).singleElement().satisfies(o -> {
            assertThat(o.value()).isEqualByComparingTo("61.5");
            assertThat(o.qualifierText()).isEqualTo("约");
            assertThat(o.sources()).extracting(s -> s.quote()).contains("a sentence, with a comma");
        });
    }

    @Test
    void everyBadRowIsReportedAtOnce() {
        InvalidInputException e = failing(HEADER
                + "NOPE,65,2019,,level,,1,,,,\n"
                + "IIDI,XX,2019,,level,,1,,,,\n"
                + "IIDI,65,19,,level,,1,,,,\n"
                + "IIDI,65,2019,,level,,1.2.3,,,,\n"
                + "IIDI,65,2019,,change,,1,,,,\n"
                + "IIDI,65,2019,,change,2020,1,,,,\n"
                + "IIDI,65,2019,,level,,1,大大,,,\n"
                + "IIDI,65,2019,,level,,1e20,,,,\n"
                + "IIDI,65,2019,,level,,1,,xj-info-13fyp,0,\n");
        assertThat(e.problems()).extracting(InputProblem::line, p -> p.field(), InputProblem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "indicator", ObservationProblem.UNKNOWN_INDICATOR),
                org.assertj.core.groups.Tuple.tuple(3L, "region", ObservationProblem.UNKNOWN_REGION),
                org.assertj.core.groups.Tuple.tuple(4L, "period", ObservationProblem.BAD_PERIOD),
                org.assertj.core.groups.Tuple.tuple(5L, "value", ObservationProblem.NOT_A_NUMBER),
                org.assertj.core.groups.Tuple.tuple(6L, "base_period", ObservationProblem.BASE_PERIOD_REQUIRED),
                org.assertj.core.groups.Tuple.tuple(7L, "base_period", ObservationProblem.BASE_PERIOD_ORDER),
                org.assertj.core.groups.Tuple.tuple(8L, "qualifier", ObservationProblem.UNKNOWN_QUALIFIER),
                org.assertj.core.groups.Tuple.tuple(9L, "value", ObservationProblem.TOO_LARGE),
                org.assertj.core.groups.Tuple.tuple(10L, "line", ObservationProblem.BAD_LINE),
                org.assertj.core.groups.Tuple.tuple(10L, "quote", ObservationProblem.QUOTE_REQUIRED));
        assertThat(e.problems().get(3).value()).isEqualTo("1.2.3");
    }

    @Test
    void theSameFigureWithTwoValuesIsAConflict() {
        InvalidInputException e = failing(HEADER + "IIDI,65,2019,,,,1,,,,\nIIDI,65,2019,,,,2,,,,\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.kind()).isEqualTo(ObservationProblem.CONFLICT);
            assertThat(p.reason()).isEqualTo("gives another value (1) for the same figure as row 2");
        });
    }

    @Test
    void aMissingColumnOrAnUnclosedQuoteIsNamed() {
        assertThat(failing("indicator,region,value\nIIDI,65,1\n").problems())
                .extracting(InputProblem::field, InputProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("period", FileProblem.MISSING_FIELD));
        assertThat(failing(HEADER + "IIDI,65,2019,,,,1,,xj-info-13fyp,1,\"never closed\n").problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(FileProblem.UNCLOSED_QUOTE);
                    assertThat(p.line()).isEqualTo(2);
                });
    }
}
