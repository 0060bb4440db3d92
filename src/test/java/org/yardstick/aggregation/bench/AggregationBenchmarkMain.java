package org.yardstick.aggregation.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link AggregationBenchmark} (JMH, one fork) and prints, for each case, the engine's time,
 * the baseline's time and their ratio engine/baseline (above 1: the engine is slower). JMH options
 * on the command line (e.g. {@code -wi 2 -i 3}) override the benchmark's annotations.
 */
public final class AggregationBenchmarkMain {

    private AggregationBenchmarkMain() {}

    private static final String[][] CASES = {
            {"sum", "SUM, 1 indicator, 1 period"},
            {"ratioOfSums", "RATIO_OF_SUMS, 1 share"},
            {"year", "SUM, " + AggregationBenchmark.INDICATORS + " indicators (a year)"},
            {"formula", "A / B * 100, " + NationalRegions.REGIONS + " regions"},
    };

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(AggregationBenchmark.class.getName() + "\\.")
                .forks(1)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> us = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            us.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        System.out.printf(Locale.ROOT, "%n%d regions (%d counties, %.0f %% reporting), one fork, times per operation%n",
                NationalRegions.REGIONS, NationalRegions.COUNTIES, AggregationBenchmark.REPORT_SHARE * 100);
        System.out.printf(Locale.ROOT, "%-36s %12s %12s %8s%n", "case", "engine", "baseline", "ratio");
        for (String[] c : CASES) {
            double engine = us.getOrDefault(c[0] + "Engine", Double.NaN);
            double baseline = us.getOrDefault(c[0] + "Baseline", Double.NaN);
            System.out.printf(Locale.ROOT, "%-36s %12s %12s %7.2fx%n", c[1], time(engine), time(baseline), engine / baseline);
        }
    }

    private static String time(double us) {
        return us >= 1000 ? String.format(Locale.ROOT, "%.2f ms", us / 1000) : String.format(Locale.ROOT, "%.1f µs", us);
    }
}
