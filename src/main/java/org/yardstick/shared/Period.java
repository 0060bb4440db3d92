package org.yardstick.shared;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period (报告期): a year ({@code 2015}), a quarter ({@code 2015Q3}) or a month
 * ({@code 2015-03}). Periods order by their start, then by length (a year before its first
 * quarter).
 *
 * @param code the canonical text form
 * @param type year, quarter or month
 * @param start the first day of the period
 */
public record Period(String code, Type type, LocalDate start) implements Comparable<Period> {

    /** Length of a period. */
    public enum Type { YEAR, QUARTER, MONTH }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:年)?");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})[-_ ]?[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2200;

    /** Parses a period code; empty if it is not one of the three forms or outside 1900–2200. */
    public static Optional<Period> parse(String text) {
        String s = text.strip();
        Matcher m = YEAR.matcher(s);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            return inRange(y) ? Optional.of(year(y)) : Optional.empty();
        }
        m = QUARTER.matcher(s);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            int q = Integer.parseInt(m.group(2));
            return inRange(y) ? Optional.of(new Period(y + "Q" + q, Type.QUARTER, LocalDate.of(y, 3 * q - 2, 1)))
                    : Optional.empty();
        }
        m = MONTH.matcher(s);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(2));
            if (!inRange(y) || mo < 1 || mo > 12) {
                return Optional.empty();
            }
            return Optional.of(new Period(String.format("%d-%02d", y, mo), Type.MONTH, LocalDate.of(y, mo, 1)));
        }
        return Optional.empty();
    }

    public static Period year(int year) {
        return new Period(Integer.toString(year), Type.YEAR, LocalDate.of(year, 1, 1));
    }

    private static boolean inRange(int y) {
        return y >= MIN_YEAR && y <= MAX_YEAR;
    }

    public int year() {
        return start.getYear();
    }

    /** The same period a year earlier (for year-over-year comparisons). */
    public Period previousYear() {
        return switch (type) {
            case YEAR -> year(year() - 1);
            case QUARTER -> parse((year() - 1) + code.substring(4)).orElseThrow();
            case MONTH -> parse((year() - 1) + code.substring(4)).orElseThrow();
        };
    }

    /** The period just before this one, of the same type. */
    public Period previous() {
        return switch (type) {
            case YEAR -> year(year() - 1);
            case QUARTER -> {
                LocalDate s = start.minusMonths(3);
                yield new Period(s.getYear() + "Q" + ((s.getMonthValue() + 2) / 3), Type.QUARTER, s);
            }
            case MONTH -> {
                LocalDate s = start.minusMonths(1);
                yield new Period(String.format("%d-%02d", s.getYear(), s.getMonthValue()), Type.MONTH, s);
            }
        };
    }

    @Override
    public int compareTo(Period o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : type.compareTo(o.type);
    }

    @Override
    public String toString() {
        return code;
    }
}
