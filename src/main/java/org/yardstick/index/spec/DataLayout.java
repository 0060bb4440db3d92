package org.yardstick.index.spec;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which columns of the data CSV are what. Wide data: one row per unit and period, one column per
 * indicator; every other column must be an indicator of the tree, a denominator one of them names,
 * or a label. Long data (as the platform's import): one row per unit, period and indicator, the
 * indicator's code in {@code indicatorColumn} and its value in {@code valueColumn}.
 *
 * @param unitColumn the column of unit codes (地区代码), required
 * @param periodColumn the column of periods (年份); null: one period only
 * @param groupColumn the column of group labels used by group imputation; null: none
 * @param labels other columns that are carried along and otherwise ignored (names, notes)
 * @param indicatorColumn long data: the column naming the indicator; null: wide data
 * @param valueColumn long data: the column of values
 * @param columnCodes names used in the data for indicators (a wide column's header or a long row's
 *     indicator, e.g. {@code "Fixed broadband per 100"}) mapped to the indicator's code
 */
public record DataLayout(String unitColumn, @Nullable String periodColumn, @Nullable String groupColumn,
        List<String> labels, @Nullable String indicatorColumn, @Nullable String valueColumn,
        Map<String, String> columnCodes) {

    public DataLayout {
        labels = List.copyOf(labels);
        columnCodes = Map.copyOf(columnCodes);
    }

    /** Wide data without renamed columns. */
    public DataLayout(String unitColumn, @Nullable String periodColumn, @Nullable String groupColumn,
            List<String> labels) {
        this(unitColumn, periodColumn, groupColumn, labels, null, null, Map.of());
    }

    /** Whether the data are long (one row per unit, period and indicator). */
    public boolean isLong() {
        return indicatorColumn != null;
    }

    /** The code of an indicator named so in the data (its own code when not renamed). */
    public String code(String name) {
        return columnCodes.getOrDefault(name, name);
    }

    /** The same layout with names in the data mapped to indicator codes. */
    public DataLayout withColumns(Map<String, String> codes) {
        return new DataLayout(unitColumn, periodColumn, groupColumn, labels, indicatorColumn, valueColumn, codes);
    }
}
