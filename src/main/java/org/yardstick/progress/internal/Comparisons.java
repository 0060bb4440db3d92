package org.yardstick.progress.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.yardstick.framework.Disaggregation;
import org.yardstick.framework.Disaggregations;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Polarity;
import org.yardstick.observation.Observation;
import org.yardstick.observation.Observations;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;
import org.yardstick.shared.Period;

/**
 * Compares every region of a level inside a region on one indicator, from the approved figures:
 * three queries whatever the number of regions (the regions, their figures, the breakdowns' names).
 */
@Service
public class Comparisons {

    private final Indicators indicators;
    private final Regions regions;
    private final Observations observations;
    private final Disaggregations disaggregations;

    Comparisons(Indicators indicators, Regions regions, Observations observations, Disaggregations disaggregations) {
        this.indicators = indicators;
        this.regions = regions;
        this.observations = observations;
        this.disaggregations = disaggregations;
    }

    /**
     * The comparison for a breakdown (null: the total, or the first breakdown with figures) and a
     * year (null: the latest with figures).
     */
    public Comparison compare(String indicatorCode, String scopeCode, RegionLevel level, @Nullable String breakdown,
                              @Nullable Integer period) {
        Indicator indicator = indicators.get(indicatorCode);
        Region scope = regions.get(scopeCode);
        List<Region> places = regions.within(scope, level);
        // breakdown → region → year → figure
        Map<String, Map<String, Map<Integer, Observation>>> data = new LinkedHashMap<>();
        for (Observation o : observations.approvedLevelsWithin(indicatorCode, scope, level)) {
            if (o.period().type() == Period.Type.YEAR) {
                data.computeIfAbsent(o.disaggregationCode(), k -> new HashMap<>())
                        .computeIfAbsent(o.regionCode(), k -> new HashMap<>()).put(o.period().year(), o);
            }
        }
        Map<String, Disaggregation> names = new LinkedHashMap<>();
        disaggregations.all().forEach(d -> names.put(d.code(), d));
        List<Disaggregation> breakdowns = data.keySet().stream().sorted(Comparator.comparing(
                (String c) -> !Disaggregation.TOTAL.equals(c)).thenComparing(c -> c))
                .map(c -> names.getOrDefault(c, new Disaggregation(0, c, org.yardstick.framework.DisaggregationDimension.OTHER, org.yardstick.shared.LocalizedText.of(c, c))))
                .toList();
        String chosen = breakdown != null && data.containsKey(breakdown) ? breakdown
                : data.containsKey(Disaggregation.TOTAL) || breakdowns.isEmpty() ? Disaggregation.TOTAL : breakdowns.get(0).code();
        Map<String, Map<Integer, Observation>> figures = data.getOrDefault(chosen, Map.of());
        TreeSet<Integer> years = new TreeSet<>();
        figures.values().forEach(m -> years.addAll(m.keySet()));
        Integer year = period != null && years.contains(period) ? period : years.isEmpty() ? null : years.last();

        Polarity polarity = indicator.polarity();
        List<Comparison.Row> rows = rows(places, figures, year, polarity);
        QuartileGap gap = year == null ? null : QuartileGap.of(values(figures, year), polarity);
        List<Comparison.YearGap> gaps = new ArrayList<>();
        for (int y : years) {
            QuartileGap g = QuartileGap.of(values(figures, y), polarity);
            if (g != null) {
                gaps.add(new Comparison.YearGap(y, g));
            }
        }
        List<Comparison.BreakdownSummary> summaries = new ArrayList<>();
        if (year != null) {
            for (Disaggregation d : breakdowns) {
                double[] v = values(data.getOrDefault(d.code(), Map.of()), year);
                if (v.length > 0) {
                    double mean = 0;
                    for (double x : v) {
                        mean += x;
                    }
                    summaries.add(new Comparison.BreakdownSummary(d, v.length, mean / v.length, QuartileGap.of(v, polarity)));
                }
            }
        }
        return new Comparison(indicator, scope, level, chosen, breakdowns, List.copyOf(years), year, rows, gap, gaps,
                summaries, names);
    }

    private static double[] values(Map<String, Map<Integer, Observation>> figures, int year) {
        return figures.values().stream().map(m -> m.get(year)).filter(o -> o != null).mapToDouble(Observation::number)
                .toArray();
    }

    /** Ranked regions best first (ties share the better rank), then the regions without a figure. */
    static List<Comparison.Row> rows(List<Region> places, Map<String, Map<Integer, Observation>> figures,
                                     @Nullable Integer year, Polarity polarity) {
        List<Region> reporting = new ArrayList<>();
        List<Region> silent = new ArrayList<>();
        for (Region r : places) {
            Map<Integer, Observation> f = figures.get(r.code());
            if (year != null && f != null && f.containsKey(year)) {
                reporting.add(r);
            } else {
                silent.add(r);
            }
        }
        Comparator<Region> byValue = Comparator.comparingDouble(r -> figures.get(r.code()).get(year).number());
        reporting.sort(polarity == Polarity.NEGATIVE ? byValue : byValue.reversed());
        List<Comparison.Row> rows = new ArrayList<>(places.size());
        int n = reporting.size();
        Integer rank = null;
        double previous = Double.NaN;
        for (int i = 0; i < n; i++) {
            Region r = reporting.get(i);
            Map<Integer, Observation> f = figures.get(r.code());
            Observation o = f.get(year);
            if (rank == null || o.number() != previous) {
                rank = i + 1;
                previous = o.number();
            }
            Observation before = f.get(year - 1);
            rows.add(new Comparison.Row(r, rank, QuartileGap.quartile(i, n), o,
                    before == null ? null : o.number() - before.number()));
        }
        silent.forEach(r -> rows.add(new Comparison.Row(r, null, null, null, null)));
        return rows;
    }
}
