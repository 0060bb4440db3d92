package org.yardstick.aggregation.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yardstick.aggregation.engine.RegionTree;
import org.yardstick.web.CacheStamps;

/**
 * The region tree an aggregation walks: every region down to the deepest of the regions with
 * figures and the reporting units (the counties, for a county data set), read in one query by
 * depth; townships and villages are read only when figures or reporting units are there.
 */
@Component
class RegionTrees {

    /** The stamp of the region table ({@link CacheStamps}): bumped by every change of the tree, on any instance. */
    static final String STAMP = "regions";

    private final JdbcClient jdbc;
    private final CacheStamps stamps;
    /**
     * The last tree read for each set of reporting levels, with the state of the region table it was
     * read from: recomputing many indicators reads it once.
     */
    private final Map<String, Tree> last = new java.util.concurrent.ConcurrentHashMap<>();

    RegionTrees(JdbcClient jdbc, CacheStamps stamps) {
        this.jdbc = jdbc;
        this.stamps = stamps;
    }

    /** Forgets the trees read so far: the region tree changed (a move can keep the table's count and sums). */
    void forget() {
        last.clear();
    }

    /** A tree with its reporting units and the regions' ids. */
    record Tree(RegionTree tree, Set<String> units, Map<String, Long> ids) {
        long idOf(String code) {
            Long id = ids.get(code);
            if (id == null) {
                throw new IllegalStateException("region " + code + " is not in the tree");
            }
            return id;
        }
    }

    /**
     * @param regionsWithFigures the codes of the regions that have figures
     * @param unitLevels         the levels of the reporting units (the data sets' levels: COUNTY)
     */
    Tree covering(Collection<String> regionsWithFigures, Set<String> unitLevels) {
        // regions change rarely: the tree read last serves while the region table is as it was, for the
        // same reporting levels, when it holds every region with figures (it reaches as deep as they are)
        String regionsKey = new java.util.TreeSet<>(unitLevels) + "|" + stamps.current(STAMP) + "|" + jdbc.sql(
                "select count(*) || '/' || coalesce(max(id), 0) || '/' || coalesce(sum(coalesce(parent_id, 0)), 0) from region")
                .query(String.class).single();
        Tree cached = last.get(regionsKey);
        if (cached != null && cached.ids().keySet().containsAll(regionsWithFigures)) {
            return cached;
        }
        int depth = 0;
        List<String> codes = List.copyOf(regionsWithFigures);
        for (int i = 0; i < codes.size(); i += 1000) {
            Integer d = jdbc.sql("select max(depth) from region where code in (:c)").param("c", codes.subList(i, Math.min(codes.size(), i + 1000)))
                    .query(Integer.class).single();
            depth = Math.max(depth, d == null ? 0 : d);
        }
        if (!unitLevels.isEmpty()) {
            Integer d = jdbc.sql("select max(depth) from region where level in (:l)").param("l", List.copyOf(unitLevels))
                    .query(Integer.class).single();
            depth = Math.max(depth, d == null ? 0 : d);
        }
        Map<String, @Nullable String> parentOf = new LinkedHashMap<>();
        Map<String, Long> ids = new HashMap<>();
        Set<String> unitCodes = new HashSet<>();
        Map<Long, String> codeOfId = new HashMap<>();
        List<Object[]> rows = jdbc.sql("select id, code, parent_id, level from region where depth <= ? order by depth, path")
                .param(depth)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getString(4)}).list();
        for (Object[] r : rows) {
            codeOfId.put((Long) r[0], (String) r[1]);
        }
        for (Object[] r : rows) {
            long id = (Long) r[0];
            String code = (String) r[1];
            Long parent = (Long) r[2];
            parentOf.put(code, parent == null ? null : codeOfId.get(parent));
            ids.put(code, id);
            if (unitLevels.contains((String) r[3])) {
                unitCodes.add(code);
            }
        }
        Tree tree = new Tree(RegionTree.of(parentOf), unitCodes, ids);
        if (last.size() > 16) {
            last.clear(); // the region table changed (or many sets of levels): start again
        }
        last.put(regionsKey, tree);
        return tree;
    }

    Map<String, Long> ids(Collection<String> codes) {
        Map<String, Long> out = new HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        List<String> all = List.copyOf(codes);
        for (int i = 0; i < all.size(); i += 1000) {
            jdbc.sql("select code, id from region where code in (:c)").param("c", all.subList(i, Math.min(all.size(), i + 1000)))
                    .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        }
        return out;
    }
}
