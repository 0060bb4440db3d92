package org.yardstick.region;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.database.Database;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.NotFoundException;

/** The regions of the platform: look-up by code, navigation of the hierarchy, and adding regions. */
@Repository
public class Regions {

    private static final String COLUMNS = "id, code, parent_id, level, name_zh, name_en, official, path, depth";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Database database;

    Regions(JdbcClient jdbc, JdbcTemplate template, Database database) {
        this.jdbc = jdbc;
        this.template = template;
        this.database = database;
    }

    public Optional<Region> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from region where code = ?").param(code).query(Regions::map).optional();
    }

    /** The region with this code, or a {@link NotFoundException}. */
    public Region get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("region", code));
    }

    public Optional<Region> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from region where id = ?").param(id).query(Regions::map).optional();
    }

    /** Regions by id, in no particular order; ids that do not exist are left out. */
    public Map<Long, Region> byIds(Collection<Long> ids) {
        Map<Long, Region> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        List<Long> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + 1000));
            jdbc.sql("select " + COLUMNS + " from region where id in (:ids)").param("ids", chunk)
                    .query(Regions::map).list().forEach(r -> result.put(r.id(), r));
        }
        return result;
    }

    /** Regions by code, in one query per thousand codes; codes that do not exist are left out. */
    public Map<String, Region> byCodes(Collection<String> codes) {
        Map<String, Region> result = new HashMap<>();
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(codes));
        for (int i = 0; i < all.size(); i += 1000) {
            jdbc.sql("select " + COLUMNS + " from region where code in (:codes)").param("codes", all.subList(i, Math.min(all.size(), i + 1000)))
                    .query(Regions::map).list().forEach(r -> result.put(r.code(), r));
        }
        return result;
    }

    /** The regions directly inside this one, by code. */
    public List<Region> children(Region parent) {
        return jdbc.sql("select " + COLUMNS + " from region where parent_id = ? order by code")
                .param(parent.id()).query(Regions::map).list();
    }

    /** The regions at the top of the hierarchy. */
    public List<Region> roots() {
        return jdbc.sql("select " + COLUMNS + " from region where parent_id is null order by code")
                .query(Regions::map).list();
    }

    /** The ancestors of a region from the root down, the region itself excluded. */
    public List<Region> ancestors(Region region) {
        List<String> codes = region.ancestorCodes();
        if (codes.isEmpty()) {
            return List.of();
        }
        Map<String, Region> byCode = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from region where code in (:codes)").param("codes", codes)
                .query(Regions::map).list().forEach(r -> byCode.put(r.code(), r));
        return codes.stream().map(byCode::get).filter(r -> r != null).toList();
    }

    /** Regions of a level inside a region (e.g. the prefectures of Xinjiang), by code. */
    public List<Region> within(Region scope, RegionLevel level) {
        return jdbc.sql("select " + COLUMNS + " from region where path like ? and level = ? order by code")
                .param(scope.path() + "%").param(level.name()).query(Regions::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from region").query(Long.class).single();
    }

    /**
     * Adds regions, parents before children (a batch may hold both). Returns how many were added.
     *
     * @throws IllegalArgumentException if a parent is unknown or a code exists already
     */
    @Transactional
    public int add(List<NewRegion> regions) {
        record Placed(long id, String path, int depth) {}
        Map<String, Placed> placed = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        // resolve parents that are already stored
        List<String> parentCodes = regions.stream().map(NewRegion::parentCode).filter(p -> p != null).distinct().toList();
        for (int i = 0; i < parentCodes.size(); i += 1000) {
            jdbc.sql("select id, code, path, depth from region where code in (:codes)")
                    .param("codes", parentCodes.subList(i, Math.min(parentCodes.size(), i + 1000)))
                    .query((rs, n) -> Map.entry(rs.getString("code"),
                            new Placed(rs.getLong("id"), rs.getString("path"), rs.getInt("depth"))))
                    .list().forEach(e -> placed.put(e.getKey(), e.getValue()));
        }
        long nextId = jdbc.sql("select coalesce(max(id), 0) + 1 from region").query(Long.class).single();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (NewRegion r : regions) {
            if (seen.put(r.code(), true) != null) {
                throw new IllegalArgumentException("region code " + r.code() + " appears twice");
            }
            String path;
            int depth;
            Long parentId;
            if (r.parentCode() == null) {
                path = "/" + r.code() + "/";
                depth = 0;
                parentId = null;
            } else {
                Placed p = placed.get(r.parentCode());
                if (p == null) {
                    throw new IllegalArgumentException("region " + r.code() + ": unknown parent " + r.parentCode());
                }
                path = p.path() + r.code() + "/";
                depth = p.depth() + 1;
                parentId = p.id();
            }
            long id = nextId++;
            placed.put(r.code(), new Placed(id, path, depth));
            rows.add(new Object[] {id, r.code(), parentId, r.level().name(), r.name().zh(), r.name().en(),
                r.official(), path, depth});
        }
        template.batchUpdate("insert into region (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        restartIdentity(nextId);
        return rows.size();
    }

    /** Changes both names of a region. */
    @Transactional
    public void rename(String code, LocalizedText name) {
        int n = jdbc.sql("update region set name_zh = ?, name_en = ? where code = ?").param(name.zh()).param(name.en())
                .param(code).update();
        if (n == 0) {
            throw new NotFoundException("region", code);
        }
    }

    /** Changes the English name of a region (curated names replace transliterations). */
    @Transactional
    public void renameEnglish(String code, String nameEn) {
        int n = jdbc.sql("update region set name_en = ? where code = ?").param(nameEn).param(code).update();
        if (n == 0) {
            throw new NotFoundException("region", code);
        }
    }

    private void restartIdentity(long next) {
        // ids were assigned here so that children can refer to parents within one batch; move the
        // identity past them so that later inserts without an id do not collide
        database.restartIdentity(jdbc, "region", "id", next);
    }

    /** A LIKE pattern for everything under {@code path}: its wildcards ({@code _} is common in codes) escaped. */
    static String likePrefix(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** A page of the regions directly inside this one, by code (a township has hundreds of villages). */
    public List<Region> children(Region parent, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from region where parent_id = ? order by code offset ? rows fetch next ? rows only")
                .param(parent.id()).param(offset).param(limit).query(Regions::map).list();
    }

    /** How many regions lie directly inside this one. */
    public long countChildren(Region parent) {
        return jdbc.sql("select count(*) from region where parent_id = ?").param(parent.id()).query(Long.class).single();
    }

    /**
     * Regions whose code starts with, or whose Chinese or English name contains, the text; by depth and
     * code, at most {@code limit}.
     */
    public List<Region> search(String text, int limit) {
        String t = text.strip();
        String contains = "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select " + COLUMNS + " from region where code like :prefix escape '\\' or name_zh like :contains escape '\\'"
                        + " or lower(name_en) like lower(:contains) escape '\\' order by depth, code fetch first :limit rows only")
                .param("prefix", likePrefix(t)).param("contains", contains).param("limit", limit)
                .query(Regions::map).list();
    }

    /** When each of these regions was retired; regions in use are left out. */
    public Map<String, java.time.Instant> retired(Collection<String> codes) {
        Map<String, java.time.Instant> result = new HashMap<>();
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(codes));
        for (int i = 0; i < all.size(); i += 1000) {
            jdbc.sql("select code, retired_at from region where retired_at is not null and code in (:codes)")
                    .param("codes", all.subList(i, Math.min(all.size(), i + 1000)))
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant())).list()
                    .forEach(e -> result.put(e.getKey(), e.getValue()));
        }
        return result;
    }

    static Region map(ResultSet rs, int row) throws SQLException {
        return new Region(rs.getLong("id"), rs.getString("code"), rs.getObject("parent_id", Long.class), RegionLevel.valueOf(rs.getString("level")),
                LocalizedText.of(rs.getString("name_zh"), rs.getString("name_en")), rs.getBoolean("official"),
                rs.getString("path"), rs.getInt("depth"));
    }
}
