package org.yardstick.aggregation.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded national region tree the size of China's (1 country, 31 provinces, 340 prefectures,
 * 2,978 counties) and county figures for it: benchmark and test input only, never demo data.
 * Prefectures are spread over provinces and counties over prefectures by the seed (each gets at
 * least one, the rest by seeded weights, so sizes vary as they do in reality). Codes follow the
 * 6-digit pattern of 行政区划代码: province {@code PP0000}, prefecture {@code PPCC00}, county {@code PPCCXX}.
 */
final class NationalRegions {

    static final int PROVINCES = 31;
    static final int PREFECTURES = 340;
    static final int COUNTIES = 2_978;
    static final int REGIONS = 1 + PROVINCES + PREFECTURES + COUNTIES;
    static final String COUNTRY = "000000";

    /** Every region's parent (the country's is null), parents before children. */
    final Map<String, String> parentOf;
    /** The reporting units, in tree order. */
    final List<String> counties;
    /** Every region in tree order (country, then each province followed by its prefectures and their counties). */
    final List<String> regions;

    private NationalRegions(Map<String, String> parentOf, List<String> counties) {
        this.parentOf = Collections.unmodifiableMap(parentOf);
        this.counties = List.copyOf(counties);
        this.regions = List.copyOf(parentOf.keySet());
    }

    static NationalRegions generate(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] prefecturesPer = spread(rnd, PREFECTURES, PROVINCES);
        int[] countiesPer = spread(rnd, COUNTIES, PREFECTURES);
        Map<String, String> parentOf = new LinkedHashMap<>();
        List<String> counties = new ArrayList<>(COUNTIES);
        parentOf.put(COUNTRY, null);
        int prefecture = 0;
        for (int p = 0; p < PROVINCES; p++) {
            String province = String.format("%02d0000", 11 + p);
            parentOf.put(province, COUNTRY);
            for (int c = 1; c <= prefecturesPer[p]; c++, prefecture++) {
                String pref = province.substring(0, 2) + String.format("%02d00", c);
                parentOf.put(pref, province);
                for (int x = 1; x <= countiesPer[prefecture]; x++) {
                    String county = pref.substring(0, 4) + String.format("%02d", x);
                    parentOf.put(county, pref);
                    counties.add(county);
                }
            }
        }
        if (parentOf.size() != REGIONS) {
            throw new IllegalStateException("generated " + parentOf.size() + " regions");
        }
        return new NationalRegions(parentOf, counties);
    }

    /** {@code total} items over {@code bins} bins: one each, the rest by seeded weights (0.3 to 1.7), at most 99 a bin. */
    private static int[] spread(SplittableRandom rnd, int total, int bins) {
        int[] n = new int[bins];
        double[] cumulative = new double[bins];
        double sum = 0;
        for (int i = 0; i < bins; i++) {
            n[i] = 1;
            sum += 0.3 + 1.4 * rnd.nextDouble();
            cumulative[i] = sum;
        }
        for (int left = total - bins; left > 0; ) {
            double r = rnd.nextDouble() * sum;
            int i = 0;
            while (cumulative[i] < r && i < bins - 1) {
                i++;
            }
            if (n[i] < 99) {
                n[i]++;
                left--;
            }
        }
        return n;
    }

    /**
     * One indicator's county figures: about {@code reportShare} of the counties report (seeded), each
     * a value with 2 decimals from 0.01 to 10,000,000.00.
     */
    Map<String, BigDecimal> countyFigures(long seed, double reportShare) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, BigDecimal> figures = new HashMap<>();
        for (String county : counties) {
            long cents = rnd.nextLong(1, 1_000_000_001L);
            if (rnd.nextDouble() < reportShare) {
                figures.put(county, BigDecimal.valueOf(cents, 2));
            }
        }
        return figures;
    }

    /**
     * Numerators for a share of {@code denominators}: for about {@code reportShare} of the counties
     * with a denominator, a part of it (0 to 100 %) with 2 decimals.
     */
    Map<String, BigDecimal> partsOf(Map<String, BigDecimal> denominators, long seed, double reportShare) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, BigDecimal> figures = new HashMap<>();
        for (String county : counties) {
            double part = rnd.nextDouble();
            boolean reports = rnd.nextDouble() < reportShare;
            BigDecimal den = denominators.get(county);
            if (reports && den != null) {
                long cents = Math.round(den.unscaledValue().longValue() * part);
                figures.put(county, BigDecimal.valueOf(cents, 2));
            }
        }
        return figures;
    }
}
