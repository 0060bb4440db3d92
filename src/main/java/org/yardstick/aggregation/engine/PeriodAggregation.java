package org.yardstick.aggregation.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yardstick.shared.Period;

/**
 * Rolls one region's figures of months and quarters up to quarters and years by a
 * {@link PeriodRule}. A quarter without its own figure is made from its months first, so a year
 * can rest on quarters reported by some and months reported by others. A figure reported for the
 * year (or quarter) itself is not this class's business: the caller prefers it.
 */
public final class PeriodAggregation {

    private PeriodAggregation() {}

    /**
     * The figure of {@code target} (a year or a quarter) from the figures of the shorter periods
     * inside it; empty when none of them has one.
     *
     * @param figures figures of any periods (those outside {@code target} or not shorter are ignored)
     */
    public static Optional<PeriodFigure> roll(PeriodRule rule, Period target, Map<Period, BigDecimal> figures) {
        if (target.type() == Period.Type.MONTH) {
            throw new IllegalArgumentException("a month has no shorter periods: " + target);
        }
        TreeMap<Period, BigDecimal> present = new TreeMap<>();
        int coveredMonths = 0;
        Period asOf = null;
        for (Period part : parts(target)) {
            BigDecimal v = figures.get(part);
            int months = part.type() == Period.Type.QUARTER ? 3 : 1;
            Period latest = part;
            if (v == null && part.type() == Period.Type.QUARTER) {
                Optional<PeriodFigure> fromMonths = roll(rule, part, figures);
                if (fromMonths.isPresent()) {
                    v = fromMonths.get().value();
                    months = fromMonths.get().covered();
                    latest = fromMonths.get().asOf();
                }
            }
            if (v != null) {
                present.put(part, v);
                coveredMonths += months;
                asOf = latest;
            }
        }
        if (present.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal value = switch (rule) {
            case SUM -> present.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case LAST -> present.lastEntry().getValue();
            case MEAN -> present.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(present.size()), MathContext.DECIMAL128);
        };
        int expectedMonths = target.type() == Period.Type.YEAR ? 12 : 3;
        return Optional.of(new PeriodFigure(target, value, coveredMonths, expectedMonths, asOf, new ArrayList<>(present.keySet())));
    }

    /** A year's four quarters, or a quarter's three months. */
    static List<Period> parts(Period p) {
        List<Period> parts = new ArrayList<>();
        if (p.type() == Period.Type.YEAR) {
            for (int q = 1; q <= 4; q++) {
                parts.add(Period.parse(p.year() + "Q" + q).orElseThrow());
            }
        } else {
            for (int m = 0; m < 3; m++) {
                int month = p.start().getMonthValue() + m;
                parts.add(Period.parse(p.year() + "-" + month).orElseThrow());
            }
        }
        return parts;
    }
}
