package org.yardstick.region;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.NotFoundException;

/** The organisations (departments and other responsible units) of the platform. */
@Repository
public class Organisations {

    private static final String COLUMNS = "id, code, name_zh, name_en, short_zh, short_en, kind, region_id";

    private final JdbcClient jdbc;
    private final Regions regions;

    Organisations(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    public Optional<Organisation> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from organisation where code = ?").param(code)
                .query(this::map).optional();
    }

    public Organisation get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("organisation", code));
    }

    /** All organisations, by code. */
    public List<Organisation> all() {
        // the aliases of all organisations in one query, not one per organisation
        Map<Long, List<String>> aliases = new HashMap<>();
        jdbc.sql("select organisation_id, alias from organisation_alias order by organisation_id, alias")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> aliases.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return jdbc.sql("select " + COLUMNS + " from organisation order by code")
                .query((rs, n) -> map(rs, aliases.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    public Map<Long, Organisation> byIds(List<Long> ids) {
        Map<Long, Organisation> result = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from organisation where id in (:ids)").param("ids", ids)
                    .query(this::map).list().forEach(o -> result.put(o.id(), o));
        }
        return result;
    }

    /**
     * Finds an organisation by the name a document uses for it: its code, its short or full
     * Chinese name, or one of its aliases.
     */
    public Optional<Organisation> byName(String name) {
        String n = name.strip();
        return jdbc.sql("""
                select %s from organisation o
                where o.code = :n or o.short_zh = :n or o.name_zh = :n
                   or exists (select 1 from organisation_alias a where a.organisation_id = o.id and a.alias = :n)
                order by o.id""".formatted(COLUMNS))
                .param("n", n).query(this::map).list().stream().findFirst();
    }

    /** Adds organisations; their regions must exist. */
    @Transactional
    public void add(List<NewOrganisation> organisations) {
        for (NewOrganisation o : organisations) {
            Region region = regions.get(o.regionCode());
            jdbc.sql("""
                    insert into organisation (code, name_zh, name_en, short_zh, short_en, kind, region_id)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(o.code(), o.name().zh(), o.name().en(), o.shortName().zh(), o.shortName().en(),
                            o.kind().name(), region.id())
                    .update();
            long id = jdbc.sql("select id from organisation where code = ?").param(o.code()).query(Long.class).single();
            for (String alias : o.aliases().stream().distinct().toList()) {
                jdbc.sql("insert into organisation_alias (organisation_id, alias) values (?, ?)").params(id, alias).update();
            }
        }
    }

    private Organisation map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return map(rs, jdbc.sql("select alias from organisation_alias where organisation_id = ? order by alias")
                .param(id).query(String.class).list());
    }

    private static Organisation map(ResultSet rs, List<String> aliases) throws SQLException {
        return new Organisation(rs.getLong("id"), rs.getString("code"),
                LocalizedText.of(rs.getString("name_zh"), rs.getString("name_en")),
                LocalizedText.of(rs.getString("short_zh"), rs.getString("short_en")),
                OrganisationKind.valueOf(rs.getString("kind")), rs.getLong("region_id"), aliases);
    }
}
