package org.yardstick.progress.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.YardstickApplication;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.Targets;
import org.yardstick.progress.internal.Comparison;
import org.yardstick.progress.internal.Comparisons;
import org.yardstick.progress.internal.Evaluations;
import org.yardstick.progress.internal.PlanEvaluation;
import org.yardstick.progress.rules.Status;
import org.yardstick.region.OfficialDivisions;
import org.yardstick.region.RegionFiles;
import org.yardstick.region.RegionLevel;

/**
 * The progress benchmark (bench/progress.sh): fills the PostgreSQL database it is given with the
 * seeded generator (unless it holds the data already), starts the application on it, and times —
 * in the same run — the plan overview and the region comparison (HTTP, whole page; and the page
 * assembly in-process), the recomputation of every status after one approval, and plain SQL
 * aggregates over the same rows as the baseline. p50 and p95 over 100 requests after a warm-up.
 */
public final class ProgressBenchmarkMain {

    static final int WARMUP = 20;
    static final int RUNS = 100;
    static final String INDICATOR = "BENCH001";

    private ProgressBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        // production settings: the test resources on the class path turn the template cache off
        String[] boot = BenchData.bootArguments("jdbc:postgresql://localhost:5432/yardstick_bench_progress",
                "--spring.thymeleaf.cache=true");
        try (ConfigurableApplicationContext app = SpringApplication.run(YardstickApplication.class, boot)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long observations = jdbc.sql("select count(*) from observation").query(Long.class).single();
            if (observations == 0) {
                new BenchData(Long.getLong("bench.seed", 20260601L)).load(app.getBean(OfficialDivisions.class),
                        app.getBean(RegionFiles.class), app.getBean(FrameworkFiles.class), app.getBean(Indicators.class),
                        jdbc, app.getBean(DataSource.class));
                observations = jdbc.sql("select count(*) from observation").query(Long.class).single();
            }
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String profile = System.getProperty("bench.profile");
            if (profile != null) {
                // a loop over one page only, to run under a profiler (JFR)
                HttpClient http = HttpClient.newHttpClient();
                for (int i = 0; i < 300; i++) {
                    get(http, "http://localhost:" + port + profile);
                }
                return;
            }
            run(app, jdbc, port, observations);
        }
    }

    static void run(ConfigurableApplicationContext app, JdbcClient jdbc, int port, long observations) throws Exception {
        Plans plans = app.getBean(Plans.class);
        Plan plan = plans.get(BenchData.PLAN);
        List<Target> targets = app.getBean(Targets.class).ofPlan(plan);
        Evaluations evaluations = app.getBean(Evaluations.class);
        Comparisons comparisons = app.getBean(Comparisons.class);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        String overviewUrl = base + "/plans/" + BenchData.PLAN + "/overview";
        String compareUrl = base + "/compare?indicator=" + INDICATOR + "&level=COUNTY&scope=CN&period=2024";
        long regionsWithFigures = jdbc.sql("select count(distinct region_id) from observation").query(Long.class).single();
        System.out.printf(Locale.ROOT, "%nDatabase: %,d approved observations, %,d regions with figures, %d indicators, "
                + "plan %s with %d targets%n", observations, regionsWithFigures, BenchData.INDICATORS, plan.code(), targets.size());

        // the rows each page reads, aggregated by plain SQL: the baseline. The overview reads each
        // target's indicator in its region and comparator region.
        Map<String, Set<String>> byRegion = new LinkedHashMap<>();
        for (Target t : targets) {
            if (t.indicatorCode() != null) {
                byRegion.computeIfAbsent(t.regionCode(), k -> new LinkedHashSet<>()).add(t.indicatorCode());
                if (t.comparatorRegionCode() != null) {
                    byRegion.computeIfAbsent(t.comparatorRegionCode(), k -> new LinkedHashSet<>()).add(t.indicatorCode());
                }
            }
        }
        StringBuilder pairs = new StringBuilder("(");
        Map<String, Object> params = new HashMap<>();
        int g = 0;
        for (Map.Entry<String, Set<String>> e : byRegion.entrySet()) {
            pairs.append(g == 0 ? "" : " or ").append("(r.code = :r").append(g).append(" and i.code in (:i").append(g).append("))");
            params.put("r" + g, e.getKey());
            params.put("i" + g, List.copyOf(e.getValue()));
            g++;
        }
        pairs.append(')');
        Callable<Object> overviewBaseline = () -> jdbc.sql("""
                select i.code, r.code, count(*), avg(o.obs_value), max(o.period) from observation o
                join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id
                where o.measure = 'LEVEL' and o.status = 'APPROVED' and """ + pairs + " group by i.code, r.code")
                .params(params).query((rs, n) -> rs.getDouble(4)).list();
        Callable<Object> compareBaseline = () -> jdbc.sql("""
                select r.code, avg(o.obs_value) from observation o
                join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id
                where i.code = ? and r.path like '/CN/%' and r.level = 'COUNTY' and o.measure = 'LEVEL' and o.status = 'APPROVED'
                group by r.code""").param(INDICATOR).query((rs, n) -> rs.getDouble(2)).list();
        long overviewRows = jdbc.sql("""
                select count(*) from observation o join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id
                where o.measure = 'LEVEL' and o.status = 'APPROVED' and """ + pairs).params(params).query(Long.class).single();
        long compareRows = jdbc.sql("""
                select count(*) from observation o join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id
                where i.code = ? and r.path like '/CN/%' and r.level = 'COUNTY' and o.status = 'APPROVED'""")
                .param(INDICATOR).query(Long.class).single();

        Callable<Object> overviewPage = () -> get(http, overviewUrl);
        Callable<Object> comparePage = () -> get(http, compareUrl);
        Callable<Object> overviewAssembly = () -> evaluations.evaluate(plan, null, null);
        Callable<Object> compareAssembly = () -> comparisons.compare(INDICATOR, "CN", RegionLevel.COUNTY, null, 2024);

        PlanEvaluation e = evaluations.evaluate(plan, null, null);
        Comparison c = comparisons.compare(INDICATOR, "CN", RegionLevel.COUNTY, null, 2024);
        System.out.printf(Locale.ROOT, "Overview: %d targets, %s; comparison: %d of %d regions, gap %.2f (ratio %.2f)%n",
                e.total(), e.counts(), c.reporting(), c.rows().size(), c.gap().difference(), c.gap().ratio());
        System.out.printf(Locale.ROOT, "Rows read: overview %,d, comparison %,d; page sizes: overview %,d bytes, comparison %,d bytes%n%n",
                overviewRows, compareRows, get(http, overviewUrl), get(http, compareUrl));

        double[] ob = time(overviewBaseline);
        double[] cb = time(compareBaseline);
        double[] op = time(overviewPage);
        double[] cp = time(comparePage);
        double[] oa = time(overviewAssembly);
        double[] ca = time(compareAssembly);
        double[] rc = recompute(jdbc, evaluations, plan, targets);
        double[] ob2 = time(overviewBaseline);
        double[] cb2 = time(compareBaseline);
        // the baseline measured before and after the pages; the better of the two is the reference
        ob = better(ob, ob2);
        cb = better(cb, cb2);

        System.out.println("                                          p50 ms    p95 ms   p95 / baseline p95");
        line("baseline SQL aggregate, overview rows", ob, ob);
        line("baseline SQL aggregate, comparison rows", cb, cb);
        line("plan overview, HTTP page", op, ob);
        line("plan overview, assembly in-process", oa, ob);
        line("region comparison, HTTP page", cp, cb);
        line("region comparison, assembly in-process", ca, cb);
        line("approval + recompute every status", rc, ob);
        System.out.printf(Locale.ROOT, "%nGoal: pages at p95 within 3x of the baseline and under 300 ms: overview %s, comparison %s%n",
                verdict(op, ob), verdict(cp, cb));
    }

    static String verdict(double[] page, double[] baseline) {
        boolean fast = page[1] < 300;
        boolean near = page[1] <= 3 * baseline[1];
        return (fast ? "under 300 ms" : "OVER 300 ms") + ", " + (near ? "within 3x" : String.format(Locale.ROOT, "%.1fx (over 3x)", page[1] / baseline[1]));
    }

    static double[] better(double[] a, double[] b) {
        return a[1] <= b[1] ? a : b;
    }

    static void line(String what, double[] t, double[] baseline) {
        System.out.printf(Locale.ROOT, "%-40s %8.1f  %8.1f   %6.2f%n", what, t[0], t[1], t[1] / baseline[1]);
    }

    /** p50 and p95 in milliseconds over {@value #RUNS} calls after {@value #WARMUP} unmeasured ones. */
    static double[] time(Callable<Object> call) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            call.call();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            call.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1]};
    }

    static long get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body().length;
    }

    /**
     * One approval, then every status of the plan recomputed: a 2025 figure far above the target of
     * BENCH001 moves from submitted to approved (as the approval workflow does: one UPDATE in a
     * transaction), and the whole plan is evaluated again; the target must now be achieved. Undone
     * (untimed) before the next round.
     */
    static double[] recompute(JdbcClient jdbc, Evaluations evaluations, Plan plan, List<Target> targets) throws Exception {
        Target t = targets.stream().filter(x -> "BENCH001".equals(x.indicatorCode()) && x.regionCode().equals(BenchData.PLAN_REGION))
                .findFirst().orElseThrow();
        jdbc.sql("delete from observation where created_by = 'bench-approval'").update();
        jdbc.sql("""
                insert into observation (indicator_id, region_id, period, period_start, disaggregation_id, measure, base_period,
                                         obs_value, qualifier, qualifier_text, status, version, created_at, updated_at, created_by, updated_by)
                values ((select id from indicator where code = 'BENCH001'), (select id from region where code = ?), '2025',
                        date '2025-01-01', (select id from disaggregation where code = '_T'), 'LEVEL', '', ?, 'NONE', '', 'SUBMITTED',
                        0, current_timestamp, current_timestamp, 'bench-approval', 'bench-approval')""")
                .params(BenchData.PLAN_REGION, t.value().doubleValue() * 10).update();
        long id = jdbc.sql("select id from observation where created_by = 'bench-approval'").query(Long.class).single();
        Callable<Object> round = () -> {
            jdbc.sql("update observation set status = 'APPROVED', version = version + 1 where id = ?").param(id).update();
            PlanEvaluation e = evaluations.evaluate(plan, null, null);
            Status s = e.items().stream().filter(i -> i.target().id() == t.id()).findFirst().orElseThrow().status();
            if (s != Status.ACHIEVED) {
                throw new IllegalStateException("the approved figure did not count: " + s);
            }
            return s;
        };
        double[] ms = new double[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long start = System.nanoTime();
            round.call();
            if (i >= WARMUP) {
                ms[i - WARMUP] = (System.nanoTime() - start) / 1e6;
            }
            jdbc.sql("update observation set status = 'SUBMITTED' where id = ?").param(id).update();
        }
        jdbc.sql("delete from observation where id = ?").param(id).update();
        Arrays.sort(ms);
        return new double[] {ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1]};
    }
}
