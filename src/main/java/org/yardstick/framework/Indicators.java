package org.yardstick.framework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.NotFoundException;

/** The indicator catalogue (指标库). */
@Repository
public class Indicators {

    private static final String SELECT = """
            select i.id, i.code, i.name_zh, i.name_en, i.unit_zh, i.unit_en, i.polarity, i.aggregation,
                   n.code as numerator_code, d.code as denominator_code, i.formula, i.nature, i.decimals,
                   i.description_zh, i.description_en, i.period_rule, i.incomplete, w.code as weight_code, i.difference_threshold, i.retired_at
            from indicator i
            left join indicator n on n.id = i.numerator_id
            left join indicator d on d.id = i.denominator_id
            left join indicator w on w.id = i.weight_id
            """;

    private final JdbcClient jdbc;

    Indicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The indicators in use; retired ones are left out (see {@link #allIncludingRetired()}). */
    public List<Indicator> all() {
        return jdbc.sql(SELECT + " where i.retired_at is null order by i.code").query(Indicators::map).list();
    }

    /** Every indicator, retired ones included (they keep their figures): for exports and the catalogue's history. */
    public List<Indicator> allIncludingRetired() {
        return jdbc.sql(SELECT + " order by i.code").query(Indicators::map).list();
    }

    /** Finds an indicator, retired or not; {@link Indicator#retired()} says which. */

    public Optional<Indicator> find(String code) {
        return jdbc.sql(SELECT + " where i.code = ?").param(code).query(Indicators::map).optional();
    }

    public Indicator get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("indicator", code));
    }

    public Optional<Indicator> find(long id) {
        return jdbc.sql(SELECT + " where i.id = ?").param(id).query(Indicators::map).optional();
    }

    /** Indicators by code; codes that do not exist are left out. */
    public Map<String, Indicator> byCodes(Collection<String> codes) {
        Map<String, Indicator> result = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql(SELECT + " where i.code in (:codes)").param("codes", List.copyOf(codes))
                    .query(Indicators::map).list().forEach(i -> result.put(i.code(), i));
        }
        return result;
    }

    /** The database identity of each code, for modules that store references to indicators. */
    public Map<String, Long> idsByCode() {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, code from indicator").query((rs, n) -> Map.entry(rs.getString(2), rs.getLong(1)))
                .list().forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    static Indicator map(ResultSet rs, int row) throws SQLException {
        return new Indicator(rs.getLong("id"), rs.getString("code"),
                LocalizedText.of(rs.getString("name_zh"), rs.getString("name_en")),
                LocalizedText.of(rs.getString("unit_zh"), rs.getString("unit_en")),
                Polarity.valueOf(rs.getString("polarity")), Aggregation.valueOf(rs.getString("aggregation")),
                rs.getString("numerator_code"), rs.getString("denominator_code"), rs.getString("formula"),
                IndicatorNature.valueOf(rs.getString("nature")), rs.getInt("decimals"),
                LocalizedText.of(rs.getString("description_zh"), rs.getString("description_en")),
                rs.getString("period_rule") == null ? null : PeriodRule.valueOf(rs.getString("period_rule")),
                IncompleteAggregate.valueOf(rs.getString("incomplete")), rs.getString("weight_code"), rs.getBigDecimal("difference_threshold"), instant(rs, "retired_at"));
    }

    static java.time.@org.jspecify.annotations.Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
