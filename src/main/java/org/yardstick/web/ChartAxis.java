package org.yardstick.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The time axis of a chart, from its data alone: it runs from the first period to the last that the
 * chart shows, never beyond (ECharts left to itself drew 1000–3500 around a single year). Plain Java.
 * Periods as the charts place them: 2015, 2015Q3 → 2015.5, 2015-03 → 2015.1667.
 *
 * @see #of(Collection)
 */
public final class ChartAxis {

    private static final Pattern PERIOD = Pattern.compile("^(\\d{4})(?:Q([1-4])|-(\\d{2}))?$");

    private ChartAxis() {}

    /** A period code (or a year) on the time line; null when it is not one. */
    public static @Nullable Double position(Object period) {
        if (period instanceof Number n) {
            return n.doubleValue();
        }
        Matcher m = PERIOD.matcher(String.valueOf(period));
        if (!m.matches()) {
            return null;
        }
        double year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return year + (Integer.parseInt(m.group(2)) - 1) / 4.0;
        }
        if (m.group(3) != null) {
            return year + (Integer.parseInt(m.group(3)) - 1) / 12.0;
        }
        return year;
    }

    /**
     * The axis of the periods shown: {@code min}, {@code max} and {@code points} (how many distinct
     * positions); null when there is none, or only one — then a sentence says more than a chart.
     */
    public static @Nullable Map<String, Object> of(Collection<?> periods) {
        TreeSet<Double> at = new TreeSet<>();
        for (Object p : periods) {
            Double x = position(p);
            if (x != null) {
                at.add(x);
            }
        }
        if (at.size() < 2) {
            return null;
        }
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("min", whole(at.first()));
        axis.put("max", whole(at.last()));
        axis.put("points", at.size());
        return axis;
    }

    private static Object whole(double x) {
        return x == Math.rint(x) ? (Object) (int) x : (Object) x;
    }
}
