package org.yardstick.progress.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.yardstick.aggregation.AggregateFigure;
import org.yardstick.aggregation.CategoryFigure;
import org.yardstick.aggregation.Aggregates;
import org.yardstick.framework.Disaggregation;
import org.yardstick.framework.DisaggregationDimension;
import org.yardstick.framework.Disaggregations;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Polarity;
import org.yardstick.observation.Observation;
import org.yardstick.observation.Observations;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;
import org.yardstick.shared.LocalizedText;
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
    private final Aggregates aggregates;

    Comparisons(Indicators indicators, Regions regions, Observations observations, Disaggregations disaggregations,
                Aggregates aggregates) {
        this.aggregates = aggregates;
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
        Map<String, Integer> placeIndex = new HashMap<>();
        for (int i = 0; i < places.size(); i++) {
            placeIndex.put(places.get(i).code(), i);
        }
        // breakdown → year → figure of each place (by the place's position)
        Map<String, TreeMap<Integer, Observation[]>> data = new LinkedHashMap<>();
        for (Observation o : observations.approvedLevelsWithin(indicatorCode, scope, level)) {
            Integer at = placeIndex.get(o.regionCode());
            if (at != null && o.period().type() == Period.Type.YEAR) {
                data.computeIfAbsent(o.disaggregationCode(), k -> new TreeMap<>())
                        .computeIfAbsent(o.period().year(), k -> new Observation[places.size()])[at] = o;
            }
        }
        // a place without its own figure of a year shows its computed one (汇总值) where progress would use it, and
        // likewise each category (城镇, 乡村) rolled up from the place's sub-regions (分组汇总值, decision 0086)
        Aggregates.Within computed = aggregates.withinAndCategories(indicatorCode, scope.path(), level.name(), placeIndex.keySet());
        for (AggregateFigure a : computed.totals()) {
            fill(data, Disaggregation.TOTAL, a, a.asObservation(), placeIndex, places.size());
        }
        for (CategoryFigure c : computed.categories()) {
            fill(data, c.breakdown(), c.figure(), c.asObservation(), placeIndex, places.size());
        }
        Map<String, Disaggregation> names = new LinkedHashMap<>();
        disaggregations.all().forEach(d -> names.put(d.code(), d));
        List<Disaggregation> breakdowns = data.keySet().stream().sorted(Comparator.comparing(
                (String c) -> !Disaggregation.TOTAL.equals(c)).thenComparing(c -> c))
                .map(c -> names.getOrDefault(c, new Disaggregation(0, c, DisaggregationDimension.OTHER, LocalizedText.of(c, c))))
                .toList();
        String chosen = breakdown != null && data.containsKey(breakdown) ? breakdown
                : data.containsKey(Disaggregation.TOTAL) || breakdowns.isEmpty() ? Disaggregation.TOTAL : breakdowns.get(0).code();
        TreeMap<Integer, Observation[]> byYear = data.getOrDefault(chosen, new TreeMap<>());
        List<Integer> years = List.copyOf(byYear.keySet());
        Integer year = period != null && byYear.containsKey(period) ? period : years.isEmpty() ? null : years.get(years.size() - 1);

        Polarity polarity = indicator.polarity();
        List<Comparison.Row> rows = rows(places, year == null ? null : byYear.get(year),
                year == null ? null : byYear.get(year - 1), polarity);
        QuartileGap gap = year == null ? null : QuartileGap.of(values(byYear.get(year)), polarity);
        List<Comparison.YearGap> gaps = new ArrayList<>();
        byYear.forEach((y, figures) -> {
            QuartileGap g = QuartileGap.of(values(figures), polarity);
            if (g != null) {
                gaps.add(new Comparison.YearGap(y, g));
            }
        });
        List<Comparison.BreakdownSummary> summaries = new ArrayList<>();
        if (year != null) {
            for (Disaggregation d : breakdowns) {
                Observation[] figures = data.get(d.code()).get(year);
                double[] v = figures == null ? new double[0] : values(figures);
                if (v.length > 0) {
                    double mean = 0;
                    for (double x : v) {
                        mean += x;
                    }
                    summaries.add(new Comparison.BreakdownSummary(d, v.length, mean / v.length, QuartileGap.of(v, polarity)));
                }
            }
        }
        return new Comparison(indicator, scope, level, chosen, breakdowns, years, year, rows, gap, gaps, summaries, names);
    }

    /** A computed figure where its place has no figure of its own for the year and breakdown, if progress would use it. */
    private static void fill(Map<String, TreeMap<Integer, Observation[]>> data, String breakdown, AggregateFigure a, Observation asObservation,
                             Map<String, Integer> placeIndex, int places) {
        Integer at = placeIndex.get(a.regionCode());
        if (at != null && a.period().type() == Period.Type.YEAR && a.usable()) {
            Observation[] year = data.computeIfAbsent(breakdown, k -> new TreeMap<>()).computeIfAbsent(a.period().year(), k -> new Observation[places]);
            if (year[at] == null) {
                year[at] = asObservation;
            }
        }
    }

    private static double[] values(Observation[] figures) {
        double[] v = new double[figures.length];
        int n = 0;
        for (Observation o : figures) {
            if (o != null) {
                v[n++] = o.number();
            }
        }
        return Arrays.copyOf(v, n);
    }

    /** Ranked regions best first (ties share the better rank), then the regions without a figure. */
    static List<Comparison.Row> rows(List<Region> places, Observation @Nullable [] figures,
                                     Observation @Nullable [] yearBefore, Polarity polarity) {
        int count = places.size();
        double[] value = new double[count];
        List<Integer> reporting = new ArrayList<>();
        List<Integer> silent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (figures != null && figures[i] != null) {
                value[i] = figures[i].number();
                reporting.add(i);
            } else {
                silent.add(i);
            }
        }
        Comparator<Integer> byValue = Comparator.comparingDouble(i -> value[i]);
        reporting.sort(polarity == Polarity.NEGATIVE ? byValue : byValue.reversed());
        List<Comparison.Row> rows = new ArrayList<>(count);
        int n = reporting.size();
        int rank = 0;
        for (int p = 0; p < n; p++) {
            int i = reporting.get(p);
            if (p == 0 || value[i] != value[reporting.get(p - 1)]) {
                rank = p + 1;
            }
            Observation before = yearBefore == null ? null : yearBefore[i];
            rows.add(new Comparison.Row(places.get(i), rank, QuartileGap.quartile(p, n), figures[i],
                    before == null ? null : value[i] - before.number()));
        }
        silent.forEach(i -> rows.add(new Comparison.Row(places.get(i), null, null, null, null)));
        return rows;
    }
}
