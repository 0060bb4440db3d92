package org.yardstick.maps;

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
import org.yardstick.observation.Observation;
import org.yardstick.observation.Observations;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;
import org.yardstick.shared.Period;

/**
 * An indicator's figures by area for a map: the approved reported total of each area for a year,
 * else its usable computed figure (汇总值) with its coverage; nothing unapproved and no withheld
 * aggregate. The same figures as the pages' tables. Two queries per level of the areas.
 */
@Component
public class MapFigures {

    private static final String TOTAL = "_T";

    private final Indicators indicators;
    private final Observations observations;
    private final Aggregates aggregates;
    private final Regions regions;
    private final Boundaries boundaries;

    MapFigures(Indicators indicators, Observations observations, Aggregates aggregates, Regions regions, Boundaries boundaries) {
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
        Indicator indicator = indicators.find(indicatorCode).orElseThrow(() -> new NotFoundException("indicator", indicatorCode));
        if (year != null && (!year.matches("\\d{4}") || Period.parse(year).isEmpty())) {
            throw new InvalidInputException(InputProblem.of("request", 0, "year", year, MapProblem.BAD_YEAR));
        }
        String code = regionCode != null ? regionCode : start(indicatorCode);
        Region root = regions.find(code).orElseThrow(() -> new NotFoundException("region", code));
        BoundaryMap map = boundaries.of(root.code()).orElse(null);
        List<Region> areas;
        if (map != null) {
            Map<String, Region> byCode = regions.byCodes(map.areaCodes());
            areas = map.areaCodes().stream().map(byCode::get).filter(r -> r != null).toList();
        } else {
            areas = regions.children(root);
        }
        Set<String> areaCodes = new LinkedHashSet<>();
        Set<RegionLevel> levels = new LinkedHashSet<>();
        areas.forEach(a -> {
            areaCodes.add(a.code());
            levels.add(a.level());
        });

        // code → year → figure; a reported approved total wins over a computed one
        Map<String, Map<String, BigDecimal>> reported = new HashMap<>();
        Map<String, Map<String, AggregateFigure>> computed = new HashMap<>();
        TreeSet<String> years = new TreeSet<>();
        for (RegionLevel level : levels) {
            for (Observation o : observations.approvedLevelsWithin(indicatorCode, root, level)) {
                if (TOTAL.equals(o.disaggregationCode()) && o.period().type() == Period.Type.YEAR && areaCodes.contains(o.regionCode())) {
                    reported.computeIfAbsent(o.regionCode(), k -> new HashMap<>()).put(o.period().code(), o.value());
                    years.add(o.period().code());
                }
            }
            for (AggregateFigure a : aggregates.within(indicatorCode, root.path(), level.name())) {
                if (a.usable() && a.period().type() == Period.Type.YEAR && areaCodes.contains(a.regionCode())) {
                    computed.computeIfAbsent(a.regionCode(), k -> new HashMap<>()).put(a.period().code(), a);
                    years.add(a.period().code());
                }
            }
        }
        String shown = year != null ? year : years.isEmpty() ? null : years.last();

        List<MapView.Area> out = new ArrayList<>();
        for (Region a : areas) {
            BigDecimal value = shown == null ? null : reported.getOrDefault(a.code(), Map.of()).get(shown);
            AggregateFigure agg = shown == null || value != null ? null : computed.getOrDefault(a.code(), Map.of()).get(shown);
            String origin = value != null ? "reported" : agg == null ? null : agg.derived() ? "derived" : "computed";
            out.add(new MapView.Area(a.code(), a.name(), level(a), value != null ? value : agg == null ? null : agg.value(), origin,
                    agg == null || agg.derived() ? null : agg.covered(), agg == null || agg.derived() ? null : agg.expected(),
                    boundaries.has(a.code())));
        }
        List<MapView.Place> path = new ArrayList<>();
        regions.ancestors(root).forEach(r -> path.add(place(r)));
        return new MapView(indicator.code(), indicator.name(), indicator.unit(), place(root), path, shown, List.copyOf(years),
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
