package org.yardstick.index.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.Panel;
import org.yardstick.index.engine.TreeNode;

/**
 * The benchmark's baseline: the same pipeline as the engine (group-mean imputation, winsorisation
 * with CTlog fallback, min-max 0–100 with polarity, weighted arithmetic means with renormalised
 * weights, min ranks), written straightforwardly cell by cell over boxed maps, as one would in a
 * first implementation: {@code period → unit → code → Double}, {@code null} for missing.
 */
final class BoxedBaseline {

    /** period → unit → indicator → value. */
    final Map<String, Map<String, Map<String, Double>>> data = new LinkedHashMap<>();
    final Map<String, String> groupOf = new HashMap<>();
    final List<String> indicators;
    final Map<String, Integer> direction = new HashMap<>();
    /** aggregate → (child → weight), aggregates in evaluation order. */
    final Map<String, Map<String, Double>> children = new LinkedHashMap<>();
    final int maxPoints;

    BoxedBaseline(Panel panel, IndexTree tree, int maxPoints) {
        this.maxPoints = maxPoints;
        this.indicators = new ArrayList<>(panel.columns());
        for (TreeNode n : tree.indicators()) {
            direction.put(n.code(), n.direction());
        }
        for (int a = 0; a < tree.aggregates().size(); a++) {
            Map<String, Double> kids = new LinkedHashMap<>();
            List<String> codes = tree.childCodes(a);
            double[] w = tree.childWeights(a);
            for (int c = 0; c < codes.size(); c++) {
                kids.put(codes.get(c), w[c]);
            }
            children.put(tree.aggregates().get(a).code(), kids);
        }
        for (int p = 0; p < panel.periodCount(); p++) {
            Map<String, Map<String, Double>> units = new LinkedHashMap<>();
            for (int u = 0; u < panel.unitCount(); u++) {
                Map<String, Double> row = new HashMap<>();
                for (int c = 0; c < indicators.size(); c++) {
                    double v = panel.value(c, u, p);
                    row.put(indicators.get(c), Double.isNaN(v) ? null : v);
                }
                units.put(panel.units().get(u), row);
                groupOf.put(panel.units().get(u), panel.group(u));
            }
            data.put(panel.periods().get(p), units);
        }
    }

    /** Scores and ranks: period → unit → aggregate → score, and the same for ranks. */
    record Result(Map<String, Map<String, Map<String, Double>>> scores,
            Map<String, Map<String, Map<String, Integer>>> ranks) {}

    Result run() {
        Map<String, Map<String, Map<String, Double>>> values = copy(data);
        impute(values);
        treat(values);
        Map<String, Map<String, Map<String, Double>>> normalised = normalise(values);
        Map<String, Map<String, Map<String, Double>>> scores = aggregate(normalised);
        return new Result(scores, rank(scores));
    }

    private static Map<String, Map<String, Map<String, Double>>> copy(Map<String, Map<String, Map<String, Double>>> in) {
        Map<String, Map<String, Map<String, Double>>> out = new LinkedHashMap<>();
        for (var p : in.entrySet()) {
            Map<String, Map<String, Double>> units = new LinkedHashMap<>();
            for (var u : p.getValue().entrySet()) {
                units.put(u.getKey(), new HashMap<>(u.getValue()));
            }
            out.put(p.getKey(), units);
        }
        return out;
    }

    private void impute(Map<String, Map<String, Map<String, Double>>> values) {
        for (Map<String, Map<String, Double>> units : values.values()) {
            for (String code : indicators) {
                Map<String, Double> sum = new HashMap<>();
                Map<String, Integer> count = new HashMap<>();
                for (var u : units.entrySet()) {
                    Double v = u.getValue().get(code);
                    if (v != null) {
                        String g = groupOf.get(u.getKey());
                        sum.merge(g, v, Double::sum);
                        count.merge(g, 1, Integer::sum);
                    }
                }
                for (var u : units.entrySet()) {
                    if (u.getValue().get(code) == null) {
                        String g = groupOf.get(u.getKey());
                        if (count.containsKey(g)) {
                            u.getValue().put(code, sum.get(g) / count.get(g));
                        }
                    }
                }
            }
        }
    }

    private void treat(Map<String, Map<String, Map<String, Double>>> values) {
        for (Map<String, Map<String, Double>> units : values.values()) {
            for (String code : indicators) {
                Map<String, Double> original = new LinkedHashMap<>();
                for (var u : units.entrySet()) {
                    Double v = u.getValue().get(code);
                    if (v != null) {
                        original.put(u.getKey(), v);
                    }
                }
                Map<String, Double> x = new LinkedHashMap<>(original);
                double[] sk = skewKurtosis(new ArrayList<>(x.values()));
                int steps = 0;
                while (!passes(sk) && steps < maxPoints) {
                    boolean top = sk[0] >= 0;
                    double extreme = top ? x.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                            : x.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                    double opposite = top ? x.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow()
                            : x.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                    Double next = null;
                    for (Double v : x.values()) {
                        if (top ? v < extreme && (next == null || v > next) : v > extreme && (next == null || v < next)) {
                            next = v;
                        }
                    }
                    if (next == null || next == opposite) {
                        break;
                    }
                    for (var e : x.entrySet()) {
                        if (e.getValue() == extreme) {
                            e.setValue(next);
                        }
                    }
                    steps++;
                    sk = skewKurtosis(new ArrayList<>(x.values()));
                }
                if (!passes(sk)) {
                    double min = original.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                    double max = original.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                    for (var e : original.entrySet()) {
                        x.put(e.getKey(), Math.log(e.getValue() - min + 0.01 * (max - min)));
                    }
                }
                for (var e : x.entrySet()) {
                    units.get(e.getKey()).put(code, e.getValue());
                }
            }
        }
    }

    private static boolean passes(double[] sk) {
        return Double.isNaN(sk[0]) || Math.abs(sk[0]) < 2 || sk[1] < 3.5;
    }

    private static double[] skewKurtosis(List<Double> values) {
        int n = values.size();
        double mean = 0;
        for (Double v : values) {
            mean += v;
        }
        mean /= n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (Double v : values) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        if (n < 4 || m2 == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double g1 = m3 / Math.pow(m2, 1.5);
        double g2 = m4 / (m2 * m2) - 3;
        return new double[] {g1 * Math.sqrt((double) n * (n - 1)) / (n - 2),
            ((n + 1) * g2 + 6) * (n - 1) / ((double) (n - 2) * (n - 3))};
    }

    private Map<String, Map<String, Map<String, Double>>> normalise(Map<String, Map<String, Map<String, Double>>> values) {
        Map<String, Map<String, Map<String, Double>>> out = new LinkedHashMap<>();
        for (var p : values.entrySet()) {
            Map<String, Map<String, Double>> units = new LinkedHashMap<>();
            for (String u : p.getValue().keySet()) {
                units.put(u, new HashMap<>());
            }
            for (String code : indicators) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (Map<String, Double> row : p.getValue().values()) {
                    Double v = row.get(code);
                    if (v != null) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                for (var u : p.getValue().entrySet()) {
                    Double v = u.getValue().get(code);
                    Double y = v == null ? null
                            : 100 * (direction.get(code) > 0 ? v - min : max - v) / (max - min);
                    units.get(u.getKey()).put(code, y);
                }
            }
            out.put(p.getKey(), units);
        }
        return out;
    }

    private Map<String, Map<String, Map<String, Double>>> aggregate(Map<String, Map<String, Map<String, Double>>> normalised) {
        Map<String, Map<String, Map<String, Double>>> out = new LinkedHashMap<>();
        for (var p : normalised.entrySet()) {
            Map<String, Map<String, Double>> units = new LinkedHashMap<>();
            for (var u : p.getValue().entrySet()) {
                Map<String, Double> known = new HashMap<>(u.getValue());
                Map<String, Double> scores = new LinkedHashMap<>();
                for (var agg : children.entrySet()) {
                    double sum = 0;
                    double weights = 0;
                    for (var child : agg.getValue().entrySet()) {
                        Double v = known.get(child.getKey());
                        if (v != null && child.getValue() > 0) {
                            sum += child.getValue() * v;
                            weights += child.getValue();
                        }
                    }
                    Double score = weights > 0 ? sum / weights : null;
                    known.put(agg.getKey(), score);
                    scores.put(agg.getKey(), score);
                }
                units.put(u.getKey(), scores);
            }
            out.put(p.getKey(), units);
        }
        return out;
    }

    private Map<String, Map<String, Map<String, Integer>>> rank(Map<String, Map<String, Map<String, Double>>> scores) {
        Map<String, Map<String, Map<String, Integer>>> out = new LinkedHashMap<>();
        for (var p : scores.entrySet()) {
            Map<String, Map<String, Integer>> units = new LinkedHashMap<>();
            for (String u : p.getValue().keySet()) {
                units.put(u, new HashMap<>());
            }
            for (String agg : children.keySet()) {
                List<Map.Entry<String, Double>> present = new ArrayList<>();
                for (var u : p.getValue().entrySet()) {
                    Double v = u.getValue().get(agg);
                    if (v != null) {
                        present.add(Map.entry(u.getKey(), v));
                    }
                }
                present.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
                for (int i = 0; i < present.size(); i++) {
                    int rank = i + 1;
                    if (i > 0 && present.get(i).getValue().equals(present.get(i - 1).getValue())) {
                        rank = units.get(present.get(i - 1).getKey()).get(agg);
                    }
                    units.get(present.get(i).getKey()).put(agg, rank);
                }
            }
            out.put(p.getKey(), units);
        }
        return out;
    }
}
