package org.yardstick.publish.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.region.RegionLevel;
import org.yardstick.shared.Period;

/**
 * The dataset catalogue (数据目录): every published dataset — an indicator at one level of region
 * for one kind of period that has approved figures — with its coverage, its source documents and
 * its update time (the latest approval). Read from approved figures only.
 */
@Service
public class Catalogue {

    /**
     * One published dataset.
     *
     * @param id the stable identifier, {@code A01.COUNTY.YEAR}
     * @param regions how many regions have an approved figure
     * @param figures how many approved figures there are
     * @param first the earliest period, and {@code last} the latest
     * @param modified the latest approval (or update) of one of its figures
     * @param documents the codes of the documents its figures were taken from
     * @param flows the data sets (数据集) collecting it, which SDMX publishes as dataflows of the same code
     */
    public record Dataset(String id, Indicator indicator, RegionLevel level, Period.Type periodType, long regions,
                          long figures, String first, String last, @Nullable Instant modified, List<String> documents,
                          List<String> flows) {}

    private final JdbcClient jdbc;
    private final Indicators indicators;

    Catalogue(JdbcClient jdbc, Indicators indicators) {
        this.jdbc = jdbc;
        this.indicators = indicators;
    }

    /** Every published dataset, by indicator code, level and period type. */
    public List<Dataset> datasets() {
        record Group(String indicator, String level, String period, long regions, long figures,
                     @Nullable Instant updated, @Nullable Instant reviewed) {}
        List<Group> groups = jdbc.sql("""
                        select i.code, r.level, o.period, count(distinct r.id), count(*), max(o.updated_at), max(s.reviewed_at)
                        from observation o
                        join indicator i on i.id = o.indicator_id
                        join region r on r.id = o.region_id
                        left join submission s on s.id = o.submission_id
                        where o.status = 'APPROVED' and i.retired_at is null
                        group by i.code, r.level, o.period""")
                .query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))))
                .list();
        Map<String, List<String>> documents = new LinkedHashMap<>();
        jdbc.sql("""
                        select distinct i.code, r.level, d.code from observation o
                        join indicator i on i.id = o.indicator_id
                        join region r on r.id = o.region_id
                        join observation_source os on os.observation_id = o.id
                        join document d on d.id = os.document_id
                        where o.status = 'APPROVED' order by d.code""")
                .query((rs, n) -> new String[] {rs.getString(1) + "." + rs.getString(2), rs.getString(3)})
                .list().forEach(a -> documents.computeIfAbsent(a[0], k -> new ArrayList<>()).add(a[1]));

        Map<String, List<String>> flows = new LinkedHashMap<>();
        jdbc.sql("""
                        select i.code, s.region_level, s.period_type, s.code from data_set s
                        join data_set_indicator di on di.data_set_id = s.id
                        join indicator i on i.id = di.indicator_id order by s.code""")
                .query((rs, n) -> new String[] {rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3), rs.getString(4)})
                .list().forEach(a -> flows.computeIfAbsent(a[0], k -> new ArrayList<>()).add(a[1]));
        Map<String, Acc> byId = new java.util.TreeMap<>();
        for (Group g : groups) {
            Period p = Period.parse(g.period()).orElse(null);
            if (p == null) {
                continue;
            }
            String id = g.indicator() + "." + g.level() + "." + p.type().name();
            Acc a = byId.computeIfAbsent(id, k -> new Acc(g.indicator(), g.level(), p.type()));
            a.regions = Math.max(a.regions, g.regions());
            a.figures += g.figures();
            a.periods.add(g.period());
            Instant t = g.reviewed() != null ? g.reviewed() : g.updated();
            if (t != null && (a.modified == null || t.isAfter(a.modified))) {
                a.modified = t;
            }
        }
        Map<String, Indicator> byCode = indicators.byCodes(byId.values().stream().map(a -> a.indicator).distinct().toList());
        List<Dataset> out = new ArrayList<>();
        for (Map.Entry<String, Acc> e : byId.entrySet()) {
            Acc a = e.getValue();
            Indicator i = byCode.get(a.indicator);
            if (i == null) {
                continue;
            }
            out.add(new Dataset(e.getKey(), i, RegionLevel.valueOf(a.level), a.type, a.regions, a.figures,
                    a.periods.first(), a.periods.last(), a.modified,
                    documents.getOrDefault(a.indicator + "." + a.level, List.of()), flows.getOrDefault(e.getKey(), List.of())));
        }
        return out;
    }

    private static final class Acc {
        final String indicator;
        final String level;
        final Period.Type type;
        long regions;
        long figures;
        final TreeSet<String> periods = new TreeSet<>();
        @Nullable Instant modified;

        Acc(String indicator, String level, Period.Type type) {
            this.indicator = indicator;
            this.level = level;
            this.type = type;
        }
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
