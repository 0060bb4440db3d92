package org.yardstick.region.bench;

import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.YardstickApplication;
import org.yardstick.jobs.JobProgress;
import org.yardstick.progress.bench.BenchData;
import org.yardstick.region.Channel;
import org.yardstick.region.DivisionImport;
import org.yardstick.region.internal.StreamingCsv;
import org.yardstick.region.internal.Transliteration;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/**
 * The official divisions benchmark on PostgreSQL (bench/divisions.sh):
 * <ol>
 *   <li>provinces, prefectures, counties and the 41k townships through the application's import;</li>
 *   <li>the 620k villages through the application's import (the service the page and the API use: a
 *       checking pass, then batched inserts in one transaction), timed;</li>
 *   <li>the same rows — codes, parents, levels, names, transliterations, paths, depths, prepared beforehand
 *       and not timed — by {@code COPY} into the same table after the villages were deleted and the table
 *       vacuumed, timed; the ratio COPY / application is printed (goal ≥ 0.3);</li>
 *   <li>importing the villages again (nothing changes), timed;</li>
 *   <li>the region page of the county with the most townships and of the townships with the most villages,
 *       {@value #REQUESTS} requests over HTTP as a logged-in administrator after {@value #WARMUP} unmeasured
 *       ones, pages 1 to n of each; p50 and p95 (goal p95 &lt; 200 ms).</li>
 * </ol>
 */
public final class DivisionsBenchmarkMain {

    static final int REQUESTS = 200;
    static final int WARMUP = 40;
    static final String USER = "bench-divisions";
    static final String PASSWORD = "Kq7#vLm2pX9w-divisions-bench";

    private DivisionsBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/reference/china-divisions");
        String[] boot = BenchData.bootArguments("jdbc:postgresql://localhost:5432/yardstick_bench_divisions");
        try (ConfigurableApplicationContext app = SpringApplication.run(YardstickApplication.class, boot)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            DivisionImport divisions = app.getBean(DivisionImport.class);
            if (Boolean.getBoolean("bench.pagesOnly")
                    && jdbc.sql("select count(*) from region where level = 'VILLAGE'").query(Long.class).single() > 600_000) {
                pages(app, jdbc);
                return;
            }
            jdbc.sql("delete from region where level = 'VILLAGE'").update();

            long t = System.nanoTime();
            DivisionImport.Outcome upper = divisions.importFiles(List.of(file(dir, "provinces.csv"), file(dir, "cities.csv"),
                    file(dir, "areas.csv"), file(dir, "streets.csv")), "bench", Channel.FILE, JobProgress.NONE);
            System.out.printf(Locale.ROOT, "%nprovinces to townships: %,d rows (%,d added) in %.1f s%n", upper.rows(),
                    upper.added(), (System.nanoTime() - t) / 1e9);

            t = System.nanoTime();
            DivisionImport.Outcome villages = divisions.importFiles(List.of(file(dir, "villages.csv.gz")), "bench",
                    Channel.FILE, JobProgress.NONE);
            double appSeconds = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "villages through the application: %,d rows (%,d added) in %.2f s (%,.0f rows/s)%n",
                    villages.rows(), villages.added(), appSeconds, villages.rows() / appSeconds);

            // the same rows, prepared for COPY (not timed)
            Map<String, Object[]> parents = new HashMap<>();
            jdbc.sql("select id, code, path, depth from region where level = 'TOWNSHIP'")
                    .query((rs, n) -> parents.put(rs.getString(2), new Object[] {rs.getLong(1), rs.getString(3), rs.getInt(4)}))
                    .list();
            StringBuilder csv = new StringBuilder(100 << 20);
            long[] rows = {0};
            try (var in = Files.newInputStream(dir.resolve("villages.csv.gz"))) {
                StreamingCsv.read("villages.csv.gz", in, (line, cells) -> {
                    if (line == 1) {
                        return;
                    }
                    Object[] p = parents.get(cells.get(2));
                    String name = cells.get(1);
                    csv.append(cells.get(0)).append(',').append(p[0]).append(",VILLAGE,").append(quote(name)).append(',')
                            .append(quote(Transliteration.placeName(name))).append(",true,").append(p[1]).append(cells.get(0))
                            .append("/,").append((int) p[2] + 1).append('\n');
                    rows[0]++;
                });
            }
            jdbc.sql("delete from region where level = 'VILLAGE'").update();
            DataSource ds = app.getBean(DataSource.class);
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(true);
                c.createStatement().execute("vacuum analyze region");
                c.setAutoCommit(false);
                t = System.nanoTime();
                long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy region (code, parent_id, level, name_zh, name_en, official, path, depth) from stdin with (format csv)",
                        new StringReader(csv.toString()));
                c.commit();
                double copySeconds = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "villages by COPY: %,d rows in %.2f s (%,.0f rows/s)%n", copied, copySeconds,
                        copied / copySeconds);
                System.out.printf(Locale.ROOT, "RATIO COPY/application = %.2f (goal >= 0.3)%n", copySeconds / appSeconds);
                if (copied != rows[0] || copied != villages.rows()) {
                    throw new IllegalStateException("COPY wrote " + copied + " rows, the application " + villages.rows());
                }
            }

            t = System.nanoTime();
            DivisionImport.Outcome again = divisions.importFiles(List.of(file(dir, "villages.csv.gz")), "bench",
                    Channel.FILE, JobProgress.NONE);
            System.out.printf(Locale.ROOT, "villages again (idempotent): %,d unchanged, %,d added, %,d updated in %.2f s%n",
                    again.unchanged(), again.added(), again.updated(), (System.nanoTime() - t) / 1e9);
            if (again.added() + again.updated() != 0) {
                throw new IllegalStateException("importing the same file again changed " + (again.added() + again.updated()) + " rows");
            }

            pages(app, jdbc);
        }
    }

    private static void pages(ConfigurableApplicationContext app, JdbcClient jdbc) throws Exception {
        Accounts accounts = app.getBean(Accounts.class);
        if (accounts.find(USER).isEmpty()) {
            accounts.create(new NewAccount(USER, "区划基准", PASSWORD, Role.ADMIN, "CN", null, false), "system");
        }
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + USER + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + m.group(1);
        HttpResponse<String> in = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (in.statusCode() != 302 || in.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed: " + in.statusCode() + " " + in.headers().map());
        }
        String county = jdbc.sql("select p.code from region t join region p on t.parent_id = p.id where t.level = 'TOWNSHIP' "
                + "group by p.code order by count(*) desc, p.code fetch first 1 rows only").query(String.class).single();
        List<Object[]> townships = jdbc.sql("select p.code, count(*) from region v join region p on v.parent_id = p.id "
                        + "where v.level = 'VILLAGE' group by p.code order by count(*) desc, p.code fetch first 5 rows only")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
        List<String> urls = new ArrayList<>();
        long countyTownships = jdbc.sql("select count(*) from region t join region p on t.parent_id = p.id where p.code = ?")
                .param(county).query(Long.class).single();
        for (int page = 1; page <= (countyTownships + 49) / 50; page++) {
            urls.add(base + "/manage/regions?code=" + county + "&page=" + page);
        }
        for (Object[] township : townships) {
            for (int page = 1; page <= ((Long) township[1] + 49) / 50; page++) {
                urls.add(base + "/manage/regions?code=" + township[0] + "&page=" + page);
            }
        }
        // the baseline, interleaved: the same page for a region without sub-regions (a village), so that what
        // every page costs on this machine (security, layout, rendering) is measured beside it
        String village = base + "/manage/regions?code=" + jdbc.sql("select code from region where level = 'VILLAGE' "
                + "order by code fetch first 1 rows only").query(String.class).single();
        double[] ms = new double[REQUESTS];
        double[] baseline = new double[REQUESTS];
        for (int i = -WARMUP; i < REQUESTS; i++) {
            double took = get(http, urls.get(Math.floorMod(i, urls.size())));
            double plain = get(http, village);
            if (i >= 0) {
                ms[i] = took;
                baseline[i] = plain;
            }
        }
        Arrays.sort(ms);
        Arrays.sort(baseline);
        System.out.printf(Locale.ROOT, "region pages: county %s (%d townships), townships %s (up to %d villages), %d pages of 50%n",
                county, countyTownships, townships.stream().map(x -> (String) x[0]).toList(), (Long) townships.get(0)[1], urls.size());
        int p95 = (int) Math.ceil(REQUESTS * 0.95) - 1;
        System.out.printf(Locale.ROOT, "PAGE p50 = %.1f ms, p95 = %.1f ms, max = %.1f ms over %d requests (goal p95 < 200 ms)%n",
                ms[REQUESTS / 2], ms[p95], ms[REQUESTS - 1], REQUESTS);
        System.out.printf(Locale.ROOT, "baseline (a village's page, no sub-regions): p50 = %.1f ms, p95 = %.1f ms; "
                + "RATIO p95 page/baseline = %.2f%n", baseline[REQUESTS / 2], baseline[p95], ms[p95] / baseline[p95]);
    }

    private static double get(HttpClient http, String url) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        double took = (System.nanoTime() - t) / 1e6;
        if (r.statusCode() != 200 || !r.body().contains("/manage/regions")) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return took;
    }

    private static DivisionImport.DivisionFile file(Path dir, String name) {
        return DivisionImport.DivisionFile.of(dir.resolve(name));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
