package org.yardstick.validation.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.yardstick.observation.Severity;
import org.yardstick.shared.LocalizedText;

/** SQL for validation rules; runs in the caller's transaction. */
@Component
public class RuleStore {

    private static final String SELECT = """
            select r.id, r.code, r.name_zh, r.name_en, r.kind, r.severity, r.enabled, d.code as data_set_code,
                   i.code as indicator_code, o.code as other_code, r.operator, r.factor, r.min_value, r.max_value,
                   r.threshold_pct, r.direction, r.version, r.updated_by, r.updated_at
            from validation_rule r
            join indicator i on i.id = r.indicator_id
            left join indicator o on o.id = r.other_indicator_id
            left join data_set d on d.id = r.data_set_id
            """;

    private final JdbcClient jdbc;

    RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every rule, by code. */
    public List<ValidationRule> all() {
        return jdbc.sql(SELECT + " order by r.code").query(RuleStore::map).list();
    }

    public Optional<ValidationRule> find(String code) {
        return jdbc.sql(SELECT + " where r.code = ?").param(code).query(RuleStore::map).optional();
    }

    /** Writes a new rule; returns its id. Its code must be new. */
    public long insert(ValidationRule r, String actor) {
        Columns c = Columns.of(r);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into validation_rule (code, name_zh, name_en, kind, severity, enabled, data_set_id, indicator_id,
                    other_indicator_id, operator, factor, min_value, max_value, threshold_pct, direction, version,
                    updated_at, updated_by)
                values (:code, :nameZh, :nameEn, :kind, :severity, :enabled, (select id from data_set where code = :dataSet),
                    (select id from indicator where code = :indicator), (select id from indicator where code = :other),
                    :operator, :factor, :min, :max, :threshold, :direction, 0, :at, :by)""")
                .params(c.params(actor)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * Rewrites a rule if it still has the version the caller saw; false if someone changed or
     * removed it meanwhile. The code does not change.
     */
    public boolean update(ValidationRule r, int expectedVersion, String actor) {
        Columns c = Columns.of(r);
        return jdbc.sql("""
                update validation_rule set name_zh = :nameZh, name_en = :nameEn, kind = :kind, severity = :severity,
                    enabled = :enabled, data_set_id = (select id from data_set where code = :dataSet),
                    indicator_id = (select id from indicator where code = :indicator),
                    other_indicator_id = (select id from indicator where code = :other), operator = :operator,
                    factor = :factor, min_value = :min, max_value = :max, threshold_pct = :threshold,
                    direction = :direction, version = version + 1, updated_at = :at, updated_by = :by
                where code = :code and version = :version""")
                .params(c.params(actor)).param("version", expectedVersion).update() == 1;
    }

    /** Removes a rule if it still has the version the caller saw. */
    public boolean delete(String code, int expectedVersion) {
        return jdbc.sql("delete from validation_rule where code = ? and version = ?").params(code, expectedVersion)
                .update() == 1;
    }

    /** A rule's columns as named parameters. */
    private record Columns(ValidationRule rule, @Nullable String operator, @Nullable BigDecimal factor,
                           @Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable BigDecimal threshold,
                           @Nullable String direction) {

        static Columns of(ValidationRule r) {
            Condition c = r.condition();
            if (c instanceof Condition.Range range) {
                return new Columns(r, null, null, range.min(), range.max(), null, null);
            } else if (c instanceof Condition.Comparison cmp) {
                return new Columns(r, cmp.operator().name(), cmp.factor(), null, null, null, null);
            } else if (c instanceof Condition.YearOnYear y) {
                return new Columns(r, null, null, null, null, y.thresholdPercent(), y.direction().name());
            } else if (c instanceof Condition.TotalOfParts t) {
                return new Columns(r, null, null, null, null, t.tolerancePercent(), null);
            }
            return new Columns(r, null, null, null, null, null, null);
        }

        Map<String, @Nullable Object> params(String actor) {
            Map<String, @Nullable Object> p = new HashMap<>();
            p.put("code", rule.code());
            p.put("nameZh", rule.name().zh());
            p.put("nameEn", rule.name().en());
            p.put("kind", rule.kind().name());
            p.put("severity", rule.severity().name());
            p.put("enabled", rule.enabled());
            p.put("dataSet", rule.dataSetCode());
            p.put("indicator", rule.indicatorCode());
            p.put("other", rule.condition().otherIndicator());
            p.put("operator", operator);
            p.put("factor", factor);
            p.put("min", min);
            p.put("max", max);
            p.put("threshold", threshold);
            p.put("direction", direction);
            p.put("at", Timestamp.from(Instant.now()));
            p.put("by", actor);
            return p;
        }
    }

    static ValidationRule map(ResultSet rs, int row) throws SQLException {
        RuleKind kind = RuleKind.valueOf(rs.getString("kind"));
        String other = rs.getString("other_code");
        Condition condition = switch (kind) {
            case RANGE -> new Condition.Range(rs.getBigDecimal("min_value"), rs.getBigDecimal("max_value"));
            case REQUIRED -> new Condition.Required(other);
            case COMPARISON -> new Condition.Comparison(Operator.valueOf(rs.getString("operator")), other,
                    rs.getBigDecimal("factor"));
            case YOY_CHANGE -> new Condition.YearOnYear(rs.getBigDecimal("threshold_pct"),
                    Direction.valueOf(rs.getString("direction")));
            case TOTAL_OF_PARTS -> new Condition.TotalOfParts(rs.getBigDecimal("threshold_pct"));
        };
        Timestamp at = rs.getTimestamp("updated_at");
        return new ValidationRule(rs.getLong("id"), rs.getString("code"),
                LocalizedText.of(rs.getString("name_zh"), rs.getString("name_en")), Severity.valueOf(rs.getString("severity")),
                rs.getBoolean("enabled"), rs.getString("data_set_code"), rs.getString("indicator_code"), condition,
                rs.getInt("version"), rs.getString("updated_by"), at == null ? null : at.toInstant());
    }
}
