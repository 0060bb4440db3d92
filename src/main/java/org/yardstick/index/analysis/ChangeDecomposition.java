package org.yardstick.index.analysis;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.index.engine.Aggregation;
import org.yardstick.index.engine.IndexProblem;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.TreeNode;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Decomposition of the change of a unit's score between two periods into the parts of its
 * components, exact at every level: the parts sum to {@code S₁ - S₀}.
 *
 * <p>Each aggregate's change is written as {@code ΔS = Σ e_c Δx_c} with an effective weight
 * {@code e_c} per child ({@code w̃_c = w_c / Σ w}, every child present in both periods):
 * <ul>
 *   <li>arithmetic mean: {@code e_c = w̃_c} — the plain weighted difference;
 *   <li>geometric mean ({@code ln S = Σ w̃ ln x}): the logarithmic-mean Divisia index (LMDI-I,
 *       Ang 2004), {@code e_c = w̃_c L(S₀, S₁) / L(x₀, x₁)} with {@code L(a, b) = (b - a)/(ln b - ln a)},
 *       {@code L(a, a) = a}, so that {@code e_c Δx_c = L(S₀, S₁) w̃_c ln(x₁/x₀)};
 *   <li>power mean of exponent {@code p} (harmonic {@code p = -1}, generalised) on
 *       {@code S^p = Σ w̃ x^p}: {@code e_c = w̃_c D_p(x₀, x₁) / D_p(S₀, S₁)} with the difference
 *       quotient {@code D_p(a, b) = (b^p - a^p)/(b - a)}, {@code D_p(a, a) = p a^(p-1)}.
 * </ul>
 * An indicator's part of a higher aggregate's change is its own change times the product of the
 * effective weights down its path, which keeps the sum exact at every level. A component missing in
 * either period is a problem: its part would be undefined.
 */
public final class ChangeDecomposition {

    private static final double SAME = 1e-12;

    private ChangeDecomposition() {}

    /** Decomposes the change of {@code aggregate} for {@code unit} from period {@code from} to period {@code to}. */
    public static Decomposition decompose(IndexResult result, String aggregate, String unit, String from, String to) {
        List<InputProblem> problems = new ArrayList<>();
        Contributions.Cell before = locate(result, aggregate, unit, from, problems);
        Contributions.Cell after = locate(result, aggregate, unit, to, problems);
        if (before == null || after == null) {
            throw new InvalidInputException(problems.stream().distinct().toList());
        }
        List<ChangePart> children = new ArrayList<>();
        List<ChangePart> indicators = new ArrayList<>();
        descend(result, before.aggregate(), 1, before.unit(), before.period(), after.period(), children, indicators,
                problems, unit, from, to);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        double s0 = result.scores().value(before.aggregate(), before.unit(), before.period());
        double s1 = result.scores().value(after.aggregate(), after.unit(), after.period());
        return new Decomposition(aggregate, unit, from, to, s0, s1, children, indicators);
    }

    private static Contributions.@Nullable Cell locate(IndexResult result, String aggregate, String unit,
            String period, List<InputProblem> problems) {
        try {
            return Contributions.Cell.of(result, aggregate, unit, period);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static void descend(IndexResult result, int aggregate, double factor, int unit, int p0, int p1,
            @Nullable List<ChangePart> children, List<ChangePart> indicators, List<InputProblem> problems, String unitCode,
            String from, String to) {
        IndexTree tree = result.tree();
        TreeNode node = tree.aggregates().get(aggregate);
        Aggregation how = node.aggregation() != null ? node.aggregation() : result.method().aggregation();
        List<String> codes = tree.childCodes(aggregate);
        double[] w = tree.childWeights(aggregate);
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double s0 = result.scores().value(aggregate, unit, p0);
        double s1 = result.scores().value(aggregate, unit, p1);
        for (int c = 0; c < codes.size(); c++) {
            String code = codes.get(c);
            double x0 = Contributions.valueOf(result, code, unit, p0);
            double x1 = Contributions.valueOf(result, code, unit, p1);
            if (Double.isNaN(x0) || Double.isNaN(x1)) {
                problems.add(InputProblem.of("request", 0, "", code, IndexProblem.MISSING_IN_DECOMPOSITION, code,
                        unitCode, Double.isNaN(x0) ? from : to));
                continue;
            }
            double e = factor * effectiveWeight(how, w[c] / total, s0, s1, x0, x1);
            if (children != null) {
                children.add(new ChangePart(code, x0, x1, e * (x1 - x0)));
            }
            int child = tree.aggregateIndex(code);
            if (child >= 0) {
                descend(result, child, e, unit, p0, p1, null, indicators, problems, unitCode, from, to);
            } else {
                indicators.add(new ChangePart(code, x0, x1, e * (x1 - x0)));
            }
        }
    }

    /** {@code e_c} of the class comment for one child of weight share {@code w}. */
    static double effectiveWeight(Aggregation how, double w, double s0, double s1, double x0, double x1) {
        return switch (how.method()) {
            case ARITHMETIC -> w;
            case GEOMETRIC -> w * logMean(s0, s1) / logMean(x0, x1);
            case HARMONIC, GENERALISED -> w * powerQuotient(x0, x1, how.exponent()) / powerQuotient(s0, s1, how.exponent());
        };
    }

    /** The logarithmic mean {@code L(a, b) = (b - a)/(ln b - ln a)}, {@code L(a, a) = a}. */
    static double logMean(double a, double b) {
        if (Math.abs(b - a) <= SAME * Math.max(Math.abs(a), Math.abs(b))) {
            return (a + b) / 2;
        }
        return (b - a) / (Math.log(b) - Math.log(a));
    }

    /** {@code D_p(a, b) = (b^p - a^p)/(b - a)}, {@code D_p(a, a) = p a^(p-1)}. */
    static double powerQuotient(double a, double b, double p) {
        if (Math.abs(b - a) <= SAME * Math.max(Math.abs(a), Math.abs(b))) {
            double m = (a + b) / 2;
            return p * Math.pow(m, p - 1);
        }
        return (Math.pow(b, p) - Math.pow(a, p)) / (b - a);
    }
}
