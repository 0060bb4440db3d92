package org.yardstick.index.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link IndexPipelineBenchmark} (JMH, one fork) and prints ns per value of the engine and of
 * the baseline, their ratio and the engine's time for the whole pipeline. JMH options on the command
 * line (e.g. {@code -wi 1 -i 2}) override the benchmark's annotations.
 */
public final class IndexBenchmarkMain {

    private IndexBenchmarkMain() {}

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(IndexPipelineBenchmark.class.getName() + "\\.")
                .forks(1)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double engineMs = Double.NaN;
        double baselineMs = Double.NaN;
        double floorMs = Double.NaN;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double ms = r.getPrimaryResult().getScore();
            if (name.endsWith(".engine")) {
                engineMs = ms;
            } else if (name.endsWith(".baseline")) {
                baselineMs = ms;
            } else if (name.endsWith(".floor")) {
                floorMs = ms;
            }
        }
        double values = IndexPipelineBenchmark.VALUES;
        double engineNs = engineMs * 1e6 / values;
        double baselineNs = baselineMs * 1e6 / values;
        System.out.printf(Locale.ROOT, "%nfull pipeline, %d units × %d indicators × %d periods = %.0f values%n",
                SyntheticIndex.UNITS, SyntheticIndex.INDICATORS, SyntheticIndex.PERIODS, values);
        System.out.printf(Locale.ROOT, "engine:   %8.2f ns/value  (%.1f ms per pipeline)%n", engineNs, engineMs);
        System.out.printf(Locale.ROOT, "baseline: %8.2f ns/value  (%.1f ms per pipeline)%n", baselineNs, baselineMs);
        System.out.printf(Locale.ROOT, "floor:    %8.2f ns/value  (%.1f ms: one min-max pass and one write per value)%n",
                floorMs * 1e6 / values, floorMs);
        System.out.printf(Locale.ROOT, "ratio: engine is %.1fx faster than the boxed baseline; pipeline %.0f ms%n",
                baselineNs / engineNs, engineMs);
        System.out.printf(Locale.ROOT, "floor ratio: engine takes %.1fx the bare-loop floor (goal: < 8x, pipeline < 50 ms)%n",
                engineMs / floorMs);
    }
}
