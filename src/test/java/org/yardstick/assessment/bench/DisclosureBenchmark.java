package org.yardstick.assessment.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.yardstick.assessment.engine.Disclosure;
import org.yardstick.assessment.engine.RegionalDisclosure;

/**
 * Disclosure control of a county table over 500,000 generated submitted assessments (1,000 counties of
 * 0–1,000 enterprises, a tenth of the counties with fewer than 5) against the plain aggregate of the same
 * scores (sum and count per county, what a SQL GROUP BY gives).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class DisclosureBenchmark {

    static final int ENTERPRISES = 500_000;
    static final int COUNTIES = 1_000;

    int[] county;
    double[] score;

    @Setup
    public void generate() {
        Random random = new Random(23020);
        county = new int[ENTERPRISES];
        score = new double[ENTERPRISES];
        for (int i = 0; i < ENTERPRISES; i++) {
            int c = random.nextInt(COUNTIES);
            // a tenth of the counties get (almost) nobody: they fall below the threshold
            county[i] = c % 10 == 0 && random.nextInt(200) != 0 ? (c + 1) % COUNTIES : c;
            score[i] = random.nextDouble() * 100;
        }
    }

    /**
     * The reworked step, as {@code RegionalIndicators} runs it: one pass summarising each county (count, sum, largest
     * score — what the county summaries hold), then disclosure control over the tree (the root and its counties).
     */
    @Benchmark
    public Map<String, Disclosure.Verdict> control() {
        int[] count = new int[COUNTIES];
        double[] sum = new double[COUNTIES];
        double[] max = new double[COUNTIES];
        for (int i = 0; i < ENTERPRISES; i++) {
            int c = county[i];
            count[c]++;
            sum[c] += score[i];
            max[c] = Math.max(max[c], score[i]);
        }
        List<RegionalDisclosure.Node> nodes = new ArrayList<>(COUNTIES + 1);
        nodes.add(new RegionalDisclosure.Node("root", null, RegionalDisclosure.Stats.EMPTY));
        for (int c = 0; c < COUNTIES; c++) {
            nodes.add(new RegionalDisclosure.Node("c" + c, "root", count[c] == 0 ? RegionalDisclosure.Stats.EMPTY
                    : new RegionalDisclosure.Stats(count[c], sum[c], max[c])));
        }
        return RegionalDisclosure.control(nodes, RegionalDisclosure.MAGNITUDE, java.util.Set.of());
    }

    /** The first slice's step (one map entry per enterprise), kept to show the change in the same run. */
    @Benchmark
    public Disclosure.Table perEnterpriseMaps() {
        List<Map<Long, Double>> byCounty = new ArrayList<>(COUNTIES);
        for (int c = 0; c < COUNTIES; c++) {
            byCounty.add(new HashMap<>());
        }
        for (int i = 0; i < ENTERPRISES; i++) {
            byCounty.get(county[i]).put((long) i, score[i]);
        }
        List<Disclosure.Cell> cells = new ArrayList<>(COUNTIES);
        for (int c = 0; c < COUNTIES; c++) {
            cells.add(new Disclosure.Cell("c" + c, byCounty.get(c)));
        }
        return Disclosure.control(cells);
    }

    @Benchmark
    public double[] plainAggregate() {
        double[] sum = new double[COUNTIES];
        int[] count = new int[COUNTIES];
        for (int i = 0; i < ENTERPRISES; i++) {
            sum[county[i]] += score[i];
            count[county[i]]++;
        }
        double[] mean = new double[COUNTIES];
        for (int c = 0; c < COUNTIES; c++) {
            mean[c] = count[c] == 0 ? Double.NaN : sum[c] / count[c];
        }
        return mean;
    }
}
