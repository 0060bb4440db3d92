package org.yardstick.sdmx.internal;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.observation.DataSet;
import org.yardstick.shared.LocalizedText;

/**
 * Reads the observations of a data flow, series by series (ordered by FREQ, REF_AREA, INDICATOR, BREAKDOWN,
 * then time), and hands each row on as it is read: a cursor with a fetch size, so memory stays flat
 * whatever the size of the message. Approved reported figures only (measure LEVEL); the COMPUTED flow
 * reads the computed figures that are not withheld. Read-only SQL over the observation and aggregation
 * tables (an accepted cross-module read, docs/architecture.md).
 */
@Component
public class SdmxData {

    static final int FETCH_SIZE = 2000;

    private static final String REPORTED = """
            select r.code as area, r.name_zh as area_zh, r.name_en as area_en, i.code as indicator,
                   i.name_zh as indicator_zh, i.name_en as indicator_en, g.code as breakdown, o.period,
                   o.obs_value, o.qualifier, 0 as covered, 0 as expected
            from observation o
            join indicator i on i.id = o.indicator_id
            join region r on r.id = o.region_id
            join disaggregation g on g.id = o.disaggregation_id
            where o.status = 'APPROVED' and o.measure = 'LEVEL'
            """;

    private static final String COMPUTED = """
            select r.code as area, r.name_zh as area_zh, r.name_en as area_en, i.code as indicator,
                   i.name_zh as indicator_zh, i.name_en as indicator_en, '_T' as breakdown, a.period,
                   a.computed as obs_value, 'NONE' as qualifier, a.covered, a.expected
            from aggregate_value a
            join indicator i on i.id = a.indicator_id
            join region r on r.id = a.region_id
            where a.withheld = false
            """;

    private final JdbcClient jdbc;
    private final SdmxCatalogue catalogue;

    SdmxData(JdbcClient jdbc, SdmxCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /**
     * Hands every observation of a flow that the query selects to {@code out}, in series order.
     *
     * @return how many rows were handed on
     */
    @Transactional(readOnly = true)
    public long read(SdmxCatalogue.Flow flow, DataQuery query, Consumer<SdmxRow> out) {
        boolean computed = flow.id().equals(Dsd.FLOW_COMPUTED);
        String alias = computed ? "a" : "o";
        StringBuilder sql = new StringBuilder(computed ? COMPUTED : REPORTED);
        Map<String, Object> params = new HashMap<>();
        DataSet dataSet = flow.dataSet();
        if (dataSet != null) {
            sql.append(" and o.indicator_id in (select di.indicator_id from data_set_indicator di join data_set d on d.id = di.data_set_id where d.code = :dataSet)")
                    .append(" and r.level = :level and length(o.period) = :periodLength");
            params.put("dataSet", dataSet.code());
            params.put("level", dataSet.regionLevel().name());
            params.put("periodLength", switch (dataSet.periodType()) {
                case YEAR -> 4;
                case QUARTER -> 6;
                case MONTH -> 7;
            });
        }
        Set<String> freqs = query.codes("FREQ");
        if (!freqs.isEmpty()) {
            List<Integer> lengths = new ArrayList<>();
            freqs.forEach(f -> {
                switch (f) {
                    case "A" -> lengths.add(4);
                    case "Q" -> lengths.add(6);
                    case "M" -> lengths.add(7);
                    default -> lengths.add(-1);
                }
            });
            sql.append(" and length(").append(alias).append(".period) in (:lengths)");
            params.put("lengths", lengths);
        }
        in(sql, params, "r.code", "areas", query.codes("REF_AREA"));
        in(sql, params, "i.code", "indicators", query.codes("INDICATOR"));
        Set<String> breakdowns = query.codes("BREAKDOWN");
        if (computed) {
            if (!breakdowns.isEmpty() && !breakdowns.contains("_T")) {
                sql.append(" and 1 = 0");
            }
        } else {
            in(sql, params, "g.code", "breakdowns", breakdowns);
        }
        if (query.from() != null) {
            sql.append(" and ").append(alias).append(".period_start >= :from");
            params.put("from", Date.valueOf(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and ").append(alias).append(".period_start <= :to");
            params.put("to", Date.valueOf(query.to()));
        }
        sql.append(" order by length(").append(alias).append(".period), r.code, i.code, ")
                .append(computed ? "" : "g.code, ").append(alias).append(".period_start");
        Map<String, String> units = catalogue.unitsByIndicator();
        String status = computed ? Dsd.COMPUTED : Dsd.REPORTED;
        long[] count = {0};
        jdbc.sql(sql.toString()).params(params).withFetchSize(FETCH_SIZE).query(rs -> {
            String period = rs.getString("period");
            String indicator = rs.getString("indicator");
            String qualifier = rs.getString("qualifier");
            int expected = rs.getInt("expected");
            out.accept(new SdmxRow(Dsd.freq(period), rs.getString("area"),
                    LocalizedText.of(rs.getString("area_zh"), rs.getString("area_en")), indicator,
                    LocalizedText.of(rs.getString("indicator_zh"), rs.getString("indicator_en")),
                    rs.getString("breakdown"), Dsd.time(period), rs.getBigDecimal("obs_value"), units.get(indicator), status,
                    qualifier == null || qualifier.equals("NONE") ? null : qualifier,
                    computed ? rs.getInt("covered") + "/" + expected : null));
            count[0]++;
        });
        return count[0];
    }

    private static void in(StringBuilder sql, Map<String, Object> params, String column, String name, Set<String> codes) {
        if (!codes.isEmpty()) {
            sql.append(" and ").append(column).append(" in (:").append(name).append(")");
            params.put(name, List.copyOf(codes));
        }
    }
}
