package org.yardstick.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yardstick.assessment.engine.Disclosure.Verdict;
import org.yardstick.assessment.engine.RegionalDisclosure.Stats;
import org.yardstick.assessment.engine.RegionalDisclosure;
import org.yardstick.assessment.engine.RegionalTables.Cell;
import org.yardstick.assessment.engine.RegionalTables;
import org.yardstick.assessment.engine.Stage;
import org.yardstick.observation.ComputedObservations;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.NotFoundException;

/**
 * The regional indicators of the self-assessment (issue 13, decision 0065): per county, prefecture and region and per
 * year of submission, from the submitted assessments of one questionnaire version — mean score, enterprises per stage,
 * share at 集成提升 or above, 贯标 and 示范 enterprises, 规上 coverage — under disclosure control over the region tree
 * ({@link RegionalDisclosure}; region × stage protected as one two-way table). Published cells are written as
 * approved, computed figures of the framework indicators {@link #INDICATORS} ({@link ComputedObservations}), so that
 * targets, progress, indices, maps and the public API read them; suppressed cells are not written at all.
 *
 * <p>Incremental (decisions 0066, 0073): a submission or a return rewrites its county's summary
 * ({@code asm_county_summary}); the tree is built from the county summaries (a few thousand rows), disclosure control
 * reruns only in the province whose summaries changed and at the root ({@link RegionalTables}, exact: the same verdicts
 * as the whole tree at once), and only that province's and the root's stored figures are read, compared and the
 * changed ones written. One recomputation per transaction (decision 0074).
 */
@Service
public class RegionalIndicators {

    /** Who the computed figures are "by" (observation.created_by / updated_by). */
    public static final String AUTHOR = "(两化融合自评估)";
    public static final String MEAN_SCORE = "ASM_MEAN_SCORE";
    public static final String SHARE_INTEGRATION = "ASM_SHARE_INTEGRATION";
    public static final String ASSESSED = "ASM_ASSESSED";
    public static final String PILOT = "ASM_PILOT";
    public static final String DEMONSTRATION = "ASM_DEMONSTRATION";
    public static final String COVERAGE = "ASM_COVERAGE";
    public static final Map<Stage, String> STAGE_INDICATORS = stageIndicators();
    public static final List<String> INDICATORS = List.of(MEAN_SCORE, SHARE_INTEGRATION, ASSESSED,
            "ASM_STAGE_STARTING", "ASM_STAGE_SINGLE", "ASM_STAGE_INTEGRATION", "ASM_STAGE_INNOVATION", PILOT,
            DEMONSTRATION, COVERAGE);

    private static Map<Stage, String> stageIndicators() {
        Map<Stage, String> m = new EnumMap<>(Stage.class);
        m.put(Stage.STARTING, "ASM_STAGE_STARTING");
        m.put(Stage.SINGLE_COVERAGE, "ASM_STAGE_SINGLE");
        m.put(Stage.INTEGRATION, "ASM_STAGE_INTEGRATION");
        m.put(Stage.INNOVATION, "ASM_STAGE_INNOVATION");
        return Map.copyOf(m);
    }

    /** A count under disclosure control: the value only when published. */
    public record Count(Verdict verdict, @Nullable Integer value) {}

    /**
     * One region's figures. With {@code verdict} other than PUBLISHED every figure is null; a stage, 贯标 or 示范
     * count may be suppressed on its own ({@link Count#verdict()}); the share at 集成提升 or above is shown only
     * where both of its stage counts are.
     */
    public record Row(String regionCode, LocalizedText regionName, Verdict verdict, @Nullable Integer assessments,
                      @Nullable BigDecimal meanScore, @Nullable BigDecimal shareIntegrationOrAbove,
                      Map<Stage, Count> stages, Count pilot, Count demonstration, @Nullable Integer aboveAnswered,
                      @Nullable Integer aboveRegistered, @Nullable BigDecimal coverage) {}

    /** A region's table: its own row and one per child region. */
    public record Table(String regionCode, int year, @Nullable String questionnaire, @Nullable Integer questionnaireVersion,
                        Row total, List<Row> rows, List<Integer> years) {}

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Questionnaires questionnaires;
    private final ComputedObservations computed;
    private final Clock clock;

    RegionalIndicators(JdbcClient jdbc, Regions regions, Questionnaires questionnaires, ComputedObservations computed,
                       Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.questionnaires = questionnaires;
        this.computed = computed;
        this.clock = clock;
    }

    // ---- recomputation ---------------------------------------------------------------------------------------

    private static final String SUMMARY = """
            insert into asm_county_summary (questionnaire_id, period_year, region_id, assessments, score_sum, score_max,
                stage_starting, stage_single, stage_integration, stage_innovation, pilot, demonstration, above_answered,
                above_registered)
            select :q, :y, e.region_id, count(a.id), coalesce(sum(a.total_score), 0), coalesce(max(a.total_score), 0),
                sum(case when a.stage = 'STARTING' then 1 else 0 end),
                sum(case when a.stage = 'SINGLE_COVERAGE' then 1 else 0 end),
                sum(case when a.stage = 'INTEGRATION' then 1 else 0 end),
                sum(case when a.stage = 'INNOVATION' then 1 else 0 end),
                sum(case when a.id is not null and e.pilot then 1 else 0 end),
                sum(case when a.id is not null and e.demonstration then 1 else 0 end),
                sum(case when a.id is not null and e.above_scale then 1 else 0 end),
                sum(case when e.above_scale then 1 else 0 end)
            from asm_enterprise e left join asm_assessment a on a.enterprise_id = e.id and a.questionnaire_id = :q
                and a.status = 'SUBMITTED' and a.submitted_at >= :from and a.submitted_at < :to
            """;

    /** A county whose summary of one questionnaire version and year is to be rewritten. */
    public record CountyYear(long questionnaireId, long countyRegionId, int year) {}

    /** After a submission or return: the county's summary, then the year's figures (only changed ones written). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public ComputedObservations.Written recomputeCounty(long questionnaireId, long countyRegionId, int year) {
        return recompute(List.of(new CountyYear(questionnaireId, countyRegionId, year)), List.of());
    }

    /**
     * After a transaction that submitted, returned, registered or re-flagged (one run for all of them, decision 0074):
     * the summaries of these counties, and of every version and year for the counties of the enterprises registered
     * or whose 规上 flag changed (coverage), then each year's figures, recomputing disclosure only in the provinces
     * whose summaries changed and writing only figures that changed.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public ComputedObservations.Written recompute(Collection<CountyYear> changed, Collection<Long> enterprises) {
        // one recomputation at a time: two counties' submissions committing together would each read the other's old
        // summary and the later would write a province figure without the earlier county
        jdbc.sql("select id from asm_questionnaire order by id for update").query(Long.class).list();
        runs.incrementAndGet();
        Set<CountyYear> counties = new LinkedHashSet<>(changed);
        Set<Long> coverageCounties = new LinkedHashSet<>();
        List<Long> ids = List.copyOf(enterprises);
        for (int from = 0; from < ids.size(); from += 1000) {
            coverageCounties.addAll(jdbc.sql("select distinct region_id from asm_enterprise where id in (:e)")
                    .param("e", ids.subList(from, Math.min(ids.size(), from + 1000))).query(Long.class).list());
        }
        if (!coverageCounties.isEmpty()) {
            List<long[]> versions = jdbc.sql("select distinct questionnaire_id, period_year from asm_county_summary")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
            for (long county : coverageCounties) {
                versions.forEach(v -> counties.add(new CountyYear(v[0], county, (int) v[1])));
            }
        }
        Map<Integer, Set<Long>> years = new TreeMap<>();
        for (CountyYear c : counties) {
            jdbc.sql("delete from asm_county_summary where questionnaire_id = ? and period_year = ? and region_id = ?")
                    .params(c.questionnaireId(), c.year(), c.countyRegionId()).update();
            bounds(jdbc.sql(SUMMARY + " where e.region_id = :r group by e.region_id"), c.questionnaireId(), c.year())
                    .param("r", c.countyRegionId()).update();
            years.computeIfAbsent(c.year(), k -> new HashSet<>()).add(c.countyRegionId());
        }
        int inserted = 0;
        int updated = 0;
        int deleted = 0;
        int unchanged = 0;
        for (var y : years.entrySet()) {
            var w = publish(y.getKey(), false, y.getValue());
            inserted += w.inserted();
            updated += w.updated();
            deleted += w.deleted();
            unchanged += w.unchanged();
        }
        return new ComputedObservations.Written(inserted, updated, deleted, unchanged);
    }

    /** Every summary and figure from the submitted assessments (recovery, start-up, benchmark). */
    @Transactional
    public int recomputeAll() {
        jdbc.sql("select id from asm_questionnaire order by id for update").query(Long.class).list();
        Set<Integer> years = new TreeSet<>(jdbc.sql("select distinct period_year from asm_county_summary")
                .query(Integer.class).list());
        jdbc.sql("delete from asm_county_summary").update();
        record Range(long q, Timestamp first, Timestamp last) {}
        List<Range> ranges = jdbc.sql("select questionnaire_id, min(submitted_at), max(submitted_at) from asm_assessment "
                        + "where status = 'SUBMITTED' group by questionnaire_id")
                .query((rs, n) -> new Range(rs.getLong(1), rs.getTimestamp(2), rs.getTimestamp(3))).list();
        for (Range r : ranges) {
            int from = r.first().toInstant().atZone(clock.getZone()).getYear();
            int to = r.last().toInstant().atZone(clock.getZone()).getYear();
            for (int y = from; y <= to; y++) {
                bounds(jdbc.sql(SUMMARY + " group by e.region_id"), r.q(), y).update();
                years.add(y);
            }
        }
        jdbc.sql("delete from asm_county_summary where (questionnaire_id, period_year) not in "
                + "(select questionnaire_id, period_year from asm_county_summary where assessments > 0)").update();
        int written = 0;
        for (int y : years) {
            var w = publish(y, true, Set.of()); // every figure compared with the stored one: the repair
            written += w.inserted() + w.updated() + w.deleted();
        }
        return written;
    }

    private JdbcClient.StatementSpec bounds(JdbcClient.StatementSpec spec, long questionnaireId, int year) {
        ZonedDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(clock.getZone());
        return spec.param("q", questionnaireId).param("y", year)
                .param("from", Timestamp.from(from.toInstant()))
                .param("to", Timestamp.from(from.plusYears(1).toInstant()));
    }

    private ComputedObservations.Written publish(int year, boolean whole, Set<Long> touched) {
        Computed c = compute(year, false, touched);
        List<ComputedObservations.Figure> figures = new ArrayList<>();
        String period = Integer.toString(year);
        @Nullable Set<String> scope = c == null || whole ? null : c.changed();
        if (c != null) {
            String comment = "computed from the submitted self-assessments, questionnaire " + c.questionnaireCode
                    + " v" + c.questionnaireVersion;
            c.rows.forEach((code, r) -> {
                if (r.verdict() != Verdict.PUBLISHED || scope != null && !scope.contains(code)) {
                    return;
                }
                String note = comment + "; 规上 coverage " + r.aboveAnswered() + "/" + r.aboveRegistered();
                add(figures, ASSESSED, code, period, r.assessments(), note);
                if (r.meanScore() != null) {
                    figures.add(new ComputedObservations.Figure(MEAN_SCORE, code, period, r.meanScore(), note));
                }
                if (r.shareIntegrationOrAbove() != null) {
                    figures.add(new ComputedObservations.Figure(SHARE_INTEGRATION, code, period,
                            r.shareIntegrationOrAbove(), note));
                }
                r.stages().forEach((s, count) -> add(figures, STAGE_INDICATORS.get(s), code, period, count.value(), note));
                add(figures, PILOT, code, period, r.pilot().value(), note);
                add(figures, DEMONSTRATION, code, period, r.demonstration().value(), note);
                if (r.coverage() != null) {
                    figures.add(new ComputedObservations.Figure(COVERAGE, code, period, r.coverage(), note));
                }
            });
        }
        var written = computed.replace(AUTHOR, INDICATORS, List.of(period), scope, figures);
        // the next recomputation narrows against this one only once its figures are stored
        Runnable remember = c == null ? () -> memories.remove(year) : () -> c.memo().remember(c.state());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember.run();
                }
            });
        } else {
            remember.run();
        }
        return written;
    }

    private static void add(List<ComputedObservations.Figure> out, String indicator, String region, String period,
                            @Nullable Integer value, String note) {
        if (value != null) {
            out.add(new ComputedObservations.Figure(indicator, region, period, BigDecimal.valueOf(value), note));
        }
    }

    // ---- computation -----------------------------------------------------------------------------------------

    private record Summary(String path, int assessments, double sum, double max, int[] stages, int pilot,
                           int demonstration, int aboveAnswered, int aboveRegistered, long regionId) {}

    private record Computed(String questionnaireCode, int questionnaireVersion, Map<String, Row> rows,
                            @Nullable Set<String> changed, RegionalTables.State state, Memo memo) {}

    /** The remembered tables of one year (of the questionnaire version it was computed for). */
    private static final class Memo {
        private final long questionnaireId;
        private final RegionalTables.Memory memory = new RegionalTables.Memory();

        Memo(long questionnaireId) {
            this.questionnaireId = questionnaireId;
        }

        long questionnaireId() {
            return questionnaireId;
        }

        synchronized RegionalTables.Result compute(List<Cell> cells, Set<String> touched) {
            return memory.compute(cells, touched);
        }

        synchronized void remember(RegionalTables.State state) {
            memory.remember(state);
        }
    }

    private final Map<Integer, Memo> memories = new ConcurrentHashMap<>();
    private final AtomicLong runs = new AtomicLong();

    /** How many incremental recomputations ran since start (one per transaction that changed something). */
    public long recomputations() {
        return runs.get();
    }

    /** Every region's row for a year, from the county summaries of the newest questionnaire version answered then. */
    private @Nullable Computed compute(int year, boolean withNames, Set<Long> touched) {
        Long q = jdbc.sql("select max(questionnaire_id) from asm_county_summary where period_year = ? and assessments > 0")
                .param(year).query(Long.class).optional().orElse(null);
        if (q == null) {
            return null;
        }
        List<Summary> summaries = jdbc.sql("""
                        select r.path, s.assessments, s.score_sum, s.score_max, s.stage_starting, s.stage_single,
                            s.stage_integration, s.stage_innovation, s.pilot, s.demonstration, s.above_answered,
                            s.above_registered, s.region_id
                        from asm_county_summary s join region r on r.id = s.region_id
                        where s.questionnaire_id = ? and s.period_year = ?""")
                .params(q, year)
                .query((rs, n) -> new Summary(rs.getString(1), rs.getInt(2), rs.getDouble(3), rs.getDouble(4),
                        new int[] {rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)}, rs.getInt(9), rs.getInt(10),
                        rs.getInt(11), rs.getInt(12), rs.getLong(13)))
                .list();
        Set<String> touchedCodes = new HashSet<>();
        // the tree: every region on a county's path; totals summed up the paths
        Map<String, String> parent = new LinkedHashMap<>();
        Map<String, Summary> direct = new HashMap<>();
        Map<String, long[]> totals = new HashMap<>(); // n, stages×4, pilot, demo, aboveAnswered, aboveRegistered
        Map<String, double[]> sums = new HashMap<>(); // sum
        for (Summary s : summaries) {
            String[] codes = s.path().substring(1).split("/");
            for (int i = 0; i < codes.length; i++) {
                parent.putIfAbsent(codes[i], i == 0 ? null : codes[i - 1]);
                long[] t = totals.computeIfAbsent(codes[i], k -> new long[9]);
                t[0] += s.assessments();
                for (int k = 0; k < 4; k++) {
                    t[1 + k] += s.stages()[k];
                }
                t[5] += s.pilot();
                t[6] += s.demonstration();
                t[7] += s.aboveAnswered();
                t[8] += s.aboveRegistered();
                sums.computeIfAbsent(codes[i], k -> new double[1])[0] += s.sum();
            }
            direct.put(codes[codes.length - 1], s);
            if (touched.contains(s.regionId())) {
                touchedCodes.add(codes[codes.length - 1]);
            }
        }
        List<Cell> cells = new ArrayList<>();
        parent.forEach((code, p) -> {
            Summary s = direct.get(code);
            cells.add(s == null ? new Cell(code, p, Stats.EMPTY, 0, 0, 0, 0, 0, 0, 0, 0)
                    : new Cell(code, p, s.assessments() == 0 ? Stats.EMPTY : new Stats(s.assessments(), s.sum(), s.max()),
                            s.stages()[0], s.stages()[1], s.stages()[2], s.stages()[3], s.pilot(), s.demonstration(),
                            s.aboveAnswered(), s.aboveRegistered()));
        });
        Memo memo = memories.compute(year, (k, m) -> m == null || m.questionnaireId() != q ? new Memo(q) : m);
        RegionalTables.Result result = memo.compute(cells, touchedCodes);
        Map<String, Verdict> score = result.verdicts().score();
        Map<Stage, Map<String, Verdict>> stages = result.verdicts().stages();
        Map<String, Verdict> pilot = result.verdicts().pilot();
        Map<String, Verdict> demo = result.verdicts().demonstration();
        // names only for a table read (a recomputation writes figures, which carry codes)
        Map<String, Region> named = withNames ? regions.byCodes(parent.keySet()) : Map.of();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String code : parent.keySet()) {
            Region region = named.get(code);
            LocalizedText name = region == null ? new LocalizedText(code, code) : region.name();
            Verdict v = score.get(code);
            long[] t = totals.get(code);
            Map<Stage, Count> stageCounts = new EnumMap<>(Stage.class);
            for (Stage st : Stage.values()) {
                Verdict sv = stages.get(st).get(code);
                stageCounts.put(st, new Count(sv, sv == Verdict.PUBLISHED ? (int) t[1 + st.ordinal()] : null));
            }
            if (v != Verdict.PUBLISHED) {
                rows.put(code, new Row(code, name, v, null, null, null, stageCounts, new Count(pilot.get(code), null),
                        new Count(demo.get(code), null), null, null, null));
                continue;
            }
            int n = (int) t[0];
            Count in = stageCounts.get(Stage.INTEGRATION);
            Count inn = stageCounts.get(Stage.INNOVATION);
            BigDecimal share = n == 0 || in.value() == null || inn.value() == null ? null
                    : percent(in.value() + inn.value(), n);
            rows.put(code, new Row(code, name, v, n, n == 0 ? null : scale(sums.get(code)[0] / n), share, stageCounts,
                    count(pilot.get(code), t[5]), count(demo.get(code), t[6]), (int) t[7], (int) t[8],
                    t[8] == 0 ? null : percent(t[7], t[8])));
        }
        var version = questionnaires.byId(q);
        return new Computed(version.code(), version.version(), rows, result.changed(), result.state(), memo);
    }

    private static Count count(Verdict v, long value) {
        return new Count(v, v == Verdict.PUBLISHED ? (int) value : null);
    }

    private static BigDecimal percent(long part, long whole) {
        return scale(100.0 * part / whole);
    }

    private static BigDecimal scale(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN);
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** The years with figures, newest first. */
    public List<Integer> years() {
        return jdbc.sql("select distinct period_year from asm_county_summary where assessments > 0 order by period_year desc")
                .query(Integer.class).list();
    }

    /**
     * A region's table for a year (the newest with figures when null): its own row and its child regions' rows, as
     * published (suppressed cells marked with their reason, no figure). Public: only what disclosure control allows.
     */
    public Table table(String regionCode, @Nullable Integer year) {
        Region region = regions.find(regionCode).orElseThrow(() -> new NotFoundException("region", regionCode));
        List<Integer> years = years();
        int y = year != null ? year : years.isEmpty() ? LocalDate.now(clock).getYear() : years.get(0);
        Computed c = compute(y, true, Set.of());
        Map<String, Row> rows = c == null ? Map.of() : c.rows();
        List<Row> children = new ArrayList<>();
        for (Region child : regions.children(region)) {
            Row r = rows.get(child.code());
            if (r != null) {
                children.add(r);
            }
        }
        Row total = rows.getOrDefault(region.code(), empty(region));
        return new Table(region.code(), y, c == null ? null : c.questionnaireCode(),
                c == null ? null : c.questionnaireVersion(), total, children, years);
    }

    private static Row empty(Region region) {
        Map<Stage, Count> stages = new EnumMap<>(Stage.class);
        for (Stage st : Stage.values()) {
            stages.put(st, new Count(Verdict.PUBLISHED, 0));
        }
        return new Row(region.code(), region.name(), Verdict.PUBLISHED, 0, null, null, stages,
                new Count(Verdict.PUBLISHED, 0), new Count(Verdict.PUBLISHED, 0), 0, 0, null);
    }
}
