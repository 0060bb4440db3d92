package org.yardstick.aggregation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.database.Database;
import org.yardstick.shared.Period;

/**
 * The region rules of a full recomputation in SQL (decision 0069): every indicator's aggregates of
 * every period, depth by depth from the deepest region up, each level one {@code INSERT … SELECT …
 * GROUP BY parent} over the region-parent relation, for every indicator and period at once. It
 * computes what {@code RegionAggregation} computes region by region — the same rules (sum, mean,
 * weighted mean, ratio of sums), coverage, lacks of a weight or denominator and the incomplete
 * policy — and writes the same {@code aggregate_value} rows and stored contributions
 * ({@code aggregate_term}); the engine's walk stays the reference
 * ({@code Recomputation.recomputeAllByEngine}, compared row by row in {@code SetBasedRecomputationTest}).
 *
 * <p>Scratch tables ({@code aggregate_walk*}, V380) hold, for each region whose sub-regions passed
 * something up, its aggregate and its own contribution; a region whose sub-regions passed nothing
 * up contributes what its own figures alone give, computed where its parent reads it (most
 * counties: no row of theirs is written). Runs in the caller's transaction, which has every
 * indicator row locked.
 */
final class RegionWalk {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RegionWalk.class);

    /** A rule as the walk codes it: 1 sum, 2 mean, 3 weighted mean, 4 ratio of sums. */
    record Rule(long indicatorId, int rule, boolean withhold, java.math.BigDecimal scale, @Nullable Long weightId,
                @Nullable Long numeratorId, @Nullable Long denominatorId, Set<String> unitLevels) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Database database;
    /** Whether some totals are made from their parts in this run (most runs: none, and no second branch to read). */
    private boolean withParts;

    RegionWalk(JdbcClient jdbc, JdbcTemplate batch, Database database) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.database = database;
    }

    /**
     * Writes the aggregates and contributions of the rules into the (emptied) {@code aggregate_value}
     * and {@code aggregate_term} tables.
     *
     * @param periods every period code with figures, for the rows' period start
     */
    void run(List<Rule> rules, Collection<String> periods, long totalId, Instant now) {
        clear();
        try {
            if (rules.isEmpty()) {
                return;
            }
            long t = System.nanoTime();
            rules(rules);
            periods(periods);
            for (String table : List.of("aggregate_walk_rule", "aggregate_walk_unit", "aggregate_walk_period")) {
                analyze(table);
            }
            t = logged("rules, units and periods", t);
            withParts = parts(totalId) > 0;
            analyze("aggregate_walk_part");
            t = logged("totals from parts", t);
            Integer deepest = jdbc.sql("select max(depth) from region").query(Integer.class).single();
            int bottom = deepest == null ? -1 : deepest;
            stage(totalId, bottom);
            t = logged("figures above the deepest regions staged", t);
            boolean weights = rules.stream().anyMatch(r -> r.rule() == 3);
            boolean ratios = rules.stream().anyMatch(r -> r.rule() == 4);
            for (int d = bottom - 1; d >= 0; d--) {
                // what each region of depth d has: its own figures and what its sub-regions pass up (those with a row of
                // their own at d + 1; the others what their own figures alone give)
                // below the deepest depth no region has a row of its own: every region there passes up what its figures alone give
                boolean rowsBelow = d + 1 < bottom;
                String below = !rowsBelow ? "" : "\n" + """
                          union all
                          select k.indicator_id, k.period, g.parent_id, null, null, null, null,
                                 case when k.up_a is not null and k.up_b is not null then 1 else 0 end,
                                 coalesce(k.up_a, 0), coalesce(k.up_b, 0), k.up_covered, k.up_lacking
                          from aggregate_walk k join region g on g.id = k.region_id where k.depth = %d""".formatted(d + 1);
                String without = !rowsBelow ? "" : "\n" + """
                            and not exists (select 1 from aggregate_walk k where k.depth = %d and k.indicator_id = p.indicator_id
                                            and k.period = p.period and k.region_id = p.region_id)""".formatted(d + 1);
                // the many regions passing up their figures alone are summed by parent first: the outer grouping reads one row per parent
                jdbc.sql("""
                        insert into aggregate_walk_in (depth, indicator_id, period, region_id, x, w, num, den, n, sa, sb, cov, lb)
                        select %d, indicator_id, period, region_id, max(x), max(w), max(num), max(den), sum(n), sum(sa), sum(sb),
                               sum(cov), sum(lb)
                        from (
                          select o.indicator_id, o.period, o.region_id, o.x, o.w, o.num, o.den, 0 as n, 0 as sa, 0 as sb, 0 as cov, 0 as lb
                          from (%s) o%s
                          union all
                          select p.indicator_id, p.period, p.parent_id, null, null, null, null,
                                 sum(case when p.up_a is not null and p.up_b is not null then 1 else 0 end),
                                 sum(coalesce(p.up_a, 0)), sum(coalesce(p.up_b, 0)), sum(p.up_covered), sum(p.up_lacking)
                          from (%s) p
                          where (p.up_a is not null and p.up_b is not null or p.up_covered > 0 or p.up_lacking > 0)%s
                          group by p.indicator_id, p.period, p.parent_id
                        ) s group by indicator_id, period, region_id
                        having sum(n) > 0 or sum(cov) > 0 or sum(lb) > 0"""
                        .formatted(d, own(figures(d, bottom, totalId), weights, ratios), below,
                                alone(own(figures(d + 1, bottom, totalId), weights, ratios)), without))
                        .update();
                analyze("aggregate_walk_in");
                t = logged("inputs of depth " + d, t);
                jdbc.sql("""
                        insert into aggregate_walk (depth, indicator_id, period, region_id, computed, withheld, covered, expected,
                                                    input_count, lack, lacking, has_row, up_a, up_b, up_covered, up_expected, up_lacking,
                                                    keep_term)
                        select %d, indicator_id, period, region_id, cmp, wh, cc, ce, n, lack, lk, has_row, up_a, up_b, up_covered,
                               ce, up_lacking, keep_term
                        from (%s) q""".formatted(d, pipeline(d))).update();
                analyze("aggregate_walk");
                t = logged("aggregates of depth " + d, t);
            }
            jdbc.sql("""
                    insert into aggregate_value (%s)
                    select k.indicator_id, k.region_id, k.period, t.period_start, %s, k.withheld, false, false, k.covered, k.expected,
                           k.input_count, ?, k.lack, case when k.lack is null then 0 else k.lacking end
                    from aggregate_walk k join aggregate_walk_period t on t.period = k.period where k.has_row"""
                    .formatted(AggregateRows.COLUMNS, rounded("k.computed", Recomputation.SCALE)))
                    .param(Timestamp.from(now)).update();
            t = logged("aggregate rows written", t);
            if (ratios) {
                // a region with its own numerator and denominator (or a numerator alone) has a row whatever lies below it
                jdbc.sql("""
                        insert into aggregate_value (%s)
                        select p.indicator_id, p.region_id, p.period, t.period_start, %s, p.wh, false, false, p.cc, p.ce, 0, ?,
                               p.lack, case when p.lack is null then 0 else p.lk end
                        from (%s) p join aggregate_walk_period t on t.period = p.period
                        where p.rule = 4 and p.has_row and not exists (select 1 from aggregate_walk k where k.indicator_id = p.indicator_id
                                                                       and k.period = p.period and k.region_id = p.region_id)"""
                        .formatted(AggregateRows.COLUMNS, rounded("p.cmp", Recomputation.SCALE), alone(own(figures(null, bottom, totalId), weights, true), "o.rule = 4")))
                        .param(Timestamp.from(now)).update();
            }
            jdbc.sql("""
                    insert into aggregate_term (%s)
                    select indicator_id, region_id, period, round(up_a, %d), round(up_b, %d), up_covered, up_expected, up_lacking
                    from aggregate_walk where keep_term""".formatted(AggregateRows.TERM_COLUMNS, Recomputation.TERM_SCALE,
                    Recomputation.TERM_SCALE)).update();
            logged("ratio rows and contributions written", t);
        } finally {
            clear();
        }
    }

    private void clear() {
        for (String table : List.of("aggregate_walk_fig", "aggregate_walk", "aggregate_walk_in", "aggregate_walk_part", "aggregate_walk_period", "aggregate_walk_unit",
                "aggregate_walk_rule")) {
            jdbc.sql((database.postgres() ? "truncate table " : "delete from ") + table).update();
        }
    }

    /** The rules, and for each set of reporting levels every region's unit flag and the units it expects below. */
    private void rules(List<Rule> rules) {
        Map<Set<String>, Integer> sets = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (Rule r : rules) {
            int set = sets.computeIfAbsent(Set.copyOf(r.unitLevels()), k -> sets.size());
            rows.add(new Object[] {r.indicatorId(), r.rule(), r.withhold(), r.scale(), r.weightId(), r.numeratorId(), r.denominatorId(), set});
        }
        insert("insert into aggregate_walk_rule (indicator_id, rule, withhold, scale, weight_id, numerator_id, denominator_id, unit_set)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        // the regions deepest first: a region's expected units are its children's (a unit counts itself, not what is below it)
        List<Object[]> regions = jdbc.sql("select id, parent_id, level from region order by depth desc")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3)}).list();
        List<Object[]> units = new ArrayList<>();
        sets.forEach((levels, set) -> {
            Map<Long, Integer> expected = new HashMap<>();
            for (Object[] region : regions) {
                long id = (Long) region[0];
                boolean unit = levels.contains((String) region[2]);
                int below = expected.getOrDefault(id, 0);
                units.add(new Object[] {set, id, unit, below});
                if (region[1] != null) {
                    expected.merge((Long) region[1], unit ? 1 : below, Integer::sum);
                }
            }
        });
        insert("insert into aggregate_walk_unit (unit_set, region_id, unit, expected) values (?, ?, ?, ?)", units);
    }

    private void periods(Collection<String> periods) {
        List<Object[]> rows = new ArrayList<>();
        for (String code : periods) {
            Period.parse(code).ifPresent(p -> rows.add(new Object[] {p.code(), java.sql.Date.valueOf(p.start())}));
        }
        insert("insert into aggregate_walk_period (period, period_start) values (?, ?)", rows);
    }

    private void insert(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            batch.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    /**
     * The totals of additive indicators made from their parts: a region without an approved total
     * but with every category of a dimension that the data sets collecting the indicator declare
     * has their sum (the first such dimension by code), as the engine's {@code Breakdowns.total}.
     */
    private int parts(long totalId) {
        return jdbc.sql("""
                insert into aggregate_walk_part (indicator_id, period, region_id, v)
                select indicator_id, period, region_id, v from (
                  select o.indicator_id, o.period, o.region_id, sum(o.obs_value) as v,
                         row_number() over (partition by o.indicator_id, o.period, o.region_id order by g.dimension) as rank_of
                  from observation o
                  join indicator i on i.id = o.indicator_id and i.aggregation = 'SUM'
                  join disaggregation g on g.id = o.disaggregation_id
                  join (select distinct di.indicator_id, b.disaggregation_id from data_set_indicator di
                        join data_set_breakdown b on b.data_set_id = di.data_set_id) dc
                    on dc.indicator_id = o.indicator_id and dc.disaggregation_id = o.disaggregation_id
                  where o.status = 'APPROVED' and o.measure = 'LEVEL' and g.dimension <> 'TOTAL'
                    and not exists (select 1 from observation t where t.indicator_id = o.indicator_id and t.region_id = o.region_id
                                    and t.period = o.period and t.disaggregation_id = :total and t.status = 'APPROVED'
                                    and t.measure = 'LEVEL')
                  group by o.indicator_id, o.period, o.region_id, g.dimension
                  having count(*) = (select count(distinct b.disaggregation_id) from data_set_indicator di
                                     join data_set_breakdown b on b.data_set_id = di.data_set_id
                                     join disaggregation c on c.id = b.disaggregation_id
                                     where di.indicator_id = o.indicator_id and c.dimension = g.dimension)
                ) p where rank_of = 1""").param("total", totalId).update();
    }

    /**
     * Stages the approved totals of the regions above the deepest depth, by indicator, period and
     * region with the region's depth (decision 0070): the walk reads them there (a few per cent of
     * the figures) instead of scanning {@code observation} about twice per depth; the deepest
     * regions' figures, most of them, are read once, where their parents gather them. On PostgreSQL
     * region by region through the index on the region (a fenced lateral read: planned as a join,
     * it scans the whole table for the few figures above the counties).
     */
    private void stage(long totalId, int deepest) {
        String figures = !database.postgres() ? approved(totalId) : """
                select o.indicator_id, o.period, o.region_id, o.obs_value as v from region r cross join lateral (
                  select o.indicator_id, o.period, o.region_id, o.obs_value from observation o
                  where o.region_id = r.id and o.status = 'APPROVED' and o.measure = 'LEVEL' and o.disaggregation_id = %d offset 0) o
                where r.depth < %d""".formatted(totalId, deepest) + (withParts ? " union all select indicator_id, period, region_id, v from aggregate_walk_part" : "");
        jdbc.sql("""
                insert into aggregate_walk_fig (depth, indicator_id, period, region_id, v)
                select g.depth, f.indicator_id, f.period, f.region_id, f.v from (%s) f join region g on g.id = f.region_id
                where g.depth < %d""".formatted(figures, deepest)).update();
        analyze("aggregate_walk_fig");
    }

    /** Every approved total by indicator, period and region: the figures, else the totals from parts. */
    private String approved(long totalId) {
        String figures = """
                select o.indicator_id, o.period, o.region_id, o.obs_value as v from observation o
                where o.status = 'APPROVED' and o.measure = 'LEVEL' and o.disaggregation_id = %d""".formatted(totalId);
        return withParts ? figures + " union all select indicator_id, period, region_id, v from aggregate_walk_part" : figures;
    }

    /**
     * The approved totals of the regions of a depth (null: every depth), as a derived table: staged
     * above the deepest depth, read from {@code observation} at it.
     */
    private String figures(@Nullable Integer depth, int deepest, long totalId) {
        String bottom = "(select a.indicator_id, a.period, a.region_id, g.parent_id, a.v from (" + approved(totalId)
                + ") a join region g on g.id = a.region_id and g.depth = " + deepest + ")";
        if (depth != null && depth == deepest) {
            return bottom;
        }
        String staged = "(select f.indicator_id, f.period, f.region_id, g.parent_id, f.v from aggregate_walk_fig f join region g on g.id = f.region_id"
                + (depth == null ? "" : " where f.depth = " + depth) + ")";
        return depth == null ? "(select * from " + staged + " s union all select * from " + bottom + " b)" : staged;
    }

    /** Fresh statistics for a scratch table just filled, so PostgreSQL plans the next reads by its real size. */
    private void analyze(String table) {
        if (database.postgres()) {
            jdbc.sql("analyze " + table).update();
        }
    }

    private static long logged(String step, long since) {
        long now = System.nanoTime();
        LOG.info("full recomputation, {}: {} ms", step, (now - since) / 1_000_000);
        return now;
    }

    private static final String NO_FIGURE = "cast(null as numeric(30, 8))";

    /** The rule's columns each own figure carries, so that what reads them needs no second join to the rules. */
    private static final String RULE = "r.indicator_id, r.rule, r.scale, r.withhold, r.unit_set";

    /**
     * Each rule's own figures at the regions of a depth (null: every depth), with the rule and the
     * region's parent: its reported figure {@code x}, and the weight {@code w} or the numerator and
     * denominator where the rule has them.
     */
    private static String own(String figures, boolean weights, boolean ratios) {
        String x = "select %s, f.period, f.region_id, f.parent_id, f.v as x, %s as w, %s as num, %s as den from aggregate_walk_rule r join %s f on f.indicator_id = r.indicator_id"
                .formatted(RULE, NO_FIGURE, NO_FIGURE, NO_FIGURE, figures);
        if (!weights && !ratios) {
            return x; // one figure per (indicator, period, region): nothing to gather
        }
        List<String> branches = new ArrayList<>(List.of(x));
        if (weights) {
            branches.add("select %s, f.period, f.region_id, f.parent_id, %s, f.v, %s, %s from aggregate_walk_rule r join %s f on f.indicator_id = r.weight_id"
                    .formatted(RULE, NO_FIGURE, NO_FIGURE, NO_FIGURE, figures));
        }
        if (ratios) {
            branches.add("select %s, f.period, f.region_id, f.parent_id, %s, %s, f.v, %s from aggregate_walk_rule r join %s f on f.indicator_id = r.numerator_id"
                    .formatted(RULE, NO_FIGURE, NO_FIGURE, NO_FIGURE, figures));
            branches.add("select %s, f.period, f.region_id, f.parent_id, %s, %s, %s, f.v from aggregate_walk_rule r join %s f on f.indicator_id = r.denominator_id"
                    .formatted(RULE, NO_FIGURE, NO_FIGURE, NO_FIGURE, figures));
        }
        String keys = "indicator_id, rule, scale, withhold, unit_set, period, region_id, parent_id";
        return "select " + keys + ", max(x) as x, max(w) as w, max(num) as num, max(den) as den from ("
                + String.join(" union all ", branches) + ") b group by " + keys;
    }

    /**
     * What the own figures alone give (nothing passed up from below: {@code RegionAggregation.own}
     * with no inputs, written out by rule), with each region's parent: the contribution of a region
     * without a row of its own in {@code aggregate_walk}; for a ratio also its aggregate row.
     */
    private String alone(String own) {
        return alone(own, "");
    }

    /** {@link #alone(String)} of the rules {@code where} picks (a condition on {@code r}, the rule, or empty). */
    private String alone(String own, String where) {
        // a ratio of sums alone: its share from its own numerator and denominator, a numerator without denominator, withheld
        List<List<String[]>> layers = List.of(
                List.<String[]>of(new String[] {"cmp4", "case when num is not null and den is not null and den <> 0 then " + div("num * scale", "den") + " end"},
                        new String[] {"lack4", "case when num is not null and den is null and x is null and not unit then 'DENOMINATOR' end"},
                        new String[] {"rep4", "num is not null and den is not null"}),
                List.<String[]>of(new String[] {"wh4", "x is null and not unit and ($lack4 is not null or $cmp4 is not null and withhold)"}),
                List.<String[]>of(new String[] {"up_a", "case rule when 3 then x * w when 4 then case when $wh4 then null when $rep4 then num end else x end"},
                        new String[] {"up_b", "case rule when 3 then case when x is not null and w is not null then w end"
                                + " when 4 then case when $wh4 then null when $rep4 then den end else 1 end"},
                        new String[] {"up_covered", "case rule when 3 then case when unit then case when x is not null and w is not null then 1 else 0 end"
                                + " when x is not null then expected else 0 end"
                                + " when 4 then case when $wh4 then 0 when unit then case when $rep4 then 1 else 0 end when $rep4 then expected else 0 end"
                                + " else case when unit then 1 else expected end end"},
                        new String[] {"up_lacking", "case rule when 3 then case when x is not null and w is null then 1 else 0 end"
                                + " when 4 then case when num is not null and den is null then 1 else 0 end else 0 end"},
                        new String[] {"cmp", "$cmp4"},
                        new String[] {"wh", "$wh4"},
                        new String[] {"lack", "$lack4"},
                        new String[] {"lk", "case when num is not null and den is null then 1 else 0 end"},
                        new String[] {"cc", "case when unit then case when $rep4 then 1 else 0 end else 0 end"},
                        new String[] {"ce", "case when unit then 1 else expected end"},
                        new String[] {"has_row", "(x is not null or $cmp4 is not null or expected > 0 or unit) and ($cmp4 is not null or $lack4 is not null)"}));
        return layered(List.of("o.indicator_id", "o.period", "o.region_id", "o.parent_id", "o.rule", "o.x", "o.w", "o.num", "o.den", "o.scale",
                        "o.withhold", "u.unit", "u.expected"), List.of("indicator_id", "period", "region_id", "parent_id", "rule"),
                "(" + own + ") o join aggregate_walk_unit u on u.unit_set = o.unit_set and u.region_id = o.region_id"
                        + (where.isEmpty() ? "" : " where " + where), layers, false);
    }

    /**
     * A region's aggregate and contribution from its own figures ({@code x, w, num, den}) and what
     * its sub-regions passed up ({@code n} present, sums {@code sa, sb}, units covered {@code cov},
     * units lacking {@code lb}), read from {@code aggregate_walk_in} at one depth:
     * {@code RegionAggregation.own}, its layers written out; and whether the contribution differs
     * from what the own figures alone pass up (then it is stored, as the engine keeps it).
     */
    private String pipeline(int depth) {
        // each layer twice: as computed, and as the own figures alone would give it (name_0: nothing from below, no computed figure)
        List<List<String[]>> layers = new ArrayList<>();
        for (String[] layer : LAYERS) {
            List<String[]> columns = new ArrayList<>();
            for (int k = 0; k < layer.length; k += 2) {
                columns.add(new String[] {layer[k], below(layer[k + 1], false)});
                columns.add(new String[] {layer[k] + "_0", layer[k].equals("c0") ? "cast(null as numeric(70, 34))" : below(layer[k + 1], true)});
            }
            layers.add(columns);
        }
        List<String[]> out = new ArrayList<>();
        for (String column : List.of("cmp", "wh", "cc", "ce", "lack", "lk", "has_row", "up_a", "up_b", "up_covered", "up_lacking")) {
            out.add(new String[] {column, "$" + column});
        }
        out.add(new String[] {"keep_term", "not ($up_a is not distinct from $up_a_0 and $up_b is not distinct from $up_b_0"
                + " and $up_covered = $up_covered_0 and $up_lacking = $up_lacking_0)"});
        layers.add(out);
        return layered(List.of("i.indicator_id", "i.period", "i.region_id", "i.n", "i.cov", "i.lb", "i.sa", "i.sb", "i.x", "i.w", "i.num", "i.den",
                        "r.rule", "r.scale", "r.withhold", "u.unit", "u.expected"), List.of("indicator_id", "period", "region_id", "n", "cov", "lb"),
                "aggregate_walk_in i join aggregate_walk_rule r on r.indicator_id = i.indicator_id"
                        + " join aggregate_walk_unit u on u.unit_set = r.unit_set and u.region_id = i.region_id where i.depth = " + depth,
                layers, true);
    }

    /**
     * {@code $n}, {@code $sa} etc. are what the sub-regions passed up (0 alone); {@code $name} an
     * earlier layer's column (its {@code name_0}, alone).
     */
    private static String below(String template, boolean alone) {
        String out = template;
        for (String base : List.of("$sa", "$sb", "$cov", "$lb", "$n")) {
            out = out.replace(base, alone ? "0" : base.substring(1));
        }
        return alone ? out.replaceAll("\\$([a-z_0-9]+)", "\\$$1_0") : out;
    }

    /**
     * A SELECT of layered expressions: {@code base} columns ({@code alias.column}, named by their
     * column) from {@code from}, then layer after layer of (name, expression) where an expression
     * reads the base columns by name and an earlier layer's column as {@code $name}; its columns are
     * {@code keep} and the last layer's. {@code fenced}, on PostgreSQL each layer is a derived table
     * fenced by {@code OFFSET 0}, so each expression is computed once per row (decision 0085;
     * written out, the deepest ones repeat the earlier ones hundreds of times); otherwise, and always
     * on H2, which plans nested derived tables in time exponential in their depth, every expression
     * is written out (cheaper where they are short: no projection per layer).
     */
    private String layered(List<String> base, List<String> keep, String from, List<List<String[]>> layers, boolean fenced) {
        java.util.regex.Pattern reference = java.util.regex.Pattern.compile("\\$([a-z_0-9]+)");
        List<String[]> last = layers.get(layers.size() - 1);
        if (!fenced || !database.postgres()) {
            Map<String, String> written = new HashMap<>();
            for (List<String[]> layer : layers) {
                for (String[] column : layer) {
                    java.util.regex.Matcher m = reference.matcher(column[1]);
                    StringBuilder sb = new StringBuilder();
                    while (m.find()) {
                        m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(written.get(m.group(1))));
                    }
                    written.put(column[0], "(" + m.appendTail(sb) + ")");
                }
            }
            StringBuilder select = new StringBuilder("select ");
            for (String name : keep) {
                select.append(base.stream().filter(b -> b.endsWith("." + name)).findFirst().orElseThrow()).append(" as ").append(name).append(", ");
            }
            select.append(String.join(", ", last.stream().map(c -> written.get(c[0]) + " as " + c[0]).toList()));
            return select + " from " + from;
        }
        String inner = "select " + String.join(", ", base) + " from " + from;
        for (List<String[]> layer : layers.subList(0, layers.size() - 1)) {
            inner = "select l.*, " + String.join(", ", layer.stream().map(c -> c[1].replace("$", "") + " as " + c[0]).toList())
                    + " from (" + inner + " offset 0) l";
        }
        return "select " + String.join(", ", keep) + ", " + String.join(", ", last.stream().map(c -> c[1].replace("$", "") + " as " + c[0]).toList())
                + " from (" + inner + " offset 0) l";
    }

    private static String div(String a, String b) {
        return "cast(" + a + " as numeric(70, 34)) / " + b;
    }

    /** The layers of {@code own}: (column, expression) pairs, each layer reading the ones before. */
    private static final String[][] LAYERS = {
        {"c0", "case when $n = 0 then null when rule = 1 then $sa when rule = 2 then " + div("$sa", "$n")
                + " when $sb = 0 then null when rule = 3 then " + div("$sa", "$sb")
                + " else " + div("$sa * scale", "$sb") + " end"},
        {"bx", "coalesce(x, $c0)",
         "bw", "coalesce(w, case when $n > 0 then $sb end)",
         "rep", "case when rule = 4 then num is not null and den is not null else x is not null end",
         "cmp", "case when rule = 4 and num is not null and den is not null and $n = 0 then"
                + " case when den = 0 then null else " + div("num * scale", "den") + " end else $c0 end"},
        {"a", "case when rule = 3 then case when $bx is not null and $bw is not null then $bx * $bw end"
                + " when rule = 4 then case when $rep then num when $n > 0 then $sa end else $bx end",
         "b", "case when rule = 3 then case when $bx is not null and $bw is not null then $bw end"
                + " when rule = 4 then case when $rep then den when $n > 0 then $sb end"
                + " else case when $bx is not null then 1 end end",
         "li", "case when rule = 3 then x is not null and $bw is null"
                + " when rule = 4 then num is not null and den is null and $n = 0 else false end"},
        {"cc", "case when unit then case when $a is not null and $b is not null then 1 else 0 end else $cov end",
         "ce", "case when unit then 1 else expected end",
         "lk", "case when $li then 1 when $rep and $a is not null then 0 else $lb end"},
        {"lack", "case when $lk = 0 or x is not null or unit then null when rule = 3 then 'WEIGHT' else 'DENOMINATOR' end"},
        {"wh", "x is null and not unit and ($lack is not null"
                + " or $cmp is not null and withhold and not ($ce > 0 and $cc = $ce))"},
        {"up_a", "case when $wh then null else $a end",
         "up_b", "case when $wh then null else $b end",
         "up_covered", "case when $wh then 0 when not unit and $rep then $ce else $cc end",
         "up_lacking", "$lk",
         "has_row", "(x is not null or $cmp is not null or expected > 0 or unit) and ($cmp is not null or $lack is not null)"},
    };

    /** {@code value} rounded to {@code scale} places half to even, as {@code BigDecimal.setScale(scale, HALF_EVEN)}. */
    private static String rounded(String value, int scale) {
        String shift = "1" + "0".repeat(scale);
        return ("case when mod(trunc(%1$s * %2$s), 2) = 0 and abs(%1$s * %2$s - trunc(%1$s * %2$s)) = 0.5 then trunc(%1$s, %3$d)"
                + " else round(%1$s, %3$d) end").formatted(value, shift, scale);
    }
}
