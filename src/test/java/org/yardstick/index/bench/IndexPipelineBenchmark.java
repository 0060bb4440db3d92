package org.yardstick.index.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.yardstick.index.engine.IndexEngine;
import org.yardstick.index.engine.IndexMethod;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.Panel;

/**
 * The full pipeline (impute, treat, normalise, aggregate, rank) over 3,000 units × 60 indicators ×
 * 20 periods, the engine against the boxed-map baseline. Run by {@code bench/index-engine.sh}.
 * Both run in the same forked JVM with the same flags: a fixed 8 GB heap, pre-touched so page
 * faults are not timed, with a 5 GB young generation in which each run's stage arrays die young.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g", "-Xmn5g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class IndexPipelineBenchmark {

    static final long SEED = 20240607L;
    /** How many input values one run treats. */
    static final long VALUES = (long) SyntheticIndex.UNITS * SyntheticIndex.INDICATORS * SyntheticIndex.PERIODS;

    private IndexTree tree;
    private IndexMethod method;
    private Panel panel;
    private BoxedBaseline baseline;

    @Setup(Level.Trial)
    public void generate() {
        tree = SyntheticIndex.tree(SyntheticIndex.INDICATORS);
        method = SyntheticIndex.method();
        panel = SyntheticIndex.panel(SEED, SyntheticIndex.UNITS, SyntheticIndex.INDICATORS, SyntheticIndex.PERIODS);
        baseline = new BoxedBaseline(panel, tree, method.treatment().maxPoints());
    }

    @Benchmark
    public IndexResult engine() {
        return IndexEngine.compute(tree, method, panel, null);
    }

    @Benchmark
    public BoxedBaseline.Result baseline() {
        return baseline.run();
    }

    /**
     * The bare-loop floor: the least any pipeline must do, one pass over every value to find each
     * column's minimum and maximum per period and one to write its min-max score into a new array,
     * no imputation, treatment, aggregation or ranking. The engine's time is reported against it.
     */
    @Benchmark
    public double[][] floor() {
        return bareLoop(panel);
    }

    static double[][] bareLoop(Panel panel) {
        int n = panel.unitCount();
        int periods = panel.periodCount();
        double[][] out = new double[panel.columns().size()][];
        for (int c = 0; c < out.length; c++) {
            double[] x = panel.column(c);
            double[] y = x; // the copy panel.column makes is the new array written in place
            for (int p = 0; p < periods; p++) {
                int from = p * n;
                int to = from + n;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    double v = x[i];
                    if (v == v) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                double scale = 100 / (max - min);
                for (int i = from; i < to; i++) {
                    y[i] = (x[i] - min) * scale;
                }
            }
            out[c] = y;
        }
        return out;
    }
}
