package org.yardstick.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.yardstick.MapFileSet;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.index.engine.Panel;
import org.yardstick.observation.ObservationFiles;
import org.yardstick.observation.ObservationStatus;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;

/**
 * A test-only generator of an index and its figures, never part of the demo: three indicators of
 * codes unique to the instance, a definition over the prefectures of Xinjiang for 2016–2018, and
 * seeded random figures with two decimals — about one in eight cells left out, some of those
 * given a submitted (unapproved) figure instead.
 *
 * <p>The same numbers are available as a {@link Panel}, so that a test can run the engine directly on
 * them and compare with what the platform computes from the database.
 */
final class GeneratedIndexData {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    static final List<String> PERIODS = List.of("2016", "2017", "2018");

    final String code;
    final List<String> indicators;
    final List<String> units;
    /** Approved levels: indicator → (unit/period → value). */
    final Map<String, Map<String, Double>> approved = new LinkedHashMap<>();
    /** Submitted levels, only where there is no approved one. */
    final Map<String, Map<String, Double>> submitted = new LinkedHashMap<>();

    /**
     * @param units the region codes of the prefectures of Xinjiang, in the order the platform lists them
     * @param seed the seed of the figures
     */
    GeneratedIndexData(List<String> units, long seed) {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT)
                + COUNTER.incrementAndGet();
        this.code = "TIDX" + suffix;
        this.indicators = List.of("TA" + suffix, "TB" + suffix, "TC" + suffix);
        this.units = List.copyOf(units);
        Random random = new Random(seed);
        for (String indicator : indicators) {
            Map<String, Double> a = new LinkedHashMap<>();
            Map<String, Double> s = new LinkedHashMap<>();
            for (String unit : units) {
                for (String period : PERIODS) {
                    double value = Math.round(random.nextDouble() * 10_000) / 100.0;
                    int roll = random.nextInt(16);
                    if (roll == 0) {
                        s.put(unit + "/" + period, value + 500); // far off: it would show if it were used
                    } else if (roll != 1) {
                        a.put(unit + "/" + period, value);
                    }
                }
            }
            approved.put(indicator, a);
            submitted.put(indicator, s);
        }
    }

    /** The indicators for the catalogue (framework file). */
    String indicatorsYaml() {
        StringBuilder y = new StringBuilder("indicators:\n");
        for (String i : indicators) {
            y.append("  - {code: ").append(i).append(", name_zh: 测试指标").append(i).append(", name_en: Test ")
                    .append(i).append(", unit_zh: 分, unit_en: points, polarity: positive, aggregation: mean}\n");
        }
        return y.toString();
    }

    /**
     * The definition: the index over two pillars, the first of two indicators (one of them less is
     * better) weighted 2, the second of one; group-mean imputation, min-max 0–100, arithmetic means.
     */
    String definitionYaml() {
        return """
                index: {code: %1$s, name_zh: 测试指数, name_en: Test index}
                regions: {scope: "65", level: prefecture}
                periods: {from: 2016, to: 2018}
                method:
                  impute: {method: group_mean}
                  normalise: {method: min_max, range: [0, 100]}
                  aggregate: {method: arithmetic, missing: renormalise}
                aggregates:
                  - {code: %1$s, name_zh: 测试指数, name_en: Test index}
                  - {code: P1, name_zh: 分项一, name_en: Pillar one, parent: %1$s, weight: 2}
                  - {code: P2, name_zh: 分项二, name_en: Pillar two, parent: %1$s, weight: 1}
                indicators:
                  - {code: %2$s, name_zh: 甲, name_en: A, parent: P1}
                  - {code: %3$s, name_zh: 乙, name_en: B, parent: P1, direction: -1}
                  - {code: %4$s, name_zh: 丙, name_en: C, parent: P2}
                """.formatted(code, indicators.get(0), indicators.get(1), indicators.get(2));
    }

    /**
     * Files to load: the indicators, the approved and the submitted figures (observation CSVs), and
     * the definition under {@code indices/}. The approved file also holds figures the index must
     * ignore: a change (not a level), a county and a prefecture outside Xinjiang.
     */
    MapFileSet files() {
        StringBuilder extra = new StringBuilder();
        String a = indicators.get(0);
        extra.append(a).append(",650102,2017,,level,,9999,,,,\n");      // a county of Urumqi: not a prefecture
        extra.append(a).append(",1501,2017,,level,,9999,,,,\n");        // Hohhot: outside the scope
        extra.append(a).append(',').append(units.get(0)).append(",2017,,change,2016,9999,,,,\n"); // a change
        return new MapFileSet()
                .with("indicators.yaml", indicatorsYaml())
                .with("approved.csv", csv(approved) + extra)
                .with("submitted.csv", csv(submitted))
                .with("indices/" + code + ".yaml", definitionYaml());
    }

    static final String HEADER = "indicator,region,period,disaggregation,measure,base_period,value,qualifier,document,line,quote\n";

    private static String csv(Map<String, Map<String, Double>> figures) {
        StringBuilder csv = new StringBuilder(HEADER);
        figures.forEach((indicator, cells) -> cells.forEach((cell, value) -> {
            String[] up = cell.split("/");
            csv.append(indicator).append(',').append(up[0]).append(',').append(up[1]).append(",,level,,")
                    .append(String.format(Locale.ROOT, "%.2f", value)).append(",,,,\n");
        }));
        return csv.toString();
    }

    /** The approved figures as the engine's input: units × periods × the three indicators, one group. */
    Panel panel() {
        int n = units.size();
        double[][] values = new double[indicators.size()][n * PERIODS.size()];
        for (int c = 0; c < indicators.size(); c++) {
            Arrays.fill(values[c], Double.NaN);
            Map<String, Double> cells = approved.get(indicators.get(c));
            for (int p = 0; p < PERIODS.size(); p++) {
                for (int u = 0; u < n; u++) {
                    Double v = cells.get(units.get(u) + "/" + PERIODS.get(p));
                    if (v != null) {
                        values[c][p * n + u] = Double.parseDouble(String.format(Locale.ROOT, "%.2f", v));
                    }
                }
            }
        }
        String[] groups = new String[n];
        Arrays.fill(groups, "65");
        return Panel.of("direct", units, PERIODS, indicators, values, groups, null);
    }

    /**
     * Generates figures for the prefectures of Xinjiang and loads them with the definition: the
     * indicators, the approved figures, the submitted ones if asked, the definition.
     */
    static GeneratedIndexData load(long seed, boolean withSubmitted, Regions regions, FrameworkFiles frameworkFiles,
            ObservationFiles observationFiles, IndexDefinitions definitions) {
        List<String> prefectures = regions.within(regions.get("65"), RegionLevel.PREFECTURE).stream()
                .map(Region::code).toList();
        GeneratedIndexData data = new GeneratedIndexData(prefectures, seed);
        MapFileSet files = data.files();
        frameworkFiles.load(files, "generator");
        observationFiles.load(files, "approved.csv", ObservationStatus.APPROVED, "test");
        if (withSubmitted) {
            observationFiles.load(files, "submitted.csv", ObservationStatus.SUBMITTED, "test");
        }
        definitions.load(files, "indices", "test");
        return data;
    }

    /** A submitted figure: indicator, unit, period. */
    List<String[]> submittedCells() {
        List<String[]> cells = new ArrayList<>();
        submitted.forEach((indicator, m) -> m.keySet().forEach(k -> {
            String[] up = k.split("/");
            cells.add(new String[] {indicator, up[0], up[1]});
        }));
        return cells;
    }

    /** Moves a submitted figure to the approved ones (what approving it does to the data). */
    void approve(String[] cell) {
        Double v = submitted.get(cell[0]).remove(cell[1] + "/" + cell[2]);
        approved.get(cell[0]).put(cell[1] + "/" + cell[2], v);
    }
}
