package org.yardstick.aggregation.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's baseline: the plainest correct code for the same results, as a
 * {@code GROUP BY} over each county's path would compute them. Each reporting county's value is
 * added into its own, its prefecture's, its province's and the country's totals, found through a
 * parent map; coverage counts the counties that reported against those expected. It knows only
 * county figures (no reported figure of a prefecture standing for its counties, no withholding):
 * on such data it must give what the engine gives.
 */
final class GroupByBaseline {

    /** A region's totals: the sum (or numerator and denominator sums) over its reporting counties, and coverage. */
    static final class Total {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal den = BigDecimal.ZERO;
        int covered;
        int expected;
    }

    private final Map<String, String> parentOf;
    private final List<String> counties;

    GroupByBaseline(Map<String, String> parentOf, List<String> counties) {
        this.parentOf = new HashMap<>(parentOf);
        this.counties = List.copyOf(counties);
    }

    /** region → total and coverage of {@code figures} (county → value); a region's sum is its value where covered > 0. */
    Map<String, Total> sum(Map<String, BigDecimal> figures) {
        Map<String, Total> totals = new HashMap<>();
        for (String county : counties) {
            BigDecimal v = figures.get(county);
            for (String r = county; r != null; r = parentOf.get(r)) {
                Total t = totals.computeIfAbsent(r, k -> new Total());
                t.expected++;
                if (v != null) {
                    t.covered++;
                    t.sum = t.sum.add(v);
                }
            }
        }
        return totals;
    }

    /** region → scale · Σ num / Σ den over the counties that have both (null where none has or Σ den is 0). */
    Map<String, BigDecimal> ratioOfSums(Map<String, BigDecimal> numerators, Map<String, BigDecimal> denominators,
                                        BigDecimal scale, Map<String, Total> totalsOut) {
        for (String county : counties) {
            BigDecimal num = numerators.get(county);
            BigDecimal den = denominators.get(county);
            boolean both = num != null && den != null;
            for (String r = county; r != null; r = parentOf.get(r)) {
                Total t = totalsOut.computeIfAbsent(r, k -> new Total());
                t.expected++;
                if (both) {
                    t.covered++;
                    t.sum = t.sum.add(num);
                    t.den = t.den.add(den);
                }
            }
        }
        Map<String, BigDecimal> shares = new HashMap<>();
        totalsOut.forEach((r, t) -> {
            if (t.covered > 0 && t.den.signum() != 0) {
                shares.put(r, t.sum.multiply(scale).divide(t.den, MathContext.DECIMAL128));
            }
        });
        return shares;
    }

    /** A / B * 100 written in Java: null where an input is missing or B is 0. */
    static BigDecimal percent(BigDecimal a, BigDecimal b) {
        if (a == null || b == null || b.signum() == 0) {
            return null;
        }
        return a.divide(b, MathContext.DECIMAL128).multiply(BigDecimal.valueOf(100));
    }
}
