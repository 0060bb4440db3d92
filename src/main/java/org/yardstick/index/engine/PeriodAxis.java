package org.yardstick.index.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the periods of a panel lie in time, so that panel imputation measures the real distance
 * between them (a survey in 2010, 2012, 2013, 2014 has a two-year step first). All periods in one
 * form: years ({@code 2010}, {@code 2010年}) count in years; quarters ({@code 2015-Q1},
 * {@code 2015Q1}) in quarters; months ({@code 2015-03}, {@code 2015M03}) in months; other plain
 * numbers by their value. Anything else (mixed forms, free text) falls back to the periods' order,
 * one step each.
 *
 * @param unit what one step is: {@code year}, {@code quarter}, {@code month}, {@code number} or {@code order}
 * @param positions the position of each period, in that unit
 */
public record PeriodAxis(String unit, double[] positions) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})年?");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})[-_ ]?[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(?:-|[Mm])(\\d{1,2})");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** The axis of the given periods, in their order. */
    public static PeriodAxis of(List<String> periods) {
        int n = periods.size();
        double[] years = parse(periods, YEAR, 1);
        if (years != null) {
            return new PeriodAxis("year", years);
        }
        double[] quarters = parse(periods, QUARTER, 4);
        if (quarters != null) {
            return new PeriodAxis("quarter", quarters);
        }
        double[] months = parse(periods, MONTH, 12);
        if (months != null) {
            return new PeriodAxis("month", months);
        }
        double[] numbers = new double[n];
        boolean numeric = true;
        for (int p = 0; p < n && numeric; p++) {
            numeric = NUMBER.matcher(periods.get(p).strip()).matches();
            if (numeric) {
                numbers[p] = Double.parseDouble(periods.get(p).strip());
            }
        }
        if (numeric && increasing(numbers)) {
            return new PeriodAxis("number", numbers);
        }
        double[] order = new double[n];
        for (int p = 0; p < n; p++) {
            order[p] = p;
        }
        return new PeriodAxis("order", order);
    }

    private static double[] parse(List<String> periods, Pattern pattern, int perYear) {
        double[] at = new double[periods.size()];
        for (int p = 0; p < at.length; p++) {
            Matcher m = pattern.matcher(periods.get(p).strip());
            if (!m.matches()) {
                return null;
            }
            int sub = perYear == 1 ? 1 : Integer.parseInt(m.group(2));
            if (sub < 1 || sub > perYear) {
                return null;
            }
            at[p] = Integer.parseInt(m.group(1)) * (double) perYear + (sub - 1);
        }
        return increasing(at) ? at : null;
    }

    private static boolean increasing(double[] at) {
        for (int p = 1; p < at.length; p++) {
            if (!(at[p] > at[p - 1])) {
                return false;
            }
        }
        return true;
    }

    /** The distance from period {@code a} to period {@code b}, in steps of the unit. */
    public double distance(int a, int b) {
        return positions[b] - positions[a];
    }
}
