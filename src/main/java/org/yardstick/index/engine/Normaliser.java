package org.yardstick.index.engine;

import org.jspecify.annotations.Nullable;

/** The normalisation stage; see {@link Normalisation} for each method's formula. */
final class Normaliser {

    private Normaliser() {}

    /** Normalises every column of {@code data}, which are the tree's indicators in order. */
    static Panel normalise(Panel data, IndexTree tree, Normalisation how) {
        Normalisation[] hows = new Normalisation[data.columns().size()];
        java.util.Arrays.fill(hows, how);
        return normalise(data, tree, hows, null);
    }

    /**
     * Normalises column {@code c} by {@code hows[c]}. Units marked in {@code outOfBounds} (reference
     * units) are normalised like the others but left out of the minimum, maximum, mean and standard
     * deviation the methods take from the data.
     */
    static Panel normalise(Panel data, IndexTree tree, Normalisation[] hows, boolean @Nullable [] outOfBounds) {
        double[][] in = data.raw();
        double[][] out = new double[in.length][];
        int n = data.unitCount();
        Problems problems = new Problems();
        for (int c = 0; c < in.length; c++) {
            Normalisation how = hows[c];
            int scopes = how.scope() == Scope.PANEL ? 1 : data.periodCount();
            int width = how.scope() == Scope.PANEL ? data.cellCount() : n;
            TreeNode node = tree.indicators().get(c);
            if (!checkParameters(node, how, problems)) {
                out[c] = new double[data.cellCount()];
                continue;
            }
            double[] basis = in[c];
            if (outOfBounds != null) {
                basis = basis.clone();
                for (int i = 0; i < basis.length; i++) {
                    if (outOfBounds[i % n]) {
                        basis[i] = Double.NaN;
                    }
                }
            }
            double[] y = new double[data.cellCount()];
            java.util.Arrays.fill(y, Double.NaN);
            for (int s = 0; s < scopes; s++) {
                String period = how.scope() == Scope.PANEL ? "*" : data.periods().get(s);
                slice(data, node, in[c], basis, y, s * width, (s + 1) * width, how, period, problems);
            }
            out[c] = y;
        }
        problems.throwIfAny();
        return data.withColumns(data.columns(), out);
    }

    /** The indicator's own goalposts, else those of the method set on it. */
    static double low(TreeNode node, Normalisation how) {
        return Double.isNaN(node.goalpostLow()) ? how.goalpostLow() : node.goalpostLow();
    }

    static double high(TreeNode node, Normalisation how) {
        return Double.isNaN(node.goalpostHigh()) ? how.goalpostHigh() : node.goalpostHigh();
    }

    private static boolean checkParameters(TreeNode node, Normalisation how, Problems problems) {
        switch (how.method()) {
            case GOALPOSTS, LOG_GOALPOSTS -> {
                double l = low(node, how);
                double u = high(node, how);
                if (Double.isNaN(l) || Double.isNaN(u)) {
                    problems.add(node.where().problem(null, IndexProblem.MISSING_GOALPOSTS, node.code(),
                            how.method().name().toLowerCase()));
                    return false;
                }
                if (!(l < u) || (how.method() == Normalisation.Method.LOG_GOALPOSTS && !(l > 0))) {
                    problems.add(node.where().problem(l + ", " + u, IndexProblem.BAD_GOALPOSTS, node.code()));
                    return false;
                }
            }
            case DISTANCE_TO_TARGET -> {
                if (Double.isNaN(node.target())) {
                    problems.add(node.where().problem(null, IndexProblem.MISSING_TARGET, node.code()));
                    return false;
                }
            }
            default -> { }
        }
        return true;
    }

    private static void slice(Panel data, TreeNode node, double[] x, double[] basis, double[] y, int from, int to,
            Normalisation how, String period, Problems problems) {
        int d = how.polarity() != 0 ? how.polarity() : node.direction();
        double lo = how.lo();
        double span = how.hi() - how.lo();
        String code = node.code();
        switch (how.method()) {
            case NONE -> {
                for (int i = from; i < to; i++) {
                    y[i] = d * x[i];
                }
            }
            case MIN_MAX, DISTANCE_TO_MAX -> {
                double min = Stats.min(basis, from, to);
                double max = Stats.max(basis, from, to);
                if (!(max > min)) {
                    zeroVariance(data, code, basis, from, to, period, "min-max", problems);
                    return;
                }
                double range = max - min;
                for (int i = from; i < to; i++) {
                    y[i] = lo + span * (d > 0 ? x[i] - min : max - x[i]) / range;
                }
            }
            case Z_SCORE -> {
                double m = Stats.mean(basis, from, to);
                double s = Stats.sd(basis, from, to);
                if (!(s > 0)) {
                    zeroVariance(data, code, basis, from, to, period, "the z-score", problems);
                    return;
                }
                for (int i = from; i < to; i++) {
                    y[i] = how.mean() + how.sd() * d * (x[i] - m) / s;
                }
            }
            case GOALPOSTS -> {
                double l = low(node, how);
                double u = high(node, how);
                for (int i = from; i < to; i++) {
                    double r = (d > 0 ? x[i] - l : u - x[i]) / (u - l);
                    y[i] = lo + span * (how.cap() ? clamp(r) : r);
                }
            }
            case LOG_GOALPOSTS -> {
                double ll = log(low(node, how), how.logBase());
                double lu = log(high(node, how), how.logBase());
                for (int i = from; i < to; i++) {
                    double v = x[i];
                    if (v <= 0) {
                        problems.cell(data, i, code, v, IndexProblem.NON_POSITIVE_LOG, Decimals.format(v), period,
                                "log goalposts");
                        continue;
                    }
                    double lv = log(v, how.logBase());
                    double r = (d > 0 ? lv - ll : lu - lv) / (lu - ll);
                    y[i] = lo + span * (how.cap() ? clamp(r) : r);
                }
            }
            case DISTANCE_TO_TARGET -> {
                double t = node.target();
                double worst = d > 0 ? Stats.min(basis, from, to) : Stats.max(basis, from, to);
                if (Double.isNaN(worst)) {
                    return;
                }
                if (worst == t) {
                    problems.column(data, code, IndexProblem.TARGET_AT_EXTREME, Decimals.format(t), period);
                    return;
                }
                for (int i = from; i < to; i++) {
                    double r = (x[i] - worst) / (t - worst);
                    y[i] = lo + span * (how.cap() ? Math.min(r, 1) : r);
                }
            }
            case RANK, PERCENTILE_RANK -> {
                double[] signed = new double[to - from];
                for (int i = from; i < to; i++) {
                    signed[i - from] = d * x[i];
                }
                int[] ranks = new int[signed.length];
                Stats.minRanks(signed, 0, signed.length, false, ranks);
                int count = Stats.count(signed, 0, signed.length);
                for (int i = from; i < to; i++) {
                    int r = ranks[i - from];
                    if (r == 0) {
                        y[i] = Double.NaN;
                    } else if (how.method() == Normalisation.Method.RANK) {
                        y[i] = r;
                    } else {
                        y[i] = count == 1 ? how.hi() : lo + span * (r - 1) / (count - 1);
                    }
                }
            }
        }
    }

    private static void zeroVariance(Panel data, String code, double[] x, int from, int to, String period,
            String method, Problems problems) {
        if (Stats.count(x, from, to) == 0) {
            return; // nothing present in this scope: stays missing, not a problem of variance
        }
        problems.column(data, code, IndexProblem.ZERO_VARIANCE, period, method);
    }

    /** {@code log_base(v)}; the natural logarithm itself for base e. */
    static double log(double v, double base) {
        return base == Math.E ? Math.log(v) : base == 10 ? Math.log10(v) : Math.log(v) / Math.log(base);
    }

    static double clamp(double r) {
        return r < 0 ? 0 : (r > 1 ? 1 : r);
    }
}
