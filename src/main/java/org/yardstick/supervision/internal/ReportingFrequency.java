package org.yardstick.supervision.internal;

import java.time.LocalDate;
import org.yardstick.shared.Period;

/** How often the items of a plan are reported on. */
public enum ReportingFrequency {
    MONTH, QUARTER, YEAR;

    /** The period of this frequency that contains a day. */
    public Period periodOf(LocalDate day) {
        return switch (this) {
            case MONTH -> Period.parse(String.format("%d-%02d", day.getYear(), day.getMonthValue())).orElseThrow();
            case QUARTER -> Period.parse(day.getYear() + "Q" + ((day.getMonthValue() + 2) / 3)).orElseThrow();
            case YEAR -> Period.year(day.getYear());
        };
    }

    /** The last day of a period. */
    public static LocalDate end(Period p) {
        return switch (p.type()) {
            case MONTH -> p.start().plusMonths(1).minusDays(1);
            case QUARTER -> p.start().plusMonths(3).minusDays(1);
            case YEAR -> p.start().plusYears(1).minusDays(1);
        };
    }

    /** Whether a period code has this frequency's form. */
    public boolean matches(Period p) {
        return p.type().name().equals(name());
    }
}
