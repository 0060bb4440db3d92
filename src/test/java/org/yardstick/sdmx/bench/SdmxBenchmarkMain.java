package org.yardstick.sdmx.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.YardstickApplication;
import org.yardstick.progress.bench.BenchData;
import org.yardstick.region.OfficialDivisions;

/**
 * The SDMX benchmark (bench/sdmx.sh) on PostgreSQL: one indicator over every county (2,978 in the NBS
 * 2023 divisions) × 10 years of generated approved figures, beside a second indicator of the same size
 * and unapproved figures that must not be read. In one run, alternating, {@value #RUNS} times each after
 * {@value #WARMUP} unmeasured: the full SDMX-CSV data message of the indicator over HTTP
 * ({@code /sdmx/rest/data/ALL/A..BENCH_SDMX_1.?format=csv}, read to the last byte), against a plain SQL
 * select of the same rows and columns over JDBC. Prints the medians and their ratio (goal ≤ 3×, &lt; 1 s).
 */
public final class SdmxBenchmarkMain {

    static final String INDICATOR = "BENCH_SDMX_1";
    static final String OTHER = "BENCH_SDMX_2";
    static final int YEARS = 10;
    static final int FIRST_YEAR = 2015;
    static final int WARMUP = 5;
    static final int RUNS = 15;

    private SdmxBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        String[] boot = BenchData.bootArguments("jdbc:postgresql://localhost:5432/yardstick_bench_sdmx");
        try (ConfigurableApplicationContext app = SpringApplication.run(YardstickApplication.class, boot)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            DataSource dataSource = app.getBean(DataSource.class);
            if (jdbc.sql("select count(*) from indicator where code = ?").param(INDICATOR).query(Long.class).single() == 0) {
                generate(app, jdbc, dataSource);
            }
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            URI uri = URI.create("http://localhost:" + port + "/sdmx/rest/data/ALL/A.." + INDICATOR + ".?format=csv");
            HttpClient http = HttpClient.newHttpClient();
            long expected = jdbc.sql("""
                    select count(*) from observation o join indicator i on i.id = o.indicator_id
                    where i.code = ? and o.status = 'APPROVED' and o.measure = 'LEVEL'""").param(INDICATOR)
                    .query(Long.class).single();
            double[] sdmx = new double[RUNS];
            double[] sql = new double[RUNS];
            long[] lines = new long[1];
            long[] bytes = new long[1];
            for (int run = -WARMUP; run < RUNS; run++) {
                long t = System.nanoTime();
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("SDMX answered " + r.statusCode());
                }
                long n = 0;
                long size = 0;
                byte[] buffer = new byte[1 << 16];
                try (InputStream in = r.body()) {
                    for (int k; (k = in.read(buffer)) > 0; ) {
                        size += k;
                        for (int j = 0; j < k; j++) {
                            if (buffer[j] == '\n') {
                                n++;
                            }
                        }
                    }
                }
                double s = (System.nanoTime() - t) / 1e9;
                t = System.nanoTime();
                long rows = plainSelect(dataSource);
                double q = (System.nanoTime() - t) / 1e9;
                if (rows != expected || n - 1 != expected) {
                    throw new IllegalStateException("rows: SQL " + rows + ", SDMX-CSV " + (n - 1) + ", expected " + expected);
                }
                if (run >= 0) {
                    sdmx[run] = s;
                    sql[run] = q;
                }
                lines[0] = n - 1;
                bytes[0] = size;
            }
            double ms = median(sdmx) * 1000;
            double mq = median(sql) * 1000;
            System.out.printf(Locale.ROOT, "%nSDMX-CSV of one indicator, 2,978 counties x %d years: %,d observations, %,d bytes%n",
                    YEARS, lines[0], bytes[0]);
            System.out.printf(Locale.ROOT, "SDMX-CSV over HTTP (median of %d): %8.1f ms%n", RUNS, ms);
            System.out.printf(Locale.ROOT, "plain SQL select   (median of %d): %8.1f ms%n", RUNS, mq);
            System.out.printf(Locale.ROOT, "ratio SDMX/SQL: %.2fx (goal <= 3x; < 1000 ms: %s)%n", ms / mq, ms < 1000 ? "yes" : "NO");
        }
    }

    /** The same rows and columns as the message, read over JDBC and dropped. */
    static long plainSelect(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                    select r.code, r.name_zh, r.name_en, i.code, i.name_zh, i.name_en, g.code, o.period, o.obs_value, o.qualifier
                    from observation o
                    join indicator i on i.id = o.indicator_id
                    join region r on r.id = o.region_id
                    join disaggregation g on g.id = o.disaggregation_id
                    where o.status = 'APPROVED' and o.measure = 'LEVEL' and i.code = ?
                    order by r.code, g.code, o.period_start""")) {
                s.setFetchSize(2000);
                s.setString(1, INDICATOR);
                long n = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        for (int k = 1; k <= 10; k++) {
                            rs.getObject(k);
                        }
                        n++;
                    }
                }
                c.commit();
                return n;
            }
        }
    }

    private static void generate(ConfigurableApplicationContext app, JdbcClient jdbc, DataSource dataSource)
            throws Exception {
        long t0 = System.nanoTime();
        if (jdbc.sql("select count(*) from region where level = 'COUNTY'").query(Long.class).single() == 0) {
            app.getBean(OfficialDivisions.class).importNbs2023();
        }
        for (String code : List.of(INDICATOR, OTHER)) {
            jdbc.sql("""
                    insert into indicator (code, name_zh, name_en, unit_zh, unit_en, polarity, aggregation, nature)
                    values (?, '基准测试指标', 'Benchmark indicator', '万户', '10k households', 'POSITIVE', 'SUM', 'EXPECTED')""")
                    .param(code).update();
        }
        List<Long> counties = jdbc.sql("select id from region where level = 'COUNTY' order by code").query(Long.class).list();
        long total = jdbc.sql("select id from disaggregation where code = '_T'").query(Long.class).single();
        SplittableRandom random = new SplittableRandom(20261205L);
        Timestamp now = Timestamp.from(Instant.parse("2026-06-01T00:00:00Z"));
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                    insert into observation (indicator_id, region_id, period, period_start, disaggregation_id, obs_value,
                                             status, created_at, updated_at, created_by, updated_by)
                    values ((select id from indicator where code = ?), ?, ?, ?, ?, ?, ?, ?, ?, 'bench', 'bench')""")) {
                for (String code : List.of(INDICATOR, OTHER)) {
                    for (long county : counties) {
                        for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
                            s.setString(1, code);
                            s.setLong(2, county);
                            s.setString(3, Integer.toString(y));
                            s.setDate(4, Date.valueOf(y + "-01-01"));
                            s.setLong(5, total);
                            s.setBigDecimal(6, java.math.BigDecimal.valueOf(Math.round(random.nextDouble(1, 500) * 1e4), 4));
                            // the last year of every tenth county is still awaiting review: never published
                            s.setString(7, y == FIRST_YEAR + YEARS - 1 && county % 10 == 0 ? "SUBMITTED" : "APPROVED");
                            s.setTimestamp(8, now);
                            s.setTimestamp(9, now);
                            s.addBatch();
                            if (++rows % 5000 == 0) {
                                s.executeBatch();
                            }
                        }
                    }
                }
                s.executeBatch();
            }
            c.commit();
        }
        jdbc.sql("analyze observation").update();
        System.out.printf(Locale.ROOT, "generated %,d counties, %,d observations in %.1f s%n", counties.size(), rows,
                (System.nanoTime() - t0) / 1e9);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
