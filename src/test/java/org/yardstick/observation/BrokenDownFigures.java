package org.yardstick.observation;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.observation.imports.FigureImports;

/** What the breakdown tests read and write: an indicator's stored figures by category code, and a CSV of rows imported. */
final class BrokenDownFigures {

    static final String HEADER = "indicator,region,period,value,qualifier,comment,breakdown";

    private BrokenDownFigures() {}

    /** The figures of an indicator in a region for a period, by category code ({@code _T} the total). */
    static Map<String, BigDecimal> stored(JdbcClient jdbc, String indicator, String region, String period) {
        Map<String, BigDecimal> out = new TreeMap<>();
        jdbc.sql("""
                select g.code, o.obs_value from observation o join indicator i on i.id = o.indicator_id
                join region r on r.id = o.region_id join disaggregation g on g.id = o.disaggregation_id
                where i.code = ? and r.code = ? and o.period = ?""").params(indicator, region, period)
                .query((rs, n) -> out.put(rs.getString(1), norm(rs.getBigDecimal(2)))).list();
        return out;
    }

    /** The rows under the long-form header, imported into the data set. */
    static FigureImports.Outcome csv(FigureImports imports, String dataSet, String... rows) {
        String text = HEADER + "\n" + String.join("\n", rows) + "\n";
        return imports.importFile(dataSet, dataSet + ".csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static BigDecimal norm(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
