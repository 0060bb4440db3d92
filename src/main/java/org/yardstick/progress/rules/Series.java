package org.yardstick.progress.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Qualifier;

/** The yearly figures of one indicator for one region, in year order, at most one per year. */
public record Series(List<Observation> observations) {

    public Series {
        List<Observation> sorted = new ArrayList<>(observations);
        sorted.sort(Comparator.comparingInt(Observation::year));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).year() == sorted.get(i - 1).year()) {
                throw new IllegalArgumentException("two figures for " + sorted.get(i).year());
            }
        }
        observations = List.copyOf(sorted);
    }

    public static Series empty() {
        return new Series(List.of());
    }

    public static Series of(Observation... observations) {
        return new Series(List.of(observations));
    }

    /** Unqualified figures by year. */
    public static Series of(Map<Integer, Double> valuesByYear) {
        List<Observation> list = new ArrayList<>();
        valuesByYear.forEach((year, value) -> list.add(Observation.of(year, value)));
        return new Series(list);
    }

    /** This series with one more unqualified figure. */
    public Series with(int year, double value) {
        return with(year, value, Qualifier.NONE);
    }

    /** This series with one more figure. */
    public Series with(int year, double value, Qualifier qualifier) {
        List<Observation> list = new ArrayList<>(observations);
        list.add(new Observation(year, value, qualifier));
        return new Series(list);
    }

    public boolean isEmpty() {
        return observations.isEmpty();
    }

    /** The figure of a year, or null. */
    public @Nullable Observation at(int year) {
        for (Observation o : observations) {
            if (o.year() == year) {
                return o;
            }
        }
        return null;
    }

    /** The latest figure, or null when empty. */
    public @Nullable Observation latest() {
        return observations.isEmpty() ? null : observations.get(observations.size() - 1);
    }

    /** The figures of the years up to and including {@code year}. */
    public Series upTo(int year) {
        return new Series(observations.stream().filter(o -> o.year() <= year).toList());
    }
}
