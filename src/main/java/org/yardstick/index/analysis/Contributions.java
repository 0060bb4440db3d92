package org.yardstick.index.analysis;

import java.util.ArrayList;
import java.util.List;
import org.yardstick.index.engine.IndexProblem;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.Panel;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * The contribution of each component to a unit's score (COINr {@code get_contributions}; OECD/JRC
 * Handbook 2008, section 7): for an aggregate {@code S} with children {@code x_c} and weights
 * {@code w_c} over the children present, the effective weight is {@code w̃_c = w_c / Σ_present w},
 * the contribution {@code w̃_c x_c} and the share {@code w̃_c x_c / S}. For the arithmetic mean
 * {@code Σ w̃_c x_c = S}, so the shares sum to 1; for the other means the same formula is reported
 * and the shares do not sum to 1 (the geometric mean's exact split is the change decomposition of
 * {@link ChangeDecomposition}).
 */
public final class Contributions {

    private Contributions() {}

    /** The contributions of an aggregate's children, in the order the tree defines them. */
    public static List<Contribution> ofChildren(IndexResult result, String aggregate, String unit, String period) {
        Cell at = Cell.of(result, aggregate, unit, period);
        IndexTree tree = result.tree();
        double score = result.scores().value(at.aggregate(), at.unit(), at.period());
        List<String> children = tree.childCodes(at.aggregate());
        double[] weights = tree.childWeights(at.aggregate());
        double present = 0;
        double[] values = new double[children.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = valueOf(result, children.get(c), at.unit(), at.period());
            if (!Double.isNaN(values[c])) {
                present += weights[c];
            }
        }
        List<Contribution> out = new ArrayList<>();
        for (int c = 0; c < values.length; c++) {
            if (Double.isNaN(values[c])) {
                continue; // a missing child contributes nothing; its weight went to the others
            }
            double w = weights[c] / present;
            out.add(new Contribution(children.get(c), w, values[c], w * values[c], share(w * values[c], score)));
        }
        return out;
    }

    /**
     * The contributions of every indicator below an aggregate: effective weights multiplied down
     * the path, {@code Π w̃ × x_i}, shares of the aggregate's score (summing to 1 when every level is
     * an arithmetic mean).
     */
    public static List<Contribution> ofIndicators(IndexResult result, String aggregate, String unit, String period) {
        Cell at = Cell.of(result, aggregate, unit, period);
        double score = result.scores().value(at.aggregate(), at.unit(), at.period());
        List<Contribution> out = new ArrayList<>();
        descend(result, aggregate, 1, unit, period, score, out);
        return out;
    }

    private static void descend(IndexResult result, String aggregate, double factor, String unit, String period,
            double score, List<Contribution> out) {
        for (Contribution c : ofChildren(result, aggregate, unit, period)) {
            double w = factor * c.weight();
            if (result.tree().aggregateIndex(c.code()) >= 0) {
                descend(result, c.code(), w, unit, period, score, out);
            } else {
                out.add(new Contribution(c.code(), w, c.value(), w * c.value(), share(w * c.value(), score)));
            }
        }
    }

    private static double share(double contribution, double score) {
        return score == 0 ? 0 : contribution / score;
    }

    static double valueOf(IndexResult result, String code, int unit, int period) {
        Panel scores = result.scores();
        int a = scores.columnIndex(code);
        if (a >= 0) {
            return scores.value(a, unit, period);
        }
        Panel normalised = result.normalised();
        return normalised.value(normalised.columnIndex(code), unit, period);
    }

    /** An aggregate, unit and period located in a result; unknown ones are problems. */
    record Cell(int aggregate, int unit, int period) {

        static Cell of(IndexResult result, String aggregate, String unit, String period) {
            Panel scores = result.scores();
            List<InputProblem> problems = new ArrayList<>();
            int a = scores.columnIndex(aggregate);
            int u = scores.unitIndex(unit);
            int p = scores.periods().indexOf(period);
            if (a < 0) {
                problems.add(InputProblem.of("request", 0, "aggregate", aggregate, IndexProblem.UNKNOWN_INDICATOR));
            }
            if (u < 0) {
                problems.add(InputProblem.of("request", 0, "unit", unit, IndexProblem.UNKNOWN_UNIT, unit));
            }
            if (p < 0) {
                problems.add(InputProblem.of("request", 0, "period", period, IndexProblem.UNKNOWN_PERIOD, period));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Cell(a, u, p);
        }
    }
}
