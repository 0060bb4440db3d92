package org.yardstick.progress.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Qualifier;

/** The yearly figures of one indicator for one region, in year order, at most one per year. */
public record Series(List<Figure> observations) {

    public Series {
        List<Figure> sorted = new ArrayList<>(observations);
        sorted.sort(Comparator.comparingInt(Figure::year));
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

    public static Series of(Figure... observations) {
        return new Series(List.of(observations));
    }

    /** Unqualified figures by year. */
    public static Series of(Map<Integer, Double> valuesByYear) {
        List<Figure> list = new ArrayList<>();
        valuesByYear.forEach((year, value) -> list.add(Figure.of(year, value)));
        return new Series(list);
    }

    /** This series with one more unqualified figure. */
    public Series with(int year, double value) {
        return with(year, value, Qualifier.NONE);
    }

    /** This series with one more figure. */
    public Series with(int year, double value, Qualifier qualifier) {
        List<Figure> list = new ArrayList<>(observations);
        list.add(new Figure(year, value, qualifier));
        return new Series(list);
    }

    public boolean isEmpty() {
        return observations.isEmpty();
    }

    /** The figure of a year, or null. */
    public @Nullable Figure at(int year) {
        for (Figure o : observations) {
            if (o.year() == year) {
                return o;
            }
        }
        return null;
    }

    /** The latest figure, or null when empty. */
    public @Nullable Figure latest() {
        return observations.isEmpty() ? null : observations.get(observations.size() - 1);
    }

    /** The figures of the years up to and including {@code year}. */
    public Series upTo(int year) {
        return new Series(observations.stream().filter(o -> o.year() <= year).toList());
    }
}
