package org.yardstick.assessment.bench;

import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs {@link DisclosureBenchmark} and prints both times and their ratio, measured in the same run. */
public final class DisclosureBenchmarkMain {

    private DisclosureBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        var options = new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(DisclosureBenchmark.class.getName() + "\\.").forks(1).build();
        double control = Double.NaN;
        double plain = Double.NaN;
        double maps = Double.NaN;
        for (RunResult r : new Runner(options).run()) {
            double ms = r.getPrimaryResult().getScore();
            if (r.getParams().getBenchmark().endsWith(".control")) {
                control = ms;
            } else if (r.getParams().getBenchmark().endsWith(".perEnterpriseMaps")) {
                maps = ms;
            } else {
                plain = ms;
            }
        }
        System.out.printf(Locale.ROOT, "%n%,d assessments in %,d counties%n", DisclosureBenchmark.ENTERPRISES,
                DisclosureBenchmark.COUNTIES);
        System.out.printf(Locale.ROOT, "disclosure control, county summaries + tree:    %8.1f ms%n", control);
        System.out.printf(Locale.ROOT, "(first slice, one map entry per enterprise:    %8.1f ms)%n", maps);
        System.out.printf(Locale.ROOT, "plain aggregate (sum, count, mean per county):  %8.1f ms%n", plain);
        System.out.printf(Locale.ROOT, "ratio: control takes %.1fx the plain aggregate (the first slice's %.0fx)%n",
                control / plain, maps / plain);
    }
}
