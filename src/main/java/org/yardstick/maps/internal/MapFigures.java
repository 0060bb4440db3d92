package org.yardstick.maps.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yardstick.aggregation.AggregateFigure;
import org.yardstick.aggregation.Aggregates;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.index.ComputedIndex;
import org.yardstick.index.IndexDefinition;
import org.yardstick.index.IndexDefinitions;
import org.yardstick.index.IndexResults;
import org.yardstick.observation.Observations;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.NotFoundException;
import org.yardstick.shared.Period;

/**
 * An indicator's figures by area for a map: the approved reported total of each area for a year,
 * else its usable computed figure (汇总值) with its coverage; nothing unapproved and no withheld
 * aggregate. The same figures as the pages' tables. Two queries per level of the areas.
 */
@Component
public class MapFigures {

    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\d{4}");

    private final Indicators indicators;
    private final Observations observations;
    private final Aggregates aggregates;
    private final Regions regions;
    private final Boundaries boundaries;
    private final IndexDefinitions definitions;
    private final IndexResults results;
    private final org.yardstick.framework.Disaggregations breakdowns;

    MapFigures(Indicators indicators, Observations observations, Aggregates aggregates, Regions regions, Boundaries boundaries,
               IndexDefinitions definitions, IndexResults results, org.yardstick.framework.Disaggregations breakdowns) {
        this.breakdowns = breakdowns;
        this.definitions = definitions;
        this.results = results;
        this.indicators = indicators;
        this.observations = observations;
        this.aggregates = aggregates;
        this.regions = regions;
        this.boundaries = boundaries;
    }

    /**
     * The map of an indicator below a region for a year.
     *
     * @param regionCode the region whose areas to show; null for {@link #start(String)}
     * @param year a year such as 2023; null for the latest year some area has a figure for
     * @throws NotFoundException for an unknown indicator or region
     * @throws InvalidInputException for a year that is not one
     */
    public MapView view(String indicatorCode, @Nullable String regionCode, @Nullable String year) {
        return view(indicatorCode, regionCode, year, null);
    }

    /**
     * The map of one breakdown category (城镇): each area's reported figure of the category, else
     * the category rolled up from its sub-regions (分组汇总值); null or {@code _T}: the totals.
     */
    public MapView view(String indicatorCode, @Nullable String regionCode, @Nullable String year, @Nullable String breakdown) {
        Indicator indicator = indicators.find(indicatorCode).orElseThrow(() -> new NotFoundException("indicator", indicatorCode));
        checkYear(year);
        String code = regionCode != null ? regionCode : start(indicatorCode);
        Region root = regions.find(code).orElseThrow(() -> new NotFoundException("region", code));
        Areas areas = areas(root);

        // code → year → figure; a reported approved total wins over a computed one
        Map<String, Map<String, Figure>> figures = new HashMap<>();
        boolean total = breakdown == null || breakdown.isBlank() || breakdown.equals("_T");
        if (!total && breakdowns.find(breakdown).isEmpty()) {
            throw new InvalidInputException(InputProblem.of("request", 0, "breakdown", breakdown,
                    org.yardstick.shared.FileProblem.NOT_ONE_OF, "_T or a breakdown code"));
        }
        if (!total) { // the category's computed figures of every area, in one read (the reported ones below win)
            aggregates.categoriesOf(indicatorCode, areas.codes()).stream().filter(c -> c.breakdown().equals(breakdown))
                    .forEach(c -> computed(figures, c.figure(), areas));
        }
        for (RegionLevel level : areas.levels()) {
            if (total) {
                aggregates.within(indicatorCode, root.path(), level.name()).forEach(a -> computed(figures, a, areas));
            }
            // approved figures from the covering index (V60), as doubles: exact for figures of up to 15 significant digits
            for (Observations.ApprovedLevel o : observations.approvedLevels(List.of(indicatorCode), root, level, List.of(),
                    total ? "_T" : breakdown)) {
                if (YEAR.matcher(o.period()).matches() && areas.codes().contains(o.regionCode())) {
                    figures.computeIfAbsent(o.regionCode(), k -> new HashMap<>())
                            .put(o.period(), new Figure(BigDecimal.valueOf(o.value()), "reported", null, null));
                }
            }
        }
        return assemble(indicator.code(), indicator.name(), indicator.unit(), root, areas, figures, year);
    }

    /** A computed figure of an area, where progress would use it. */
    private static void computed(Map<String, Map<String, Figure>> figures, AggregateFigure a, Areas areas) {
        if (a.usable() && a.period().type() == Period.Type.YEAR && areas.codes().contains(a.regionCode())) {
            figures.computeIfAbsent(a.regionCode(), k -> new HashMap<>()).put(a.period().code(), a.derived()
                    ? new Figure(a.value(), "derived", null, null) : new Figure(a.value(), "computed", a.covered(), a.expected()));
        }
    }

    /**
     * The map of a composite index's scores (综合指数得分) below a region for a year: the scores of the
     * root of the index as the index page shows them, computed from approved figures.
     *
     * @param regionCode null for the index's scope (65: its units, the prefectures of Xinjiang)
     * @throws NotFoundException for an unknown index or region
     * @throws InvalidInputException for a year that is not one
     */
    public MapView indexView(String indexCode, @Nullable String regionCode, @Nullable String year) {
        IndexDefinition definition = definitions.find(indexCode).orElseThrow(() -> new NotFoundException("index", indexCode));
        checkYear(year);
        String code = regionCode != null ? regionCode : definition.coverage().scopeCode();
        Region root = regions.find(code).orElseThrow(() -> new NotFoundException("region", code));
        Areas areas = areas(root);
        Map<String, Map<String, Figure>> figures = new HashMap<>();
        ComputedIndex computed = results.compute(definition);
        computed.rootScores().forEach((unit, byPeriod) -> {
            if (areas.codes().contains(unit)) {
                byPeriod.forEach((period, v) -> figures.computeIfAbsent(unit, k -> new HashMap<>())
                        .put(period, new Figure(BigDecimal.valueOf(v), "computed", null, null)));
            }
        });
        return assemble(definition.code(), definition.name(), new LocalizedText("", ""), root, areas, figures, year);
    }

    private static void checkYear(@Nullable String year) {
        if (year != null && (!year.matches("\\d{4}") || Period.parse(year).isEmpty())) {
            throw new InvalidInputException(InputProblem.of("request", 0, "year", year, MapProblem.BAD_YEAR));
        }
    }

    private record Figure(BigDecimal value, String origin, @Nullable Integer covered, @Nullable Integer expected) {}

    private record Areas(List<Region> regions, Set<String> codes, Set<RegionLevel> levels, @Nullable BoundaryMap map) {}

    /** The areas of a map: those its boundary file draws, else the region's children. */
    private Areas areas(Region root) {
        BoundaryMap map = boundaries.of(root.code()).orElse(null);
        List<Region> areas;
        if (map != null) {
            Map<String, Region> byCode = regions.byCodes(map.areaCodes());
            areas = map.areaCodes().stream().map(byCode::get).filter(r -> r != null).toList();
        } else {
            areas = regions.children(root);
        }
        Set<String> codes = new LinkedHashSet<>();
        Set<RegionLevel> levels = new LinkedHashSet<>();
        areas.forEach(a -> {
            codes.add(a.code());
            levels.add(a.level());
        });
        return new Areas(areas, codes, levels, map);
    }

    private MapView assemble(String code, LocalizedText name, LocalizedText unit, Region root, Areas areas,
                             Map<String, Map<String, Figure>> figures, @Nullable String year) {
        TreeSet<String> years = new TreeSet<>();
        figures.values().forEach(byYear -> years.addAll(byYear.keySet()));
        String shown = year != null ? year : years.isEmpty() ? null : years.last();
        List<MapView.Area> out = new ArrayList<>();
        for (Region a : areas.regions()) {
            Figure f = shown == null ? null : figures.getOrDefault(a.code(), Map.of()).get(shown);
            out.add(new MapView.Area(a.code(), a.name(), level(a), f == null ? null : f.value(), f == null ? null : f.origin(),
                    f == null ? null : f.covered(), f == null ? null : f.expected(), boundaries.has(a.code())));
        }
        List<MapView.Place> path = new ArrayList<>();
        regions.ancestors(root).forEach(r -> path.add(place(r)));
        BoundaryMap map = areas.map();
        return new MapView(code, name, unit, place(root), path, shown, List.copyOf(years),
                map == null ? null : "/api/v1/regions/" + root.code() + "/boundaries", map == null ? "" : map.attribution(),
                map != null && map.sketch(), out);
    }

    /**
     * The region a map of the indicator starts at: of the regions whose areas have figures (the
     * parents of the regions with figures), the one with boundaries whose areas have the most, the
     * deeper on a tie (the prefectures of Xinjiang when Urumqi's counties reported, not China with
     * Xinjiang alone); without boundaries
     * anywhere, the one with the most areas with figures.
     */
    public String start(String indicatorCode) {
        Set<String> withFigures = new LinkedHashSet<>(aggregates.regionsOf(indicatorCode));
        if (withFigures.isEmpty()) {
            observations.approvedOfIndicator(indicatorCode).forEach(o -> withFigures.add(o.regionCode()));
        }
        Map<String, Integer> areasWithFigures = new LinkedHashMap<>();
        Map<String, Integer> depth = new HashMap<>();
        for (Region r : regions.byCodes(withFigures).values()) {
            List<String> up = r.ancestorCodes();
            if (!up.isEmpty()) {
                String parent = up.get(up.size() - 1);
                areasWithFigures.merge(parent, 1, Integer::sum);
                depth.put(parent, r.depth() - 1);
            }
        }
        if (areasWithFigures.isEmpty()) {
            return withFigures.isEmpty() ? regions.roots().get(0).code() : withFigures.iterator().next();
        }
        Comparator<String> best = Comparator.<String>comparingInt(c -> boundaries.has(c) ? 0 : 1)
                .thenComparing(c -> -areasWithFigures.get(c))
                .thenComparing(c -> -depth.get(c))
                .thenComparing(c -> c);
        return areasWithFigures.keySet().stream().min(best).orElseThrow();
    }

    private static MapView.Place place(Region r) {
        return new MapView.Place(r.code(), r.name(), level(r));
    }

    private static String level(Region r) {
        return r.level().name().toLowerCase(java.util.Locale.ROOT);
    }
}
