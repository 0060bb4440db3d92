package org.yardstick.observation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.shared.Period;

/**
 * Figures the platform computes itself from data it holds rather than a region reports (e.g. the regional
 * indicators of the enterprise self-assessment): stored as approved levels of the total, so that progress, indices,
 * maps and the public API read them like any approved figure, and marked as computed by their author
 * ({@code created_by}/{@code updated_by}, a name in parentheses such as "(两化融合自评估)") with a comment saying
 * what they rest on (coverage). Only the author's own rows are ever changed; a figure a region reported for the
 * same key wins and is left alone.
 */
@Service
public class ComputedObservations {

    /** One computed figure: a level of the total. */
    public record Figure(String indicatorCode, String regionCode, String period, BigDecimal value, String comment) {}

    /** What a replacement wrote. */
    public record Written(int inserted, int updated, int deleted, int unchanged) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    ComputedObservations(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    private record Key(long indicator, long region, String period) {
        // the record's own hash (31 × indicator + region …) puts the ten indicators of one region's figures on a few
        // thousand values for 20,000 keys: most of a recomputation's time went into colliding buckets
        @Override
        public int hashCode() {
            return Long.hashCode(indicator * 0x9E3779B97F4A7C15L + region * 0xC2B2AE3D27D4EB4FL) * 31 + period.hashCode();
        }
    }

    private record Stored(long id, BigDecimal value, String comment, String author) {}

    /**
     * Makes the author's figures of these indicators and periods exactly {@code figures}: inserts the new, updates
     * the changed (value or comment), deletes the author's figures not given (a cell now suppressed), leaves the
     * rest untouched (so a recomputation that changes one county writes a handful of rows).
     */
    @Transactional
    public Written replace(String author, Collection<String> indicatorCodes, Collection<String> periods,
                           List<Figure> figures) {
        return replace(author, indicatorCodes, periods, null, figures);
    }

    /**
     * As {@link #replace(String, Collection, Collection, List)}, within these regions only (null: all): the author's
     * figures of other regions are neither read nor touched, so a recomputation that knows which regions it changed
     * reads and writes those alone. Every figure must be of one of these regions.
     */
    @Transactional
    public Written replace(String author, Collection<String> indicatorCodes, Collection<String> periods,
                           @Nullable Collection<String> regionCodes, List<Figure> figures) {
        if (indicatorCodes.isEmpty() || periods.isEmpty() || regionCodes != null && regionCodes.isEmpty()) {
            return new Written(0, 0, 0, 0);
        }
        if (regionCodes != null) {
            Set<String> within = Set.copyOf(regionCodes);
            figures.forEach(f -> {
                if (!within.contains(f.regionCode())) {
                    throw new IllegalArgumentException("figure outside the regions replaced: " + f);
                }
            });
        }
        Map<String, Long> indicators = new HashMap<>();
        jdbc.sql("select code, id from indicator where code in (:c)").param("c", List.copyOf(indicatorCodes))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> indicators.put(e.getKey(), e.getValue()));
        long total = jdbc.sql("select id from disaggregation where code = '_T'").query(Long.class).single();
        Set<String> wanted = new java.util.HashSet<>(regionCodes == null ? List.of() : regionCodes);
        figures.forEach(f -> wanted.add(f.regionCode()));
        Map<String, Long> regions = new HashMap<>();
        List<String> codes = List.copyOf(wanted);
        for (int from = 0; from < codes.size(); from += 1000) {
            jdbc.sql("select code, id from region where code in (:c)").param("c", codes.subList(from, Math.min(codes.size(), from + 1000)))
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                    .forEach(e -> regions.put(e.getKey(), e.getValue()));
        }
        Map<Key, Stored> stored = new HashMap<>();
        String select = """
                select o.id, o.indicator_id, o.region_id, o.period, o.obs_value, o.comment, o.created_by
                from observation o where o.indicator_id in (:i) and o.period in (:p)
                and o.disaggregation_id = :t and o.measure = 'LEVEL'""";
        List<Long> regionIds = List.copyOf(regions.values());
        for (int from = 0; from < (regionCodes == null ? 1 : regionIds.size()); from += 1000) {
            var spec = regionCodes == null ? jdbc.sql(select)
                    : jdbc.sql(select + " and o.region_id in (:r)")
                            .param("r", regionIds.subList(from, Math.min(regionIds.size(), from + 1000)));
            spec.param("i", List.copyOf(indicators.values())).param("p", List.copyOf(periods)).param("t", total)
                    .query((rs, n) -> Map.entry(new Key(rs.getLong(2), rs.getLong(3), rs.getString(4)),
                            new Stored(rs.getLong(1), rs.getBigDecimal(5), rs.getString(6) == null ? "" : rs.getString(6),
                                    rs.getString(7))))
                    .list().forEach(e -> stored.put(e.getKey(), e.getValue()));
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        int unchanged = 0;
        Set<Key> given = new java.util.HashSet<>();
        for (Figure f : figures) {
            Long indicator = indicators.get(f.indicatorCode());
            Long region = regions.get(f.regionCode());
            if (indicator == null || region == null) {
                throw new IllegalArgumentException("unknown indicator or region: " + f);
            }
            Key k = new Key(indicator, region, f.period());
            given.add(k);
            Stored s = stored.get(k);
            if (s == null) {
                inserts.add(new Object[] {indicator, region, f.period(), Period.parse(f.period()).orElseThrow().start(),
                        total, f.value(), f.comment(), now, now, author, author});
            } else if (!s.author().equals(author)) {
                continue; // reported by a region: reported beats computed
            } else if (s.value().compareTo(f.value()) != 0 || !s.comment().equals(f.comment())) {
                updates.add(new Object[] {f.value(), f.comment(), now, s.id()});
            } else {
                unchanged++;
            }
        }
        List<Object[]> deletes = new ArrayList<>();
        stored.forEach((k, s) -> {
            if (s.author().equals(author) && !given.contains(k)) {
                deletes.add(new Object[] {s.id()});
            }
        });
        if (!deletes.isEmpty()) {
            batch.batchUpdate("delete from observation_source where observation_id = ?", deletes);
            batch.batchUpdate("delete from observation where id = ?", deletes);
        }
        if (!updates.isEmpty()) {
            batch.batchUpdate("update observation set obs_value = ?, comment = ?, updated_at = ?, version = version + 1 "
                    + "where id = ?", updates);
        }
        if (!inserts.isEmpty()) {
            batch.batchUpdate("""
                    insert into observation (indicator_id, region_id, period, period_start, disaggregation_id, measure,
                    base_period, obs_value, qualifier, qualifier_text, status, comment, version, created_at, updated_at,
                    created_by, updated_by) values (?, ?, ?, ?, ?, 'LEVEL', '', ?, 'NONE', '', 'APPROVED', ?, 0, ?, ?, ?, ?)""",
                    inserts);
        }
        return new Written(inserts.size(), updates.size(), deletes.size(), unchanged);
    }
}
