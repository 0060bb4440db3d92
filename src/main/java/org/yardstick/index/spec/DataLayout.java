package org.yardstick.index.spec;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which columns of the wide data CSV are what. Every other column must be an indicator of the
 * tree or a denominator one of them names.
 *
 * @param unitColumn the column of unit codes (地区代码), required
 * @param periodColumn the column of periods (年份); null: one period only
 * @param groupColumn the column of group labels used by group imputation; null: none
 * @param labels other columns that are carried along and otherwise ignored (names, notes)
 */
public record DataLayout(String unitColumn, @Nullable String periodColumn, @Nullable String groupColumn,
        List<String> labels) {

    public DataLayout {
        labels = List.copyOf(labels);
    }
}
