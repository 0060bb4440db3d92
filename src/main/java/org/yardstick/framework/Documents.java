package org.yardstick.framework;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.NotFoundException;

/** The source documents figures are taken from. */
@Repository
public class Documents {

    static final String COLUMNS = "id, code, title_zh, title_en, issuer_zh, issuer_en, issued, kind, reference";

    private final JdbcClient jdbc;

    Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Document> all() {
        return jdbc.sql("select " + COLUMNS + " from document order by issued, code").query(Documents::map).list();
    }

    public Optional<Document> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from document where code = ?").param(code).query(Documents::map).optional();
    }

    public Document get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("document", code));
    }

    public Optional<Document> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from document where id = ?").param(id).query(Documents::map).optional();
    }

    static Document map(ResultSet rs, int row) throws SQLException {
        Date issued = rs.getDate("issued");
        return new Document(rs.getLong("id"), rs.getString("code"),
                LocalizedText.of(rs.getString("title_zh"), rs.getString("title_en")),
                LocalizedText.of(rs.getString("issuer_zh"), rs.getString("issuer_en")),
                issued == null ? null : issued.toLocalDate(), DocumentKind.valueOf(rs.getString("kind")),
                rs.getString("reference"));
    }
}
