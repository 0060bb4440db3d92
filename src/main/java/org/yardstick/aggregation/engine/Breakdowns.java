package org.yardstick.aggregation.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Figures broken down by categories (分组: urban/rural, industry, enterprise size; several
 * dimensions crossed, e.g. area × size): totals and margins from the cells of an additive
 * indicator, and the check of a reported total against its parts.
 */
public final class Breakdowns {

    private Breakdowns() {}

    /**
     * A total from its parts.
     *
     * @param value    the sum of the cells present
     * @param covered  how many cells had a figure
     * @param expected how many cells the dimensions have
     */
    public record Total(BigDecimal value, int covered, int expected) {
        public boolean complete() {
            return covered == expected;
        }
    }

    /**
     * The total over every cell of the crossed dimensions.
     *
     * @param cells    figures by cell (one category code per dimension, in the dimensions' order)
     * @param expected how many cells there are (the product of the dimensions' category counts)
     * @throws IllegalArgumentException for a rule that does not add up ({@code MEAN}, ratios, not additive)
     */
    public static Optional<Total> total(RegionRule rule, Map<List<String>, BigDecimal> cells, int expected) {
        if (rule != RegionRule.SUM) {
            throw new IllegalArgumentException(rule + " figures do not add up across categories");
        }
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = cells.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new Total(sum, cells.size(), expected));
    }

    /** The subtotals by the categories of one dimension (urban and rural totals of an area × size table). */
    public static Map<String, BigDecimal> margin(Map<List<String>, BigDecimal> cells, int dimension) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        cells.forEach((cell, v) -> out.merge(cell.get(dimension), v, BigDecimal::add));
        return out;
    }

    /**
     * A region's categories by dimension with the margins its crossed cells make (交叉分组, decision 0051): a
     * category (urban) without a figure of its own whose every combination (urban+large, urban+small) has one
     * counts as their sum; a reported category is left as reported (the validation rule judges it). The total
     * of the combinations is then the total of each dimension made complete this way.
     *
     * @param byDimension a region's figures: dimension → category (a one-code list) → value, the combinations
     *                    under {@code crossedKey} with codes of their categories joined by {@code join}
     * @param expected    the categories of each dimension, and the combinations under {@code crossedKey}
     */
    public static Map<String, Map<List<String>, BigDecimal>> withMargins(Map<String, Map<List<String>, BigDecimal>> byDimension,
                                                                       Map<String, ? extends java.util.Collection<List<String>>> expected,
                                                                       String crossedKey, String join) {
        Map<List<String>, BigDecimal> cells = byDimension.get(crossedKey);
        java.util.Collection<List<String>> combinations = expected.get(crossedKey);
        if (cells == null || combinations == null || cells.isEmpty()) {
            return byDimension;
        }
        Map<String, Map<List<String>, BigDecimal>> out = new java.util.TreeMap<>();
        byDimension.forEach((d, c) -> out.put(d, new LinkedHashMap<>(c)));
        expected.forEach((dimension, categories) -> {
            if (dimension.equals(crossedKey)) {
                return;
            }
            for (List<String> category : categories) {
                if (out.containsKey(dimension) && out.get(dimension).containsKey(category)) {
                    continue;
                }
                BigDecimal sum = BigDecimal.ZERO;
                int row = 0;
                boolean complete = true;
                for (List<String> combination : combinations) {
                    if (!java.util.Arrays.asList(combination.get(0).split(java.util.regex.Pattern.quote(join))).contains(category.get(0))) {
                        continue;
                    }
                    row++;
                    BigDecimal v = cells.get(combination);
                    if (v == null) {
                        complete = false;
                        break;
                    }
                    sum = sum.add(v);
                }
                if (complete && row > 0) {
                    out.computeIfAbsent(dimension, k -> new LinkedHashMap<>()).put(category, sum);
                }
            }
        });
        return out;
    }

    /**
     * A reported total against the sum of its parts.
     *
     * @param parts     the categories' figures; a total is checked only against a complete set
     * @param tolerance the relative difference allowed (0 for exact; 0.001 for rounding in published tables)
     */
    public static Optional<Discrepancy> check(BigDecimal reportedTotal, Map<List<String>, BigDecimal> parts, int expected,
                                              BigDecimal tolerance) {
        if (parts.size() < expected) {
            return Optional.empty();
        }
        BigDecimal sum = parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal diff = reportedTotal.subtract(sum);
        if (diff.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal base = reportedTotal.signum() == 0 ? sum.abs() : reportedTotal.abs();
        boolean beyond = base.signum() == 0 || diff.abs().divide(base, MathContext.DECIMAL128).compareTo(tolerance) > 0;
        return beyond ? Optional.of(new Discrepancy(reportedTotal, sum, diff, new ArrayList<>(parts.keySet()))) : Optional.empty();
    }

    /** A reported total that disagrees with its parts. */
    public record Discrepancy(BigDecimal reported, BigDecimal sumOfParts, BigDecimal difference, List<List<String>> parts) {
        public Discrepancy {
            parts = List.copyOf(parts);
        }
    }
}
