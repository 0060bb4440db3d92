package org.yardstick.observation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yardstick.framework.Citation;
import org.yardstick.framework.Qualifier;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;
import org.yardstick.shared.Period;

/**
 * The observations of the platform. The methods named {@code approved…} see only approved figures:
 * what the public, the indices and the progress rules may use.
 */
@Repository
public class Observations {

    private static final String SELECT = """
            select o.id, i.code as indicator_code, r.code as region_code, o.period, g.code as disaggregation_code,
                   o.measure, o.base_period, o.obs_value, o.qualifier, o.qualifier_text, o.status, o.comment, o.version,
                   o.updated_at, o.updated_by
            from observation o
            join indicator i on i.id = o.indicator_id
            join region r on r.id = o.region_id
            join disaggregation g on g.id = o.disaggregation_id
            """;

    /** Most codes bound in one {@code in (…)} list. */
    private static final int IN_LIMIT = 1000;

    /** Most (region, indicators) groups in one bulk query. */
    private static final int GROUPS_PER_QUERY = 200;

    /** Parsed periods by code: the same few codes recur in every bulk read. */
    private static final Map<String, Period> PERIODS = new java.util.concurrent.ConcurrentHashMap<>();

    private final JdbcClient jdbc;

    Observations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The approved levels of an indicator in a region for the total (no breakdown), oldest first.
     */
    public List<Observation> approvedSeries(String indicatorCode, String regionCode) {
        return approvedSeries(indicatorCode, regionCode, "_T");
    }

    /** The approved levels of an indicator in a region for one breakdown, oldest first. */
    public List<Observation> approvedSeries(String indicatorCode, String regionCode, String disaggregationCode) {
        return withSources(jdbc.sql(SELECT + """
                        where i.code = ? and r.code = ? and g.code = ? and o.measure = 'LEVEL' and o.status = 'APPROVED'
                        order by o.period_start, o.period""")
                .param(indicatorCode).param(regionCode).param(disaggregationCode).query(Observations::map).list());
    }

    /** Every approved figure of an indicator: all regions, breakdowns and measures. */
    public List<Observation> approvedOfIndicator(String indicatorCode) {
        return withSources(jdbc.sql(SELECT + """
                        where i.code = ? and o.status = 'APPROVED'
                        order by r.code, g.code, o.measure, o.period_start, o.period""")
                .param(indicatorCode).query(Observations::map).list());
    }

    /**
     * Every approved figure of a region: all indicators, breakdowns and measures; a period's categories
     * (分组) right after its total.
     */
    public List<Observation> approvedOfRegion(String regionCode) {
        return withSources(jdbc.sql(SELECT + """
                        where r.code = ? and o.status = 'APPROVED'
                        order by i.code, o.measure, o.period_start, o.period, case when g.code = '_T' then 0 else 1 end, g.code""")
                .param(regionCode).query(Observations::map).list());
    }

    /**
     * An approved level, for computations over many figures (indices).
     *
     * @param indicatorCode the indicator
     * @param regionCode the region
     * @param period the period code ({@code 2015}, {@code 2015Q3}, {@code 2015-03})
     * @param value the value
     */
    public record ApprovedLevel(String indicatorCode, String regionCode, String period, double value) {}

    /**
     * A fingerprint of the approved levels of some indicators that is cheap to read: it changes
     * whenever one of them is approved, revised (updated, its version raised) or withdrawn, so that
     * results computed from them can be cached under it.
     */
    public record Stamp(long count, long maxId, long versionSum, @Nullable Instant lastUpdate) {}

    /**
     * The approved levels (totals, no breakdown) of some indicators in the regions of one level
     * inside a region's subtree (the region itself included when it is of that level), in one query.
     *
     * @param periods only these periods; empty for all
     */
    public List<ApprovedLevel> approvedLevels(Collection<String> indicatorCodes, Region scope, RegionLevel level,
            Collection<String> periods) {
        return approvedLevels(indicatorCodes, scope, level, periods, "_T");
    }

    /** {@link #approvedLevels(Collection, Region, RegionLevel, Collection)} of one breakdown ({@code _T}: the totals). */
    public List<ApprovedLevel> approvedLevels(Collection<String> indicatorCodes, Region scope, RegionLevel level,
            Collection<String> periods, String breakdown) {
        if (indicatorCodes.isEmpty()) {
            return List.of();
        }
        String sql = """
                select i.code as indicator_code, r.code as region_code, o.period, o.obs_value
                from observation o
                join indicator i on i.id = o.indicator_id
                join region r on r.id = o.region_id
                join disaggregation g on g.id = o.disaggregation_id
                where o.status = 'APPROVED' and o.measure = 'LEVEL' and g.code = :breakdown and i.code in (:codes)
                  and r.path like :path escape '\\' and r.level = :level""";
        var query = jdbc.sql(periods.isEmpty() ? sql : sql + " and o.period in (:periods)")
                .param("breakdown", breakdown)
                .param("codes", List.copyOf(indicatorCodes))
                .param("path", likePrefix(scope.path()))
                .param("level", level.name());
        if (!periods.isEmpty()) {
            query = query.param("periods", List.copyOf(periods));
        }
        return query.query((rs, n) -> new ApprovedLevel(rs.getString("indicator_code"), rs.getString("region_code"),
                rs.getString("period"), rs.getBigDecimal("obs_value").doubleValue())).list();
    }

    /** The {@link Stamp} of the approved levels of some indicators, all regions, in one query. */
    public Stamp approvedStamp(Collection<String> indicatorCodes) {
        if (indicatorCodes.isEmpty()) {
            return new Stamp(0, 0, 0, null);
        }
        return jdbc.sql("""
                        select count(*), coalesce(max(o.id), 0), coalesce(sum(o.version), 0), max(o.updated_at)
                        from observation o join indicator i on i.id = o.indicator_id
                        where o.status = 'APPROVED' and o.measure = 'LEVEL' and i.code in (:codes)""")
                .param("codes", List.copyOf(indicatorCodes))
                .query((rs, n) -> {
                    Timestamp last = rs.getTimestamp(4);
                    return new Stamp(rs.getLong(1), rs.getLong(2), rs.getLong(3), last == null ? null : last.toInstant());
                }).single();
    }

    /** A LIKE pattern matching texts that start with {@code prefix}, wildcards in it escaped. */
    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The columns of a bulk read of approved levels: all from the covering index
     * {@code observation_approved_level_idx} (see V60), so that PostgreSQL answers from the index
     * alone. Measure, base period and status are those of an approved level; comment and
     * {@code updatedBy} are not read (null and empty).
     */
    private static final String LEVELS = """
            select o.id, i.code as indicator_code, r.code as region_code, o.period, g.code as disaggregation_code,
                   'LEVEL' as measure, '' as base_period, o.obs_value, o.qualifier, o.qualifier_text, 'APPROVED' as status,
                   cast(null as varchar(1)) as comment, o.version, o.updated_at, '' as updated_by
            from observation o
            join indicator i on i.id = o.indicator_id
            join region r on r.id = o.region_id
            join disaggregation g on g.id = o.disaggregation_id
            where o.status = 'APPROVED' and o.measure = 'LEVEL'
            """;

    /**
     * Every approved level (all breakdowns, all kinds of period) of the given indicators in each
     * region, in one query: what progress and the plan pages read, grouped by the caller. In no
     * particular order; without sources, comment or {@code updatedBy}. For an approved figure
     * {@code updatedAt} is when it was approved (approved figures are locked).
     *
     * @param indicatorsByRegion for each region code, the indicator codes to read there
     */
    public List<Observation> approvedLevels(Map<String, ? extends Collection<String>> indicatorsByRegion) {
        List<Map.Entry<String, List<String>>> groups = new ArrayList<>();
        indicatorsByRegion.forEach((region, codes) -> {
            List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(codes));
            for (int i = 0; i < distinct.size(); i += IN_LIMIT) {
                groups.add(Map.entry(region, distinct.subList(i, Math.min(distinct.size(), i + IN_LIMIT))));
            }
        });
        List<Observation> all = new ArrayList<>();
        for (int from = 0; from < groups.size(); from += GROUPS_PER_QUERY) {
            List<Map.Entry<String, List<String>>> some = groups.subList(from, Math.min(groups.size(), from + GROUPS_PER_QUERY));
            StringBuilder where = new StringBuilder(" and (");
            Map<String, Object> params = new HashMap<>();
            for (int g = 0; g < some.size(); g++) {
                where.append(g == 0 ? "" : " or ").append("(r.code = :r").append(g).append(" and i.code in (:i").append(g).append("))");
                params.put("r" + g, some.get(g).getKey());
                params.put("i" + g, some.get(g).getValue());
            }
            where.append(')');
            all.addAll(jdbc.sql(LEVELS + where).params(params).query(Observations::map).list());
        }
        return all;
    }

    /**
     * The approved levels of one indicator in every region of a level inside a region (the
     * counties of Xinjiang), all breakdowns and periods, in one query; in no particular order;
     * without sources, comment or {@code updatedBy}.
     */
    public List<Observation> approvedLevelsWithin(String indicatorCode, Region scope, RegionLevel level) {
        return jdbc.sql(LEVELS + " and i.code = ? and r.path like ? and r.level = ?")
                .param(indicatorCode).param(scope.path() + "%").param(level.name())
                .query(Observations::map).list();
    }

    /**
     * Every approved figure (all measures, breakdowns and periods) of these indicators in these
     * regions, with their sources: the annex of an evaluation report. Two queries (figures, then
     * sources in batches).
     */
    public List<Observation> approvedFigures(Collection<String> indicatorCodes, Collection<String> regionCodes) {
        if (indicatorCodes.isEmpty() || regionCodes.isEmpty()) {
            return List.of();
        }
        return withSources(jdbc.sql(SELECT + """
                        where i.code in (:indicators) and r.code in (:regions) and o.status = 'APPROVED'
                        order by i.code, r.code, g.code, o.measure, o.period_start, o.period""")
                .param("indicators", List.copyOf(indicatorCodes)).param("regions", List.copyOf(regionCodes))
                .query(Observations::map).list());
    }

    /**
     * What a page of approved figures is filtered by (the public API's lists); null means no filter.
     *
     * @param indicatorCode one indicator
     * @param regionCode one region, or with {@code subtree} the region and every region under it
     * @param level only regions of this level
     * @param fromYear periods whose year is at least this
     * @param toYear periods whose year is at most this
     * @param breakdown one breakdown (分组) code
     */
    public record FigureFilter(@Nullable String indicatorCode, @Nullable Region region, boolean subtree,
                               @Nullable RegionLevel level, @Nullable Integer fromYear, @Nullable Integer toYear,
                               @Nullable String breakdown) {}

    /** The order of a page: by region (an indicator's figures) or by indicator (a region's figures). */
    public enum FigureOrder {
        /** region, breakdown, measure, period, base period. */
        BY_REGION("r.code, g.code, o.measure, o.period_start, o.period, o.base_period, o.id"),
        /** indicator, measure, period, the total before the categories, breakdown, base period. */
        BY_INDICATOR("i.code, o.measure, o.period_start, o.period, case when g.code = '_T' then 0 else 1 end, g.code, "
                + "o.base_period, o.id");

        private final String sql;

        FigureOrder(String sql) {
            this.sql = sql;
        }
    }

    /** One page of approved figures and how many the filter matches in all. */
    public record FigurePage(long total, List<Observation> figures) {}

    /**
     * One page of the approved figures a filter matches, with their sources, in a stable order: the
     * filters, the order and the page are the database's work (one query with the total as a window
     * count, one for the page's sources), so a page of an indicator over every county reads only its rows.
     */
    public FigurePage approvedPage(FigureFilter filter, FigureOrder order, long offset, int limit) {
        StringBuilder where = new StringBuilder(" where o.status = 'APPROVED'");
        Map<String, Object> params = new HashMap<>();
        if (filter.indicatorCode() != null) {
            where.append(" and i.code = :indicator");
            params.put("indicator", filter.indicatorCode());
        }
        if (filter.region() != null) {
            if (filter.subtree()) {
                where.append(" and r.path like :path escape '\\'");
                params.put("path", likePrefix(filter.region().path()));
            } else {
                where.append(" and r.id = :region");
                params.put("region", filter.region().id());
            }
        }
        if (filter.level() != null) {
            where.append(" and r.level = :level");
            params.put("level", filter.level().name());
        }
        if (filter.fromYear() != null) {
            where.append(" and o.period_start >= :from");
            params.put("from", java.sql.Date.valueOf(java.time.LocalDate.of(filter.fromYear(), 1, 1)));
        }
        if (filter.toYear() != null) {
            where.append(" and o.period_start < :to");
            params.put("to", java.sql.Date.valueOf(java.time.LocalDate.of(filter.toYear() + 1, 1, 1)));
        }
        if (filter.breakdown() != null) {
            where.append(" and g.code = :breakdown");
            params.put("breakdown", filter.breakdown());
        }
        params.put("offset", offset);
        params.put("limit", limit);
        long[] total = {-1};
        List<Observation> rows = jdbc.sql(SELECT.replace("o.updated_by\n", "o.updated_by, count(*) over () as total\n")
                        + where + " order by " + order.sql + " offset :offset rows fetch next :limit rows only")
                .params(params)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return map(rs, n);
                }).list();
        if (total[0] < 0) { // past the end (or nothing matches): count alone
            params.remove("offset");
            params.remove("limit");
            total[0] = jdbc.sql("select count(*) from observation o join indicator i on i.id = o.indicator_id "
                    + "join region r on r.id = o.region_id join disaggregation g on g.id = o.disaggregation_id" + where)
                    .params(params).query(Long.class).single();
        }
        return new FigurePage(total[0], withSources(rows));
    }

    /** How many observations there are, by status. */
    public Map<ObservationStatus, Long> countByStatus() {
        Map<ObservationStatus, Long> counts = new HashMap<>();
        jdbc.sql("select status, count(*) from observation group by status")
                .query((rs, n) -> Map.entry(ObservationStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private List<Observation> withSources(List<Observation> observations) {
        if (observations.isEmpty()) {
            return observations;
        }
        Map<Long, List<Citation>> sources = new HashMap<>();
        List<Long> ids = observations.stream().map(Observation::id).toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("""
                    select s.observation_id, d.code, s.source_line, s.source_quote from observation_source s
                    join document d on d.id = s.document_id where s.observation_id in (:ids)
                    order by s.observation_id, d.issued, d.code""")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query((rs, n) -> Map.entry(rs.getLong(1), new Citation(rs.getString(2), rs.getInt(3), rs.getString(4))))
                    .list().forEach(e -> sources.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return observations.stream().map(o -> new Observation(o.id(), o.indicatorCode(), o.regionCode(), o.period(),
                o.disaggregationCode(), o.measure(), o.basePeriod(), o.value(), o.qualifier(), o.qualifierText(),
                o.status(), o.comment(), o.version(), o.updatedAt(), o.updatedBy(),
                sources.getOrDefault(o.id(), List.of()))).toList();
    }

    private static Period period(String code) {
        Period p = PERIODS.get(code);
        if (p == null) {
            p = Period.parse(code).orElseThrow();
            if (PERIODS.size() < 100_000) {
                PERIODS.put(code, p);
            }
        }
        return p;
    }

    /** Maps a row of {@link #SELECT} or {@link #LEVELS}: the same columns in the same order, read by position. */
    static Observation map(ResultSet rs, int row) throws SQLException {
        String base = rs.getString(7);
        return new Observation(rs.getLong(1), rs.getString(2), rs.getString(3), period(rs.getString(4)), rs.getString(5),
                Measure.valueOf(rs.getString(6)), base == null || base.isEmpty() ? null : period(base),
                exact(rs.getBigDecimal(8)), Qualifier.valueOf(rs.getString(9)), rs.getString(10),
                ObservationStatus.valueOf(rs.getString(11)), rs.getString(12), rs.getInt(13),
                rs.getTimestamp(14).toInstant(), rs.getString(15), List.of());
    }

    /**
     * A stored value as it was given: without the zeros the column's 16 decimals pad it with (56.96,
     * not 56.9600000000000000), and never in exponent form (100, not 1E+2).
     */
    static java.math.BigDecimal exact(java.math.BigDecimal stored) {
        java.math.BigDecimal v = stored.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /**
     * Where a comparison of regions has the most to show (issue 15 item 6): the indicator, level, enclosing
     * region and year whose approved yearly figures cover the most sibling regions — of one indicator if
     * given. Empty when nothing is approved.
     */
    public record Busiest(String indicatorCode, RegionLevel level, String scopeCode, int year, int regions) {}

    public java.util.Optional<Busiest> busiestComparison(@Nullable String indicatorCode) {
        return busiestComparisons(indicatorCode, 1).stream().findFirst();
    }

    /** The {@code limit} busiest comparisons, busiest first (the choice offered when even the busiest is thin). */
    public List<Busiest> busiestComparisons(@Nullable String indicatorCode, int limit) {
        return jdbc.sql("""
                        select i.code, r.level, p.code, o.period, count(distinct r.id) as n
                        from observation o join indicator i on i.id = o.indicator_id
                             join region r on r.id = o.region_id join region p on p.id = r.parent_id
                        where o.status = 'APPROVED' and o.measure = 'LEVEL' and length(o.period) = 4
                          and (cast(:indicator as varchar(64)) is null or i.code = :indicator)
                        group by i.code, r.level, p.code, o.period
                        order by n desc, o.period desc, i.code, p.code
                        fetch first :limit rows only""")
                .param("indicator", indicatorCode)
                .param("limit", limit)
                .query((rs, n) -> new Busiest(rs.getString(1), RegionLevel.valueOf(rs.getString(2)), rs.getString(3),
                        Integer.parseInt(rs.getString(4)), rs.getInt(5)))
                .list();
    }
}
