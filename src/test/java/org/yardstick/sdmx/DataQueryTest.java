package org.yardstick.sdmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yardstick.sdmx.internal.DataFormat;
import org.yardstick.sdmx.internal.DataQuery;
import org.yardstick.sdmx.internal.Dsd;
import org.yardstick.sdmx.internal.SdmxRequestException;

/** The plain-Java reading of SDMX data queries: keys, periods, formats. */
class DataQueryTest {

    @Test
    void keysAreDotSeparatedWithPlusForOrAndEmptyForAny() {
        DataQuery q = DataQuery.parse("A.65+6501..AREA_URBAN", null, null, null);
        assertThat(q.codes("FREQ")).containsExactly("A");
        assertThat(q.codes("REF_AREA")).containsExactlyInAnyOrder("65", "6501");
        assertThat(q.codes("INDICATOR")).isEmpty();
        assertThat(q.codes("BREAKDOWN")).containsExactly("AREA_URBAN");
        assertThat(DataQuery.parse("all", null, null, null).key()).allMatch(Set::isEmpty);
        assertThat(DataQuery.parse("...", null, null, null).key()).hasSize(4).allMatch(Set::isEmpty);
    }

    @Test
    void aKeyWithTheWrongNumberOfDimensionsIsRefused() {
        assertThatThrownBy(() -> DataQuery.parse("A.65", null, null, null)).isInstanceOf(SdmxRequestException.class)
                .hasMessageContaining("2 dimensions").extracting(e -> ((SdmxRequestException) e).status()).isEqualTo(400);
        assertThatThrownBy(() -> DataQuery.parse("A.65.X.Y.Z", null, null, null)).hasMessageContaining("5 dimensions");
        assertThatThrownBy(() -> DataQuery.parse("A.6 5.X.Y", null, null, null)).hasMessageContaining("'6 5'");
        assertThatThrownBy(() -> DataQuery.parse("A.65++66.X.Y", null, null, null)).hasMessageContaining("''");
    }

    @Test
    void periodsBoundTheFirstAndLastDay() {
        DataQuery q = DataQuery.parse(null, "2015-Q2", "2016-03", null);
        assertThat(q.from()).isEqualTo(LocalDate.of(2015, 4, 1));
        assertThat(q.to()).isEqualTo(LocalDate.of(2016, 3, 31));
        assertThat(DataQuery.parse(null, "2015", "2015", null).to()).isEqualTo(LocalDate.of(2015, 12, 31));
        assertThat(DataQuery.parse(null, "2015-03-15", null, null).from()).isEqualTo(LocalDate.of(2015, 3, 15));
    }

    @Test
    void reversedOrAbsurdPeriodsAreRefused() {
        assertThatThrownBy(() -> DataQuery.parse(null, "2020", "2019", null)).hasMessageContaining("after");
        assertThatThrownBy(() -> DataQuery.parse(null, "2020-Q3", "2020-06", null)).hasMessageContaining("after");
        for (String absurd : new String[] {"10000", "0999", "2015-13", "2015-Q0", "2015-02-30", "soon", "1899"}) {
            assertThatThrownBy(() -> DataQuery.parse(null, absurd, null, null)).as(absurd)
                    .isInstanceOf(SdmxRequestException.class).hasMessageContaining(absurd);
        }
    }

    @Test
    void observationsHangUnderTimeOrCarryAllDimensions() {
        assertThat(DataQuery.parse(null, null, null, null).flat()).isFalse();
        assertThat(DataQuery.parse(null, null, null, "TIME_PERIOD").flat()).isFalse();
        assertThat(DataQuery.parse(null, null, null, "AllDimensions").flat()).isTrue();
        assertThatThrownBy(() -> DataQuery.parse(null, null, null, "REF_AREA")).hasMessageContaining("REF_AREA");
    }

    @Test
    void formatsByNameOrAcceptWithQualityAndVersion() {
        assertThat(DataFormat.choose(null, null)).isEqualTo(DataFormat.STRUCTURE_SPECIFIC);
        assertThat(DataFormat.choose("csv", "application/pdf")).isEqualTo(DataFormat.CSV);
        assertThat(DataFormat.choose(null, "application/vnd.sdmx.data+json;version=1.0.0")).isEqualTo(DataFormat.JSON);
        assertThat(DataFormat.choose(null, "application/vnd.sdmx.data+csv;version=1.0.0;q=0.4, application/json;q=0.9"))
                .isEqualTo(DataFormat.JSON);
        assertThat(DataFormat.choose(null, "*/*")).isEqualTo(DataFormat.STRUCTURE_SPECIFIC);
        assertThatThrownBy(() -> DataFormat.choose(null, "application/vnd.sdmx.data+json;version=2.0.0"))
                .extracting(e -> ((SdmxRequestException) e).status()).isEqualTo(406);
        assertThatThrownBy(() -> DataFormat.choose(null, "not a type")).isInstanceOf(SdmxRequestException.class);
        assertThatThrownBy(() -> DataFormat.choose("genericdata", null)).isInstanceOf(SdmxRequestException.class);
    }

    @Test
    void storedPeriodsBecomeSdmxTimePeriods() {
        assertThat(Dsd.time("2015Q3")).isEqualTo("2015-Q3");
        assertThat(Dsd.time("2015-03")).isEqualTo("2015-03");
        assertThat(Dsd.freq("2015")).isEqualTo("A");
        assertThat(Dsd.freq("2015Q3")).isEqualTo("Q");
        assertThat(Dsd.freq("2015-03")).isEqualTo("M");
    }
}
