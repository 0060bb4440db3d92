package org.yardstick.validation.internal;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yardstick.region.RegionLevel;

/**
 * Reads the figures a validation report checks: the levels (totals, any status) of some
 * indicators, for the regions of one level inside a region, in some periods. One query, whatever
 * the number of regions.
 */
@Component
public class ReportFigures {

    /** One stored level. */
    public record Figure(String regionCode, String indicatorCode, String period, BigDecimal value) {}

    private final JdbcClient jdbc;

    ReportFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored level of a category (分组: urban), for the total-of-parts rule. */
    public record Part(String regionCode, String indicatorCode, String category, BigDecimal value) {}

    /** The stored levels of a period broken down by category, in a subtree's regions of a level. */
    public List<Part> parts(List<String> indicators, String regionPath, RegionLevel level, String period) {
        if (indicators.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select r.code, i.code, g.code, o.obs_value
                from observation o
                join indicator i on i.id = o.indicator_id
                join region r on r.id = o.region_id
                join disaggregation g on g.id = o.disaggregation_id
                where i.code in (:codes) and o.period = :period and r.path like :path and r.level = :level
                  and o.measure = 'LEVEL' and g.code <> '_T'""")
                .param("codes", indicators).param("period", period).param("path", regionPath + "%")
                .param("level", level.name())
                .query((rs, n) -> new Part(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)))
                .list();
    }

    public List<Figure> levels(List<String> indicators, String regionPath, RegionLevel level, List<String> periods) {
        if (indicators.isEmpty() || periods.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select r.code, i.code, o.period, o.obs_value
                from observation o
                join indicator i on i.id = o.indicator_id
                join region r on r.id = o.region_id
                where i.code in (:codes) and o.period in (:periods) and r.path like :path and r.level = :level
                  and o.measure = 'LEVEL' and o.disaggregation_id = (select id from disaggregation where code = '_T')
                order by r.code""")
                .param("codes", indicators).param("periods", periods).param("path", regionPath + "%")
                .param("level", level.name())
                .query((rs, n) -> new Figure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)))
                .list();
    }
}
