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

    /**
     * The combination of one category per crossed dimension (交叉分组, dimension CROSSED, code
     * {@link Disaggregation#combinationCode}), written with its parts the first time it is asked for.
     */
    public Disaggregation combination(java.util.List<Disaggregation> parts) {
        String code = Disaggregation.combinationCode(parts);
        Optional<Disaggregation> known = find(code);
        if (known.isPresent()) {
            return known.get();
        }
        java.util.List<Disaggregation> ordered = parts.stream()
                .sorted(java.util.Comparator.comparing((Disaggregation d) -> d.dimension().name())).toList();
        jdbc.sql("insert into disaggregation (code, dimension, name_zh, name_en) values (?, 'CROSSED', ?, ?)")
                .params(code, String.join("×", ordered.stream().map(d -> d.name().zh()).toList()),
                        String.join(" × ", ordered.stream().map(d -> d.name().en()).toList()))
                .update();
        Disaggregation made = find(code).orElseThrow();
        for (Disaggregation p : ordered) {
            jdbc.sql("insert into disaggregation_part (disaggregation_id, part_id) values (?, ?)").params(made.id(), p.id()).update();
        }
        return made;
    }

    static Disaggregation map(ResultSet rs, int row) throws SQLException {
        return new Disaggregation(rs.getLong("id"), rs.getString("code"),
                DisaggregationDimension.valueOf(rs.getString("dimension")),
                LocalizedText.of(rs.getString("name_zh"), rs.getString("name_en")));
    }
}
