package org.yardstick.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.Proposal;
import org.yardstick.observation.Severity;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.Period;
import org.yardstick.validation.internal.Condition;
import org.yardstick.validation.internal.ValidationRule;

/** Rules, data sets and proposals in memory, for the plain-Java tests of validation. */
final class Fixtures {

    static final DataSet COUNTY = dataSet(1, "xj-county-info", "BB_USERS", "FTTH_USERS", "MOBILE_INTERNET_USERS",
            "INTERNET_PORTS", "FTTB_RATE", "RURAL_FIBRE_VILLAGE_RATE");
    static final Region TIANSHAN = new Region(7, "650102", 6L, RegionLevel.COUNTY, LocalizedText.of("天山区", "Tianshan"),
            true, "/CN/65/6501/650102/", 3);

    private Fixtures() {}

    static DataSet dataSet(long id, String code, String... indicators) {
        return new DataSet(id, code, LocalizedText.of(code, code), RegionLevel.COUNTY, Period.Type.YEAR, null,
                LocalizedText.of("", ""), java.util.Arrays.stream(indicators).map(i -> new DataSet.Item(i, true)).toList(),
                List.of(new DataSet.Window("2025", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))), 0);
    }

    static ValidationRule rule(String code, Severity severity, String indicator, Condition condition) {
        return rule(code, severity, null, indicator, condition);
    }

    static ValidationRule rule(String code, Severity severity, @Nullable String dataSet, String indicator,
                               Condition condition) {
        return new ValidationRule(0, code, LocalizedText.of(code, code), severity, true, dataSet, indicator, condition, 0,
                "test", null);
    }

    static ValidationRule disabled(ValidationRule r) {
        return new ValidationRule(r.id(), r.code(), r.name(), r.severity(), false, r.dataSetCode(), r.indicatorCode(),
                r.condition(), r.version(), r.updatedBy(), r.updatedAt());
    }

    /** Values as {@code "BB_USERS", "10", "FTTH_USERS", "12"}. */
    static Map<String, BigDecimal> values(String... pairs) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return m;
    }

    /** A whole-set proposal (as at submission and in the report): nothing changed, every rule speaks. */
    static Proposal whole(Map<String, BigDecimal> values) {
        return new Proposal(COUNTY, TIANSHAN, Period.year(2025), values, Map.of(), Set.of());
    }

    static Proposal change(Map<String, BigDecimal> values, Map<String, BigDecimal> previous, String... changed) {
        return new Proposal(COUNTY, TIANSHAN, Period.year(2025), values, previous, Set.of(changed));
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }
}
