package org.yardstick.sdmx.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.Period;

/**
 * A data query of the SDMX REST interface, checked: the key (one set of codes per dimension of the
 * data structure, empty for any), the period range and whether observations carry every dimension
 * ({@code AllDimensions}) or hang under series by {@code TIME_PERIOD}. Plain Java.
 *
 * @param key codes allowed per dimension, in the order of {@link Dsd#DIMENSIONS}; an empty set allows any
 * @param from first day of {@code startPeriod}, if given
 * @param to last day of {@code endPeriod}, if given
 * @param flat {@code dimensionAtObservation=AllDimensions}
 */
public record DataQuery(List<Set<String>> key, @Nullable LocalDate from, @Nullable LocalDate to, boolean flat) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_@$\\-]+");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Years a period filter may name: the range {@link Period} accepts. */
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2200;

    public DataQuery {
        key = List.copyOf(key.stream().map(Set::copyOf).toList());
    }

    /** Every series, every period, by time. */
    public static DataQuery all() {
        return parse(null, null, null, null);
    }

    /**
     * Reads the parts of a data query.
     *
     * @throws SdmxRequestException (400) naming the part that is wrong
     */
    public static DataQuery parse(@Nullable String key, @Nullable String startPeriod, @Nullable String endPeriod,
                                  @Nullable String dimensionAtObservation) {
        List<Set<String>> sets = new ArrayList<>();
        int n = Dsd.DIMENSIONS.size();
        if (key == null || key.isBlank() || key.equalsIgnoreCase("all")) {
            for (int i = 0; i < n; i++) {
                sets.add(Set.of());
            }
        } else {
            String[] parts = key.split("\\.", -1);
            if (parts.length != n) {
                throw new SdmxRequestException(400, "sdmx.error.key-length",
                        "key '" + key + "' has " + parts.length + " dimensions; the data structure has " + n + " ("
                                + String.join(".", Dsd.DIMENSIONS) + ")", key, String.valueOf(parts.length), String.valueOf(n), String.join(".", Dsd.DIMENSIONS));
            }
            for (int i = 0; i < n; i++) {
                Set<String> codes = new LinkedHashSet<>();
                if (!parts[i].isEmpty()) {
                    for (String code : parts[i].split("\\+", -1)) {
                        if (!ID.matcher(code).matches()) {
                            throw new SdmxRequestException(400, "sdmx.error.key-code",
                                    "key '" + key + "': '" + code + "' is not a code of " + Dsd.DIMENSIONS.get(i), key, code,
                                    Dsd.DIMENSIONS.get(i));
                        }
                        codes.add(code);
                    }
                }
                sets.add(codes);
            }
        }
        LocalDate from = startPeriod == null || startPeriod.isBlank() ? null : bound("startPeriod", startPeriod, true);
        LocalDate to = endPeriod == null || endPeriod.isBlank() ? null : bound("endPeriod", endPeriod, false);
        if (from != null && to != null && from.isAfter(to)) {
            throw new SdmxRequestException(400, "sdmx.error.period-order",
                    "startPeriod " + startPeriod + " is after endPeriod " + endPeriod, startPeriod, endPeriod);
        }
        boolean flat;
        if (dimensionAtObservation == null || dimensionAtObservation.isBlank()
                || dimensionAtObservation.equals(Dsd.TIME_PERIOD)) {
            flat = false;
        } else if (dimensionAtObservation.equals("AllDimensions")) {
            flat = true;
        } else {
            throw new SdmxRequestException(400, "sdmx.error.observation-dimension",
                    "dimensionAtObservation '" + dimensionAtObservation + "' is not supported: TIME_PERIOD or AllDimensions",
                    dimensionAtObservation);
        }
        return new DataQuery(sets, from, to, flat);
    }

    /** The codes asked for a dimension, empty for any. */
    public Set<String> codes(String dimension) {
        return key.get(Dsd.DIMENSIONS.indexOf(dimension));
    }

    private static LocalDate bound(String name, String text, boolean start) {
        String t = text.trim();
        if (DAY.matcher(t).matches()) {
            try {
                LocalDate day = LocalDate.parse(t);
                if (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR) {
                    return day;
                }
            } catch (DateTimeParseException e) {
                // refused below
            }
        } else {
            Period p = Period.parse(t).orElse(null);
            if (p != null && p.year() >= FIRST_YEAR && p.year() <= LAST_YEAR) {
                if (start) {
                    return p.start();
                }
                return switch (p.type()) {
                    case YEAR -> p.start().plusYears(1).minusDays(1);
                    case QUARTER -> p.start().plusMonths(3).minusDays(1);
                    case MONTH -> p.start().plusMonths(1).minusDays(1);
                };
            }
        }
        throw new SdmxRequestException(400, "sdmx.error.period",
                name + " '" + text + "' is not a period between " + FIRST_YEAR + " and " + LAST_YEAR
                        + " (2015, 2015-Q3, 2015-03 or 2015-03-31)", name, text, String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
    }
}
