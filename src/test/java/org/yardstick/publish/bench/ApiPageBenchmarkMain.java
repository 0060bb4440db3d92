package org.yardstick.publish.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.yardstick.observation.Observations;
import org.yardstick.progress.bench.BenchData;

/**
 * The public API page benchmark (bench/downloads.sh, decision 0083): one page of 100 figures of an indicator
 * over 2,978 counties × 10 years ({@code /api/v1/indicators/{code}/observations?level=county&page=150&size=100},
 * anonymous, over HTTP: parameters checked, filter, order and page in SQL with the total, the page's sources,
 * JSON, paging headers, rate limit) against a plain JDBC select of the same page in the same order, in the
 * same run; best of {@value #RUNS} each and the ratio (goal ≤ 3). For scale, the read the API did before
 * (every approved figure of the indicator, filtered in memory) is timed too.
 */
public final class ApiPageBenchmarkMain {

    static final int RUNS = 15;
    static final int PAGE = 150;
    static final int SIZE = 100;

    private ApiPageBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = DownloadBenchmarkMain.start("--yardstick.api.rate-limit.anonymous=100000")) {
            DataSource dataSource = app.getBean(DataSource.class);
            String indicator = BenchData.indicator(0);
            String port = app.getEnvironment().getProperty("local.server.port");
            URI uri = URI.create("http://localhost:" + port + "/api/v1/indicators/" + indicator
                    + "/observations?level=county&page=" + PAGE + "&size=" + SIZE);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest get = HttpRequest.newBuilder(uri).header("Accept", "application/json").build();
            double[] api = new double[RUNS];
            double[] sql = new double[RUNS];
            String total = "";
            int bytes = 0;
            for (int run = 0; run < RUNS; run++) {
                sql[run] = plainPage(dataSource, indicator);
                long t = System.nanoTime();
                HttpResponse<byte[]> r = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
                api[run] = (System.nanoTime() - t) / 1e9;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("the API answered " + r.statusCode() + ": " + new String(r.body()));
                }
                total = r.headers().firstValue("X-Total-Count").orElse("?");
                bytes = r.body().length;
            }
            Observations observations = app.getBean(Observations.class);
            double[] whole = new double[3];
            for (int run = 0; run < whole.length; run++) {
                long t = System.nanoTime();
                observations.approvedOfIndicator(indicator);
                whole[run] = (System.nanoTime() - t) / 1e9;
            }
            Arrays.sort(api);
            Arrays.sort(sql);
            Arrays.sort(whole);
            System.out.printf(Locale.ROOT, "%nAPI page %d (size %d) of %s in the counties: %s figures in all, %,d bytes%n",
                    PAGE, SIZE, indicator, total, bytes);
            System.out.printf(Locale.ROOT, "plain JDBC select of the same page (best of %d): %.4f s (median %.4f s)%n", RUNS,
                    sql[0], sql[RUNS / 2]);
            System.out.printf(Locale.ROOT, "GET over HTTP (best of %d):                      %.4f s (median %.4f s)%n", RUNS,
                    api[0], api[RUNS / 2]);
            System.out.printf(Locale.ROOT, "ratio API / select: %.2f best, %.2f median (goal <= 3)%n", api[0] / sql[0],
                    api[RUNS / 2] / sql[RUNS / 2]);
            System.out.printf(Locale.ROOT, "for scale, the former read of every approved figure of the indicator: %.3f s%n",
                    whole[0]);
        }
    }

    /** The same page (approved figures of the indicator in the counties, the API's order), read to the end. */
    static double plainPage(DataSource dataSource, String indicator) throws Exception {
        long t = System.nanoTime();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select r.code, o.period, g.code, o.measure, o.base_period, o.obs_value, o.qualifier, o.qualifier_text
                     from observation o join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id
                     join disaggregation g on g.id = o.disaggregation_id
                     where i.code = ? and r.level = 'COUNTY' and o.status = 'APPROVED'
                     order by r.code, g.code, o.measure, o.period_start, o.period, o.base_period, o.id
                     offset ? rows fetch next ? rows only""")) {
            s.setString(1, indicator);
            s.setInt(2, (PAGE - 1) * SIZE);
            s.setInt(3, SIZE);
            long n = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    n += rs.getString(1).length() + rs.getString(2).length() + rs.getBigDecimal(6).scale();
                }
            }
            if (n == 0) {
                throw new IllegalStateException("no rows");
            }
        }
        return (System.nanoTime() - t) / 1e9;
    }
}
