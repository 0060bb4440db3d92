package org.yardstick.framework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yardstick.shared.LocalizedText;

/** The breakdowns figures may be reported by. */
@Repository
public class Disaggregations {

    private static final String COLUMNS = "id, code, dimension, name_zh, name_en";

    private final JdbcClient jdbc;

    Disaggregations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Disaggregation> all() {
        return jdbc.sql("select " + COLUMNS + " from disaggregation order by dimension, code").query(Disaggregations::map).list();
    }

    public Optional<Disaggregation> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from disaggregation where code = ?").param(code)
                .query(Disaggregations::map).optional();
    }

    static Disaggregation map(ResultSet rs, int row) throws SQLException {
        return new Disaggregation(rs.getLong("id"), rs.getString("code"),
                DisaggregationDimension.valueOf(rs.getString("dimension")),
                LocalizedText.of(rs.getString("name_zh"), rs.getString("name_en")));
    }
}
