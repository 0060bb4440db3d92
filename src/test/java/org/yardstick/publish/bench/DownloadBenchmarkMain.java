package org.yardstick.publish.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.YardstickApplication;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.Indicators;
import org.yardstick.progress.bench.BenchData;
import org.yardstick.publish.internal.PublicTables;
import org.yardstick.region.OfficialDivisions;
import org.yardstick.region.RegionFiles;
import org.yardstick.region.RegionLevel;
import org.yardstick.shared.TableDownload;

/**
 * The download benchmark (bench/downloads.sh): the CSV download of one indicator over 2,978 counties ×
 * 10 years (the progress benchmark's seeded generator, {@link BenchData}) through {@link PublicTables}
 * — the code behind {@code /indicators/{code}/download?level=COUNTY&format=csv} — against a plain JDBC
 * select of the same rows read to the end, in the same run; best of {@value #RUNS} each, ratio printed,
 * and the heap's peak while writing (the download streams: it does not grow with the rows).
 */
public final class DownloadBenchmarkMain {

    static final int RUNS = 7;

    private DownloadBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            DataSource dataSource = app.getBean(DataSource.class);
            String indicator = BenchData.indicator(0);
            PublicTables tables = app.getBean(PublicTables.class);
            long rows = jdbc.sql("""
                    select count(*) from observation o join indicator i on i.id = o.indicator_id
                    join region r on r.id = o.region_id where i.code = ? and r.level = 'COUNTY' and o.status = 'APPROVED'""")
                    .param(indicator).query(Long.class).single();
            double[] sql = new double[RUNS];
            double[] download = new double[RUNS];
            long bytes = 0;
            for (int run = 0; run < RUNS; run++) {
                sql[run] = plainSelect(dataSource, indicator);
                CountingStream out = new CountingStream();
                long t = System.nanoTime();
                tables.indicator(indicator, RegionLevel.COUNTY, Locale.SIMPLIFIED_CHINESE).write(TableDownload.Format.CSV, true, out);
                download[run] = (System.nanoTime() - t) / 1e9;
                bytes = out.count;
            }
            resetPeaks();
            tables.indicator(indicator, RegionLevel.COUNTY, Locale.SIMPLIFIED_CHINESE)
                    .write(TableDownload.Format.CSV, true, new CountingStream());
            long peak = heapPeak();
            Arrays.sort(sql);
            Arrays.sort(download);
            System.out.printf(Locale.ROOT, "%nCSV download of %s over 2,978 counties x 10 years: %,d rows, %,d bytes%n",
                    indicator, rows, bytes);
            System.out.printf(Locale.ROOT, "plain JDBC select of the same rows (best of %d): %.3f s%n", RUNS, sql[0]);
            System.out.printf(Locale.ROOT, "download through PublicTables (best of %d):     %.3f s (median %.3f s)%n", RUNS,
                    download[0], download[RUNS / 2]);
            System.out.printf(Locale.ROOT, "ratio download / select: %.2f (goal <= 3, and < 1 s)%n", download[0] / sql[0]);
            System.out.printf(Locale.ROOT, "heap peak during one download: %,d MB (max heap %,d MB)%n", peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    /**
     * The application on the benchmark database (yardstick_dl_bench, or {@code bench.url}), its generated
     * figures loaded when it has none.
     */
    static ConfigurableApplicationContext start(String... more) throws Exception {
        String[] boot = BenchData.bootArguments("jdbc:postgresql://localhost:5432/yardstick_dl_bench", more);
        ConfigurableApplicationContext app = SpringApplication.run(YardstickApplication.class, boot);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        if (jdbc.sql("select count(*) from observation").query(Long.class).single() == 0) {
            new BenchData(Long.getLong("bench.seed", 20260601L)).load(app.getBean(OfficialDivisions.class),
                    app.getBean(RegionFiles.class), app.getBean(FrameworkFiles.class), app.getBean(Indicators.class),
                    jdbc, app.getBean(DataSource.class));
        }
        return app;
    }

    /** The same rows as the download (approved figures of the indicator in the counties), read to the end. */
    static double plainSelect(DataSource dataSource, String indicator) throws Exception {
        long t = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                    select r.code, o.period, o.obs_value from observation o join indicator i on i.id = o.indicator_id
                    join region r on r.id = o.region_id where i.code = ? and r.level = 'COUNTY' and o.status = 'APPROVED'
                    order by r.code, o.period""")) {
                s.setFetchSize(1000);
                s.setString(1, indicator);
                long n = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        n += rs.getString(1).length() + rs.getString(2).length() + rs.getBigDecimal(3).scale();
                    }
                }
                if (n == 0) {
                    throw new IllegalStateException("no rows");
                }
            }
            c.commit();
        }
        return (System.nanoTime() - t) / 1e9;
    }

    static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** Counts what is written and keeps nothing. */
    static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
