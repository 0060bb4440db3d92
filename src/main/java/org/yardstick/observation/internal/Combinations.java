package org.yardstick.observation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Disaggregation;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.DataSets;

/**
 * A combination of categories as typed (交叉分组: {@code large+urban}, in any order) read against a data set's
 * breakdowns ({@link DataSets#breakdowns}): its canonical code (parts in the order of their dimensions' codes,
 * {@code urban+large}), or why it is refused — a part that is no category of a crossed dimension, a data set that
 * does not cross those dimensions, a crossed dimension without its category, or one named twice.
 */
public final class Combinations {

    private Combinations() {}

    /** The canonical code, or the problem with the arguments of its message. */
    public record Resolved(@Nullable String code, @Nullable CollectionProblem problem, List<String> args) {
        static Resolved ok(String code) {
            return new Resolved(code, null, List.of());
        }

        static Resolved refused(CollectionProblem problem, String... args) {
            return new Resolved(null, problem, List.of(args));
        }
    }

    /** Whether a typed category is a combination (contains {@link Disaggregation#JOIN}). */
    public static boolean isCombination(String typed) {
        return typed.contains(Disaggregation.JOIN);
    }

    /**
     * @param typed      the combination as typed ({@code large+urban})
     * @param dataSet    the data set's code, for the messages
     * @param breakdowns the data set's categories by dimension, its combinations under {@code CROSSED}
     */
    public static Resolved resolve(String typed, String dataSet, Map<String, List<String>> breakdowns) {
        Map<String, String> dimensionOf = new HashMap<>();
        breakdowns.forEach((dimension, categories) -> {
            if (!DataSets.CROSSED.equals(dimension)) {
                categories.forEach(c -> dimensionOf.put(c, dimension));
            }
        });
        List<String> combinations = breakdowns.getOrDefault(DataSets.CROSSED, List.of());
        // the crossed dimensions, in the order of their codes: those of the first combination's parts
        Set<String> crossed = new java.util.TreeSet<>();
        if (!combinations.isEmpty()) {
            for (String part : combinations.get(0).split("\\" + Disaggregation.JOIN)) {
                crossed.add(dimensionOf.get(part));
            }
        }
        String crossedText = crossed.isEmpty() ? "—" : String.join(" × ", crossed.stream().map(Combinations::lower).toList());
        Map<String, String> byDimension = new TreeMap<>();
        Set<String> typedDimensions = new LinkedHashSet<>();
        for (String raw : typed.split("\\" + Disaggregation.JOIN, -1)) {
            String part = raw.strip();
            String dimension = dimensionOf.get(part);
            if (dimension != null && !crossed.contains(dimension)) {
                typedDimensions.add(dimension);
                continue;
            }
            if (dimension == null) {
                if (crossed.isEmpty()) {
                    return Resolved.refused(CollectionProblem.COMBINATION_NOT_CROSSED, dataSet, crossedText);
                }
                List<String> known = new ArrayList<>();
                crossed.forEach(d -> known.add(lower(d) + ": " + String.join(", ", breakdowns.get(d))));
                return Resolved.refused(CollectionProblem.COMBINATION_UNKNOWN_CATEGORY, part, dataSet, String.join("; ", known));
            }
            if (byDimension.putIfAbsent(dimension, part) != null) {
                return Resolved.refused(CollectionProblem.COMBINATION_TWICE, lower(dimension));
            }
        }
        if (!typedDimensions.isEmpty() || crossed.isEmpty()) {
            return Resolved.refused(CollectionProblem.COMBINATION_NOT_CROSSED, dataSet, crossedText);
        }
        for (String d : crossed) {
            if (!byDimension.containsKey(d)) {
                return Resolved.refused(CollectionProblem.COMBINATION_INCOMPLETE, lower(d), dataSet, crossedText);
            }
        }
        String code = String.join(Disaggregation.JOIN, byDimension.values());
        return combinations.contains(code) ? Resolved.ok(code)
                : Resolved.refused(CollectionProblem.COMBINATION_NOT_CROSSED, dataSet, crossedText);
    }

    /**
     * Whether these categories of a figure make its total (合计由分组构成): every category of one
     * declared dimension is there, each reported itself or through all of its combinations (城镇 from
     * 城镇+大型 and 城镇+小型); or every combination is. What the aggregation adds up for an additive
     * indicator without a total ({@code Breakdowns.withMargins} there).
     *
     * @param breakdowns the data set's categories by dimension, its combinations under {@code CROSSED}
     */
    public static boolean makeTheTotal(java.util.Collection<String> stored, Map<String, List<String>> breakdowns) {
        List<String> combinations = breakdowns.getOrDefault("CROSSED", List.of());
        for (List<String> categories : breakdowns.values()) {
            if (!categories.isEmpty() && categories.stream().allMatch(c -> stored.contains(c) || madeOfCells(c, combinations, stored))) {
                return true;
            }
        }
        return false;
    }

    private static boolean madeOfCells(String category, List<String> combinations, java.util.Collection<String> stored) {
        List<String> cells = combinations.stream()
                .filter(cell -> List.of(cell.split(java.util.regex.Pattern.quote(Disaggregation.JOIN))).contains(category)).toList();
        return !cells.isEmpty() && stored.containsAll(cells);
    }

    private static String lower(String dimension) {
        return dimension.toLowerCase(Locale.ROOT);
    }
}
