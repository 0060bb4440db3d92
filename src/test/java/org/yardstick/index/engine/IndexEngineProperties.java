package org.yardstick.index.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The invariants of the engine, over generated data. */
class IndexEngineProperties {

    /** A column of 2–60 values, not all equal, some missing. */
    @Provide
    Arbitrary<double[]> columns() {
        Arbitrary<Double> value = Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.doubles().between(-1, 1),
                Arbitraries.just(Double.NaN));
        return value.list().ofMinSize(1).ofMaxSize(59).map(list -> {
            double[] x = new double[list.size() + 2];
            for (int i = 0; i < list.size(); i++) {
                x[i] = list.get(i);
            }
            x[list.size()] = 3; // two distinct values present, so the column has a range
            x[list.size() + 1] = 4;
            return x;
        });
    }

    @Property
    void normalisedValuesLieInTheirRange(@ForAll("columns") double[] x,
            @ForAll @DoubleRange(min = -1000, max = 1000) double lo, @ForAll @DoubleRange(min = 0.01, max = 1000) double width,
            @ForAll Normalisation.Method method, @ForAll boolean reversed) {
        if (method == Normalisation.Method.Z_SCORE || method == Normalisation.Method.NONE
                || method == Normalisation.Method.RANK) {
            method = Normalisation.Method.MIN_MAX; // unbounded by design; their ranges are checked below
        }
        double hi = lo + width;
        boolean logs = method == Normalisation.Method.LOG_GOALPOSTS;
        if (logs) {
            x = x.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.abs(x[i]) + 0.5; // logarithms need positive values
            }
        }
        IndexTree tree = IndexTree.of(List.of(TreeNode.aggregate("I", null, 1),
                TreeNode.indicator("a", "I", 1, reversed ? -1 : 1).withGoalposts(logs ? 1 : -10, logs ? 100 : 10)
                        .withTarget(3.5)));
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
        double[] ranks = IndexEngine.normalise(p, tree, Normalisation.of(Normalisation.Method.RANK, 0, 1)).column(0);
        int present = Stats.count(x, 0, x.length);
        for (double r : ranks) {
            assertThat(Double.isNaN(r) || (r >= 1 && r <= present)).isTrue();
        }
    }

    @Property
    void reversingPolarityTwiceIsIdentity(@ForAll("columns") double[] x) {
        IndexTree reversed = IndexTree.of(List.of(TreeNode.aggregate("I", null, 1), TreeNode.indicator("a", "I", 1, -1)));
        IndexTree straight = Panels.flatTree("a");
        Normalisation none = Normalisation.of(Normalisation.Method.NONE, 0, 1);
        Panel p = Panels.crossSection(List.of("a"), x);
        Panel twice = IndexEngine.normalise(IndexEngine.normalise(p, reversed, none), reversed, none);
        assertThat(twice.column(0)).containsExactly(x);
        Normalisation minMax = Normalisation.minMax(0, 100);
        double[] viaTwoReversals = IndexEngine.normalise(IndexEngine.normalise(p, reversed, minMax), reversed, minMax)
                .column(0);
        double[] direct = IndexEngine.normalise(p, straight, minMax).column(0);
        for (int i = 0; i < x.length; i++) {
            assertThat(viaTwoReversals[i]).isCloseTo(direct[i], within(1e-9));
        }
    }

    @Property
    void theEqualWeightMeanOfIdenticalChildrenIsThatValue(@ForAll @DoubleRange(min = 0.01, max = 1e6) double v,
            @ForAll @IntRange(min = 1, max = 12) int children, @ForAll Aggregation.Method method,
            @ForAll @DoubleRange(min = 0.25, max = 4) double power) {
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
    }

    @Property(tries = 50)
    void resultsDoNotDependOnRowOrder(@ForAll @IntRange(min = 5, max = 40) int units, @ForAll long seed) {
        Random random = new Random(seed);
        List<String> rows = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            for (int year = 2019; year <= 2020; year++) {
                rows.add("u" + u + "," + year + "," + (u % 3 == 0 ? "east" : "west") + ","
                        + cell(random) + "," + cell(random) + "," + (random.nextDouble() * 100 + u) + "\n");
            }
        }
        IndexResult first = compute(rows);
        Collections.shuffle(rows, random);
        IndexResult second = compute(rows);
        Panel a = first.scores();
        Panel b = second.scores();
        for (String unit : a.units()) {
            for (String period : a.periods()) {
                for (String code : a.columns()) {
                    double x = a.value(code, unit, period);
                    double y = b.value(code, unit, period);
                    assertThat(Double.isNaN(x) ? Double.isNaN(y) : Math.abs(x - y) <= 1e-9).as(unit + code).isTrue();
                }
            }
        }
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

    @Property
    void scalingAnIndicatorByAPositiveConstantLeavesMinMaxUnchanged(@ForAll("columns") double[] x,
            @ForAll @DoubleRange(min = 0.01, max = 1e3) double k) {
        double[] scaled = x.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= k;
        }
        IndexTree tree = Panels.flatTree("a");
        double[] y = IndexEngine.normalise(Panels.crossSection(List.of("a"), x), tree, Normalisation.minMax(0, 100)).column(0);
        double[] z = IndexEngine.normalise(Panels.crossSection(List.of("a"), scaled), tree, Normalisation.minMax(0, 100))
                .column(0);
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                assertThat(z[i]).isNaN();
            } else {
                assertThat(z[i]).isCloseTo(y[i], within(1e-9));
            }
        }
    }

    @Property
    void ranksAreBetweenOneAndTheNumberOfScoresPresentAndTheBestIsFirst(
            @ForAll @Size(min = 1, max = 50) List<@DoubleRange(min = 0, max = 100) Double> scores) {
        double[] x = scores.stream().mapToDouble(Double::doubleValue).toArray();
        int[] ranks = IndexEngine.rank(Panels.crossSection(List.of("I"), x), -1)[0];
        double best = Stats.max(x, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertThat(ranks[i]).isBetween(1, x.length);
            assertThat(ranks[i] == 1).isEqualTo(x[i] == best);
        }
    }

    @Property
    void ranksEqualOnePlusTheNumberOfBetterValues(
            @ForAll @Size(max = 300) List<@DoubleRange(min = -1e9, max = 1e9) Double> raw,
            @ForAll @IntRange(min = 0, max = 3) int rounding, @ForAll boolean descending) {
        double[] x = new double[raw.size()];
        for (int i = 0; i < x.length; i++) {
            double v = raw.get(i);
            // many ties, both zeros, negatives and some missing values
            x[i] = i % 11 == 5 ? Double.NaN : i % 13 == 7 ? -0.0 : Math.round(v / Math.pow(10, 6 + rounding)) * 0.5;
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
    }

    /** Outliers on either side, many ties: the one-pass winsorisation equals the step-by-step procedure. */
    @Provide
    Arbitrary<double[]> skewedColumns() {
        Arbitrary<Double> body = Arbitraries.integers().between(0, 6).map(i -> (double) i);
        Arbitrary<Double> outlier = Arbitraries.integers().between(-400, 400).map(i -> (double) i * 7);
        Arbitrary<Double> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, body), net.jqwik.api.Tuple.of(2, outlier),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Double.NaN)));
        return value.list().ofMinSize(4).ofMaxSize(80).map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Property(tries = 2000)
    void winsorisationEqualsTheStepByStepProcedure(@ForAll("skewedColumns") double[] x,
            @ForAll @IntRange(min = 0, max = 7) int maxPoints) {
        Treatment t = new Treatment(true, maxPoints, 2, 3.5, Treatment.Fallback.CT_LOG, Scope.PERIOD);
        OutlierTreatment fast = IndexEngine.treat(Panels.crossSection(List.of("a"), x), t);
        double[] expected = x.clone();
        byte[] flags = new byte[x.length];
        String outcome = stepByStep(expected, flags, t);
        assertThat(fast.treated().column(0)).containsExactly(expected);
        assertThat(fast.flags()[0]).containsExactly(flags);
        assertThat(fast.summaries().get(0).outcome().name()).isEqualTo(outcome);
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
}
