package org.yardstick.validation.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yardstick.observation.Finding;
import org.yardstick.observation.Proposal;

/**
 * What a rule requires of its indicator, one record per {@link RuleKind}. Plain Java: evaluating a
 * condition reads the proposal's values and nothing else. A condition whose figures are absent says
 * nothing (except {@link Required}, which is about absence).
 */
public sealed interface Condition {

    RuleKind kind();

    /** The second indicator the condition reads (compared with, or the one that makes a figure required). */
    @Nullable String otherIndicator();

    /** What the rule finds in the proposal, or null if its condition holds or cannot be judged. */
    @Nullable Finding evaluate(ValidationRule rule, Proposal proposal);

    /** 取值范围: {@code min ≤ value ≤ max}; either bound may be absent, not both. */
    record Range(@Nullable BigDecimal min, @Nullable BigDecimal max) implements Condition {

        public Range {
            min = min == null ? null : normal(min);
            max = max == null ? null : normal(max);
            if (min == null && max == null) {
                throw new IllegalArgumentException("a range needs a minimum or a maximum");
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw new IllegalArgumentException("minimum above maximum");
            }
        }

        @Override
        public RuleKind kind() {
            return RuleKind.RANGE;
        }

        @Override
        public @Nullable String otherIndicator() {
            return null;
        }

        @Override
        public @Nullable Finding evaluate(ValidationRule rule, Proposal p) {
            BigDecimal v = p.values().get(rule.indicatorCode());
            if (v == null) {
                return null;
            }
            if (min != null && v.compareTo(min) < 0) {
                return rule.finding(rule.indicatorCode(), ValidationProblem.BELOW_MIN, plain(v), plain(min));
            }
            if (max != null && v.compareTo(max) > 0) {
                return rule.finding(rule.indicatorCode(), ValidationProblem.ABOVE_MAX, plain(v), plain(max));
            }
            return null;
        }
    }

    /** 必填: the figure is present; with {@code when}, only if that figure is present. */
    record Required(@Nullable String when) implements Condition {

        @Override
        public RuleKind kind() {
            return RuleKind.REQUIRED;
        }

        @Override
        public @Nullable String otherIndicator() {
            return when;
        }

        @Override
        public @Nullable Finding evaluate(ValidationRule rule, Proposal p) {
            if (p.values().containsKey(rule.indicatorCode())) {
                return null;
            }
            if (when == null) {
                return rule.finding(rule.indicatorCode(), ValidationProblem.MISSING);
            }
            return p.values().containsKey(when)
                    ? rule.finding(rule.indicatorCode(), ValidationProblem.MISSING_WITH, when)
                    : null;
        }
    }

    /**
     * 指标间比较: {@code value(indicator) op value(other) × factor}, both of the same region and
     * period; nothing is said while either figure is absent.
     */
    record Comparison(Operator operator, String other, BigDecimal factor) implements Condition {

        public Comparison {
            factor = normal(factor);
            if (factor.signum() <= 0) {
                throw new IllegalArgumentException("factor must be positive");
            }
        }

        @Override
        public RuleKind kind() {
            return RuleKind.COMPARISON;
        }

        @Override
        public String otherIndicator() {
            return other;
        }

        @Override
        public @Nullable Finding evaluate(ValidationRule rule, Proposal p) {
            Map<String, BigDecimal> values = p.values();
            BigDecimal a = values.get(rule.indicatorCode());
            BigDecimal b = values.get(other);
            if (a == null || b == null) {
                return null;
            }
            BigDecimal bound = factor.compareTo(BigDecimal.ONE) == 0 ? b : b.multiply(factor);
            if (operator.holds(a.compareTo(bound))) {
                return null;
            }
            // name the figure the change touched, so that an import points at its own row
            String about = !p.changed().isEmpty() && !p.changed().contains(rule.indicatorCode()) && p.changed().contains(other)
                    ? other : rule.indicatorCode();
            if (factor.compareTo(BigDecimal.ONE) == 0) {
                return rule.finding(about, ValidationProblem.COMPARISON, rule.indicatorCode(), plain(a), operator.symbol(),
                        other, plain(b));
            }
            return rule.finding(about, ValidationProblem.COMPARISON_FACTOR, rule.indicatorCode(), plain(a),
                    operator.symbol(), plain(factor), other, plain(b), plain(bound));
        }
    }

    /**
     * 同比变化: the change on the same period one year earlier, in percent of last year's value, is
     * reported when it goes beyond the threshold in the rule's direction. Nothing is said without
     * last year's figure or when it is zero (no percentage can be computed).
     */
    record YearOnYear(BigDecimal thresholdPercent, Direction direction) implements Condition {

        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        public YearOnYear {
            thresholdPercent = normal(thresholdPercent);
            if (thresholdPercent.signum() <= 0) {
                throw new IllegalArgumentException("threshold must be positive");
            }
        }

        @Override
        public RuleKind kind() {
            return RuleKind.YOY_CHANGE;
        }

        @Override
        public @Nullable String otherIndicator() {
            return null;
        }

        @Override
        public @Nullable Finding evaluate(ValidationRule rule, Proposal p) {
            BigDecimal now = p.values().get(rule.indicatorCode());
            BigDecimal before = p.previous().get(rule.indicatorCode());
            if (now == null || before == null || before.signum() == 0) {
                return null;
            }
            BigDecimal change = now.subtract(before).multiply(HUNDRED).divide(before.abs(), MathContext.DECIMAL64);
            boolean beyond = switch (direction) {
                case EITHER -> change.abs().compareTo(thresholdPercent) > 0;
                case UP -> change.compareTo(thresholdPercent) > 0;
                case DOWN -> change.negate().compareTo(thresholdPercent) > 0;
            };
            if (!beyond) {
                return null;
            }
            String shown = change.setScale(1, RoundingMode.HALF_UP).toPlainString();
            return rule.finding(rule.indicatorCode(), ValidationProblem.YOY_CHANGE,
                    change.signum() > 0 ? "+" + shown : shown, plain(before), plain(now), plain(thresholdPercent));
        }
    }

    /**
     * 合计等于分项之和: the total differs from the sum of a complete set of its parts — every category of
     * one dimension of the data set's breakdowns (urban + rural-pastoral) — by at most
     * {@code tolerancePercent} of the total (0: exactly). Nothing is said without the total, or while
     * a dimension's parts are incomplete; each complete dimension is judged, the first off is reported.
     * Crossed dimensions: their combinations are one more set of parts of the total, and each reported
     * subtotal (urban) is judged against its complete row of combinations.
     */
    record TotalOfParts(BigDecimal tolerancePercent) implements Condition {

        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        public TotalOfParts {
            tolerancePercent = normal(tolerancePercent);
            if (tolerancePercent.signum() < 0) {
                throw new IllegalArgumentException("tolerance must not be negative");
            }
        }

        @Override
        public RuleKind kind() {
            return RuleKind.TOTAL_OF_PARTS;
        }

        @Override
        public @Nullable String otherIndicator() {
            return null;
        }

        @Override
        public @Nullable Finding evaluate(ValidationRule rule, Proposal p) {
            BigDecimal total = p.values().get(rule.indicatorCode());
            Map<String, BigDecimal> parts = p.parts().get(rule.indicatorCode());
            if (parts == null || parts.isEmpty()) {
                return null;
            }
            if (total == null) {
                return margins(rule, p, parts);
            }
            BigDecimal allowed = total.abs().multiply(tolerancePercent).divide(HUNDRED, MathContext.DECIMAL64);
            for (java.util.List<String> categories : p.breakdowns().values()) {
                if (categories.isEmpty() || !parts.keySet().containsAll(categories)) {
                    continue;
                }
                BigDecimal sum = BigDecimal.ZERO;
                for (String c : categories) {
                    sum = sum.add(parts.get(c));
                }
                if (total.subtract(sum).abs().compareTo(allowed) > 0) {
                    return rule.finding(rule.indicatorCode(), ValidationProblem.TOTAL_NOT_SUM, plain(total), plain(sum),
                            String.join(" + ", categories), plain(tolerancePercent));
                }
            }
            return margins(rule, p, parts);
        }

        /**
         * Crossed breakdowns (交叉分组, decision 0051): a reported subtotal of one category (urban) against the sum of
         * its complete row of combinations (urban+large + urban+small), within the same tolerance of the subtotal.
         */
        private @Nullable Finding margins(ValidationRule rule, Proposal p, Map<String, BigDecimal> parts) {
            java.util.List<String> combinations = p.breakdowns().getOrDefault("CROSSED", java.util.List.of());
            if (combinations.isEmpty()) {
                return null;
            }
            for (Map.Entry<String, java.util.List<String>> d : p.breakdowns().entrySet()) {
                if (d.getKey().equals("CROSSED")) {
                    continue;
                }
                for (String category : d.getValue()) {
                    BigDecimal margin = parts.get(category);
                    java.util.List<String> cells = combinations.stream()
                            .filter(x -> java.util.Arrays.asList(x.split("\\+")).contains(category)).toList();
                    if (margin == null || cells.isEmpty() || !parts.keySet().containsAll(cells)) {
                        continue;
                    }
                    BigDecimal sum = cells.stream().map(parts::get).reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal allowed = margin.abs().multiply(tolerancePercent).divide(HUNDRED, MathContext.DECIMAL64);
                    if (margin.subtract(sum).abs().compareTo(allowed) > 0) {
                        return rule.finding(rule.indicatorCode(), ValidationProblem.MARGIN_NOT_SUM, category, plain(margin),
                                plain(sum), String.join(" + ", cells), plain(tolerancePercent));
                    }
                }
            }
            return null;
        }
    }

    /** A number without trailing zeros (but 100, not 1E+2): equal numbers are equal values. */
    static BigDecimal normal(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** A number as people write it: no exponent, no trailing zeros. */
    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
