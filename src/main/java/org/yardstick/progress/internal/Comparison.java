package org.yardstick.progress.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Disaggregation;
import org.yardstick.framework.Indicator;
import org.yardstick.observation.Observation;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;

/**
 * Every region of a level inside a region on one indicator: the regions ranked for a period, the
 * gap between the best and worst quarters then and over time, and the breakdowns the data has.
 *
 * @param breakdown the breakdown compared ({@code _T}: the total)
 * @param breakdowns the breakdowns with figures for these regions
 * @param years the years with figures for the breakdown, oldest first
 * @param period the year compared; null when there is no figure
 * @param rows every region of the level in the scope: ranked ones first (best first), then those without a figure
 * @param gap the gap in the year compared
 * @param gaps the gap in every year with four regions reporting or more
 * @param byBreakdown each breakdown in the year compared: how many regions, their mean and gap
 */
public record Comparison(
        Indicator indicator, Region scope, RegionLevel level, String breakdown, List<Disaggregation> breakdowns,
        List<Integer> years, @Nullable Integer period, List<Row> rows, @Nullable QuartileGap gap, List<YearGap> gaps,
        List<BreakdownSummary> byBreakdown, Map<String, Disaggregation> breakdownNames) {

    /**
     * A region's place.
     *
     * @param rank 1 for the best; ties share a rank; null without a figure
     * @param quartile 1 (best quarter) to 4; null without a figure
     * @param change the change since the previous year's figure, in the indicator's unit
     */
    public record Row(Region region, @Nullable Integer rank, @Nullable Integer quartile, @Nullable Observation value,
                      @Nullable Double change) {}

    public record YearGap(int year, QuartileGap gap) {}

    public record BreakdownSummary(Disaggregation breakdown, int regions, double mean, @Nullable QuartileGap gap) {}

    /** How many regions have a figure in the year compared. */
    public long reporting() {
        return rows.stream().filter(r -> r.value() != null).count();
    }

    /**
     * The word for a row's quarter (issue 15 item 6: no group of one): {@code compare.quartile.N} for a
     * group of regions (领先组), {@code compare.quartile.one.N} when the quarter holds one region only (最好).
     */
    public String quartileKey(int quartile) {
        return (QuartileGap.size(quartile, (int) reporting()) == 1 ? "compare.quartile.one." : "compare.quartile.") + quartile;
    }

    /** The best and the worst region of the year compared, when each quarter holds one region; else null. */
    public @Nullable List<Row> singleEnds() {
        int n = (int) reporting();
        return gap != null && gap.k() == 1 && n >= 2 ? List.of(rows.get(0), rows.get(n - 1)) : null;
    }
}
