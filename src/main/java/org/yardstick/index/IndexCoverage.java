package org.yardstick.index;

import java.util.List;
import org.yardstick.region.RegionLevel;
import org.yardstick.shared.Period;

/**
 * Which regions and periods the platform computes an index for: the {@code regions} and
 * {@code periods} sections of a definition.
 *
 * @param scopeCode the region whose subtree holds the units ({@code 65}: Xinjiang)
 * @param level the level of the units (prefectures, counties …); the scope itself when it is of that level
 * @param periods the periods to compute, oldest first; empty: every period with approved figures
 */
public record IndexCoverage(String scopeCode, RegionLevel level, List<Period> periods) {

    public IndexCoverage {
        periods = List.copyOf(periods);
    }

    public List<String> periodCodes() {
        return periods.stream().map(Period::code).toList();
    }
}
