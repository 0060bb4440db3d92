package org.yardstick.aggregation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yardstick.aggregation.internal.Recomputation;
import org.yardstick.framework.IncompleteAggregate;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.Period;

/**
 * The computed figures (汇总值) of the platform: aggregates of sub-regions' approved figures and
 * derived indicators' values, kept live — rewritten in the transaction that approves or reopens
 * figures (see {@code internal.OnFiguresStatusChanged}), so that the next request sees them.
 */
@Service
public class Aggregates {

    private static final int GROUPS_PER_QUERY = 200;

    private final JdbcClient jdbc;
    private final Recomputation recomputation;

    Aggregates(JdbcClient jdbc, Recomputation recomputation) {
        this.jdbc = jdbc;
        this.recomputation = recomputation;
    }

    /**
     * The computed figures of the given indicators in each region, every period, in no particular
     * order: what progress reads beside the reported figures.
     *
     * @param indicatorsByRegion for each region code, the indicator codes to read there
     */
    public List<AggregateFigure> of(Map<String, ? extends Collection<String>> indicatorsByRegion) {
        List<Map.Entry<String, List<String>>> groups = new ArrayList<>();
        indicatorsByRegion.forEach((region, codes) -> {
            if (!codes.isEmpty()) {
                groups.add(Map.entry(region, List.copyOf(new LinkedHashSet<>(codes))));
            }
        });
        List<AggregateFigure> out = new ArrayList<>();
        for (int from = 0; from < groups.size(); from += GROUPS_PER_QUERY) {
            List<Map.Entry<String, List<String>>> some = groups.subList(from, Math.min(groups.size(), from + GROUPS_PER_QUERY));
            StringBuilder where = new StringBuilder(" where ");
            Map<String, Object> params = new HashMap<>();
            for (int g = 0; g < some.size(); g++) {
                where.append(g == 0 ? "" : " or ").append("(r.code = :r").append(g).append(" and i.code in (:i").append(g).append("))");
                params.put("r" + g, some.get(g).getKey());
                params.put("i" + g, some.get(g).getValue());
            }
            out.addAll(jdbc.sql(SELECT + where).params(params).query(Aggregates::map).list());
        }
        return out;
    }

    /** The computed figures of one indicator in one region, oldest first. */
    public List<AggregateFigure> series(String indicatorCode, String regionCode) {
        return jdbc.sql(SELECT + " where i.code = ? and r.code = ? order by a.period_start, a.period")
                .param(indicatorCode).param(regionCode).query(Aggregates::map).list();
    }

    /** Every computed figure of a region, by indicator then period. */
    public List<AggregateFigure> ofRegion(String regionCode) {
        return jdbc.sql(SELECT + " where r.code = ? order by i.code, a.period_start, a.period")
                .param(regionCode).query(Aggregates::map).list();
    }

    /** The computed figures of one indicator in every region of a level inside a region (the prefectures of Xinjiang). */
    public List<AggregateFigure> within(String indicatorCode, String scopePath, String level) {
        return jdbc.sql(SELECT + " where i.code = ? and r.path like ? and r.level = ?")
                .param(indicatorCode).param(scopePath + "%").param(level).query(Aggregates::map).list();
    }

    /**
     * {@link #within} and the categories' computed figures of the same regions ({@link #categoriesOf}),
     * for a comparison: whether any data set collecting the indicator declares breakdowns is read in
     * the same query as the totals, so an indicator without breakdowns costs no second round trip.
     */
    public Within withinAndCategories(String indicatorCode, String scopePath, String level, Collection<String> regionCodes) {
        boolean[] breakdowns = {false};
        List<AggregateFigure> totals = jdbc.sql(SELECT.replace("from aggregate_value a", ", (" + DECLARES_BREAKDOWNS + ") as declares_breakdowns"
                        + " from aggregate_value a") + " where i.code = :c and r.path like :p and r.level = :l")
                .param("c", indicatorCode).param("p", scopePath + "%").param("l", level)
                .query((rs, n) -> {
                    breakdowns[0] = rs.getInt("declares_breakdowns") > 0;
                    return map(rs, n);
                }).list();
        if (totals.isEmpty()) {
            breakdowns[0] = jdbc.sql(DECLARES_BREAKDOWNS).param("c", indicatorCode).query(Integer.class).single() > 0;
        }
        if (!breakdowns[0]) {
            return new Within(totals, List.of());
        }
        return new Within(totals, categoriesOf(indicatorCode, regionCodes, periodsWithCategories(indicatorCode, false)));
    }

    /** The computed totals of a level's regions inside a region, and their categories' computed figures. */
    public record Within(List<AggregateFigure> totals, List<CategoryFigure> categories) {}

    /** How many data sets collecting the indicator (or its ratio's terms, {@code :c}) declare breakdowns. */
    private static final String DECLARES_BREAKDOWNS = """
            select count(*) from indicator x join indicator t on t.id in (x.id, x.numerator_id, x.denominator_id)
            join data_set_indicator di on di.indicator_id = t.id join data_set_breakdown b on b.data_set_id = di.data_set_id
            where x.code = :c""";

    /** The regions with a computed figure of the indicator, by code. */
    public List<String> regionsOf(String indicatorCode) {
        return jdbc.sql("""
                        select distinct r.code from aggregate_value a join indicator i on i.id = a.indicator_id
                        join region r on r.id = a.region_id where i.code = ? and not a.withheld order by r.code""")
                .param(indicatorCode).query(String.class).list();
    }

    /** One computed figure, if there is one. */
    public Optional<AggregateFigure> find(String indicatorCode, String regionCode, String period) {
        return jdbc.sql(SELECT + " where i.code = ? and r.code = ? and a.period = ?")
                .param(indicatorCode).param(regionCode).param(period).query(Aggregates::map).optional();
    }

    /**
     * What a computed figure rests on: each sub-region of the region with its own approved figure
     * for the indicator and period, else its computed one, else none (未报送), in code order.
     */
    public List<Input> inputs(String indicatorCode, String regionCode, String period) {
        // the sub-regions' own figures as the aggregation read them: totals, or an additive indicator's complete parts
        Map<String, BigDecimal> reported = recomputation.reportedTotals(indicatorCode, period);
        return jdbc.sql("""
                        select c.code, c.name_zh, c.name_en, a.computed, a.covered, a.expected
                        from region p join region c on c.parent_id = p.id
                        join indicator i on i.code = :i
                        left join aggregate_value a on a.indicator_id = i.id and a.region_id = c.id and a.period = :p
                        where p.code = :r order by c.code""")
                .param("i", indicatorCode).param("r", regionCode).param("p", period)
                .query((rs, n) -> new Input(rs.getString(1), new LocalizedText(rs.getString(2), rs.getString(3)),
                        reported.get(rs.getString(1)), rs.getBigDecimal(4) == null ? null : rs.getBigDecimal(4).stripTrailingZeros(),
                        rs.getObject(5, Integer.class), rs.getObject(6, Integer.class)))
                .list();
    }

    /**
     * A sub-region's part in an aggregate.
     *
     * @param reported its own approved figure, or null
     * @param computed its computed figure, or null
     */
    public record Input(String regionCode, LocalizedText name, @Nullable BigDecimal reported,
                        @Nullable BigDecimal computed,
                        @Nullable Integer covered, @Nullable Integer expected) {
        /** The figure it contributes: reported, else computed; null when it has none. */
        public @Nullable BigDecimal value() {
            return reported != null ? reported : computed;
        }
    }

    /**
     * The categories' computed figures (分组汇总值) of an indicator for a period in one region, by
     * breakdown code: each category of the sub-regions' approved figures rolled up as the total is
     * (decision 0086); computed now, not stored. Empty for a non-additive indicator or one without
     * category figures.
     */
    public List<CategoryFigure> categories(String indicatorCode, String regionCode, String period) {
        return categoriesOf(indicatorCode, List.of(regionCode), List.of(period));
    }

    /**
     * The categories' computed figures of an indicator in the given regions, for every period with
     * approved category figures (years, quarters, months), by period then region then breakdown.
     * A first query looks whether any data set collecting the indicator (or its ratio's terms)
     * declares breakdowns; without, nothing more is read.
     */
    public List<CategoryFigure> categoriesOf(String indicatorCode, Collection<String> regionCodes) {
        if (regionCodes.isEmpty()) {
            return List.of();
        }
        return categoriesOf(indicatorCode, regionCodes, periodsWithCategories(indicatorCode, true));
    }

    /** The periods with approved category figures of the indicator (or its ratio's terms); {@code declared}: only if a data set declares breakdowns. */
    private List<String> periodsWithCategories(String indicatorCode, boolean declared) {
        return jdbc.sql("""
                        select distinct o.period from observation o join indicator i on i.id = o.indicator_id
                        join disaggregation g on g.id = o.disaggregation_id
                        where o.status = 'APPROVED' and o.measure = 'LEVEL' and g.dimension <> 'TOTAL'
                          and o.indicator_id in (select t.id from indicator x join indicator t on t.id in (x.id, x.numerator_id,
                                                 x.denominator_id) where x.code = :c)""" + (declared ? " and (" + DECLARES_BREAKDOWNS + ") > 0" : "")
                        + " order by o.period").param("c", indicatorCode).query(String.class).list();
    }

    private List<CategoryFigure> categoriesOf(String indicatorCode, Collection<String> regionCodes, List<String> periods) {
        if (periods.isEmpty()) {
            return List.of();
        }
        var settings = jdbc.sql("select incomplete, difference_threshold from indicator where code = ?").param(indicatorCode)
                .query((rs, n) -> new Object[] {IncompleteAggregate.valueOf(rs.getString(1)), rs.getBigDecimal(2) == null
                        ? AggregateFigure.DEFAULT_DIFFERENCE_THRESHOLD : rs.getBigDecimal(2).stripTrailingZeros()}).optional().orElse(null);
        if (settings == null) {
            return List.of();
        }
        Set<String> wanted = Set.copyOf(regionCodes);
        Instant now = Instant.now();
        List<CategoryFigure> out = new ArrayList<>();
        for (String period : periods) {
            Period p = Period.parse(period).orElse(null);
            if (p == null) {
                continue;
            }
            recomputation.categories(indicatorCode, period).forEach((code, byRegion) -> byRegion.forEach((region, a) -> {
                if (wanted.contains(region)) {
                    out.add(new CategoryFigure(code, new AggregateFigure(indicatorCode, region, p,
                            a.computed() == null ? null : a.computed().stripTrailingZeros(), a.withheld(), false, false,
                            a.coverage().covered(), a.coverage().expected(), a.inputs().size(), now, (IncompleteAggregate) settings[0],
                            (BigDecimal) settings[1], a.lack() == null ? null : a.lack().name(), a.lacking())));
                }
            }));
        }
        out.sort(java.util.Comparator.comparing((CategoryFigure c) -> c.figure().period().start())
                .thenComparing(c -> c.figure().period().code()).thenComparing(c -> c.figure().regionCode()).thenComparing(CategoryFigure::breakdown));
        return out;
    }

    /** Recomputes the aggregates of these indicators for a period, as an approval does (for figures written otherwise). */
    public void recompute(Collection<String> indicatorCodes, String period) {
        recomputation.recompute(indicatorCodes, period);
    }

    /** Recomputes every aggregate from the approved figures (recovery); answers how many rows were written. */
    public int recomputeAll() {
        return recomputation.recomputeAll();
    }

    private static final String SELECT = """
            select i.code as indicator_code, r.code as region_code, a.period, a.computed, a.withheld, a.derived, a.from_periods, a.covered,
                   a.expected, a.input_count, a.updated_at, i.incomplete, i.difference_threshold, a.lack, a.lacking
            from aggregate_value a join indicator i on i.id = a.indicator_id join region r on r.id = a.region_id
            """;

    private static AggregateFigure map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AggregateFigure(rs.getString("indicator_code"), rs.getString("region_code"),
                Period.parse(rs.getString("period")).orElseThrow(),
                rs.getBigDecimal("computed") == null ? null : rs.getBigDecimal("computed").stripTrailingZeros(),
                rs.getBoolean("withheld"), rs.getBoolean("derived"), rs.getBoolean("from_periods"), rs.getInt("covered"), rs.getInt("expected"),
                rs.getInt("input_count"), rs.getTimestamp("updated_at").toInstant(),
                IncompleteAggregate.valueOf(rs.getString("incomplete")),
                rs.getBigDecimal("difference_threshold") == null ? AggregateFigure.DEFAULT_DIFFERENCE_THRESHOLD
                        : rs.getBigDecimal("difference_threshold").stripTrailingZeros(),
                rs.getString("lack"), rs.getInt("lacking"));
    }
}
