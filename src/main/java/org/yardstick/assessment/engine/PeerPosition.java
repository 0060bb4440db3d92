package org.yardstick.assessment.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An enterprise's position in one peer group (同行比较): the share of the other enterprises with a lower total
 * (percentile) and the group's median score per dimension, each under disclosure control — nothing when the group
 * has fewer than {@value Disclosure#MIN_COUNT} enterprises or one dominates its totals; a dimension's median only
 * when that dimension's scores pass the same rule.
 */
public final class PeerPosition {

    private PeerPosition() {}

    /** One peer's submitted scores: total and per dimension. */
    public record PeerScores(double total, Map<String, Double> dimensions) {}

    /**
     * @param verdict the group's verdict (PUBLISHED, TOO_FEW or DOMINATED)
     * @param count the enterprises in the group (the enterprise included); null unless published
     * @param percentile 0–100, one decimal; null unless published
     * @param medians per dimension (in the order given); a null value where that dimension is withheld; empty unless
     *     published
     */
    public record Position(Disclosure.Verdict verdict, @Nullable Integer count, @Nullable BigDecimal percentile,
                           Map<String, @Nullable BigDecimal> medians) {
        public boolean published() {
            return verdict == Disclosure.Verdict.PUBLISHED;
        }
    }

    /**
     * The position of {@code self} (a key of {@code group}, whose entry is its own scores) among the group.
     *
     * @param dimensions the dimension codes, in the questionnaire's order
     */
    public static Position of(long self, Map<Long, PeerScores> group, List<String> dimensions) {
        if (!group.containsKey(self)) {
            throw new IllegalArgumentException("the enterprise must be in its own group");
        }
        Map<Long, Double> totals = new java.util.HashMap<>();
        group.forEach((id, s) -> totals.put(id, s.total()));
        Disclosure.Verdict verdict = Disclosure.primary(totals);
        if (verdict != Disclosure.Verdict.PUBLISHED) {
            return new Position(verdict, null, null, Map.of());
        }
        double mine = group.get(self).total();
        long lower = totals.entrySet().stream().filter(e -> e.getKey() != self && e.getValue() < mine).count();
        BigDecimal pct = BigDecimal.valueOf(lower * 100.0 / (totals.size() - 1)).setScale(1, RoundingMode.HALF_EVEN);
        Map<String, @Nullable BigDecimal> medians = new LinkedHashMap<>();
        for (String d : dimensions) {
            Map<Long, Double> values = new java.util.HashMap<>();
            group.forEach((id, s) -> {
                Double v = s.dimensions().get(d);
                if (v != null) {
                    values.put(id, v);
                }
            });
            medians.put(d, Disclosure.primary(values) == Disclosure.Verdict.PUBLISHED ? median(values.values()) : null);
        }
        return new Position(verdict, totals.size(), pct, medians);
    }

    static BigDecimal median(java.util.Collection<Double> values) {
        double[] s = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        double m = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        return BigDecimal.valueOf(m).setScale(1, RoundingMode.HALF_EVEN);
    }
}
