package org.yardstick.publish.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.aggregation.AggregateFigure;
import org.yardstick.aggregation.Aggregates;
import org.yardstick.framework.Citation;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Target;
import org.yardstick.progress.ProgressText;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;
import org.yardstick.shared.TableDownload;
import org.yardstick.shared.TableDownload.Column;

/**
 * The public tables as downloads (下载): an indicator's figures in every region, a region's figures
 * of every indicator, and a plan's targets with their progress — approved figures only, at full
 * stored precision, codes beside names, provenance (the document and sentence a figure or target
 * was taken from; who reported and who approved a collected figure) and coverage of computed
 * figures (汇总值). Figures are read row by row as they are written: nothing is held in memory.
 */
@Service
public class PublicTables {

    /** One figure per line: the approved observation, its first source, its submission's reporter and approver. */
    private static final String FIGURES = """
            select i.code as indicator_code, i.name_zh as indicator_zh, i.name_en as indicator_en, i.unit_zh, i.unit_en,
                   r.code as region_code, r.name_zh as region_zh, r.name_en as region_en, r.level as region_level,
                   o.period, g.code as breakdown_code, g.name_zh as breakdown_zh, g.name_en as breakdown_en,
                   o.measure, o.base_period, o.obs_value, o.qualifier, o.qualifier_text,
                   s.submitted_by, s.reviewed_by, s.reviewed_at, o.updated_at,
                   src.source_document, src.source_line, src.source_quote
            from observation o
            join indicator i on i.id = o.indicator_id
            join region r on r.id = o.region_id
            join disaggregation g on g.id = o.disaggregation_id
            left join submission s on s.id = o.submission_id
            left join (select os.observation_id, d.code as source_document, os.source_line, os.source_quote,
                              row_number() over (partition by os.observation_id
                                                 order by d.issued, d.code, os.source_line) as nth
                       from observation_source os join document d on d.id = os.document_id) src
                   on src.observation_id = o.id and src.nth = 1
            where o.status = 'APPROVED' and \s""";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final Indicators indicators;
    private final Regions regions;
    private final Aggregates aggregates;
    private final PlanSheets sheets;
    private final MessageSource messages;
    private final ProgressText progressText;
    private final Clock clock;
    private final String licence;

    PublicTables(javax.sql.DataSource dataSource, PlatformTransactionManager transactions, Indicators indicators, Regions regions, Aggregates aggregates, PlanSheets sheets,
                 MessageSource messages, ProgressText progressText, Clock clock,
                 @Value("${yardstick.publish.licence:CC BY 4.0}") String licence) {
        // a cursor read in pages, so that PostgreSQL does not hand over a whole indicator at once
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.jdbc = JdbcClient.create(template);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setReadOnly(true);
        this.readOnly = tx;
        this.indicators = indicators;
        this.regions = regions;
        this.aggregates = aggregates;
        this.sheets = sheets;
        this.messages = messages;
        this.progressText = progressText;
        this.clock = clock;
        this.licence = licence;
    }

    /** The licence every published table is under (configurable: {@code yardstick.publish.licence}). */
    public String licence() {
        return licence;
    }

    /** The columns of a figure table. */
    private List<Column> figureColumns(Locale l) {
        return List.of(
                Column.text("indicator", m("download.col.indicator", l)),
                Column.text("indicator_name", m("download.col.indicator-name", l)),
                Column.text("region", m("download.col.region", l)),
                Column.text("region_name", m("download.col.region-name", l)),
                Column.text("region_level", m("download.col.region-level", l)),
                Column.text("period", m("download.col.period", l)),
                Column.text("breakdown", m("download.col.breakdown", l)),
                Column.text("breakdown_name", m("download.col.breakdown-name", l)),
                Column.text("measure", m("download.col.measure", l)),
                Column.text("base_period", m("download.col.base-period", l)),
                Column.number("value", m("download.col.value", l)),
                Column.text("qualifier", m("download.col.qualifier", l)),
                Column.text("unit", m("download.col.unit", l)),
                Column.text("origin", m("download.col.origin", l)),
                Column.number("covered", m("download.col.covered", l)),
                Column.number("expected", m("download.col.expected", l)),
                Column.text("source_document", m("download.col.source-document", l)),
                Column.number("source_line", m("download.col.source-line", l)),
                Column.text("source_quote", m("download.col.source-quote", l)),
                Column.text("reported_by", m("download.col.reported-by", l)),
                Column.text("approved_by", m("download.col.approved-by", l)),
                Column.text("approved_at", m("download.col.approved-at", l)));
    }

    /**
     * Every approved figure of an indicator in every region (or the regions of one level), then its
     * computed figures (汇总值) with their coverage.
     */
    public TableDownload indicator(String code, @Nullable RegionLevel level, Locale l) {
        Indicator indicator = indicators.get(code);
        Map<String, String> meta = metadata(indicator.name().in(l), "/indicators/" + code, l);
        meta.put(m("download.meta.unit", l), indicator.unit().in(l));
        meta.put(m("download.meta.definition", l), indicator.description().in(l));
        String name = "indicator-" + code + (level == null ? "" : "-" + level.name().toLowerCase(Locale.ROOT));
        return new TableDownload(name, figureColumns(l), meta, sink -> {
            if (level == null) {
                figures("i.code = ? order by r.code, g.code, o.measure, o.period_start, o.period", List.of(code), l, sink);
            } else {
                figures("i.code = ? and r.level = ? order by r.code, g.code, o.measure, o.period_start, o.period",
                        List.of(code, level.name()), l, sink);
            }
            Map<String, List<String>> byRegion = new LinkedHashMap<>();
            aggregates.regionsOf(code).forEach(r -> byRegion.put(r, List.of(code)));
            computed(aggregates.of(byRegion), Map.of(code, indicator), level, l, sink);
        });
    }

    /** Every approved figure of a region, then its computed figures with their coverage. */
    public TableDownload region(String code, Locale l) {
        Region region = regions.get(code);
        Map<String, String> meta = metadata(region.name().in(l), "/regions/" + code, l);
        return new TableDownload("region-" + code, figureColumns(l), meta, sink -> {
            figures("r.code = ? order by i.code, o.measure, o.period_start, o.period, g.code", List.of(code), l, sink);
            List<AggregateFigure> computed = aggregates.ofRegion(code);
            computed(computed, indicators.byCodes(computed.stream().map(AggregateFigure::indicatorCode).distinct().toList()),
                    null, l, sink);
        });
    }

    /** A plan's targets, one line each, with the baseline and latest approved figure and how the target stands. */
    public TableDownload plan(String code, Locale l) {
        PlanSheet sheet = sheets.sheet(code);
        Map<String, String> meta = metadata(sheet.plan().name().in(l), "/plans/" + code, l);
        if (sheet.document() != null) {
            meta.put(m("download.meta.document", l), sheet.document().code() + " " + sheet.document().title().in(l));
        }
        List<Column> columns = List.of(
                Column.text("plan", m("download.col.plan", l)),
                Column.text("section", m("download.col.section", l)),
                Column.text("indicator", m("download.col.indicator", l)),
                Column.text("indicator_name", m("download.col.indicator-name", l)),
                Column.text("unit", m("download.col.unit", l)),
                Column.text("target", m("download.col.target", l)),
                Column.text("target_kind", m("download.col.target-kind", l)),
                Column.text("target_statement", m("download.col.target-statement", l)),
                Column.text("region", m("download.col.region", l)),
                Column.text("region_name", m("download.col.region-name", l)),
                Column.number("target_year", m("download.col.target-year", l)),
                Column.number("target_value", m("download.col.target-value", l)),
                Column.number("target_value_high", m("download.col.target-value-high", l)),
                Column.text("baseline_period", m("download.col.baseline-period", l)),
                Column.number("baseline_value", m("download.col.baseline-value", l)),
                Column.text("latest_period", m("download.col.latest-period", l)),
                Column.number("latest_value", m("download.col.latest-value", l)),
                Column.text("status", m("download.col.status", l)),
                Column.number("progress_percent", m("download.col.progress-percent", l)),
                Column.text("source_document", m("download.col.source-document", l)),
                Column.number("source_line", m("download.col.source-line", l)),
                Column.text("source_quote", m("download.col.source-quote", l)));
        return new TableDownload("plan-" + code, columns, meta, sink -> {
            List<PlanSheet.Row> all = new ArrayList<>(sheet.rows());
            all.addAll(sheet.monitored());
            for (PlanSheet.Row r : all) {
                Target t = r.target();
                Citation c = t == null ? null : t.source();
                Region region = sheet.regions().getOrDefault(r.regionCode(), sheet.region());
                sink.accept(new Object[] {sheet.plan().code(), r.sectionCode(), r.indicator().code(),
                        r.indicator().name().in(l), r.indicator().unit().in(l),
                        t == null ? null : t.code(), t == null ? null : t.kind().name(),
                        t == null ? null : t.statement().in(l), r.regionCode(), region.name().in(l),
                        t == null ? null : t.targetYear(), t == null ? null : t.value(), t == null ? null : t.valueHigh(),
                        r.baseline() == null ? null : r.baseline().period().code(),
                        r.baseline() == null ? null : r.baseline().value(),
                        r.latest() == null ? null : r.latest().period().code(),
                        r.latest() == null ? null : r.latest().value(),
                        r.progress() == null ? null : progressText.status(r.progress().status(), l),
                        r.progress() == null ? null : r.progress().progressPercent(),
                        c == null ? null : c.documentCode(), c == null ? null : c.line(), c == null ? null : c.quote()});
            }
        });
    }

    /**
     * What an indicator's download is made of, as a short text that changes whenever the download's
     * data does (a weak ETag's content, decision 0083): the approved figures of the indicator (count,
     * largest id, sum of versions, last approval), its computed figures (count, withheld, last
     * computation), the indicator itself, the breakdowns' names and the regions' stamp. Two aggregate
     * reads over the indicator's rows, no figure is read; the as-of time of the metadata is not part of it.
     */
    public String indicatorState(String code) {
        Indicator indicator = indicators.get(code);
        return String.join("|", indicator.toString(), figuresState("i.code = ?", code),
                computedState("indicator i on i.id = a.indicator_id where i.code = ?", code), namesState());
    }

    /** What a region's download is made of (see {@link #indicatorState}): its figures, its computed figures, the names. */
    public String regionState(String code) {
        Region region = regions.get(code);
        return String.join("|", region.toString(), figuresState("r.code = ?", code),
                computedState("region r on r.id = a.region_id where r.code = ?", code), indicators.all().toString(),
                namesState());
    }

    /** Computed figures: how many, how many withheld, the last computation. */
    private String computedState(String joinAndCondition, String code) {
        return jdbc.sql("""
                        select count(*), coalesce(sum(case when a.withheld then 1 else 0 end), 0), max(a.updated_at)
                        from aggregate_value a join\s""" + joinAndCondition)
                .param(code).query((rs, n) -> rs.getLong(1) + "," + rs.getLong(2) + "," + rs.getTimestamp(3)).single();
    }

    private String figuresState(String condition, String code) {
        return jdbc.sql("""
                        select count(*), coalesce(max(o.id), 0), coalesce(sum(o.version), 0), max(o.updated_at)
                        from observation o join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id
                        where o.status = 'APPROVED' and\s""" + condition)
                .param(code).query((rs, n) -> rs.getLong(1) + "," + rs.getLong(2) + "," + rs.getLong(3) + ","
                        + rs.getTimestamp(4)).single();
    }

    private String namesState() {
        return String.join(",", jdbc.sql("select code || ':' || name_zh || ':' || name_en from disaggregation order by code")
                .query(String.class).list()) + "|" + jdbc.sql("select stamp from cache_stamp where name = 'regions'")
                .query(Long.class).optional().orElse(0L) + "|" + licence;
    }

    /** What every table says about itself: title, source, licence, as-of time, URL. */
    public Map<String, String> metadata(String title, String path, Locale l) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(m("download.meta.title", l), title);
        meta.put(m("download.meta.source", l), m("download.meta.source.text", l));
        meta.put(m("download.meta.licence", l), licence);
        meta.put(m("download.meta.as-of", l), Instant.now(clock).toString());
        meta.put(m("download.meta.url", l), path);
        meta.put(m("download.meta.precision", l), m("download.meta.precision.text", l));
        return meta;
    }

    /** Streams the approved figures matching the condition to the sink. */
    void figures(String condition, List<String> params, Locale l, Consumer<@Nullable Object[]> sink) {
        boolean zh = !"en".equals(l.getLanguage());
        readOnly.executeWithoutResult(status -> {
            try (Stream<Object[]> rows = jdbc.sql(FIGURES + condition).params(params)
                    .query((rs, n) -> figure(rs, zh)).stream()) {
                rows.forEach(sink);
            }
        });
    }

    private Object[] figure(ResultSet rs, boolean zh) throws SQLException {
        String qualifier = rs.getString("qualifier");
        String qualifierText = rs.getString("qualifier_text");
        java.sql.Timestamp reviewed = rs.getTimestamp("reviewed_at");
        int line = rs.getInt("source_line");
        boolean hasLine = !rs.wasNull();
        return new Object[] {rs.getString("indicator_code"), rs.getString(zh ? "indicator_zh" : "indicator_en"),
                rs.getString("region_code"), rs.getString(zh ? "region_zh" : "region_en"), rs.getString("region_level"),
                rs.getString("period"), rs.getString("breakdown_code"), rs.getString(zh ? "breakdown_zh" : "breakdown_en"),
                rs.getString("measure"), rs.getString("base_period"), rs.getBigDecimal("obs_value"),
                "NONE".equals(qualifier) ? "" : qualifierText.isEmpty() ? qualifier : qualifierText,
                rs.getString(zh ? "unit_zh" : "unit_en"), "reported", null, null,
                rs.getString("source_document"), hasLine ? line : null, rs.getString("source_quote"),
                rs.getString("submitted_by"), rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toInstant().toString()};
    }

    private void computed(List<AggregateFigure> figures, Map<String, Indicator> byCode, @Nullable RegionLevel level,
                          Locale l, Consumer<@Nullable Object[]> sink) {
        Map<String, Region> names = regions.byCodes(figures.stream().map(AggregateFigure::regionCode).distinct().toList());
        for (AggregateFigure a : figures) {
            Region r = names.get(a.regionCode());
            if (a.withheld() || (level != null && (r == null || r.level() != level))) {
                continue; // withheld: coverage too low to publish (不予发布)
            }
            Indicator i = byCode.get(a.indicatorCode());
            sink.accept(new Object[] {a.indicatorCode(), i == null ? "" : i.name().in(l), a.regionCode(),
                    r == null ? null : r.name().in(l), r == null ? null : r.level().name(),
                    a.period().code(), "_T", null, "LEVEL", "", a.value(), "", i == null ? "" : i.unit().in(l),
                    a.derived() ? "derived" : "computed", a.covered(), a.expected(), null, null, null, null, null,
                    a.updatedAt().toString()});
        }
    }

    private String m(String key, Locale l) {
        return messages.getMessage(key, null, key, l);
    }
}
