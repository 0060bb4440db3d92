package org.yardstick.aggregation.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yardstick.database.Database;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.aggregation.engine.Aggregate;
import org.yardstick.aggregation.engine.Breakdowns;
import org.yardstick.aggregation.engine.Contribution;
import org.yardstick.aggregation.engine.Formula;
import org.yardstick.aggregation.engine.Incomplete;
import org.yardstick.aggregation.engine.PeriodAggregation;
import org.yardstick.aggregation.engine.PeriodRule;
import org.yardstick.aggregation.engine.RegionAggregation;
import org.yardstick.aggregation.engine.RegionRule;
import org.yardstick.aggregation.engine.RegionTree;
import org.yardstick.framework.Aggregation;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.shared.Period;

/**
 * Rewrites the aggregates (汇总值) of indicators for a period from the approved figures: the
 * region rule of each indicator over the region tree, then the formulas of the derived indicators
 * that read them. Runs in the caller's transaction; the indicators' rows are locked first (in id
 * order), so two approvals of the same indicator aggregate one after the other and the later one
 * sees the earlier one's figures.
 */
@Component
public class Recomputation {

    private static final Logger LOG = LoggerFactory.getLogger(Recomputation.class);
    /** Decimal places an aggregate is stored with (quotients are computed with 34 significant digits). */
    static final int SCALE = 12;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Indicators indicators;
    private final RegionTrees trees;
    private final Clock clock;
    private final Database database;
    private final java.util.concurrent.atomic.AtomicLong recomputations = new java.util.concurrent.atomic.AtomicLong();

    Recomputation(JdbcClient jdbc, JdbcTemplate batch, Indicators indicators, RegionTrees trees, Clock clock, Database database) {
        this.jdbc = jdbc;
        this.database = database;
        this.batch = batch;
        this.indicators = indicators;
        this.trees = trees;
        this.clock = clock;
    }

    /** Recomputes the given indicators (and the derived indicators that read them) for one period, in every region. */
    @Transactional
    public void recompute(Collection<String> indicatorCodes, String period) {
        recompute(indicatorCodes, period, null);
    }

    /**
     * Recomputes the given indicators (and the derived indicators that read them) for one period
     * where figures of the {@code changed} regions reach: those regions and their ancestors, each
     * from its direct sub-regions' figures and stored contributions ({@code aggregate_term}), one
     * approval's county reaching its prefecture, province and the country, not the 3,000 others;
     * {@code null}: every region (a full recomputation of the period).
     */
    @Transactional
    public void recompute(Collection<String> indicatorCodes, String period, @Nullable Collection<String> changed) {
        Map<String, Indicator> all = new HashMap<>();
        indicators.all().forEach(i -> all.put(i.code(), i));
        Map<String, Formula> formulas = formulas(all);
        // what changes: the indicators named, the ones derived from them (transitively), and for ratios their own terms
        Set<String> affected = new LinkedHashSet<>();
        for (String code : indicatorCodes) {
            if (all.containsKey(code)) {
                affected.add(code);
            }
        }
        for (Indicator i : all.values()) {
            if (i.aggregation() == Aggregation.RATIO && (affected.contains(i.numeratorCode()) || affected.contains(i.denominatorCode()))) {
                affected.add(i.code());
            }
            if (i.aggregation() == Aggregation.MEAN && i.weightCode() != null && affected.contains(i.weightCode())) {
                affected.add(i.code()); // a mean weighted by population moves with the population
            }
        }
        List<String> order = Formula.evaluationOrder(formulas);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String derived : order) {
                if (!affected.contains(derived) && formulas.get(derived).inputs().stream().anyMatch(affected::contains)) {
                    affected.add(derived);
                    grew = true;
                }
            }
        }
        if (affected.isEmpty()) {
            return;
        }
        recomputations.incrementAndGet();
        long t0 = System.nanoTime();
        lock(affected.stream().map(c -> all.get(c).id()).toList());
        Map<Long, Settings> settingsById = allSettings(); // one query, not one per indicator: an approval's time is its round trips
        Map<Long, Set<String>> levels = allReportingLevels();
        Period p = Period.parse(period).orElseThrow(() -> new IllegalArgumentException("not a period: " + period));
        Instant now = clock.instant();
        // the regions whose derived values change: those the changed regions reach (null: all)
        Set<Long> reached = changed == null ? null : reached(changed);
        for (String code : affected) {
            if (!formulas.containsKey(code)) {
                Settings settings = settingsById.get(all.get(code).id());
                aggregate(all.get(code), all, p, now, settings, changed, levels);
                if (changed == null || settings.periodRule() != null) {
                    // (an approval's indicator without a period rule has no roll-up to rewrite: a rule's removal recomputes in full)
                    overPeriods(all.get(code), p, now, settings, reached);
                }
            }
        }
        for (String code : order) {
            if (affected.contains(code)) {
                derive(all.get(code), formulas.get(code), all, p, now, reached);
            }
        }
        LOG.debug("recomputed {} indicators of {} in {} ms", affected.size(), period, ms(System.nanoTime() - t0));
    }

    /** How many times {@link #recompute} rewrote aggregates since start (what a bulk review's coalescing saves). */
    public long recomputations() {
        return recomputations.get();
    }

    /**
     * Records that an indicator's aggregates of a period are owed (in the caller's transaction): a
     * bulk review's submissions each record theirs, and {@link #payOwed()} recomputes them once.
     */
    public void owe(Collection<String> indicatorCodes, String period) {
        if (indicatorCodes.isEmpty()) {
            return;
        }
        jdbc.sql("insert into aggregate_pending (indicator_id, period) select id, :p from indicator where code in (:codes)")
                .param("p", period).param("codes", List.copyOf(indicatorCodes)).update();
    }

    /**
     * Recomputes every (indicator, period) owed, each once whatever the number of submissions that
     * recorded it, and forgets the records read; the number of periods recomputed.
     */
    @Transactional
    public int payOwed() {
        Map<String, Set<String>> byPeriod = new TreeMap<>();
        List<Long> ids = new ArrayList<>();
        jdbc.sql("select p.id, p.period, i.code from aggregate_pending p join indicator i on i.id = p.indicator_id order by p.id")
                .query((rs, n) -> {
                    ids.add(rs.getLong(1));
                    return byPeriod.computeIfAbsent(rs.getString(2), k -> new TreeSet<>()).add(rs.getString(3));
                }).list();
        byPeriod.forEach((period, codes) -> recompute(codes, period));
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("delete from aggregate_pending where id in (:ids)").param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .update();
        }
        if (!byPeriod.isEmpty()) {
            LOG.info("owed aggregates recomputed: {} records, periods {}", ids.size(), byPeriod.keySet());
        }
        return byPeriod.size();
    }

    /**
     * Recomputes every aggregate from scratch (recovery, an empty table after a reload): every
     * indicator and period with approved figures. The region rules run in SQL, level by level for
     * every indicator and period at once ({@link RegionWalk}, decision 0069), writing the aggregates
     * and the stored contributions the incremental path reads; the roll-ups over periods and the
     * derived indicators follow in Java from those rows, as an approval computes them.
     */
    @Transactional
    public int recomputeAll() {
        long t0 = System.nanoTime();
        Full f = startFull();
        AggregateRows out = f.out();
        AggregateRows terms = f.terms();
        Map<String, Indicator> all = f.all();
        Map<String, Formula> formulas = f.formulas();
        // the periods of every indicator's figures (totals, or an additive indicator's categories), as the engine reads them
        Map<Long, Set<String>> periodsOf = new HashMap<>();
        jdbc.sql("""
                        select distinct o.indicator_id, o.period from observation o join indicator i on i.id = o.indicator_id
                        where o.status = 'APPROVED' and o.measure = 'LEVEL' and (o.disaggregation_id = ? or i.aggregation = 'SUM')""")
                .param(f.total()).query((rs, n) -> periodsOf.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2))).list();
        Set<String> periods = new TreeSet<>();
        Map<Indicator, Set<Integer>> yearsWithSubPeriods = new LinkedHashMap<>();
        List<RegionWalk.Rule> rules = new ArrayList<>();
        for (Indicator indicator : all.values().stream().sorted(java.util.Comparator.comparingLong(Indicator::id)).toList()) {
            if (formulas.containsKey(indicator.code())) {
                continue;
            }
            Set<String> own = periodsOf.getOrDefault(indicator.id(), Set.of());
            periods.addAll(own);
            Settings s = f.settings().get(indicator.id());
            if (s != null && s.periodRule() != null) {
                Set<Integer> years = new TreeSet<>();
                own.forEach(code -> Period.parse(code).filter(p -> p.type() != Period.Type.YEAR).ifPresent(p -> years.add(p.year())));
                if (!years.isEmpty()) {
                    yearsWithSubPeriods.put(indicator, years);
                }
            }
            if (indicator.aggregation() == Aggregation.NOT_ADDITIVE || s == null) {
                continue;
            }
            Set<String> units;
            Long num = null;
            Long den = null;
            if (indicator.aggregation() == Aggregation.RATIO) {
                Indicator n = indicator.numeratorCode() == null ? null : all.get(indicator.numeratorCode());
                Indicator d = indicator.denominatorCode() == null ? null : all.get(indicator.denominatorCode());
                if (n == null || d == null) {
                    continue;
                }
                num = n.id();
                den = d.id();
                periods.addAll(periodsOf.getOrDefault(num, Set.of()));
                periods.addAll(periodsOf.getOrDefault(den, Set.of()));
                units = new HashSet<>(f.levels().getOrDefault(num, Set.of()));
                units.addAll(f.levels().getOrDefault(den, Set.of()));
            } else {
                units = f.levels().getOrDefault(indicator.id(), Set.of());
            }
            Long weight = weightId(indicator, s);
            int rule = switch (indicator.aggregation()) {
                case SUM -> 1;
                case MEAN -> weight == null ? 2 : 3;
                default -> 4;
            };
            rules.add(new RegionWalk.Rule(indicator.id(), rule, Incomplete.valueOf(s.incomplete()) == Incomplete.WITHHOLD, scale(indicator),
                    weight, num, den, units));
        }
        long prepared = System.nanoTime();
        new RegionWalk(jdbc, batch, database).run(rules, periods, f.total(), f.now());
        long walked = System.nanoTime();
        out.finish();
        terms.finish();
        long written = System.nanoTime();
        overPeriodsAndFormulas(all, formulas, f.settings(), periods, yearsWithSubPeriods, f.now());
        Integer rows = jdbc.sql("select count(*) from aggregate_value").query(Integer.class).single();
        LOG.info("aggregates recomputed in SQL: {} periods, {} rows in {} ms (reading settings and periods {} ms, region rules {} ms,"
                        + " keys {} ms, periods and formulas {} ms)", periods.size(), rows, ms(System.nanoTime() - t0), ms(prepared - t0),
                ms(walked - prepared), ms(written - walked), ms(System.nanoTime() - written));
        return rows;
    }

    /**
     * The full recomputation as the engine walks it (the reference the set-based one is checked
     * against, and its behaviour before decision 0069): each indicator's figures of every period
     * read in one index range scan, its aggregates computed in memory by {@code RegionAggregation}
     * and written in bulk (COPY on PostgreSQL); the roll-ups over periods and the derived indicators
     * follow.
     */
    @Transactional
    public int recomputeAllByEngine() {
        long t0 = System.nanoTime();
        long reading = 0;
        long computing = 0;
        Full f = startFull();
        long cleared = System.nanoTime();
        AggregateRows out = f.out();
        AggregateRows terms = f.terms();
        Map<String, Indicator> all = f.all();
        Map<String, Formula> formulas = f.formulas();
        Map<Long, Settings> settings = f.settings();
        Map<Long, Set<String>> levels = f.levels();
        Instant now = f.now();
        long total = f.total();
        Set<String> periods = new TreeSet<>();
        Map<Indicator, Set<Integer>> yearsWithSubPeriods = new LinkedHashMap<>();
        List<Indicator> ordered = all.values().stream().sorted(java.util.Comparator.comparingLong(Indicator::id)).toList();
        for (Indicator indicator : ordered) {
            if (formulas.containsKey(indicator.code())) {
                continue;
            }
            long r0 = System.nanoTime();
            Map<String, Map<String, BigDecimal>> byPeriod = allPeriods(indicator.id(), total);
            reading += System.nanoTime() - r0;
            periods.addAll(byPeriod.keySet());
            Settings s = settings.get(indicator.id());
            if (s != null && s.periodRule() != null) {
                Set<Integer> years = new TreeSet<>();
                byPeriod.keySet().forEach(code -> Period.parse(code).filter(p -> p.type() != Period.Type.YEAR)
                        .ifPresent(p -> years.add(p.year())));
                if (!years.isEmpty()) {
                    yearsWithSubPeriods.put(indicator, years);
                }
            }
            if (indicator.aggregation() == Aggregation.NOT_ADDITIVE || s == null) {
                continue;
            }
            Map<String, Map<String, BigDecimal>> numerators = Map.of();
            Map<String, Map<String, BigDecimal>> denominators = Map.of();
            Map<String, Map<String, BigDecimal>> weights = Map.of();
            Set<String> units;
            if (indicator.aggregation() == Aggregation.RATIO) {
                Indicator num = indicator.numeratorCode() == null ? null : all.get(indicator.numeratorCode());
                Indicator den = indicator.denominatorCode() == null ? null : all.get(indicator.denominatorCode());
                if (num == null || den == null) {
                    continue;
                }
                numerators = allPeriods(num.id(), total);
                denominators = allPeriods(den.id(), total);
                periods.addAll(numerators.keySet());
                periods.addAll(denominators.keySet());
                units = new HashSet<>(levels.getOrDefault(num.id(), Set.of()));
                units.addAll(levels.getOrDefault(den.id(), Set.of()));
            } else {
                units = levels.getOrDefault(indicator.id(), Set.of());
                if (indicator.aggregation() == Aggregation.MEAN && s.weightId() != null) {
                    weights = allPeriods(s.weightId(), total);
                }
            }
            long c0 = System.nanoTime();
            Set<String> ps = new TreeSet<>(byPeriod.keySet());
            ps.addAll(numerators.keySet());
            ps.addAll(denominators.keySet());
            Incomplete policy = Incomplete.valueOf(s.incomplete());
            for (String code : ps) {
                Map<String, BigDecimal> reported = byPeriod.getOrDefault(code, Map.of());
                Map<String, BigDecimal> nums = numerators.getOrDefault(code, Map.of());
                Map<String, BigDecimal> dens = denominators.getOrDefault(code, Map.of());
                Set<String> regionsWithFigures = regionsOf(reported, nums, dens);
                if (regionsWithFigures.isEmpty()) {
                    continue;
                }
                RegionTrees.Tree tree = trees.covering(regionsWithFigures, units);
                RegionAggregation engine = new RegionAggregation(tree.tree(), tree.units());
                RegionAggregation.Result result = engine.run(figures(indicator, s, reported, nums, dens,
                        weights.getOrDefault(code, Map.of())), policy);
                Period period = Period.parse(code).orElseThrow();
                rows(indicator.id(), period, result, tree, now, out::add, terms::add);
            }
            computing += System.nanoTime() - c0; // with the writes of full chunks
        }
        long computed = System.nanoTime();
        out.finish();
        terms.finish();
        long written = System.nanoTime();
        overPeriodsAndFormulas(all, formulas, settings, periods, yearsWithSubPeriods, now);
        Integer rows = jdbc.sql("select count(*) from aggregate_value").query(Integer.class).single();
        LOG.info("aggregates recomputed: {} periods, {} rows in {} ms (emptying {} ms, reading {} ms, computing and writing {} ms,"
                        + " last writes and keys {} ms, periods and formulas {} ms)", periods.size(), rows, ms(System.nanoTime() - t0),
                ms(cleared - t0), ms(reading), ms(computing), ms(written - computed), ms(System.nanoTime() - written));
        return rows;
    }

    /** What both full recomputations start from: the tables emptied, the settings read, every indicator locked. */
    private record Full(AggregateRows out, AggregateRows terms, Map<String, Indicator> all, Map<String, Formula> formulas,
                        Map<Long, Settings> settings, Map<Long, Set<String>> levels, Instant now, long total) {}

    private Full startFull() {
        AggregateRows out = AggregateRows.open(jdbc, batch, database);
        AggregateRows terms = AggregateRows.openTerms(jdbc, batch, database);
        jdbc.sql("delete from aggregate_pending").update(); // everything is recomputed: nothing stays owed
        out.clear();
        terms.clear();
        Map<String, Indicator> all = new HashMap<>();
        indicators.all().forEach(i -> all.put(i.code(), i));
        Map<Long, Settings> settings = allSettings();
        Map<Long, Set<String>> levels = allReportingLevels();
        jdbc.sql("select id from indicator order by id for update").query(Long.class).list();
        Instant now = clock.instant();
        long total = jdbc.sql("select id from disaggregation where code = '_T'").query(Long.class).single();
        return new Full(out, terms, all, formulas(all), settings, levels, now, total);
    }

    /** After the region rules of a full recomputation: the roll-ups over periods, then the derived indicators of every period. */
    private void overPeriodsAndFormulas(Map<String, Indicator> all, Map<String, Formula> formulas, Map<Long, Settings> settings,
                                        Set<String> periods, Map<Indicator, Set<Integer>> yearsWithSubPeriods, Instant now) {
        // over periods, from the rows just written and the figures
        yearsWithSubPeriods.forEach((indicator, years) -> {
            for (int year : years) {
                overPeriods(indicator, Period.year(year), now, settings.get(indicator.id()));
            }
        });
        // derived indicators, in evaluation order, for every period any figure has
        List<String> order = Formula.evaluationOrder(formulas);
        for (String code : periods) {
            Period p = Period.parse(code).orElse(null);
            if (p == null) {
                continue;
            }
            for (String derived : order) {
                derive(all.get(derived), formulas.get(derived), all, p, now);
            }
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /**
     * Every approved total of an indicator, by period then region code: one range of the approved
     * levels' index; for an additive indicator, a region without a total but with every category of
     * a dimension gets their sum ({@link #withTotalsFromParts}).
     */
    private Map<String, Map<String, BigDecimal>> allPeriods(long indicatorId, long totalId) {
        Map<String, Parts> byPeriod = new HashMap<>();
        jdbc.sql("""
                        select o.period, r.code, o.obs_value, g.code, g.dimension from observation o
                        join region r on r.id = o.region_id join disaggregation g on g.id = o.disaggregation_id
                        join indicator i on i.id = o.indicator_id
                        where o.indicator_id = ? and o.status = 'APPROVED' and o.measure = 'LEVEL'
                          and (o.disaggregation_id = ? or i.aggregation = 'SUM')""")
                .param(indicatorId).param(totalId)
                .query((rs, n) -> {
                    byPeriod.computeIfAbsent(rs.getString(1), k -> new Parts()).add(rs.getString(2), rs.getBigDecimal(3),
                            rs.getString(4), rs.getString(5));
                    return null;
                })
                .list();
        Map<String, Map<String, BigDecimal>> out = new HashMap<>();
        byPeriod.forEach((period, parts) -> out.put(period, withTotalsFromParts(indicatorId, parts)));
        return out;
    }

    /** The categories of each dimension that the data sets collecting the indicator declare (the crossed cells under CROSSED). */
    private Map<String, Set<List<String>>> partsOf(long indicatorId) {
        Map<String, Set<List<String>>> partsOf = new HashMap<>();
        jdbc.sql("""
                        select distinct g.dimension, g.code from data_set_indicator di
                        join data_set_breakdown b on b.data_set_id = di.data_set_id
                        join disaggregation g on g.id = b.disaggregation_id where di.indicator_id = ?""")
                .param(indicatorId)
                .query((rs, n) -> partsOf.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(List.of(rs.getString(2)))).list();
        return partsOf;
    }

    /** A period's approved levels of one indicator: totals and, for an additive one, categories. */
    private static final class Parts {
        final Map<String, BigDecimal> totals = new HashMap<>();
        /** region → dimension → category → value */
        final Map<String, Map<String, Map<List<String>, BigDecimal>>> categories = new HashMap<>();

        void add(String region, BigDecimal value, String category, String dimension) {
            if ("TOTAL".equals(dimension)) {
                totals.put(region, value);
            } else {
                categories.computeIfAbsent(region, k -> new java.util.TreeMap<>()).computeIfAbsent(dimension, k -> new HashMap<>())
                        .put(List.of(category), value);
            }
        }
    }

    /**
     * The totals by region, where a region that reported no total but every category of one
     * dimension that the indicator's data sets declare (urban and rural-pastoral) has their sum
     * (Breakdowns.total): a total from its parts, for an additive indicator (the query reads
     * categories only for those).
     */
    private Map<String, BigDecimal> withTotalsFromParts(long indicatorId, Parts parts) {
        if (parts.categories.isEmpty()) {
            return parts.totals;
        }
        // the parts: the categories of each dimension that the data sets collecting the indicator declare
        Map<String, Set<List<String>>> partsOf = partsOf(indicatorId);
        Map<String, BigDecimal> out = new HashMap<>(parts.totals);
        parts.categories.forEach((region, byDimension) -> {
            if (out.containsKey(region)) {
                return;
            }
            // crossed cells (urban+large …) make their margins (urban), so a dimension may be complete through them
            for (Map.Entry<String, Map<List<String>, BigDecimal>> d : Breakdowns.withMargins(byDimension, partsOf, "CROSSED", "+").entrySet()) {
                Set<List<String>> expected = partsOf.get(d.getKey());
                if (expected == null || !d.getValue().keySet().containsAll(expected)) {
                    continue;
                }
                Map<List<String>, BigDecimal> cells = new HashMap<>(d.getValue());
                cells.keySet().retainAll(expected);
                var total = Breakdowns.total(RegionRule.SUM, cells, expected.size());
                if (total.isPresent() && total.get().complete()) {
                    out.put(region, total.get().value());
                    return;
                }
            }
        });
        return out;
    }

    private Map<Long, Settings> allSettings() {
        Map<Long, Settings> out = new HashMap<>();
        jdbc.sql("select id, incomplete, weight_id, period_rule from indicator")
                .query((rs, n) -> out.put(rs.getLong(1), new Settings(rs.getString(2), rs.getObject(3, Long.class), rs.getString(4))))
                .list();
        return out;
    }

    private Map<Long, Set<String>> allReportingLevels() {
        Map<Long, Set<String>> out = new HashMap<>();
        jdbc.sql("""
                        select distinct di.indicator_id, d.region_level from data_set_indicator di join data_set d on d.id = di.data_set_id""")
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2))).list();
        return out;
    }

    private void lock(List<Long> indicatorIds) {
        // one statement, rows locked in id order (PostgreSQL and H2 lock as they read, in the order asked)
        jdbc.sql("select id from indicator where id in (:ids) order by id for update").param("ids", List.copyOf(new TreeSet<>(indicatorIds)))
                .query(Long.class).list();
    }

    private Map<String, Formula> formulas(Map<String, Indicator> all) {
        Map<String, Formula> formulas = new LinkedHashMap<>();
        for (Indicator i : all.values()) {
            if (i.formula() != null && !i.formula().isBlank()) {
                try {
                    formulas.put(i.code(), Formula.parse(i.code(), i.formula(), all.keySet()));
                } catch (Formula.Invalid e) {
                    // stored before formulas were checked: no value rather than a failed approval
                    LOG.warn("indicator {}: formula not evaluated: {}", i.code(), e.getMessage());
                }
            }
        }
        return formulas;
    }

    /**
     * Rewrites an indicator's aggregates (and stored contributions) of a period: in every region, or
     * where the {@code changed} regions reach, from their sub-regions' figures and stored contributions.
     */
    private void aggregate(Indicator indicator, Map<String, Indicator> all, Period period, Instant now, Settings settings,
                           @Nullable Collection<String> changed, Map<Long, Set<String>> levels) {
        if (indicator.aggregation() == Aggregation.NOT_ADDITIVE) {
            replace(indicator.id(), period, List.of(), null); // no aggregates (any left from a rule before are dropped)
            replaceTerms(indicator.id(), period, List.of(), null);
            return;
        }
        Indicator num = null;
        Indicator den = null;
        if (indicator.aggregation() == Aggregation.RATIO) {
            num = indicator.numeratorCode() == null ? null : all.get(indicator.numeratorCode());
            den = indicator.denominatorCode() == null ? null : all.get(indicator.denominatorCode());
            if (num == null || den == null) { // a ratio without its two terms cannot be aggregated (refused when the indicator is saved)
                replace(indicator.id(), period, List.of(), null);
                replaceTerms(indicator.id(), period, List.of(), null);
                return;
            }
        }
        Set<String> units = new HashSet<>();
        for (Indicator collected : indicator.aggregation() == Aggregation.RATIO ? List.of(num, den) : List.of(indicator)) {
            units.addAll(levels.getOrDefault(collected.id(), Set.of())); // the levels of the data sets that collect it
        }
        Incomplete policy = Incomplete.valueOf(settings.incomplete());
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> terms = new ArrayList<>();
        if (changed == null) {
            Map<String, BigDecimal> reported = reported(indicator.id(), period.code(), null);
            Map<String, BigDecimal> numerators = num == null ? Map.of() : reported(num.id(), period.code(), null);
            Map<String, BigDecimal> denominators = den == null ? Map.of() : reported(den.id(), period.code(), null);
            Set<String> regionsWithFigures = regionsOf(reported, numerators, denominators);
            if (!regionsWithFigures.isEmpty()) {
                RegionTrees.Tree tree = trees.covering(regionsWithFigures, units);
                Map<String, BigDecimal> weights = weightId(indicator, settings) == null ? Map.of()
                        : reported(settings.weightId(), period.code(), null);
                RegionAggregation.Result result = new RegionAggregation(tree.tree(), tree.units())
                        .run(figures(indicator, settings, reported, numerators, denominators, weights), policy);
                rows(indicator.id(), period, result, tree, now, rows::add, terms::add);
            }
            replace(indicator.id(), period, rows, null);
            replaceTerms(indicator.id(), period, terms, null);
            return;
        }
        // only the changed regions and their ancestors, each from its sub-regions
        RegionTrees.Tree tree = trees.covering(changed, units);
        RegionAggregation.Reach reach = new RegionAggregation(tree.tree(), tree.units()).reach(changed);
        Set<String> read = new HashSet<>(reach.recomputed());
        read.addAll(reach.around());
        List<Long> readIds = read.stream().map(tree::idOf).toList();
        Map<String, BigDecimal> reported = reported(indicator.id(), period.code(), readIds);
        Map<String, BigDecimal> numerators = num == null ? Map.of() : reported(num.id(), period.code(), readIds);
        Map<String, BigDecimal> denominators = den == null ? Map.of() : reported(den.id(), period.code(), readIds);
        Map<String, BigDecimal> weights = weightId(indicator, settings) == null ? Map.of()
                : reported(settings.weightId(), period.code(), readIds);
        Map<String, Contribution> stored = contributions(indicator.id(), period, reach.around(), tree);
        RegionAggregation.Result result = reach.again(figures(indicator, settings, reported, numerators, denominators, weights),
                policy, stored);
        rows(indicator.id(), period, result, tree, now, rows::add, terms::add);
        List<Long> recomputedIds = reach.recomputed().stream().map(tree::idOf).toList();
        replace(indicator.id(), period, rows, recomputedIds);
        replaceTerms(indicator.id(), period, terms, recomputedIds);
    }

    /** The regions with a figure in any of these maps (figures, numerators, denominators by region). */
    @SafeVarargs
    private static Set<String> regionsOf(Map<String, BigDecimal>... figures) {
        Set<String> out = new HashSet<>();
        for (Map<String, BigDecimal> f : figures) {
            out.addAll(f.keySet());
        }
        return out;
    }

    private static @Nullable Long weightId(Indicator indicator, Settings settings) {
        return indicator.aggregation() == Aggregation.MEAN ? settings.weightId() : null;
    }

    /** What the engine aggregates for an indicator by its rule. */
    private static RegionAggregation.Figures figures(Indicator indicator, Settings settings, Map<String, BigDecimal> reported,
                                                     Map<String, BigDecimal> numerators, Map<String, BigDecimal> denominators,
                                                     Map<String, BigDecimal> weights) {
        return switch (indicator.aggregation()) {
            case SUM -> RegionAggregation.Figures.of(RegionRule.SUM, reported);
            case MEAN -> settings.weightId() == null ? RegionAggregation.Figures.of(RegionRule.MEAN, reported)
                    : RegionAggregation.Figures.weighted(reported, weights);
            case RATIO -> RegionAggregation.Figures.ratio(reported, numerators, denominators, scale(indicator));
            case NOT_ADDITIVE -> RegionAggregation.Figures.of(RegionRule.NOT_ADDITIVE, reported);
        };
    }

    /** The rows of a result: an aggregate where there is a figure or a lack, a contribution where the engine keeps one. */
    private static void rows(long indicatorId, Period period, RegionAggregation.Result result, RegionTrees.Tree tree, Instant now,
                             java.util.function.Consumer<Object[]> aggregates, java.util.function.Consumer<Object[]> terms) {
        for (Aggregate a : result.aggregates().values()) {
            if (a.computed() != null || a.lack() != null) {
                aggregates.accept(row(indicatorId, tree.idOf(a.region()), period, a, now));
            }
        }
        result.contributions().forEach((region, c) -> terms.accept(new Object[] {indicatorId, tree.idOf(region), period.code(),
                term(c.a()), term(c.b()), c.coverage().covered(), c.coverage().expected(), c.lacking()}));
    }

    /** Decimal places a stored contribution keeps: beyond those of an aggregate, so sums of them round as a full walk's do. */
    static final int TERM_SCALE = 30;

    private static @Nullable BigDecimal term(@Nullable BigDecimal x) {
        return x == null ? null : x.setScale(TERM_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The stored contributions of an indicator's regions for a period. */
    private Map<String, Contribution> contributions(long indicatorId, Period period, Collection<String> regions, RegionTrees.Tree tree) {
        Map<Long, String> codeOf = new HashMap<>();
        regions.forEach(r -> codeOf.put(tree.idOf(r), r));
        Map<String, Contribution> out = new HashMap<>();
        if (codeOf.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select region_id, term_a, term_b, covered, expected, lacking from aggregate_term
                        where indicator_id = :i and period = :p and region_id in (:ids)""")
                .param("i", indicatorId).param("p", period.code()).param("ids", List.copyOf(codeOf.keySet()))
                .query((rs, n) -> out.put(codeOf.get(rs.getLong(1)), new Contribution(rs.getBigDecimal(2), rs.getBigDecimal(3),
                        new org.yardstick.aggregation.engine.Coverage(rs.getInt(4), rs.getInt(5)), rs.getInt(6))))
                .list();
        return out;
    }

    /** Makes the stored contributions of a period (of the {@code only} regions; null: all) the given rows. */
    private void replaceTerms(long indicatorId, Period period, List<Object[]> rows, @Nullable Collection<Long> only) {
        if (only == null) {
            jdbc.sql("delete from aggregate_term where indicator_id = ? and period = ?").param(indicatorId).param(period.code()).update();
        } else if (!only.isEmpty()) {
            jdbc.sql("delete from aggregate_term where indicator_id = :i and period = :p and region_id in (:ids)")
                    .param("i", indicatorId).param("p", period.code()).param("ids", List.copyOf(only)).update();
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            batch.batchUpdate("insert into aggregate_term (" + AggregateRows.TERM_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)",
                    rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    /** The ids of the given regions and their ancestors. */
    private Set<Long> reached(Collection<String> changed) {
        RegionTrees.Tree tree = trees.covering(changed, Set.of());
        Set<Long> out = new HashSet<>();
        for (String region : changed) {
            if (tree.tree().contains(region)) {
                tree.tree().pathToRoot(region).forEach(r -> out.add(tree.idOf(r)));
            }
        }
        return out;
    }

    /**
     * The years (and quarters) made from the quarters and months of the year of {@code period}, in
     * every region with such figures, by the indicator's period rule; where a region has no figure
     * of the year (or quarter) aggregated from its sub-regions. Covered and expected count months.
     */
    private void overPeriods(Indicator indicator, Period period, Instant now, Settings settings) {
        overPeriods(indicator, period, now, settings, null);
    }

    /** The same in the {@code only} regions (null: every region): a region's roll-up reads its own figures only. */
    private void overPeriods(Indicator indicator, Period period, Instant now, Settings settings, @Nullable Set<Long> only) {
        String rule = settings.periodRule();
        int year = period.year();
        Period yearPeriod = Period.year(year);
        List<Period> rolled = new ArrayList<>(List.of(yearPeriod));
        for (int q = 1; q <= 4; q++) {
            rolled.add(Period.parse(year + "Q" + q).orElseThrow());
        }
        if (only != null && only.isEmpty()) {
            return;
        }
        String inRegions = only == null ? "" : " and region_id in (:ids)";
        Map<String, Object> inIds = only == null ? Map.of() : Map.of("ids", List.copyOf(only));
        jdbc.sql("delete from aggregate_value where indicator_id = :i and from_periods and period in (:p)" + inRegions)
                .param("i", indicator.id()).param("p", rolled.stream().map(Period::code).toList()).params(inIds).update();
        if (rule == null || period.type() == Period.Type.YEAR && !hasSubPeriods(indicator.id(), year)) {
            return;
        }
        PeriodRule periodRule = PeriodRule.valueOf(rule);
        // every region's figures of the year's quarters and months: reported, else aggregated from its sub-regions
        Map<String, Map<Period, BigDecimal>> byRegion = new HashMap<>();
        Set<String> taken = new HashSet<>(); // region|period that already have a figure of their own or aggregated
        String like = year + "%";
        jdbc.sql("""
                        select r.code, a.period, a.computed from aggregate_value a join region r on r.id = a.region_id
                        where a.indicator_id = :i and a.period like :y and not a.from_periods and not a.withheld""" + inRegions.replace("region_id", "a.region_id"))
                .param("i", indicator.id()).param("y", like).params(inIds)
                .query((rs, n) -> {
                    taken.add(rs.getString(1) + "|" + rs.getString(2));
                    return byRegion.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(Period.parse(rs.getString(2)).orElseThrow(), rs.getBigDecimal(3));
                }).list();
        jdbc.sql("""
                        select r.code, o.period, o.obs_value from observation o join region r on r.id = o.region_id
                        join disaggregation g on g.id = o.disaggregation_id
                        where o.indicator_id = :i and o.period like :y and o.status = 'APPROVED' and o.measure = 'LEVEL' and g.code = '_T'"""
                        + inRegions.replace("region_id", "o.region_id"))
                .param("i", indicator.id()).param("y", like).params(inIds)
                .query((rs, n) -> {
                    taken.add(rs.getString(1) + "|" + rs.getString(2));
                    return byRegion.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(Period.parse(rs.getString(2)).orElseThrow(), rs.getBigDecimal(3));
                }).list();
        Map<String, Long> ids = trees.ids(byRegion.keySet());
        List<Object[]> rows = new ArrayList<>();
        byRegion.forEach((region, figures) -> {
            for (Period target : rolled) {
                if (taken.contains(region + "|" + target.code())) {
                    continue;
                }
                PeriodAggregation.roll(periodRule, target, figures).ifPresent(f -> rows.add(row(indicator.id(), ids.get(region),
                        target, f.value(), false, false, true, f.covered(), f.expected(), f.inputs().size(), now)));
            }
        });
        insert(rows);
    }

    private boolean hasSubPeriods(long indicatorId, int year) {
        return jdbc.sql("""
                        select count(*) from observation where indicator_id = ? and period like ? and period <> ? and status = 'APPROVED'""")
                .param(indicatorId).param(year + "%").param(Integer.toString(year)).query(Long.class).single() > 0;
    }

    private void derive(Indicator indicator, Formula formula, Map<String, Indicator> all, Period period, Instant now) {
        derive(indicator, formula, all, period, now, null);
    }

    /** A derived indicator's values of a period in the {@code only} regions (null: all), from its inputs' figures there. */
    private void derive(Indicator indicator, Formula formula, Map<String, Indicator> all, Period period, Instant now,
                        @Nullable Set<Long> only) {
        // every input's figure by region: reported where there is one, else computed (and not withheld)
        Map<String, Map<String, BigDecimal>> byRegion = new HashMap<>();
        Map<String, int[]> coverage = new HashMap<>();
        for (String input : formula.inputs()) {
            long id = all.get(input).id();
            reported(id, period.code(), only).forEach((region, v) -> byRegion.computeIfAbsent(region, k -> new HashMap<>()).put(input, v));
            jdbc.sql("""
                            select r.code, a.computed, a.covered, a.expected from aggregate_value a join region r on r.id = a.region_id
                            where a.indicator_id = :i and a.period = :p and not a.withheld""" + (only == null ? "" : " and a.region_id in (:ids)"))
                    .param("i", id).param("p", period.code()).params(only == null ? Map.of() : Map.of("ids", List.copyOf(only)))
                    .query((rs, n) -> {
                        String region = rs.getString(1);
                        byRegion.computeIfAbsent(region, k -> new HashMap<>()).putIfAbsent(input, rs.getBigDecimal(2));
                        int[] c = coverage.computeIfAbsent(region, k -> new int[] {Integer.MAX_VALUE, 0});
                        c[0] = Math.min(c[0], rs.getInt(3));
                        c[1] = Math.max(c[1], rs.getInt(4));
                        return region;
                    }).list();
        }
        List<Object[]> rows = new ArrayList<>();
        Map<String, Long> regionIds = trees.ids(byRegion.keySet());
        byRegion.forEach((region, figures) -> {
            Formula.Evaluation e = formula.evaluate(figures);
            if (e.outcome() == Formula.Outcome.VALUE && regionIds.containsKey(region)) {
                int[] c = coverage.getOrDefault(region, new int[] {1, 1});
                rows.add(row(indicator.id(), regionIds.get(region), period, e.value(), false, true, false,
                        Math.min(c[0], c[1]), c[1], formula.inputs().size(), now));
            }
        });
        replace(indicator.id(), period, rows, only);
    }

    /**
     * Makes an indicator's aggregates of a period the given rows, writing only what differs from
     * the stored ones: one county's approval moves its prefecture, province and the country, not
     * the 3,000 other regions' rows (an unchanged row keeps its {@code updated_at}).
     */
    private void replace(long indicatorId, Period period, List<Object[]> rows, @Nullable Collection<Long> only) {
        Map<Long, Object[]> stored = new HashMap<>();
        if (only != null && only.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        select region_id, computed, withheld, derived, from_periods, covered, expected, input_count, lack, lacking
                        from aggregate_value where indicator_id = :i and period = :p""" + (only == null ? "" : " and region_id in (:ids)"))
                .param("i", indicatorId).param("p", period.code()).params(only == null ? Map.of() : Map.of("ids", List.copyOf(only)))
                .query((rs, n) -> stored.put(rs.getLong(1), new Object[] {rs.getBigDecimal(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getInt(10)}))
                .list();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Object[] row : rows) {
            Object[] old = stored.remove((Long) row[1]);
            if (old == null) {
                inserts.add(row);
            } else if (!sameNumber((BigDecimal) old[0], (BigDecimal) row[4]) || !Arrays.equals(Arrays.copyOfRange(old, 1, 7),
                    Arrays.copyOfRange(row, 5, 11)) || !Arrays.equals(Arrays.copyOfRange(old, 7, 9), Arrays.copyOfRange(row, 12, 14))) {
                updates.add(new Object[] {row[4], row[5], row[6], row[7], row[8], row[9], row[10], row[11], row[12], row[13],
                        row[0], row[1], row[2]});
            }
        }
        List<Object[]> deletes = stored.keySet().stream().map(region -> new Object[] {indicatorId, region, period.code()}).toList();
        if (!deletes.isEmpty()) {
            batch.batchUpdate("delete from aggregate_value where indicator_id = ? and region_id = ? and period = ?", deletes);
        }
        if (!updates.isEmpty()) {
            batch.batchUpdate("""
                    update aggregate_value set computed = ?, withheld = ?, derived = ?, from_periods = ?, covered = ?, expected = ?,
                                               input_count = ?, updated_at = ?, lack = ?, lacking = ?
                    where indicator_id = ? and region_id = ? and period = ?""", updates);
        }
        insert(inserts);
    }

    private static boolean sameNumber(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** A region aggregate's row; withheld for a {@code Lack} it may have no computed value. */
    private static Object[] row(long indicatorId, long regionId, Period period, Aggregate a, Instant now) {
        Object[] row = row(indicatorId, regionId, period, a.computed(), a.withheld(), false, false, a.coverage().covered(),
                a.coverage().expected(), a.inputs().size(), now);
        row[12] = a.lack() == null ? null : a.lack().name();
        row[13] = a.lacking();
        return row;
    }

    private static Object[] row(long indicatorId, long regionId, Period period, @Nullable BigDecimal value, boolean withheld,
                                boolean derived, boolean fromPeriods, int covered, int expected, int inputs, Instant now) {
        return new Object[] {indicatorId, regionId, period.code(), java.sql.Date.valueOf(period.start()),
                value == null ? null : value.setScale(SCALE, RoundingMode.HALF_EVEN), withheld, derived, fromPeriods, covered, expected,
                inputs, Timestamp.from(now), null, 0};
    }

    private void insert(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            batch.batchUpdate("""
                            insert into aggregate_value (indicator_id, region_id, period, period_start, computed, withheld, derived,
                                                         from_periods, covered, expected, input_count, updated_at, lack, lacking)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    /**
     * Each category's aggregates of an indicator for a period (分组汇总, decision 0086): every
     * category of the approved figures (城镇, or a crossed cell 城镇+大型, with the margins such cells
     * make), rolled up the region tree by the indicator's rule as its total is — a weighted mean by
     * the weight's figures of the same category, a ratio of sums by the numerator's and
     * denominator's — with the same reporting units and incomplete policy. Computed on read, not
     * stored. Category code → region code → aggregate (those with a computed value or a lack).
     */
    public Map<String, Map<String, Aggregate>> categories(String indicatorCode, String period) {
        Indicator indicator = indicators.find(indicatorCode).orElse(null);
        if (indicator == null || indicator.aggregation() == Aggregation.NOT_ADDITIVE) {
            return Map.of();
        }
        Settings settings = jdbc.sql("select incomplete, weight_id, period_rule from indicator where id = ?").param(indicator.id())
                .query((rs, n) -> new Settings(rs.getString(1), rs.getObject(2, Long.class), rs.getString(3))).single();
        List<Long> collected = new ArrayList<>(List.of(indicator.id()));
        Map<String, Map<String, BigDecimal>> numerators = Map.of();
        Map<String, Map<String, BigDecimal>> denominators = Map.of();
        if (indicator.aggregation() == Aggregation.RATIO) {
            Indicator num = indicator.numeratorCode() == null ? null : indicators.find(indicator.numeratorCode()).orElse(null);
            Indicator den = indicator.denominatorCode() == null ? null : indicators.find(indicator.denominatorCode()).orElse(null);
            if (num == null || den == null) {
                return Map.of();
            }
            collected = List.of(num.id(), den.id());
            numerators = categoryFigures(num.id(), period);
            denominators = categoryFigures(den.id(), period);
        }
        Map<String, Map<String, BigDecimal>> reported = categoryFigures(indicator.id(), period);
        Map<String, Map<String, BigDecimal>> weights = weightId(indicator, settings) == null ? Map.of()
                : categoryFigures(settings.weightId(), period);
        Set<String> codes = new TreeSet<>(reported.keySet());
        codes.addAll(numerators.keySet());
        codes.addAll(denominators.keySet());
        if (codes.isEmpty()) {
            return Map.of();
        }
        Set<String> units = new HashSet<>(jdbc.sql("""
                        select distinct d.region_level from data_set_indicator di join data_set d on d.id = di.data_set_id
                        where di.indicator_id in (:ids)""").param("ids", collected).query(String.class).list());
        Incomplete policy = Incomplete.valueOf(settings.incomplete());
        Map<String, Map<String, Aggregate>> out = new LinkedHashMap<>();
        for (String code : codes) {
            Map<String, BigDecimal> own = reported.getOrDefault(code, Map.of());
            Map<String, BigDecimal> nums = numerators.getOrDefault(code, Map.of());
            Map<String, BigDecimal> dens = denominators.getOrDefault(code, Map.of());
            Set<String> regionsWithFigures = regionsOf(own, nums, dens);
            RegionTrees.Tree tree = trees.covering(regionsWithFigures, units);
            Map<String, Aggregate> byRegion = new TreeMap<>();
            new RegionAggregation(tree.tree(), tree.units())
                    .run(figures(indicator, settings, own, nums, dens, weights.getOrDefault(code, Map.of())), policy)
                    .aggregates().forEach((region, a) -> {
                        if (a.computed() != null || a.lack() != null) {
                            byRegion.put(region, a);
                        }
                    });
            if (!byRegion.isEmpty()) {
                out.put(code, byRegion);
            }
        }
        return out;
    }

    /**
     * An indicator's approved category figures of a period, by category code then region code: what
     * each region reported of each category, with the margins its crossed cells make.
     */
    private Map<String, Map<String, BigDecimal>> categoryFigures(long indicatorId, String period) {
        Parts parts = new Parts();
        jdbc.sql("""
                        select r.code, o.obs_value, g.code, g.dimension from observation o
                        join region r on r.id = o.region_id join disaggregation g on g.id = o.disaggregation_id
                        where o.indicator_id = ? and o.period = ? and o.status = 'APPROVED' and o.measure = 'LEVEL'
                          and g.dimension <> 'TOTAL'""")
                .param(indicatorId).param(period)
                .query((rs, n) -> {
                    parts.add(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4));
                    return null;
                }).list();
        if (parts.categories.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<List<String>>> partsOf = partsOf(indicatorId);
        Map<String, Map<String, BigDecimal>> out = new TreeMap<>();
        parts.categories.forEach((region, byDimension) -> Breakdowns.withMargins(byDimension, partsOf, "CROSSED", "+")
                .forEach((dimension, cells) -> cells.forEach((key, value) ->
                        out.computeIfAbsent(String.join("+", key), k -> new HashMap<>()).put(region, value))));
        return out;
    }

    /** An indicator's aggregation settings that the framework's {@code Indicator} does not carry. */
    private record Settings(String incomplete, @Nullable Long weightId, @Nullable String periodRule) {}

    /** What {@link #reported} reads, by indicator code: the regions' own figures an aggregation rests on (none for an unknown code). */
    public Map<String, BigDecimal> reportedTotals(String indicatorCode, String period) {
        Long id = jdbc.sql("select id from indicator where code = ?").param(indicatorCode).query(Long.class).optional().orElse(null);
        return id == null ? Map.of() : reported(id, period, null);
    }

    /**
     * The approved totals of an indicator for a period, by region code; for an additive indicator a
     * region without a total but with every category of a dimension has their sum.
     */
    private Map<String, BigDecimal> reported(long indicatorId, String period, @Nullable Collection<Long> regionIds) {
        Parts parts = new Parts();
        if (regionIds != null && regionIds.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("""
                        select r.code, o.obs_value, g.code, g.dimension from observation o
                        join region r on r.id = o.region_id
                        join disaggregation g on g.id = o.disaggregation_id
                        join indicator i on i.id = o.indicator_id
                        where o.indicator_id = :i and o.period = :p and o.status = 'APPROVED' and o.measure = 'LEVEL'
                          and (g.code = '_T' or i.aggregation = 'SUM')""" + (regionIds == null ? "" : " and o.region_id in (:ids)"))
                .param("i", indicatorId).param("p", period)
                .params(regionIds == null ? Map.of() : Map.of("ids", List.copyOf(regionIds)))
                .query((rs, n) -> {
                    parts.add(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4));
                    return null;
                }).list();
        return withTotalsFromParts(indicatorId, parts);
    }

    /** 100 for a percentage, 1,000 for per mille, else 1: what a ratio of two sums is multiplied by. */
    static BigDecimal scale(Indicator indicator) {
        String unit = indicator.unit().zh() == null ? "" : indicator.unit().zh().strip();
        return switch (unit) {
            case "%", "％", "百分比" -> BigDecimal.valueOf(100);
            case "‰" -> BigDecimal.valueOf(1000);
            default -> BigDecimal.ONE;
        };
    }
}
