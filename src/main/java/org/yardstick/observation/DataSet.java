package org.yardstick.observation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yardstick.region.RegionLevel;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.Period;

/**
 * A data set (数据集/报表): the indicators regions of one level report for one kind of period, and
 * the windows in which each period is open for reporting.
 *
 * @param planCode the plan whose indicators it collects, if any
 * @param regionCodes the regions whose regions of {@code regionLevel} report it (填报单位); empty: every region of the level
 * @param maxDecimals how many decimals its figures may have; null: as many as are stored (16)
 * @param retired whether it was retired (停用): kept with its figures, no longer collected
 */
public record DataSet(
        long id, String code, LocalizedText name, RegionLevel regionLevel, Period.Type periodType,
        @Nullable String planCode, LocalizedText description, List<Item> items, List<Window> windows, int version,
        List<String> regionCodes, @Nullable Integer maxDecimals, boolean retired) {

    /** An indicator of the data set; required ones must be filled before a submission. */
    public record Item(String indicatorCode, boolean required) {}

    /**
     * When a period is open for reporting, both days included.
     *
     * @param reason why it was opened, when it was opened after the period ended (补报, back-filling); else empty
     */
    public record Window(String period, LocalDate opensOn, LocalDate closesOn, String reason) {
        public Window(String period, LocalDate opensOn, LocalDate closesOn) {
            this(period, opensOn, closesOn, "");
        }

        public boolean isOpen(LocalDate today) {
            return !today.isBefore(opensOn) && !today.isAfter(closesOn);
        }
    }

    public DataSet {
        items = List.copyOf(items);
        windows = List.copyOf(windows);
        regionCodes = List.copyOf(regionCodes);
    }

    /** A data set reported by every region of its level, with no limit on decimals beyond storage's, in use. */
    public DataSet(long id, String code, LocalizedText name, RegionLevel regionLevel, Period.Type periodType,
                   @Nullable String planCode, LocalizedText description, List<Item> items, List<Window> windows,
                   int version) {
        this(id, code, name, regionLevel, periodType, planCode, description, items, windows, version, List.of(), null,
                false);
    }

    /** The most decimals a figure of this data set may have. */
    public int decimals() {
        return maxDecimals != null ? maxDecimals : MAX_DECIMALS;
    }

    /** The most decimals any figure is stored with (observation.obs_value is numeric(38, 16)). */
    public static final int MAX_DECIMALS = 16;

    /** Whether a region reports this data set: a region of its level, within one of its reporting regions if it names any. */
    public boolean reportedBy(org.yardstick.region.Region r) {
        return r.level() == regionLevel && (regionCodes.isEmpty()
                || regionCodes.stream().anyMatch(c -> c.equals(r.code()) || r.ancestorCodes().contains(c)));
    }

    public boolean contains(String indicatorCode) {
        return items.stream().anyMatch(i -> i.indicatorCode().equals(indicatorCode));
    }

    public Optional<Window> window(String period) {
        return windows.stream().filter(w -> w.period().equals(period)).findFirst();
    }

    /** The periods open on a day, newest first; none once the data set is retired. */
    public List<Window> openOn(LocalDate today) {
        if (retired) {
            return List.of();
        }
        return windows.stream().filter(w -> w.isOpen(today))
                .sorted((a, b) -> b.period().compareTo(a.period())).toList();
    }
}
