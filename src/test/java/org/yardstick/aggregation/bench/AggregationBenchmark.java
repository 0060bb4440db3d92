package org.yardstick.aggregation.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.openjdk.jmh.infra.Blackhole;
import org.yardstick.aggregation.engine.Aggregate;
import org.yardstick.aggregation.engine.Formula;
import org.yardstick.aggregation.engine.Incomplete;
import org.yardstick.aggregation.engine.RegionAggregation;
import org.yardstick.aggregation.engine.RegionRule;
import org.yardstick.aggregation.engine.RegionTree;

/**
 * The aggregation core at national scale ({@link NationalRegions}: 3,350 regions, 2,978 reporting
 * counties, 95 % of them with a figure), each case as the engine and as the {@link GroupByBaseline}
 * in the same forked JVM: a SUM of one indicator and period, a RATIO_OF_SUMS, the SUM of 200
 * indicators (one full recomputation of a year), and the formula {@code A / B * 100} over every
 * region's aggregated figures (parsed once). Run by {@code bench/aggregation.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AggregationBenchmark {

    static final long SEED = 20261204L;
    static final double REPORT_SHARE = 0.95;
    static final int INDICATORS = 200;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    NationalRegions regions;
    RegionAggregation engine;
    GroupByBaseline baseline;
    /** Indicator i's county figures; [0] is the one of the single-indicator cases. */
    List<Map<String, BigDecimal>> figures;
    Map<String, BigDecimal> numerators;
    Map<String, BigDecimal> denominators;
    Formula formula;
    /** Every region's aggregated A (Σ numerators) and B (Σ denominators), as the formula reads them. */
    List<Map<String, BigDecimal>> formulaInputs;

    @Setup(Level.Trial)
    public void generate() {
        regions = NationalRegions.generate(SEED);
        Set<String> counties = new HashSet<>(regions.counties);
        engine = new RegionAggregation(RegionTree.of(regions.parentOf), counties);
        baseline = new GroupByBaseline(regions.parentOf, regions.counties);
        figures = new ArrayList<>(INDICATORS);
        for (int i = 0; i < INDICATORS; i++) {
            figures.add(regions.countyFigures(SEED + 1 + i, REPORT_SHARE));
        }
        denominators = regions.countyFigures(SEED - 1, REPORT_SHARE);
        numerators = regions.partsOf(denominators, SEED - 2, REPORT_SHARE);
        formula = Formula.parse("SHARE", "A / B * 100", Set.of("A", "B"));
        formulaInputs = formulaInputs(engine, regions, numerators, denominators);
    }

    /** Region by region, the SUM aggregates of the numerators as A and of the denominators as B (absent where none). */
    static List<Map<String, BigDecimal>> formulaInputs(RegionAggregation engine, NationalRegions regions,
                                                       Map<String, BigDecimal> numerators,
                                                       Map<String, BigDecimal> denominators) {
        Map<String, Aggregate> a = engine.aggregate(RegionRule.SUM, numerators, Incomplete.SHOW);
        Map<String, Aggregate> b = engine.aggregate(RegionRule.SUM, denominators, Incomplete.SHOW);
        List<Map<String, BigDecimal>> inputs = new ArrayList<>(regions.regions.size());
        for (String region : regions.regions) {
            Map<String, BigDecimal> m = new java.util.HashMap<>();
            BigDecimal av = a.containsKey(region) ? a.get(region).value() : null;
            BigDecimal bv = b.containsKey(region) ? b.get(region).value() : null;
            if (av != null) {
                m.put("A", av);
            }
            if (bv != null) {
                m.put("B", bv);
            }
            inputs.add(m);
        }
        return inputs;
    }

    @Benchmark
    public Object sumEngine() {
        return engine.aggregate(RegionRule.SUM, figures.get(0), Incomplete.SHOW);
    }

    @Benchmark
    public Object sumBaseline() {
        return baseline.sum(figures.get(0));
    }

    @Benchmark
    public Object ratioOfSumsEngine() {
        return engine.ratioOfSums(Map.of(), numerators, denominators, HUNDRED, Incomplete.SHOW);
    }

    @Benchmark
    public Object ratioOfSumsBaseline() {
        return baseline.ratioOfSums(numerators, denominators, HUNDRED, new java.util.HashMap<>());
    }

    @Benchmark
    public void yearEngine(Blackhole bh) {
        for (Map<String, BigDecimal> f : figures) {
            bh.consume(engine.aggregate(RegionRule.SUM, f, Incomplete.SHOW));
        }
    }

    @Benchmark
    public void yearBaseline(Blackhole bh) {
        for (Map<String, BigDecimal> f : figures) {
            bh.consume(baseline.sum(f));
        }
    }

    @Benchmark
    public void formulaEngine(Blackhole bh) {
        for (Map<String, BigDecimal> m : formulaInputs) {
            bh.consume(formula.evaluate(m));
        }
    }

    @Benchmark
    public void formulaBaseline(Blackhole bh) {
        for (Map<String, BigDecimal> m : formulaInputs) {
            bh.consume(GroupByBaseline.percent(m.get("A"), m.get("B")));
        }
    }
}
