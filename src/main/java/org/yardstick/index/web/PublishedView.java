package org.yardstick.index.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.yardstick.index.IndexDefinition;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.TreeNode;
import org.yardstick.observation.Measure;
import org.yardstick.observation.Observation;
import org.yardstick.region.Region;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published figures of an index's nodes (公布值), exactly as the documents give them, with their
 * sources: a table, the line of the total's published levels, and the published changes of the
 * total's components between two periods beside the total's own change.
 *
 * @param rows every published figure of every node that names one, node by node
 * @param levelsChart the total's published levels (the {@code series} chart); null when there are none
 * @param changes the components' published changes; null when fewer than one component has one
 */
public record PublishedView(List<Row> rows, @Nullable String levelsChart, @Nullable Changes changes) {

    /** One published figure. */
    public record Row(String node, String region, String period, String measure, String value, List<Source> sources) {}

    /** Where it was published: the document's title, the line, the sentence. */
    public record Source(String document, int line, String quote) {}

    /**
     * The components' published changes from one period to another.
     *
     * @param sum their sum, as exact as the figures
     * @param total the total's change: published, or computed from its two published levels; null if neither
     * @param totalDerived whether {@code total} was computed from the published levels
     * @param chart the {@code bars} chart of the changes
     */
    public record Changes(String region, String from, String to, String sum, @Nullable String total,
            boolean totalDerived, String chart) {}

    /** The figures the documents publish for the nodes of a definition, in its units. */
    static PublishedView of(IndexDefinition definition, Map<String, List<Observation>> figures, List<Region> units,
            Function<String, String> documentTitle, MessageSource messages, Locale locale, JsonMapper json) {
        IndexTree tree = definition.spec().tree();
        Map<String, Region> regions = units.stream().collect(Collectors.toMap(Region::code, r -> r));
        List<Row> rows = new ArrayList<>();
        for (TreeNode node : IndexView.topDown(tree)) {
            String indicator = definition.published().get(node.code());
            if (indicator == null) {
                continue;
            }
            List<Observation> ofNode = figures.getOrDefault(indicator, List.of()).stream()
                    .sorted(Comparator.comparing(Observation::regionCode)
                            .thenComparing((Observation o) -> o.measure() != Measure.LEVEL)
                            .thenComparing(Observation::period))
                    .toList();
            for (Observation o : ofNode) {
                Region region = regions.get(o.regionCode());
                if (region == null || !o.disaggregationCode().equals("_T")) {
                    continue;
                }
                rows.add(new Row(IndexView.name(node, locale), region.name().in(locale), o.period().code(),
                        messages.getMessage("measure." + o.measure().name(),
                                new Object[] {o.basePeriod() == null ? "" : o.basePeriod().code()}, locale),
                        plain(o.value()), o.sources().stream()
                                .map(s -> new Source(documentTitle.apply(s.documentCode()), s.line(), s.quote())).toList()));
            }
        }
        TreeNode root = tree.root();
        String rootIndicator = definition.published().get(root.code());
        List<Observation> rootFigures = rootIndicator == null ? List.of()
                : figures.getOrDefault(rootIndicator, List.of()).stream()
                        .filter(o -> regions.containsKey(o.regionCode()) && o.disaggregationCode().equals("_T")).toList();
        return new PublishedView(rows, levelsChart(rootFigures, regions, locale, json),
                changes(definition, figures, rootFigures, regions, messages, locale, json));
    }

    private static @Nullable String levelsChart(List<Observation> rootFigures,
            Map<String, Region> regions, Locale locale, JsonMapper json) {
        Map<String, List<List<Object>>> lines = new LinkedHashMap<>();
        for (Observation o : rootFigures) {
            if (o.measure() == Measure.LEVEL) {
                lines.computeIfAbsent(regions.get(o.regionCode()).name().in(locale), k -> new ArrayList<>())
                        .add(List.of(o.period().code(), o.value()));
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> series = new ArrayList<>();
        lines.forEach((name, points) -> series.add(Map.of("name", name, "points", points)));
        return json.writeValueAsString(Map.of("unit", "", "series", series, "targets", List.of()));
    }

    /**
     * The published changes of the root's children in the region and pair of periods most of them
     * share, with the root's own change beside them: published if the documents give it, else
     * computed from its two published levels.
     */
    private static @Nullable Changes changes(IndexDefinition definition, Map<String, List<Observation>> figures,
            List<Observation> rootFigures, Map<String, Region> regions, MessageSource messages, Locale locale,
            JsonMapper json) {
        IndexTree tree = definition.spec().tree();
        int root = tree.aggregates().size() - 1;
        record Change(TreeNode node, Observation figure) {}
        List<Change> changes = new ArrayList<>();
        for (String child : tree.childCodes(root)) {
            String indicator = definition.published().get(child);
            if (indicator == null) {
                continue;
            }
            for (Observation o : figures.getOrDefault(indicator, List.of())) {
                if (o.measure() == Measure.CHANGE && regions.containsKey(o.regionCode())
                        && o.disaggregationCode().equals("_T") && o.basePeriod() != null) {
                    changes.add(new Change(Objects.requireNonNull(tree.node(child)), o));
                }
            }
        }
        if (changes.isEmpty()) {
            return null;
        }
        Map<String, List<Change>> bySpan = changes.stream().collect(Collectors.groupingBy(
                c -> c.figure().regionCode() + "/" + c.figure().basePeriod().code() + "/" + c.figure().period().code(),
                LinkedHashMap::new, Collectors.toList()));
        List<Change> chosen = bySpan.values().stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
        Observation first = chosen.get(0).figure();
        String region = first.regionCode();
        String from = first.basePeriod().code();
        String to = first.period().code();
        BigDecimal sum = chosen.stream().map(c -> c.figure().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = null;
        boolean derived = false;
        for (Observation o : rootFigures) {
            if (o.regionCode().equals(region) && o.measure() == Measure.CHANGE && o.basePeriod() != null
                    && o.basePeriod().code().equals(from) && o.period().code().equals(to)) {
                total = o.value();
            }
        }
        if (total == null) {
            BigDecimal before = level(rootFigures, region, from);
            BigDecimal after = level(rootFigures, region, to);
            if (before != null && after != null) {
                total = after.subtract(before);
                derived = true;
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Change c : chosen) {
            items.add(Map.of("label", IndexView.name(c.node(), locale), "value", c.figure().value(), "kind", "published"));
        }
        if (total != null) {
            String label = IndexView.name(tree.root(), locale);
            items.add(Map.of("label", label, "value", total, "kind", derived ? "derived" : "published"));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("items", items);
        chart.put("legend", Map.of(
                "published", messages.getMessage("index.badge.published", null, locale),
                "derived", messages.getMessage("index.badge.derived", null, locale)));
        return new Changes(regions.get(region).name().in(locale), from, to, plain(sum),
                total == null ? null : plain(total), derived, json.writeValueAsString(chart));
    }

    private static @Nullable BigDecimal level(List<Observation> figures, String region, String period) {
        return figures.stream().filter(o -> o.regionCode().equals(region) && o.measure() == Measure.LEVEL
                && o.period().code().equals(period)).map(Observation::value).findFirst().orElse(null);
    }

    /** A figure as the document wrote it: 59.8, not 59.80000000. */
    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
