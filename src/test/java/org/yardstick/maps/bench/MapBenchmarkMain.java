package org.yardstick.maps.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.MapFileSet;
import org.yardstick.YardstickApplication;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.Indicators;
import org.yardstick.progress.bench.BenchData;
import org.yardstick.region.RegionFiles;

/**
 * The map of 2,978 counties (issue 14): a generated province-level region BENCHMAP under CN with
 * 2,978 generated counties, ten years of approved figures of one indicator for each (COPY), and a
 * generated boundary file of 2,978 squares in a deployer's directory. Times, p50 and p95 over 100
 * requests after 20 of warm-up: the map's data endpoint, its boundaries, and the region comparison
 * page that carries the map; against a plain SQL select of the same rows (in-process JdbcClient).
 * Goal: data endpoint p95 < 500 ms. Run by {@code bench/map.sh}.
 */
public final class MapBenchmarkMain {

    static final int COUNTIES = 2_978;
    static final String REGION = "BENCHMAP";
    static final String INDICATOR = "MAPBENCH";
    static final int FIRST_YEAR = 2015;
    static final int YEARS = 10;
    static final String YEAR = "2024";
    static final int WARMUP = 20;
    static final int RUNS = 100;

    private MapBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        Path boundaries = Path.of("target", "bench-map", "boundaries");
        Files.createDirectories(boundaries);
        Files.writeString(boundaries.resolve(REGION + ".json"), geoJson());
        Files.writeString(boundaries.resolve("ATTRIBUTION.txt"), "generated squares (benchmark)");
        String[] boot = BenchData.bootArguments("jdbc:postgresql://localhost:5432/yardstick_bench_maps",
                "--spring.thymeleaf.cache=true", "--yardstick.maps.boundaries=" + boundaries.toAbsolutePath());
        try (ConfigurableApplicationContext app = SpringApplication.run(YardstickApplication.class, boot)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            if (jdbc.sql("select count(*) from region where code = ?").param(REGION).query(Long.class).single() == 0) {
                load(app, jdbc);
            }
            long rows = jdbc.sql("select count(*) from observation").query(Long.class).single();
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String base = "http://localhost:" + port;
            HttpClient http = HttpClient.newHttpClient();
            long regionId = jdbc.sql("select id from region where code = ?").param(REGION).query(Long.class).single();

            System.out.printf(Locale.ROOT, "map of %,d counties, %,d observations in the database%n", COUNTIES, rows);
            System.out.printf(Locale.ROOT, "%-58s %9s %9s%n", "", "p50 ms", "p95 ms");
            double[] sql = time("plain SQL select of the same rows (baseline)", () -> jdbc.sql("""
                    select r.code, r.name_zh, r.name_en, r.level, o.obs_value from observation o
                    join region r on r.id = o.region_id join indicator i on i.id = o.indicator_id
                    join disaggregation g on g.id = o.disaggregation_id
                    where i.code = ? and r.parent_id = ? and o.period = ? and o.status = 'APPROVED'
                      and o.measure = 'LEVEL' and g.code = '_T' order by r.code""")
                    .param(INDICATOR).param(regionId).param(YEAR).query((rs, n) -> rs.getString(1)).list().size());
            double[] data = time("GET /api/v1/indicators/" + INDICATOR + "/map?region=" + REGION,
                    () -> get(http, base + "/api/v1/indicators/" + INDICATOR + "/map?region=" + REGION + "&year=" + YEAR));
            double[] geo = time("GET /api/v1/regions/" + REGION + "/boundaries",
                    () -> get(http, base + "/api/v1/regions/" + REGION + "/boundaries"));
            double[] page = time("GET /compare (the page with the map, its HTML)", () -> get(http, base + "/compare?indicator="
                    + INDICATOR + "&level=COUNTY&scope=" + REGION + "&period=" + YEAR));
            System.out.printf(Locale.ROOT, "data endpoint / plain SQL: p50 %.1f×, p95 %.1f×; map (data + boundaries) p95 %.0f ms; goal p95 < 500 ms: %s%n",
                    data[0] / sql[0], data[1] / sql[1], data[1] + geo[1], data[1] + geo[1] < 500 ? "met" : "NOT met");
            System.out.printf(Locale.ROOT, "page HTML p95 %.0f ms (its own queries; the map's data and boundaries come after)%n", page[1]);
        }
    }

    private static void load(ConfigurableApplicationContext app, JdbcClient jdbc) throws Exception {
        long t0 = System.nanoTime();
        StringBuilder regions = new StringBuilder("regions:\n  - {code: CN, name_zh: 全国, name_en: China, level: country}\n");
        regions.append("  - {code: ").append(REGION).append(", parent: CN, name_zh: 基准省, name_en: Bench province, level: province}\n");
        for (int i = 0; i < COUNTIES; i++) {
            regions.append("  - {code: ").append(county(i)).append(", parent: ").append(REGION).append(", name_zh: 基准县")
                    .append(i + 1).append(", name_en: Bench county ").append(i + 1).append(", level: county}\n");
        }
        String indicators = "indicators:\n  - {code: " + INDICATOR + ", name_zh: 基准地图指标, name_en: Map bench indicator, "
                + "unit_zh: 万户, unit_en: 10k, polarity: positive, aggregation: sum, nature: expected}\n";
        MapFileSet files = new MapFileSet().with("regions.yaml", regions.toString()).with("indicators.yaml", indicators);
        app.getBean(RegionFiles.class).load(files);
        app.getBean(FrameworkFiles.class).load(files, "bench");
        long indicator = app.getBean(Indicators.class).idsByCode().get(INDICATOR);
        Map<String, Long> ids = new java.util.HashMap<>();
        jdbc.sql("select code, id from region").query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        long total = jdbc.sql("select id from disaggregation where code = '_T'").query(Long.class).single();
        SplittableRandom random = new SplittableRandom(20261205L);
        StringBuilder chunk = new StringBuilder();
        for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
            for (int i = 0; i < COUNTIES; i++) {
                chunk.append(indicator).append(',').append(ids.get(county(i))).append(',').append(y).append(',').append(y)
                        .append("-01-01,").append(total).append(",LEVEL,\"\",")
                        .append(String.format(Locale.ROOT, "%.4f", 1 + 50 * random.nextDouble()))
                        .append(",NONE,\"\",APPROVED,0,2025-03-01 00:00:00+00,2025-03-01 00:00:00+00,bench,bench\n");
            }
        }
        try (Connection c = app.getBean(DataSource.class).getConnection()) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy observation (indicator_id, region_id, period, period_start, disaggregation_id, measure, base_period,
                                      obs_value, qualifier, qualifier_text, status, version, created_at, updated_at,
                                      created_by, updated_by)
                    from stdin (format csv)""");
            byte[] b = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(b, 0, b.length);
            copy.endCopy();
        }
        jdbc.sql("vacuum analyze observation").update();
        System.out.printf(Locale.ROOT, "generated %,d counties and %,d figures in %.1f s%n", COUNTIES, COUNTIES * YEARS,
                (System.nanoTime() - t0) / 1e9);
    }

    static String county(int i) {
        return String.format(Locale.ROOT, "BM%04d", i + 1);
    }

    /** 2,978 squares on a grid of 55 columns, each keyed by its county's code. */
    static String geoJson() {
        StringBuilder g = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < COUNTIES; i++) {
            double x = 75 + (i % 55) * 0.2;
            double y = 35 + (i / 55) * 0.2;
            g.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"code\":\"").append(county(i))
                    .append("\",\"name\":\"基准县").append(i + 1).append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[")
                    .append(String.format(Locale.ROOT, "[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f]",
                            x, y, x + 0.19, y, x + 0.19, y + 0.19, x, y + 0.19, x, y))
                    .append("]]}}");
        }
        return g.append("]}").toString();
    }

    static int get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body().length;
    }

    /** p50 and p95 in milliseconds. */
    static double[] time(String what, Callable<Integer> call) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            call.call();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            call.call();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        ms.sort(Double::compare);
        double[] p = {ms.get(RUNS / 2), ms.get((int) Math.ceil(RUNS * 0.95) - 1)};
        System.out.printf(Locale.ROOT, "%-58s %9.1f %9.1f%n", what, p[0], p[1]);
        return p;
    }
}
