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
 */
public record DataSet(
        long id, String code, LocalizedText name, RegionLevel regionLevel, Period.Type periodType,
        @Nullable String planCode, LocalizedText description, List<Item> items, List<Window> windows, int version) {

    /** An indicator of the data set; required ones must be filled before a submission. */
    public record Item(String indicatorCode, boolean required) {}

    /** When a period is open for reporting, both days included. */
    public record Window(String period, LocalDate opensOn, LocalDate closesOn) {
        public boolean isOpen(LocalDate today) {
            return !today.isBefore(opensOn) && !today.isAfter(closesOn);
        }
    }

    public DataSet {
        items = List.copyOf(items);
        windows = List.copyOf(windows);
    }

    public boolean contains(String indicatorCode) {
        return items.stream().anyMatch(i -> i.indicatorCode().equals(indicatorCode));
    }

    public Optional<Window> window(String period) {
        return windows.stream().filter(w -> w.period().equals(period)).findFirst();
    }

    /** The periods open on a day, newest first. */
    public List<Window> openOn(LocalDate today) {
        return windows.stream().filter(w -> w.isOpen(today))
                .sorted((a, b) -> b.period().compareTo(a.period())).toList();
    }
}
