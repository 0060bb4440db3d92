package org.yardstick.index.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.yardstick.shared.InvalidInputException;

/** The invariants of the engine, over generated data. */
class IndexEngineProperties {

    /** A column of 3–61 values, not all equal, some missing. */
    private static Gen<double[]> columns() {
        Gen<Double> value = Generate.oneOf(
                doublesBetween(-1e6, 1e6),
                doublesBetween(-1, 1),
                Generate.constant(Double.NaN));
        return lists().of(value).ofSizeBetween(1, 59).map(list -> {
            double[] x = new double[list.size() + 2];
            for (int i = 0; i < list.size(); i++) {
                x[i] = list.get(i);
            }
            x[list.size()] = 3; // two distinct values present, so the column has a range
            x[list.size() + 1] = 4;
            return x;
        }).describedAs(Arrays::toString);
    }

    /** The target range [lo, lo + width] of a normalisation, and whether the indicator's polarity is negative. */
    private record Scale(double lo, double width, boolean reversed) {}

    /**
     * Every bounded method maps every present value into its target range and keeps missing values
     * missing; ranks lie between 1 and the number of values present.
     */
    @Test
    void normalisedValuesLieInTheirRange() {
        Gen<Scale> scales = doublesBetween(-1000, 1000).zip(doublesBetween(0.01, 1000), booleans().all(), Scale::new);
        qt().withExamples(1000)
                .forAll(columns(), scales, Generate.enumValues(Normalisation.Method.class))
                .checkAssert((column, scale, m) -> {
                    double[] x = column;
                    Normalisation.Method method = m;
                    if (method == Normalisation.Method.Z_SCORE || method == Normalisation.Method.NONE
                            || method == Normalisation.Method.RANK) {
                        method = Normalisation.Method.MIN_MAX; // unbounded by design; their ranges are checked below
                    }
                    double lo = scale.lo();
                    double width = scale.width();
                    double hi = lo + width;
                    boolean logs = method == Normalisation.Method.LOG_GOALPOSTS;
                    if (logs) {
                        x = x.clone();
                        for (int i = 0; i < x.length; i++) {
                            x[i] = Math.abs(x[i]) + 0.5; // logarithms need positive values
                        }
                    }
                    IndexTree tree = IndexTree.of(List.of(TreeNode.aggregate("I", null, 1),
                            TreeNode.indicator("a", "I", 1, scale.reversed() ? -1 : 1)
                                    .withGoalposts(logs ? 1 : -10, logs ? 100 : 10).withTarget(3.5)));
                    Panel p = Panels.crossSection(List.of("a"), x);
                    double[] y = IndexEngine.normalise(p, tree, Normalisation.of(method, lo, hi)).column(0);
                    double slack = 1e-9 * Math.max(1, Math.abs(lo) + width);
                    for (int i = 0; i < x.length; i++) {
                        if (Double.isNaN(x[i])) {
                            assertThat(y[i]).isNaN();
                        } else {
                            assertThat(y[i]).isBetween(lo - slack, hi + slack);
                        }
                    }
                    double[] ranks = IndexEngine.normalise(p, tree, Normalisation.of(Normalisation.Method.RANK, 0, 1))
                            .column(0);
                    int present = Stats.count(x, 0, x.length);
                    for (double r : ranks) {
                        assertThat(Double.isNaN(r) || (r >= 1 && r <= present)).isTrue();
                    }
                });
    }

    /**
     * Reversing an indicator's polarity twice gives back the raw values, and min-max after two
     * reversals equals min-max without any.
     */
    @Test
    void reversingPolarityTwiceIsIdentity() {
        qt().withExamples(1000).forAll(columns()).checkAssert(x -> {
            IndexTree reversed = IndexTree.of(
                    List.of(TreeNode.aggregate("I", null, 1), TreeNode.indicator("a", "I", 1, -1)));
            IndexTree straight = Panels.flatTree("a");
            Normalisation none = Normalisation.of(Normalisation.Method.NONE, 0, 1);
            Panel p = Panels.crossSection(List.of("a"), x);
            Panel twice = IndexEngine.normalise(IndexEngine.normalise(p, reversed, none), reversed, none);
            assertThat(twice.column(0)).containsExactly(x);
            Normalisation minMax = Normalisation.minMax(0, 100);
            double[] viaTwoReversals = IndexEngine.normalise(IndexEngine.normalise(p, reversed, minMax), reversed,
                    minMax).column(0);
            double[] direct = IndexEngine.normalise(p, straight, minMax).column(0);
            for (int i = 0; i < x.length; i++) {
                assertThat(viaTwoReversals[i]).isCloseTo(direct[i], within(1e-9));
            }
        });
    }

    /** Every aggregation method gives v for 1–12 equally weighted children that all score v. */
    @Test
    void theEqualWeightMeanOfIdenticalChildrenIsThatValue() {
        qt().withExamples(1000)
                .forAll(doublesBetween(0.01, 1e6), integersBetween(1, 12), Generate.enumValues(Aggregation.Method.class),
                        doublesBetween(0.25, 4))
                .checkAssert((v, children, method, power) -> {
                    List<TreeNode> nodes = new ArrayList<>();
                    nodes.add(TreeNode.aggregate("I", null, 1));
                    List<String> codes = new ArrayList<>();
                    double[][] values = new double[children][];
                    for (int c = 0; c < children; c++) {
                        nodes.add(TreeNode.indicator("c" + c, "I", 1, 1));
                        codes.add("c" + c);
                        values[c] = new double[] {v};
                    }
                    Aggregation how = switch (method) {
                        case ARITHMETIC -> Aggregation.arithmetic();
                        case GEOMETRIC -> Aggregation.geometric();
                        case HARMONIC -> Aggregation.harmonic();
                        case GENERALISED -> Aggregation.generalised(power);
                    };
                    Panel scores = IndexEngine.aggregate(Panels.crossSection(codes, values), IndexTree.of(nodes), how,
                            MissingChildren.renormalise());
                    assertThat(scores.column(0)[0]).isCloseTo(v, within(1e-12 * v));
                });
    }

    /**
     * Shuffling the rows of the data file changes no score of the full pipeline (imputation, treatment,
     * aggregation); data the engine rejects (a column left with a single figure in a year) it rejects
     * for the same problems in any row order.
     */
    @Test
    void resultsDoNotDependOnRowOrder() {
        qt().withExamples(50).forAll(integersBetween(5, 40), anyLong()).checkAssert((units, seed) -> {
            Random random = new Random(seed);
            List<String> rows = new ArrayList<>();
            for (int u = 0; u < units; u++) {
                for (int year = 2019; year <= 2020; year++) {
                    rows.add("u" + u + "," + year + "," + (u % 3 == 0 ? "east" : "west") + ","
                            + cell(random) + "," + cell(random) + "," + (random.nextDouble() * 100 + u) + "\n");
                }
            }
            IndexResult first;
            try {
                first = compute(rows);
            } catch (InvalidInputException rejected) {
                Collections.shuffle(rows, random);
                assertThatThrownBy(() -> compute(rows)).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).isEqualTo(rejected.problems()));
                return;
            }
            Collections.shuffle(rows, random);
            IndexResult second = compute(rows);
            Panel a = first.scores();
            Panel b = second.scores();
            for (String unit : a.units()) {
                for (String period : a.periods()) {
                    for (String code : a.columns()) {
                        double x = a.value(code, unit, period);
                        double y = b.value(code, unit, period);
                        assertThat(Double.isNaN(x) ? Double.isNaN(y) : Math.abs(x - y) <= 1e-9).as(unit + code)
                                .isTrue();
                    }
                }
            }
        });
    }

    private static String cell(Random random) {
        return random.nextInt(6) == 0 ? "" : Double.toString(Math.exp(random.nextGaussian() * 2));
    }

    private static IndexResult compute(List<String> rows) {
        List<TreeNode> nodes = List.of(TreeNode.aggregate("I", null, 1), TreeNode.aggregate("P", "I", 2),
                TreeNode.aggregate("Q", "I", 1), TreeNode.indicator("a", "P", 1, 1), TreeNode.indicator("b", "P", 2, -1),
                TreeNode.indicator("c", "Q", 1, 1));
        String csv = "unit,year,group,a,b,c\n" + String.join("", rows);
        org.yardstick.index.spec.DataLayout layout =
                new org.yardstick.index.spec.DataLayout("unit", "year", "group", List.of());
        IndexTree tree = IndexTree.of(nodes);
        org.yardstick.index.spec.WideData data = org.yardstick.index.spec.WideData.read(
                org.yardstick.shared.CsvReader.table("d.csv", csv), layout, tree);
        IndexMethod method = IndexMethod.defaults().withImputation(Imputation.GROUP_MEAN)
                .withTreatment(Treatment.winsorise(3));
        return IndexEngine.compute(tree, method, data.values(), null);
    }

    /** Min-max scores do not change when an indicator is multiplied by a positive constant. */
    @Test
    void scalingAnIndicatorByAPositiveConstantLeavesMinMaxUnchanged() {
        qt().withExamples(1000).forAll(columns(), doublesBetween(0.01, 1e3)).checkAssert((x, k) -> {
            double[] scaled = x.clone();
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] *= k;
            }
            IndexTree tree = Panels.flatTree("a");
            double[] y = IndexEngine.normalise(Panels.crossSection(List.of("a"), x), tree, Normalisation.minMax(0, 100))
                    .column(0);
            double[] z = IndexEngine.normalise(Panels.crossSection(List.of("a"), scaled), tree,
                    Normalisation.minMax(0, 100)).column(0);
            for (int i = 0; i < x.length; i++) {
                if (Double.isNaN(x[i])) {
                    assertThat(z[i]).isNaN();
                } else {
                    assertThat(z[i]).isCloseTo(y[i], within(1e-9));
                }
            }
        });
    }

    /** Ranks lie between 1 and the number of scores, and rank 1 goes to exactly the best score(s). */
    @Test
    void ranksAreBetweenOneAndTheNumberOfScoresPresentAndTheBestIsFirst() {
        qt().withExamples(1000).forAll(lists().of(doublesBetween(0, 100)).ofSizeBetween(1, 50)).checkAssert(scores -> {
            double[] x = scores.stream().mapToDouble(Double::doubleValue).toArray();
            int[] ranks = IndexEngine.rank(Panels.crossSection(List.of("I"), x), -1)[0];
            double best = Stats.max(x, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                assertThat(ranks[i]).isBetween(1, x.length);
                assertThat(ranks[i] == 1).isEqualTo(x[i] == best);
            }
        });
    }

    /** A present value's minimum rank is one plus the number of better present values; a missing one's is 0. */
    @Test
    void ranksEqualOnePlusTheNumberOfBetterValues() {
        qt().withExamples(1000)
                .forAll(lists().of(doublesBetween(-1e9, 1e9)).ofSizeBetween(0, 300), integersBetween(0, 3),
                        booleans().all())
                .checkAssert((raw, rounding, descending) -> {
                    double[] x = new double[raw.size()];
                    for (int i = 0; i < x.length; i++) {
                        double v = raw.get(i);
                        // many ties, both zeros, negatives and some missing values
                        x[i] = i % 11 == 5 ? Double.NaN
                                : i % 13 == 7 ? -0.0 : Math.round(v / Math.pow(10, 6 + rounding)) * 0.5;
                    }
                    int[] ranks = new int[x.length];
                    Stats.minRanks(x, 0, x.length, descending, ranks);
                    for (int i = 0; i < x.length; i++) {
                        if (Double.isNaN(x[i])) {
                            assertThat(ranks[i]).isZero();
                            continue;
                        }
                        int better = 0;
                        for (double v : x) {
                            if (!Double.isNaN(v) && (descending ? v > x[i] : v < x[i])) {
                                better++;
                            }
                        }
                        assertThat(ranks[i]).isEqualTo(better + 1);
                    }
                });
    }

    /** Outliers on either side, many ties: the one-pass winsorisation equals the step-by-step procedure. */
    private static Gen<double[]> skewedColumns() {
        Gen<Double> body = integersBetween(0, 6).map(i -> (double) i);
        Gen<Double> outlier = integersBetween(-400, 400).map(i -> (double) i * 7);
        Gen<Double> value = Generate.frequency(
                Pair.of(12, body), Pair.of(2, outlier), Pair.of(1, Generate.constant(Double.NaN)));
        return lists().of(value).ofSizeBetween(4, 80)
                .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray())
                .describedAs(Arrays::toString);
    }

    /** The one-pass winsorisation gives the values, flags and outcome of COINr's step-by-step loop. */
    @Test
    void winsorisationEqualsTheStepByStepProcedure() {
        qt().withExamples(2000).forAll(skewedColumns(), integersBetween(0, 7)).checkAssert((x, maxPoints) -> {
            Treatment t = new Treatment(true, maxPoints, 2, 3.5, Treatment.Fallback.CT_LOG, Scope.PERIOD);
            OutlierTreatment fast = IndexEngine.treat(Panels.crossSection(List.of("a"), x), t);
            double[] expected = x.clone();
            byte[] flags = new byte[x.length];
            String outcome = stepByStep(expected, flags, t);
            assertThat(fast.treated().column(0)).containsExactly(expected);
            assertThat(fast.flags()[0]).containsExactly(flags);
            assertThat(fast.summaries().get(0).outcome().name()).isEqualTo(outcome);
        });
    }

    /** COINr's loop as written: move every copy of the extreme to the next distinct value, re-test, repeat. */
    private static String stepByStep(double[] x, byte[] flags, Treatment t) {
        double[] original = x.clone();
        double[] sk = new double[2];
        Stats.skewKurtosis(x, 0, x.length, sk);
        int steps = 0;
        while (!t.passes(sk[0], sk[1]) && steps < t.maxPoints()) {
            boolean top = sk[0] >= 0;
            double extreme = top ? Stats.max(x, 0, x.length) : Stats.min(x, 0, x.length);
            double opposite = top ? Stats.min(x, 0, x.length) : Stats.max(x, 0, x.length);
            double next = Double.NaN;
            for (double v : x) {
                if (top ? v < extreme && !(v <= next) : v > extreme && !(v >= next)) {
                    next = v;
                }
            }
            if (Double.isNaN(next) || next == opposite) {
                break;
            }
            for (int i = 0; i < x.length; i++) {
                if (x[i] == extreme) {
                    x[i] = next;
                    flags[i] = top ? OutlierTreatment.FLAG_HIGH : OutlierTreatment.FLAG_LOW;
                }
            }
            steps++;
            Stats.skewKurtosis(x, 0, x.length, sk);
        }
        if (t.passes(sk[0], sk[1])) {
            return steps == 0 ? "NONE" : "WINSORISED";
        }
        double min = Stats.min(original, 0, x.length);
        double max = Stats.max(original, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.log(original[i] - min + 0.01 * (max - min));
            flags[i] = Double.isNaN(original[i]) ? OutlierTreatment.FLAG_NONE : OutlierTreatment.FLAG_LOG;
        }
        return "LOG_TRANSFORMED";
    }

    // ---- generators with edge cases

    /**
     * Doubles in [min, max]: uniform, half of them rounded to two decimals (so that ties and round
     * figures occur), and one in ten an edge case: either end, or zero, ±1 or ±0.01 where inside.
     */
    private static Gen<Double> doublesBetween(double min, double max) {
        Gen<Double> uniform = doubles().between(min, max);
        Gen<Double> cents = uniform.map(x -> Math.max(min, Math.min(max, Math.round(x * 100) / 100.0)));
        List<Double> edges = Stream.of(min, max, 0.0, 1.0, -1.0, 0.01, -0.01)
                .filter(e -> e >= min && e <= max).distinct().toList();
        return uniform.mix(cents, 50).mix(Generate.pick(edges), 10);
    }

    /** Integers in [min, max], one in ten an edge case: either end, its neighbour, or 0 or ±1 where inside. */
    private static Gen<Integer> integersBetween(int min, int max) {
        List<Integer> edges = Stream.of(min, min + 1, max - 1, max, 0, 1, -1)
                .filter(e -> e >= min && e <= max).distinct().toList();
        return integers().between(min, max).mix(Generate.pick(edges), 10);
    }

    /** Any long, one in ten an edge case: zero, ±1 or either extreme. */
    private static Gen<Long> anyLong() {
        return longs().all().mix(Generate.pick(List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE)), 10);
    }
}
