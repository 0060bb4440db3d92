package org.yardstick.observation.imports.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yardstick.YardstickApplication;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.observation.DataSetFiles;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.imports.FigureImports;

/**
 * The import benchmark ({@code bench/import.sh}): boots the application on PostgreSQL, generates
 * the seeded long-form CSV ({@link BenchData}), imports it through the application's import path
 * as the administrator with every validation rule on, then — in the same run, into the same table,
 * after truncating it — loads the same rows with PostgreSQL's COPY, and prints rows/s of both and
 * their ratio. Arguments: {@code [rows] [seed]}, default 1,000,000 and 42.
 */
public final class ImportBench {

    private ImportBench() {}

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        Path dir = Files.createDirectories(Path.of("target/bench-import"));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(YardstickApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN",
                        "logging.level.org.yardstick.observation.imports=DEBUG", "yardstick.demo.load-on-empty=true")
                .run()) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            DataSource dataSource = ctx.getBean(DataSource.class);
            try (Connection c = dataSource.getConnection()) {
                String product = c.getMetaData().getDatabaseProductName();
                if (!product.toLowerCase(Locale.ROOT).contains("postgres")) {
                    throw new IllegalStateException("the import benchmark compares with PostgreSQL's COPY; "
                            + "set SPRING_DATASOURCE_URL to a PostgreSQL database (this is " + product + ")");
                }
            }
            BenchData.setUp(ctx.getBean(FrameworkFiles.class), ctx.getBean(DataSetFiles.class), ctx.getBean(DataSets.class),
                    LocalDate.now(ctx.getBean(Clock.class)));
            UserDetails admin = ctx.getBean(UserDetailsService.class).loadUserByUsername("admin");
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));

            List<Map.Entry<String, Long>> counties = BenchData.counties(jdbc);
            Path csv = dir.resolve("figures.csv");
            BenchData.writeCsv(csv, counties, rows, seed);
            Path tsv = dir.resolve("figures.copy.tsv");
            writeCopyFile(jdbc, tsv, counties, rows, seed);
            System.out.printf("rows: %,d over %,d county-level regions × %d indicators × 12 months (seed %d); CSV %,d bytes%n",
                    rows, counties.size(), BenchData.INDICATORS, seed, Files.size(csv));

            FigureImports imports = ctx.getBean(FigureImports.class);
            empty(jdbc);
            long audit0 = jdbc.queryForObject("select count(*) from audit_event", Long.class);
            long t0 = System.nanoTime();
            FigureImports.Outcome outcome;
            try (InputStream in = Files.newInputStream(csv)) {
                outcome = imports.importFile(BenchData.DATA_SET, "figures.csv", in);
            }
            double app = (System.nanoTime() - t0) / 1e9;
            long audited = jdbc.queryForObject("select count(*) from audit_event", Long.class) - audit0;
            if (outcome.created() != rows) {
                throw new IllegalStateException("the import created " + outcome.created() + " figures, not " + rows);
            }
            long t1 = System.nanoTime();
            FigureImports.Outcome again;
            try (InputStream in = Files.newInputStream(csv)) {
                again = imports.importFile(BenchData.DATA_SET, "figures.csv", in);
            }
            double reimport = (System.nanoTime() - t1) / 1e9;
            if (again.unchanged() != rows) {
                throw new IllegalStateException("the re-import changed figures: " + again);
            }

            empty(jdbc);
            long t2 = System.nanoTime();
            long copied;
            try (Connection c = dataSource.getConnection(); Reader in = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
                copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy observation (indicator_id, region_id, period, period_start, disaggregation_id, measure, base_period,
                                          obs_value, qualifier, qualifier_text, status, comment, version, created_at,
                                          updated_at, created_by, updated_by) from stdin""", in);
            }
            double copy = (System.nanoTime() - t2) / 1e9;
            if (copied != rows) {
                throw new IllegalStateException("COPY loaded " + copied + " rows, not " + rows);
            }

            double appRate = rows / app;
            double copyRate = rows / copy;
            System.out.printf("application import (CSV → checks → rules → COPY + upsert + audit): %.1f s, %,.0f rows/s "
                    + "(%,d created, %,d audit rows)%n", app, appRate, outcome.created(), audited);
            System.out.printf("re-import of the same file (nothing changes, nothing written): %.1f s, %,.0f rows/s%n",
                    reimport, rows / reimport);
            System.out.printf("PostgreSQL COPY of the same rows into observation: %.1f s, %,.0f rows/s%n", copy, copyRate);
            System.out.printf("ratio application / COPY: %.2f (goal: at least 0.50)%n", appRate / copyRate);
        }
    }

    /** Empties the figures and submissions (the bench database is its own; the demo's figures go too). */
    private static void empty(JdbcTemplate jdbc) {
        jdbc.execute("truncate table observation_source, observation, submission");
        jdbc.execute("analyze observation");
    }

    /** The same rows as COPY wants them: ids instead of codes, every column the application would write. */
    private static void writeCopyFile(JdbcTemplate jdbc, Path file, List<Map.Entry<String, Long>> counties, long rows,
                                      long seed) throws IOException {
        Map<String, Long> indicators = new HashMap<>();
        jdbc.query("select code, id from indicator where code like 'BENCH\\_%'",
                rs -> {
                    indicators.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> regions = new HashMap<>();
        counties.forEach(e -> regions.put(e.getKey(), e.getValue()));
        long total = jdbc.queryForObject("select id from disaggregation where code = '_T'", Long.class);
        String now = Instant.now().toString();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            BenchData.generate(counties, rows, seed, f -> {
                try {
                    out.write(indicators.get(f.indicator()) + "\t" + regions.get(f.region()) + "\t" + f.period() + "\t"
                            + f.period() + "-01\t" + total + "\tLEVEL\t\t" + f.value() + "\tNONE\t\tDRAFT\t\\N\t0\t" + now
                            + "\t" + now + "\tadmin\tadmin\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
