package org.yardstick.index.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.yardstick.index.ComputedIndex;
import org.yardstick.index.analysis.ChangeDecomposition;
import org.yardstick.index.analysis.ChangePart;
import org.yardstick.index.analysis.Contribution;
import org.yardstick.index.analysis.Contributions;
import org.yardstick.index.analysis.Decomposition;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.Panel;
import org.yardstick.index.engine.TreeNode;
import org.yardstick.region.Region;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the index page shows of a computed index (计算值): scores and ranks of every region in every
 * period, the regional comparison of one period, the decomposition of one region's change between
 * two periods, and the contributions of the components to its score.
 *
 * @param periods the periods computed, oldest first
 * @param period the period of the comparison and the ranking
 * @param columns the aggregates the ranking shows: the index, then its components
 * @param ranking the regions of {@code period}, best first
 * @param panel the index's score and rank of every region in every period
 * @param comparisonChart the {@code bars} chart of the index's scores in {@code period}
 * @param excluded the regions left out for want of any figure
 * @param units the regions one may decompose
 * @param unit the region decomposed
 * @param from the first period of the decomposition
 * @param to the second period
 * @param decomposition the decomposition; null when it is impossible (see {@code decompositionProblems})
 * @param contributions the components' contributions to the unit's score in {@code to}
 */
public record IndexView(List<String> periods, String period, List<Option> columns, List<RankRow> ranking,
        List<PanelRow> panel, String comparisonChart, List<String> excluded, List<Option> units, String unit,
        String from, String to, @Nullable DecompositionView decomposition, List<ProblemView> decompositionProblems,
        List<ContributionRow> contributions) {

    /** A code and what to call it. */
    public record Option(String code, String name) {}

    /** A region's scores in a period: the index's, with its rank, then each component's. */
    public record RankRow(String region, String code, int rank, String score, List<String> components) {}

    /** A region's index score and rank in each period ("—" where it has none). */
    public record PanelRow(String region, List<String> cells) {}

    /** One component's part of a change. */
    public record PartRow(String name, String before, String after, String contribution) {}

    /**
     * The decomposition of a region's index score from one period to another; the parts sum to the change.
     *
     * @param chart the {@code waterfall} chart
     */
    public record DecompositionView(String region, String before, String after, String change, List<PartRow> children,
            List<PartRow> indicators, String chart) {}

    /** A component's contribution to a score. */
    public record ContributionRow(String name, String weight, String value, String contribution, String share) {}

    static final String NONE = "—";

    static IndexView of(ComputedIndex computed, @Nullable String period, @Nullable String unit, @Nullable String from,
            @Nullable String to, MessageSource messages, Locale locale, JsonMapper json) {
        return of(computed, period, unit, from, to, 2, messages, locale, json);
    }

    /** As {@link #of(ComputedIndex, String, String, String, String, MessageSource, Locale, JsonMapper)}, the
     * ranking and the scores by period with {@code decimals} decimals (negative: full precision). */
    static IndexView of(ComputedIndex computed, @Nullable String period, @Nullable String unit, @Nullable String from,
            @Nullable String to, int decimals, MessageSource messages, Locale locale, JsonMapper json) {
        IndexResult result = computed.result();
        IndexTree tree = result.tree();
        Panel scores = result.scores();
        Map<String, String> names = new LinkedHashMap<>();
        for (Region r : computed.units()) {
            names.put(r.code(), r.name().in(locale));
        }
        List<String> periods = computed.periods();
        String p = period != null && periods.contains(period) ? period : periods.get(periods.size() - 1);
        int pi = scores.periods().indexOf(p);
        int root = tree.aggregates().size() - 1;
        List<Integer> shown = new ArrayList<>();
        shown.add(root);
        for (String child : tree.childCodes(root)) {
            if (tree.aggregateIndex(child) >= 0) {
                shown.add(tree.aggregateIndex(child));
            }
        }
        List<Option> columns = shown.stream().map(a -> new Option(tree.aggregates().get(a).code(),
                name(tree.aggregates().get(a), locale))).toList();

        List<RankRow> ranking = new ArrayList<>();
        for (int u = 0; u < scores.unitCount(); u++) {
            String code = scores.units().get(u);
            List<String> components = new ArrayList<>();
            for (int a : shown.subList(1, shown.size())) {
                components.add(number(scores.value(a, u, pi), decimals));
            }
            // no figure at all in this period: imputed scores are neither shown nor ranked
            ranking.add(new RankRow(names.getOrDefault(code, code), code, result.rank(root, u, pi),
                    result.hasRow(u, pi) ? number(scores.value(root, u, pi), decimals) : NONE, components));
        }
        ranking.sort(Comparator.comparingInt((RankRow r) -> r.rank() == 0 ? Integer.MAX_VALUE : r.rank())
                .thenComparing(RankRow::code));

        List<PanelRow> panel = new ArrayList<>();
        for (RankRow row : ranking) {
            int u = scores.unitIndex(row.code());
            List<String> cells = new ArrayList<>();
            for (int q = 0; q < scores.periodCount(); q++) {
                double s = scores.value(root, u, q);
                int rank = result.rank(root, u, q);
                cells.add(Double.isNaN(s) || !result.hasRow(u, q) ? NONE : rank == 0 ? number(s, decimals)
                        : messages.getMessage("index.scores.cell", new Object[] {number(s, decimals), rank}, locale));
            }
            panel.add(new PanelRow(row.region(), cells));
        }

        List<Map<String, Object>> bars = new ArrayList<>();
        for (RankRow row : ranking) {
            if (row.rank() > 0) {
                bars.add(Map.of("label", row.region(), "value", scores.value(root, scores.unitIndex(row.code()), pi),
                        "kind", "computed"));
            }
        }
        String comparison = json.writeValueAsString(Map.of("items", bars, "legend",
                Map.of("computed", messages.getMessage("index.badge.computed", null, locale))));

        List<String> excluded = result.excluded().stream().map(e -> names.getOrDefault(e.unit(), e.unit())).toList();
        List<Option> units = ranking.stream().map(r -> new Option(r.code(), r.region())).toList();
        String u = unit != null && scores.unitIndex(unit) >= 0 ? unit
                : ranking.isEmpty() ? "" : ranking.get(0).code();
        String f = from != null && periods.contains(from) ? from : periods.get(0);
        String t = to != null && periods.contains(to) ? to : periods.get(periods.size() - 1);

        DecompositionView decomposition = null;
        List<ProblemView> problems = List.of();
        List<ContributionRow> contributions = List.of();
        if (!u.isEmpty()) {
            String rootCode = tree.root().code();
            try {
                decomposition = decomposition(ChangeDecomposition.decompose(result, rootCode, u, f, t), tree,
                        names.getOrDefault(u, u), locale, json);
            } catch (InvalidInputException e) {
                problems = ProblemView.of(e.problems(), messages, locale);
            }
            if (!Double.isNaN(scores.value(root, scores.unitIndex(u), scores.periods().indexOf(t)))) {
                contributions = Contributions.ofChildren(result, rootCode, u, t).stream()
                        .map(c -> contribution(c, tree, locale)).toList();
            }
        }
        return new IndexView(periods, p, columns, ranking, panel, comparison, excluded, units, u, f, t, decomposition,
                problems, contributions);
    }

    private static DecompositionView decomposition(Decomposition d, IndexTree tree, String region, Locale locale,
            JsonMapper json) {
        List<PartRow> children = d.children().stream().map(c -> part(c, tree, locale)).toList();
        List<PartRow> indicators = d.indicators().stream().map(c -> part(c, tree, locale)).toList();
        List<Map<String, Object>> parts = new ArrayList<>();
        for (ChangePart c : d.children()) {
            parts.add(Map.of("label", nameOf(c.code(), tree, locale), "value", c.contribution()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("start", Map.of("label", d.from(), "value", d.before()));
        chart.put("parts", parts);
        chart.put("end", Map.of("label", d.to(), "value", d.after()));
        return new DecompositionView(region, number(d.before()), number(d.after()), signed(d.change()), children,
                indicators, json.writeValueAsString(chart));
    }

    private static PartRow part(ChangePart c, IndexTree tree, Locale locale) {
        return new PartRow(nameOf(c.code(), tree, locale), number(c.before()), number(c.after()), signed(c.contribution()));
    }

    private static ContributionRow contribution(Contribution c, IndexTree tree, Locale locale) {
        return new ContributionRow(nameOf(c.code(), tree, locale), number(c.weight() * 100) + "%", number(c.value()),
                number(c.contribution()), number(c.share() * 100) + "%");
    }

    // ---- helpers shared by the page's parts

    /** The nodes from the root down: aggregates from the highest level (as defined within a level), then the indicators. */
    static List<TreeNode> topDown(IndexTree tree) {
        List<Integer> order = new ArrayList<>();
        for (int a = 0; a < tree.aggregates().size(); a++) {
            order.add(a);
        }
        order.sort(Comparator.comparingInt((Integer a) -> -tree.level(a)));
        List<TreeNode> nodes = new ArrayList<>(order.stream().map(a -> tree.aggregates().get(a)).toList());
        nodes.addAll(tree.indicators());
        return nodes;
    }

    static String name(TreeNode node, Locale locale) {
        return LocalizedText.of(node.nameZh(), node.nameEn()).in(locale);
    }

    static String nameOf(String code, IndexTree tree, Locale locale) {
        TreeNode n = tree.node(code);
        return n == null ? code : name(n, locale);
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    /** A moment as pages show it, in the server's time zone. */
    static String when(Instant at) {
        return WHEN.format(at);
    }

    /** A score with two decimals; "—" when missing. */
    static String number(double x) {
        return Double.isNaN(x) ? NONE : String.format(Locale.ROOT, "%.2f", x);
    }

    /** A score with the given decimals; full precision (shortest round-trip digits) when negative. */
    static String number(double x, int decimals) {
        if (decimals < 0) {
            return Double.isNaN(x) ? NONE : org.yardstick.index.engine.Decimals.format(x);
        }
        return Double.isNaN(x) ? NONE : String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    static String signed(double x) {
        return Double.isNaN(x) ? NONE : String.format(Locale.ROOT, "%+.2f", x);
    }
}
