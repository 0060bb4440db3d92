package org.yardstick.progress.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.MapFileSet;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.Indicators;
import org.yardstick.region.OfficialDivisions;
import org.yardstick.region.RegionFiles;

/**
 * A seeded generator of the progress benchmark's database — never part of the demo: the official
 * divisions of China (NBS 2023), 3,000 regions with figures (every one of the 2,978 county-level
 * divisions and 22 prefectures, Xinjiang's first), {@value #INDICATORS} indicators and
 * {@value #YEARS} years (2015–2024) of approved levels, 6 million observations loaded with COPY; and
 * one plan for Urumqi (6501) with targets of every kind, chapters, tasks and key projects.
 *
 * <p>Figure of region r, indicator i, year y: {@code base(r,i) · (1 + g(r,i))^(y − 2015) · (1 + ε)},
 * with base around 50 (lognormal), g ~ N(5%, 3%) and ε ~ N(0, 1%), each drawn from a generator
 * seeded by (seed, r, i) — so a target can be set against a series without storing it.
 */
public final class BenchData {

    public static final int INDICATORS = 200;
    public static final int YEARS = 10;
    public static final int FIRST_YEAR = 2015;
    static final int PREFECTURES = 22;
    static final String PLAN = "bench-plan";
    static final String PLAN_REGION = "6501";
    static final String COMPARATOR_REGION = "6502";

    private final long seed;

    public BenchData(long seed) {
        this.seed = seed;
    }

    public static String indicator(int i) {
        return String.format(Locale.ROOT, "BENCH%03d", i + 1);
    }

    /** base, growth of a region's series of an indicator. */
    double[] series(int region, int indicator) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + region * 1_009L + indicator);
        double base = 50 * Math.exp(0.5 * gaussian(r));
        double growth = 0.05 + 0.03 * gaussian(r);
        return new double[] {base, growth};
    }

    static double gaussian(SplittableRandom r) {
        // Box–Muller, from the seeded generator
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    double value(int region, int indicator, int year) {
        double[] s = series(region, indicator);
        SplittableRandom noise = new SplittableRandom(seed ^ ((long) region << 32) ^ ((long) indicator << 12) ^ year);
        return s[0] * Math.pow(1 + s[1], year - FIRST_YEAR) * (1 + 0.01 * gaussian(noise));
    }

    /** Loads regions, organisations, indicators and the plan, then COPYs the observations. */
    public void load(OfficialDivisions divisions, RegionFiles regionFiles, FrameworkFiles frameworks, Indicators indicators,
              JdbcClient jdbc, DataSource dataSource) throws Exception {
        long t0 = System.nanoTime();
        divisions.importNbs2023();
        List<String> places = places(jdbc);
        int planRegion = places.indexOf(PLAN_REGION);
        int comparator = places.indexOf(COMPARATOR_REGION);
        List<String> counties = jdbc.sql("select code from region where path like '/CN/65/6501/%' and level = 'COUNTY' order by code")
                .query(String.class).list();
        MapFileSet files = new MapFileSet()
                .with("organisations.yaml", organisations())
                .with("indicators.yaml", indicatorsYaml())
                .with("plans/" + PLAN + ".yaml", plan(planRegion, comparator, counties, places));
        regionFiles.load(files);
        frameworks.load(files, "bench");
        System.out.printf(Locale.ROOT, "framework: %d regions, %d indicators, plan %s (%.1f s)%n",
                jdbc.sql("select count(*) from region").query(Long.class).single(), INDICATORS, PLAN, (System.nanoTime() - t0) / 1e9);

        Map<String, Long> indicatorIds = indicators.idsByCode();
        Map<String, Long> regionIds = new java.util.HashMap<>();
        jdbc.sql("select code, id from region").query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> regionIds.put(e.getKey(), e.getValue()));
        long total = jdbc.sql("select id from disaggregation where code = '_T'").query(Long.class).single();
        long t1 = System.nanoTime();
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy observation (indicator_id, region_id, period, period_start, disaggregation_id, measure, base_period,
                                      obs_value, qualifier, qualifier_text, status, version, created_at, updated_at,
                                      created_by, updated_by)
                    from stdin (format csv)""");
            StringBuilder chunk = new StringBuilder(1 << 20);
            // year by year, as figures arrive: every region reports every indicator
            for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
                for (int r = 0; r < places.size(); r++) {
                    long region = regionIds.get(places.get(r));
                    for (int i = 0; i < INDICATORS; i++) {
                        chunk.append(indicatorIds.get(indicator(i))).append(',').append(region).append(',').append(y)
                                .append(',').append(y).append("-01-01,").append(total).append(",LEVEL,\"\",")
                                .append(String.format(Locale.ROOT, "%.4f", value(r, i, y)))
                                .append(",NONE,\"\",APPROVED,0,2025-03-01 00:00:00+00,2025-03-01 00:00:00+00,bench,bench\n");
                        rows++;
                    }
                    if (chunk.length() > (1 << 20) - 40_000) {
                        byte[] b = chunk.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(b, 0, b.length);
                        chunk.setLength(0);
                    }
                }
            }
            byte[] b = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(b, 0, b.length);
            copy.endCopy();
        }
        // as autovacuum would in time: statistics, and the visibility map index-only scans rely on
        jdbc.sql("vacuum analyze observation").update();
        System.out.printf(Locale.ROOT, "observations: %,d rows by COPY in %.1f s%n", rows, (System.nanoTime() - t1) / 1e9);
    }

    /** The 3,000 regions with figures: every county-level division, then 22 prefectures (Xinjiang's first). */
    static List<String> places(JdbcClient jdbc) {
        List<String> places = new ArrayList<>(jdbc.sql("select code from region where level = 'COUNTY' order by code")
                .query(String.class).list());
        places.addAll(jdbc.sql("""
                select code from region where level = 'PREFECTURE'
                order by case when code like '65%' then 0 else 1 end, code limit ?""")
                .param(PREFECTURES).query(String.class).list());
        return places;
    }

    private static String organisations() {
        StringBuilder y = new StringBuilder("organisations:\n");
        for (int u = 1; u <= 8; u++) {
            y.append("  - {code: bench-unit-").append(u).append(", name_zh: \"测试单位").append(u)
                    .append("\", short_zh: \"测试单位").append(u).append("\", name_en: \"Bench unit ").append(u)
                    .append("\", short_en: \"Bench unit ").append(u).append("\", region: \"6501\", kind: department}\n");
        }
        return y.toString();
    }

    private static String indicatorsYaml() {
        StringBuilder y = new StringBuilder("indicators:\n");
        for (int i = 0; i < INDICATORS; i++) {
            y.append("  - {code: ").append(indicator(i)).append(", name_zh: \"基准指标").append(i + 1)
                    .append("\", name_en: \"Bench indicator ").append(i + 1).append("\", unit_zh: \"点\", unit_en: points, polarity: ")
                    .append(i % 10 == 9 ? "negative" : "positive").append(", aggregation: mean, nature: ")
                    .append(i % 7 == 0 ? "binding" : "expected").append(", decimals: 2}\n");
        }
        return y.toString();
    }

    /** The plan: 10 chapters of 20 indicators; a target per indicator for Urumqi, 40 more for its districts. */
    private String plan(int planRegion, int comparator, List<String> counties, List<String> places) {
        StringBuilder y = new StringBuilder();
        y.append("plan: {code: ").append(PLAN).append(", name_zh: \"基准测试规划\", name_en: \"Benchmark plan\", region: \"")
                .append(PLAN_REGION).append("\", start_year: 2016, end_year: 2025, baseline_year: 2015}\n");
        y.append("sections:\n");
        for (int s = 0; s < 10; s++) {
            y.append("  - {code: \"").append(s + 1).append("\", title_zh: \"第").append(s + 1).append("章\", title_en: \"Chapter ")
                    .append(s + 1).append("\", indicators: [");
            for (int i = s * 20; i < s * 20 + 20; i++) {
                y.append(i == s * 20 ? "" : ", ").append(indicator(i));
            }
            y.append("]}\n");
        }
        List<String> targetIds = new ArrayList<>();
        StringBuilder t = new StringBuilder("targets:\n");
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < INDICATORS; i++) {
            String id = "t-" + indicator(i).toLowerCase(Locale.ROOT);
            targetIds.add(id);
            double[] s = series(planRegion, i);
            double base = value(planRegion, i, 2015);
            // the growth the target asks for: around the series' own, so that statuses vary
            double asked = s[1] + 0.04 * gaussian(r);
            double level = base * Math.pow(1 + asked, 10);
            String kind = switch (i % 10) {
                case 0 -> "value";
                case 1 -> "at_least";
                case 2 -> "range";
                case 3 -> "change";
                case 4 -> "growth_rate";
                case 5 -> "multiple";
                case 6 -> "comparator";
                case 7 -> "count";
                case 8 -> "milestone";
                default -> "at_most";
            };
            t.append("  - {id: ").append(id);
            if (!kind.equals("milestone")) {
                t.append(", indicator: ").append(indicator(i));
            }
            t.append(", region: \"").append(PLAN_REGION).append("\", kind: ").append(kind);
            switch (kind) {
                case "value", "at_least", "count" -> t.append(", value: ").append(round(level));
                case "at_most" -> t.append(", value: ").append(round(base * Math.pow(1 + asked - 0.08, 10)));
                case "range" -> t.append(", value: ").append(round(level * 0.95)).append(", value_high: ").append(round(level * 1.05));
                case "change" -> t.append(", value: ").append(round(100 * (Math.pow(1 + asked, 10) - 1))).append(", change_unit: percent");
                case "growth_rate" -> t.append(", value: ").append(round(100 * asked));
                case "multiple" -> t.append(", value: ").append(round(Math.max(0.5, Math.pow(1 + asked, 10))));
                case "comparator" -> t.append(", comparator: \"").append(COMPARATOR_REGION).append("\"");
                default -> { }
            }
            t.append(", target_year: 2025, baseline_year: 2015, qualifier: \"\", statement_zh: \"").append(indicator(i))
                    .append("目标\", statement_en: \"").append(indicator(i)).append(" target\"}\n");
        }
        for (int k = 0; k < 40; k++) {
            int i = k * 5;
            String county = counties.get(k % counties.size());
            int region = places.indexOf(county);
            double base = value(region, i, 2015);
            double level = base * Math.pow(1 + series(region, i)[1] + 0.04 * gaussian(r), 10);
            String id = "t-" + indicator(i).toLowerCase(Locale.ROOT) + "-" + county;
            targetIds.add(id);
            t.append("  - {id: ").append(id).append(", indicator: ").append(indicator(i)).append(", region: \"").append(county)
                    .append("\", kind: value, value: ").append(round(level)).append(", target_year: 2025, baseline_year: 2015")
                    .append(", qualifier: \"\", statement_zh: \"").append(indicator(i)).append("在").append(county)
                    .append("的目标\", statement_en: \"").append(indicator(i)).append(" in ").append(county).append("\"}\n");
        }
        y.append("key_projects:\n");
        for (int k = 0; k < 5; k++) {
            y.append("  - {code: KP").append(k + 1).append(", section: \"").append(k + 1).append("\", name_zh: \"重点工程")
                    .append(k + 1).append("\", name_en: \"Key project ").append(k + 1).append("\", summary_zh: \"\", summary_en: \"\", targets: [")
                    .append(String.join(", ", targetIds.subList(k * 20, k * 20 + 10))).append("]}\n");
        }
        y.append("tasks:\n");
        for (int k = 0; k < 20; k++) {
            y.append("  - {code: T").append(k + 1).append(", section: \"").append(k % 10 + 1).append("\", title_zh: \"任务")
                    .append(k + 1).append("\", title_en: \"Task ").append(k + 1).append("\", responsible: [bench-unit-")
                    .append(k % 8 + 1).append(", bench-unit-").append((k + 3) % 8 + 1).append("], start_year: 2016, deadline_year: 2025")
                    .append(", targets: [").append(String.join(", ", targetIds.subList(k * 12, k * 12 + 12))).append("]}\n");
        }
        y.append(t);
        return y.toString();
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }


    /**
     * The arguments a benchmark starts the platform with: the database of {@code bench.url} (and
     * {@code bench.user}, {@code bench.password}), no demo, a random port, quiet logs, a small pool.
     */
    public static String[] bootArguments(String defaultUrl, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--spring.datasource.url=" + System.getProperty("bench.url", defaultUrl),
                "--spring.datasource.username=" + System.getProperty("bench.user", "yardstick"),
                "--spring.datasource.password=" + System.getProperty("bench.password", "yardstick"),
                "--yardstick.demo.load-on-empty=false",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--spring.datasource.hikari.maximum-pool-size=4"));
        args.addAll(java.util.List.of(more));
        return args.toArray(String[]::new);
    }
}
