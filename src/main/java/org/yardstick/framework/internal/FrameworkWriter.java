package org.yardstick.framework.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.yardstick.framework.Citation;
import org.yardstick.framework.internal.Drafts.DisaggregationDraft;
import org.yardstick.framework.internal.Drafts.DocumentDraft;
import org.yardstick.framework.internal.Drafts.GoalDraft;
import org.yardstick.framework.internal.Drafts.IndicatorDraft;
import org.yardstick.framework.internal.Drafts.KeyProjectDraft;
import org.yardstick.framework.internal.Drafts.PlanDraft;
import org.yardstick.framework.internal.Drafts.SectionDraft;
import org.yardstick.framework.internal.Drafts.TargetDraft;
import org.yardstick.framework.internal.Drafts.TaskDraft;

/** Writes checked drafts; runs inside the caller's transaction. */
final class FrameworkWriter {

    private final JdbcClient jdbc;

    FrameworkWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a document, or updates the one with the same code. */
    void upsert(DocumentDraft d) {
        int n = jdbc.sql("""
                update document set title_zh = ?, title_en = ?, issuer_zh = ?, issuer_en = ?, issued = ?, kind = ?, reference = ?
                where code = ?""")
                .params(d.title().zh(), d.title().en(), d.issuer().zh(), d.issuer().en(), d.issued(), d.kind().name(),
                        d.reference(), d.code())
                .update();
        if (n == 0) {
            jdbc.sql("""
                    insert into document (code, title_zh, title_en, issuer_zh, issuer_en, issued, kind, reference)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(d.code(), d.title().zh(), d.title().en(), d.issuer().zh(), d.issuer().en(), d.issued(),
                            d.kind().name(), d.reference())
                    .update();
        }
    }

    void upsert(DisaggregationDraft d) {
        int n = jdbc.sql("update disaggregation set dimension = ?, name_zh = ?, name_en = ? where code = ?")
                .params(d.dimension().name(), d.name().zh(), d.name().en(), d.code()).update();
        if (n == 0) {
            jdbc.sql("insert into disaggregation (code, dimension, name_zh, name_en) values (?, ?, ?, ?)")
                    .params(d.code(), d.dimension().name(), d.name().zh(), d.name().en()).update();
        }
    }

    /** Inserts or updates indicators; numerator and denominator links are set once all exist. */
    void upsert(List<IndicatorDraft> indicators) {
        for (IndicatorDraft i : indicators) {
            int n = jdbc.sql("""
                    update indicator set name_zh = ?, name_en = ?, unit_zh = ?, unit_en = ?, polarity = ?, aggregation = ?,
                           formula = ?, nature = ?, decimals = ?, description_zh = ?, description_en = ?, period_rule = ?,
                           incomplete = ?, difference_threshold = ?
                    where code = ?""")
                    .params(i.name().zh(), i.name().en(), i.unit().zh(), i.unit().en(), i.polarity().name(),
                            i.aggregation().name(), i.formula(), i.nature().name(), i.decimals(), i.description().zh(),
                            i.description().en(), i.periodRule() == null ? null : i.periodRule().name(), i.incomplete().name(),
                            i.differenceThreshold(), i.code())
                    .update();
            if (n == 0) {
                jdbc.sql("""
                        insert into indicator (code, name_zh, name_en, unit_zh, unit_en, polarity, aggregation, formula, nature,
                                               decimals, description_zh, description_en, period_rule, incomplete,
                                               difference_threshold)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(i.code(), i.name().zh(), i.name().en(), i.unit().zh(), i.unit().en(), i.polarity().name(),
                                i.aggregation().name(), i.formula(), i.nature().name(), i.decimals(), i.description().zh(),
                                i.description().en(), i.periodRule() == null ? null : i.periodRule().name(), i.incomplete().name(),
                                i.differenceThreshold())
                        .update();
            }
        }
        for (IndicatorDraft i : indicators) {
            jdbc.sql("""
                    update indicator set numerator_id = (select id from indicator where code = ?),
                                         denominator_id = (select id from indicator where code = ?),
                                         weight_id = (select id from indicator where code = ?)
                    where code = ?""")
                    .params(i.numerator(), i.denominator(), i.weight(), i.code()).update();
        }
    }

    /** Inserts a plan and everything in it; the plan's code must be new. */
    void insert(PlanDraft p) {
        long planId = insertReturningId("""
                insert into plan (code, name_zh, name_en, region_id, start_year, end_year, baseline_year, document_id)
                values (?, ?, ?, (select id from region where code = ?), ?, ?, ?, (select id from document where code = ?))""",
                p.code(), p.name().zh(), p.name().en(), p.regionCode(), p.startYear(), p.endYear(), p.baselineYear(),
                p.documentCode());
        Map<String, Long> sections = new HashMap<>();
        int ordinal = 0;
        for (SectionDraft s : p.sections()) {
            long id = insertReturningId("""
                    insert into plan_section (plan_id, parent_id, code, title_zh, title_en, ordinal) values (?, ?, ?, ?, ?, ?)""",
                    planId, s.parentCode() == null ? null : sections.get(s.parentCode()), s.code(), s.title().zh(),
                    s.title().en(), ordinal++);
            sections.put(s.code(), id);
            int i = 0;
            for (String indicator : s.indicatorCodes()) {
                jdbc.sql("insert into section_indicator (section_id, indicator_id, ordinal) "
                                + "values (?, (select id from indicator where code = ?), ?)")
                        .params(id, indicator, i++).update();
            }
        }
        ordinal = 0;
        for (GoalDraft g : p.goals()) {
            Citation c = g.source();
            jdbc.sql("""
                    insert into goal (plan_id, section_id, code, text_zh, text_en, ordinal, document_id, source_line, source_quote)
                    values (?, ?, ?, ?, ?, ?, (select id from document where code = ?), ?, ?)""")
                    .params(planId, sections.get(g.sectionCode()), g.code(), g.text().zh(), g.text().en(), ordinal++,
                            doc(c), line(c), quote(c))
                    .update();
        }
        Map<String, Long> targets = new HashMap<>();
        ordinal = 0;
        for (TargetDraft t : p.targets()) {
            Citation c = t.source();
            long id = insertReturningId("""
                    insert into target (plan_id, code, indicator_id, region_id, disaggregation_id, kind, qualifier, qualifier_text,
                                        target_value, target_value_high, change_unit, natural_limit, comparator_region_id, baseline_year,
                                        target_year, statement_zh, statement_en, ordinal, document_id, source_line, source_quote)
                    values (?, ?, (select id from indicator where code = ?), (select id from region where code = ?),
                            (select id from disaggregation where code = ?), ?, ?, ?, ?, ?, ?, ?, (select id from region where code = ?),
                            ?, ?, ?, ?, ?, (select id from document where code = ?), ?, ?)""",
                    planId, t.code(), t.indicatorCode(), t.regionCode(), t.disaggregationCode(), t.kind().name(),
                    t.qualifier().name(), t.qualifierText(), t.value(), t.valueHigh(),
                    t.changeUnit() == null ? null : t.changeUnit().name(), t.limit(), t.comparatorRegionCode(), t.baselineYear(),
                    t.targetYear(), t.statement().zh(), t.statement().en(), ordinal++, doc(c), line(c), quote(c));
            targets.put(t.code(), id);
        }
        ordinal = 0;
        for (KeyProjectDraft k : p.keyProjects()) {
            Citation c = k.source();
            long id = insertReturningId("""
                    insert into key_project (plan_id, section_id, code, name_zh, name_en, summary_zh, summary_en, ordinal,
                                             document_id, source_line, source_quote)
                    values (?, ?, ?, ?, ?, ?, ?, ?, (select id from document where code = ?), ?, ?)""",
                    planId, k.sectionCode() == null ? null : sections.get(k.sectionCode()), k.code(), k.name().zh(),
                    k.name().en(), k.summary().zh(), k.summary().en(), ordinal++, doc(c), line(c), quote(c));
            for (String target : k.targetCodes()) {
                jdbc.sql("insert into key_project_target (key_project_id, target_id) values (?, ?)")
                        .params(id, targets.get(target)).update();
            }
        }
        ordinal = 0;
        for (TaskDraft t : p.tasks()) {
            Citation c = t.source();
            long id = insertReturningId("""
                    insert into task (plan_id, section_id, code, title_zh, title_en, start_year, deadline_year, ordinal,
                                      document_id, source_line, source_quote)
                    values (?, ?, ?, ?, ?, ?, ?, ?, (select id from document where code = ?), ?, ?)""",
                    planId, t.sectionCode() == null ? null : sections.get(t.sectionCode()), t.code(), t.title().zh(),
                    t.title().en(), t.startYear(), t.deadlineYear(), ordinal++, doc(c), line(c), quote(c));
            int position = 1;
            for (String unit : t.unitCodes()) {
                jdbc.sql("insert into task_unit (task_id, organisation_id, position) "
                                + "values (?, (select id from organisation where code = ?), ?)")
                        .params(id, unit, position++).update();
            }
            for (String target : t.targetCodes()) {
                jdbc.sql("insert into task_target (task_id, target_id) values (?, ?)").params(id, targets.get(target)).update();
            }
        }
    }

    boolean planExists(String code) {
        return jdbc.sql("select count(*) from plan where code = ?").param(code).query(Long.class).single() > 0;
    }

    private long insertReturningId(String sql, @Nullable Object... params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("no id generated by: " + sql);
        }
        return id.longValue();
    }

    private static @Nullable String doc(@Nullable Citation c) {
        return c == null ? null : c.documentCode();
    }

    private static @Nullable Integer line(@Nullable Citation c) {
        return c == null ? null : c.line();
    }

    private static @Nullable String quote(@Nullable Citation c) {
        return c == null ? null : c.quote();
    }
}
