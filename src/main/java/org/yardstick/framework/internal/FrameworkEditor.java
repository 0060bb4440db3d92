package org.yardstick.framework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed;
import org.yardstick.framework.Aggregation;
import org.yardstick.framework.Change;
import org.yardstick.framework.Citation;
import org.yardstick.framework.FormulaRules;
import org.yardstick.framework.FrameworkProblem;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.IndicatorRulesChanged;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plan;
import org.yardstick.framework.PlanWorkChanged;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.framework.TargetRevision;
import org.yardstick.framework.Targets;
import org.yardstick.framework.internal.FrameworkAudit.Fields;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;
import org.yardstick.shared.ProblemKind;

/**
 * The one write path of framework elements (forms, files and the API all come here): checks a
 * command completely, refuses it whole with every problem named (field, value, reason), writes it,
 * records it in the audit trail and, for targets, in the target's history. Nothing is deleted: elements
 * are retired. Access is checked by the caller ({@link org.yardstick.framework.internal.FrameworkChanges} for
 * people; the file import for files).
 */
@Component
public class FrameworkEditor {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MIN_YEAR = 1949;
    private static final int MAX_YEAR = 2100;

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final Plans plans;
    private final Targets targets;
    private final FormulaRules formulas;
    private final ApplicationEventPublisher events;
    private final FrameworkAudit audit;
    private final Clock clock;

    FrameworkEditor(JdbcClient jdbc, Indicators indicators, Plans plans, Targets targets, FormulaRules formulas,
                    ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.plans = plans;
        this.targets = targets;
        this.formulas = formulas;
        this.events = events;
        this.audit = new FrameworkAudit(events);
        this.clock = clock;
    }

    /** Problems of one command, all collected before any is thrown. */
    private static final class Problems {
        private final String source;
        private final List<InputProblem> list = new ArrayList<>();

        Problems(String source) {
            this.source = source;
        }

        void add(String field, @Nullable Object value, ProblemKind kind, Object... args) {
            list.add(InputProblem.of(source, 0, field, value == null ? null : String.valueOf(value), kind, args));
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new InvalidInputException(list);
            }
        }
    }

    // ================================================================ indicators

    @Transactional
    public Indicator createIndicator(IndicatorCommand c, String actor, Change how) {
        Problems p = new Problems("indicator " + c.code());
        code(p, "code", c.code());
        if (p.isEmpty() && exists("select count(*) from indicator where code = ?", c.code())) {
            p.add("code", c.code(), FrameworkProblem.CODE_EXISTS);
        }
        checkIndicator(p, c);
        p.throwIfAny();
        jdbc.sql("""
                insert into indicator (code, name_zh, name_en, unit_zh, unit_en, polarity, aggregation, formula, nature,
                                       decimals, description_zh, description_en, period_rule, incomplete, difference_threshold,
                                       numerator_id, denominator_id, weight_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (select id from indicator where code = ?),
                        (select id from indicator where code = ?), (select id from indicator where code = ?))""")
                .params(c.code(), c.name().zh(), c.name().en(), c.unit().zh(), c.unit().en(), c.polarity().name(),
                        c.aggregation().name(), blank(c.formula()), c.nature().name(), c.decimals(), c.description().zh(),
                        c.description().en(), c.periodRule() == null ? null : c.periodRule().name(), c.incomplete().name(),
                        c.differenceThreshold(), blank(c.numerator()), blank(c.denominator()), blank(c.weight()))
                .update();
        Indicator created = indicators.get(c.code());
        audit.changed("indicator", created.id(), c.code(), "create", actor, how, null, fields(c));
        return created;
    }

    /** Changes an indicator; nothing is written or recorded when nothing differs. */
    @Transactional
    public Indicator updateIndicator(String code, IndicatorCommand c, String actor, Change how) {
        Indicator old = indicators.get(code);
        Problems p = new Problems("indicator " + code);
        if (!code.equals(c.code())) {
            p.add("code", c.code(), FrameworkProblem.CODE_MISMATCH, code);
        }
        if (old.retired()) {
            p.add("code", code, FrameworkProblem.RETIRED, old.retiredAt());
        }
        p.throwIfAny();
        IndicatorCommand before = IndicatorCommand.of(old);
        if (fields(before).equals(fields(c))) {
            return old;
        }
        checkIndicator(p, c);
        boolean meaning = !Objects.equals(old.unit().zh(), c.unit().zh()) || old.polarity() != c.polarity();
        if (meaning && p.isEmpty()) {
            long figures = figures(old.id());
            long live = liveTargets(old.id());
            if ((figures > 0 || live > 0) && !forcedWithReason(p, how)) {
                p.add(old.polarity() != c.polarity() ? "polarity" : "unit_zh",
                        old.polarity() != c.polarity() ? c.polarity() : c.unit().zh(), FrameworkProblem.FORCE_NEEDED, figures, live);
            }
        }
        p.throwIfAny();
        jdbc.sql("""
                update indicator set name_zh = ?, name_en = ?, unit_zh = ?, unit_en = ?, polarity = ?, aggregation = ?,
                       formula = ?, nature = ?, decimals = ?, description_zh = ?, description_en = ?, period_rule = ?,
                       incomplete = ?, difference_threshold = ?, numerator_id = (select id from indicator where code = ?),
                       denominator_id = (select id from indicator where code = ?), weight_id = (select id from indicator where code = ?)
                where id = ?""")
                .params(c.name().zh(), c.name().en(), c.unit().zh(), c.unit().en(), c.polarity().name(), c.aggregation().name(),
                        blank(c.formula()), c.nature().name(), c.decimals(), c.description().zh(), c.description().en(),
                        c.periodRule() == null ? null : c.periodRule().name(), c.incomplete().name(), c.differenceThreshold(),
                        blank(c.numerator()),
                        blank(c.denominator()), blank(c.weight()), old.id())
                .update();
        audit.changed("indicator", old.id(), code, "update", actor, how, fields(before), fields(c));
        if (!rules(before).equals(rules(c))) {
            events.publishEvent(new IndicatorRulesChanged(code));
        }
        return indicators.get(code);
    }

    /**
     * Retires an indicator. Refused while indicators in use read it (formula, ratio, weight); refused while
     * it has figures or targets in force unless forced with a reason (the figures stay, as they were).
     */
    @Transactional
    public void retireIndicator(String code, String actor, Change how) {
        Indicator old = indicators.get(code);
        Problems p = new Problems("indicator " + code);
        reason(p, how);
        if (old.retired()) {
            p.add("code", code, FrameworkProblem.RETIRED, old.retiredAt());
        }
        List<String> users = readers(code);
        if (!users.isEmpty()) {
            p.add("code", code, FrameworkProblem.IN_USE, String.join(", ", users));
        }
        if (p.isEmpty()) {
            long figures = figures(old.id());
            long live = liveTargets(old.id());
            if ((figures > 0 || live > 0) && !how.force()) {
                p.add("code", code, FrameworkProblem.FORCE_NEEDED, figures, live);
            }
        }
        p.throwIfAny();
        retire("indicator", old.id(), actor, how);
        audit.action("indicator", old.id(), code, "retire", actor, how, new Changed.FieldChange("retired", null, "true"));
    }

    private void checkIndicator(Problems p, IndicatorCommand c) {
        required(p, "name_zh", c.name().zh());
        required(p, "name_en", c.name().en());
        if (c.decimals() < 0 || c.decimals() > 6) {
            p.add("decimals", c.decimals(), FileProblem.NOT_ONE_OF, "0, 1, 2, 3, 4, 5, 6");
        }
        java.math.BigDecimal threshold = c.differenceThreshold();
        if (threshold != null && (threshold.signum() < 0 || threshold.compareTo(java.math.BigDecimal.ONE) > 0)) {
            p.add("difference_threshold", threshold.toPlainString(), FrameworkProblem.THRESHOLD_RANGE);
        }
        if (c.aggregation() == Aggregation.RATIO) {
            if (blank(c.numerator()) == null) {
                p.add("numerator", "", FrameworkProblem.RATIO_NEEDS_PARTS);
            }
            if (blank(c.denominator()) == null) {
                p.add("denominator", "", FrameworkProblem.RATIO_NEEDS_PARTS);
            }
        }
        if (blank(c.weight()) != null && c.aggregation() != Aggregation.MEAN) {
            p.add("weight", c.weight(), FrameworkProblem.WEIGHT_ONLY_FOR_MEAN);
        }
        for (String field : List.of("numerator", "denominator", "weight")) {
            String ref = blank(switch (field) {
                case "numerator" -> c.numerator();
                case "denominator" -> c.denominator();
                default -> c.weight();
            });
            if (ref == null) {
                continue;
            }
            if (ref.equals(c.code())) {
                p.add(field, ref, FrameworkProblem.FORMULA_SELF);
                continue;
            }
            liveIndicator(p, field, ref);
        }
        String formula = blank(c.formula());
        if (formula != null) {
            Map<String, String> others = new HashMap<>();
            Set<String> known = new HashSet<>();
            for (Indicator i : indicators.all()) {
                known.add(i.code());
                if (i.formula() != null && !i.formula().isBlank() && !i.code().equals(c.code())) {
                    others.put(i.code(), i.formula());
                }
            }
            known.add(c.code());
            formulas.check(c.code(), formula, known, others).ifPresent(r -> {
                switch (r.problem()) {
                    case SYNTAX -> p.add("formula", formula, FrameworkProblem.FORMULA_SYNTAX, r.detail());
                    case SELF_REFERENCE -> p.add("formula", formula, FrameworkProblem.FORMULA_SELF);
                    case CYCLE -> p.add("formula", formula, FrameworkProblem.FORMULA_CYCLE, String.join(" → ", r.codes()));
                    case UNKNOWN_INDICATOR -> r.codes().forEach(u -> p.add("formula", formula, FrameworkProblem.FORMULA_UNKNOWN_CODE, u));
                    case PERIODS -> p.add("formula", formula, FrameworkProblem.FORMULA_PERIODS, String.join(", ", r.codes()), r.detail());
                }
            });
            // the check the framework files make: no adding or subtracting 亿元 and 万户
            Map<String, String> units = new HashMap<>();
            indicators.all().forEach(i -> units.put(i.code(), i.unit().zh() == null ? "" : i.unit().zh().strip()));
            String mixed = FrameworkFileReader.mixedUnits(formula, units);
            if (mixed != null) {
                p.add("formula", formula, FrameworkProblem.FORMULA_UNITS, mixed);
            }
        }
    }

    /** The live indicators that read an indicator through a formula, a ratio or a weight. */
    private List<String> readers(String code) {
        Set<String> known = new HashSet<>();
        List<Indicator> live = indicators.all();
        live.forEach(i -> known.add(i.code()));
        List<String> users = new ArrayList<>();
        for (Indicator i : live) {
            if (i.code().equals(code)) {
                continue;
            }
            boolean reads = code.equals(i.numeratorCode()) || code.equals(i.denominatorCode()) || code.equals(i.weightCode())
                    || (i.formula() != null && !i.formula().isBlank() && formulas.inputs(i.code(), i.formula(), known).contains(code));
            if (reads) {
                users.add(i.code());
            }
        }
        return users;
    }

    static Fields fields(IndicatorCommand c) {
        return new Fields().put("name_zh", c.name().zh()).put("name_en", c.name().en()).put("unit_zh", c.unit().zh())
                .put("unit_en", c.unit().en()).put("polarity", c.polarity()).put("aggregation", c.aggregation())
                .put("numerator", blank(c.numerator())).put("denominator", blank(c.denominator()))
                .put("formula", blank(c.formula())).put("nature", c.nature()).put("decimals", c.decimals())
                .put("description_zh", c.description().zh()).put("description_en", c.description().en())
                .put("period_rule", c.periodRule()).put("incomplete", c.incomplete()).put("weight", blank(c.weight()))
                .put("difference_threshold", c.differenceThreshold() == null ? null : c.differenceThreshold().stripTrailingZeros());
    }

    /** What the aggregation computes with. */
    private static List<@Nullable Object> rules(IndicatorCommand c) {
        return java.util.Arrays.asList(c.aggregation(), blank(c.numerator()), blank(c.denominator()), blank(c.weight()),
                blank(c.formula()), c.periodRule(), c.incomplete());
    }

    // ================================================================ plans

    @Transactional
    public Plan createPlan(PlanCommand c, String actor, Change how) {
        Problems p = new Problems("plan " + c.code());
        code(p, "code", c.code());
        if (p.isEmpty() && exists("select count(*) from plan where code = ?", c.code())) {
            p.add("code", c.code(), FrameworkProblem.CODE_EXISTS);
        }
        checkPlan(p, c);
        p.throwIfAny();
        jdbc.sql("""
                insert into plan (code, name_zh, name_en, region_id, start_year, end_year, baseline_year, document_id)
                values (?, ?, ?, (select id from region where code = ?), ?, ?, ?, (select id from document where code = ?))""")
                .params(c.code(), c.name().zh(), c.name().en(), c.regionCode(), c.startYear(), c.endYear(), c.baselineYear(),
                        blank(c.documentCode()))
                .update();
        Plan created = plans.get(c.code());
        audit.changed("plan", created.id(), c.code(), "create", actor, how, null, fields(c));
        return created;
    }

    @Transactional
    public Plan updatePlan(String code, PlanCommand c, String actor, Change how) {
        Plan old = plans.get(code);
        Problems p = new Problems("plan " + code);
        if (!code.equals(c.code())) {
            p.add("code", c.code(), FrameworkProblem.CODE_MISMATCH, code);
        }
        livePlan(p, old);
        p.throwIfAny();
        PlanCommand before = planCommand(old);
        if (fields(before).equals(fields(c))) {
            return old;
        }
        checkPlan(p, c);
        p.throwIfAny();
        jdbc.sql("""
                update plan set name_zh = ?, name_en = ?, region_id = (select id from region where code = ?), start_year = ?,
                       end_year = ?, baseline_year = ?, document_id = (select id from document where code = ?)
                where id = ?""")
                .params(c.name().zh(), c.name().en(), c.regionCode(), c.startYear(), c.endYear(), c.baselineYear(),
                        blank(c.documentCode()), old.id())
                .update();
        audit.changed("plan", old.id(), code, "update", actor, how, fields(before), fields(c));
        return plans.get(code);
    }

    /** Retires a plan; its parts stay as they are, with it. */
    @Transactional
    public void retirePlan(String code, String actor, Change how) {
        Plan old = plans.get(code);
        Problems p = new Problems("plan " + code);
        reason(p, how);
        livePlan(p, old);
        p.throwIfAny();
        retire("plan", old.id(), actor, how);
        audit.action("plan", old.id(), code, "retire", actor, how, new Changed.FieldChange("retired", null, "true"));
    }

    /** A plan's own fields as a command (the region and document by code). */
    public PlanCommand planCommand(Plan plan) {
        String region = jdbc.sql("select code from region where id = ?").param(plan.regionId()).query(String.class).single();
        String document = plan.documentId() == null ? null
                : jdbc.sql("select code from document where id = ?").param(plan.documentId()).query(String.class).single();
        return new PlanCommand(plan.code(), plan.name(), region, plan.startYear(), plan.endYear(), plan.baselineYear(), document);
    }

    private void checkPlan(Problems p, PlanCommand c) {
        required(p, "name_zh", c.name().zh());
        required(p, "name_en", c.name().en());
        if (!exists("select count(*) from region where code = ?", c.regionCode())) {
            p.add("region", c.regionCode(), FrameworkProblem.UNKNOWN_REGION);
        }
        boolean years = year(p, "start_year", c.startYear()) & year(p, "end_year", c.endYear())
                & year(p, "baseline_year", c.baselineYear());
        if (years && c.startYear() > c.endYear()) {
            p.add("start_year", c.startYear(), FrameworkProblem.YEAR_ORDER, "end_year", String.valueOf(c.endYear()));
        }
        if (years && c.baselineYear() > c.endYear()) {
            p.add("baseline_year", c.baselineYear(), FrameworkProblem.YEAR_ORDER, "end_year", String.valueOf(c.endYear()));
        }
        document(p, "document", blank(c.documentCode()));
    }

    static Fields fields(PlanCommand c) {
        return new Fields().put("name_zh", c.name().zh()).put("name_en", c.name().en()).put("region", c.regionCode())
                .put("start_year", c.startYear()).put("end_year", c.endYear()).put("baseline_year", c.baselineYear())
                .put("document", blank(c.documentCode()));
    }

    // ================================================================ sections

    @Transactional
    public void createSection(String planCode, SectionCommand c, String actor, Change how) {
        Plan plan = plans.get(planCode);
        Problems p = new Problems("plan " + planCode + " section " + c.code());
        livePlan(p, plan);
        code(p, "code", c.code());
        if (exists("select count(*) from plan_section where plan_id = ? and code = ?", plan.id(), c.code())) {
            p.add("code", c.code(), FrameworkProblem.CODE_EXISTS);
        }
        Long parent = checkSection(p, plan, c, null);
        p.throwIfAny();
        long id = insert("insert into plan_section (plan_id, parent_id, code, title_zh, title_en, ordinal) values (?, ?, ?, ?, ?, ?)",
                plan.id(), parent, c.code(), c.title().zh(), c.title().en(), nextOrdinal("plan_section", plan.id()));
        writeSectionIndicators(id, c.indicatorCodes());
        audit.changed("section", id, planCode + "/" + c.code(), "create", actor, how, null, fields(c));
    }

    @Transactional
    public void updateSection(String planCode, String code, SectionCommand c, String actor, Change how) {
        Plan plan = plans.get(planCode);
        Row row = row("plan_section", plan, code);
        Problems p = new Problems("plan " + planCode + " section " + code);
        livePlan(p, plan);
        sameCode(p, code, c.code());
        liveRow(p, row);
        p.throwIfAny();
        SectionCommand before = sectionCommand(row.id());
        if (fields(before).equals(fields(c))) {
            return;
        }
        Long parent = checkSection(p, plan, c, row.id());
        p.throwIfAny();
        jdbc.sql("update plan_section set parent_id = ?, title_zh = ?, title_en = ? where id = ?")
                .params(parent, c.title().zh(), c.title().en(), row.id()).update();
        if (!before.indicatorCodes().equals(c.indicatorCodes())) {
            jdbc.sql("delete from section_indicator where section_id = ?").param(row.id()).update();
            writeSectionIndicators(row.id(), c.indicatorCodes());
        }
        audit.changed("section", row.id(), planCode + "/" + code, "update", actor, how, fields(before), fields(c));
    }

    /** Retires a section; refused while it holds sub-sections, goals, key projects or tasks in force. */
    @Transactional
    public void retireSection(String planCode, String code, String actor, Change how) {
        Plan plan = plans.get(planCode);
        Row row = row("plan_section", plan, code);
        Problems p = new Problems("plan " + planCode + " section " + code);
        reason(p, how);
        livePlan(p, plan);
        liveRow(p, row);
        List<String> parts = new ArrayList<>();
        parts.addAll(codes("select code from plan_section where parent_id = ? and retired_at is null order by ordinal", row.id()));
        parts.addAll(codes("select code from goal where section_id = ? and retired_at is null order by ordinal", row.id()));
        parts.addAll(codes("select code from key_project where section_id = ? and retired_at is null order by ordinal", row.id()));
        parts.addAll(codes("select code from task where section_id = ? and retired_at is null order by ordinal", row.id()));
        if (!parts.isEmpty()) {
            p.add("code", code, FrameworkProblem.HAS_LIVE_PARTS, String.join(", ", parts));
        }
        p.throwIfAny();
        retire("plan_section", row.id(), actor, how);
        audit.action("section", row.id(), planCode + "/" + code, "retire", actor, how, new Changed.FieldChange("retired", null, "true"));
    }

    private @Nullable Long checkSection(Problems p, Plan plan, SectionCommand c, @Nullable Long self) {
        required(p, "title_zh", c.title().zh());
        required(p, "title_en", c.title().en());
        Long parent = null;
        if (blank(c.parentCode()) != null) {
            Optional<Row> pr = findRow("plan_section", plan, c.parentCode());
            if (pr.isEmpty()) {
                p.add("parent", c.parentCode(), FrameworkProblem.UNKNOWN_SECTION);
            } else if (pr.get().retiredAt() != null) {
                p.add("parent", c.parentCode(), FrameworkProblem.RETIRED, pr.get().retiredAt());
            } else {
                parent = pr.get().id();
                // the new parent may not be the section itself or below it
                Long up = parent;
                while (self != null && up != null) {
                    if (up.equals(self)) {
                        p.add("parent", c.parentCode(), FrameworkProblem.SECTION_CYCLE);
                        break;
                    }
                    up = jdbc.sql("select parent_id from plan_section where id = ?").param(up).query(Long.class).optional().orElse(null);
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (String i : c.indicatorCodes()) {
            if (!seen.add(i)) {
                p.add("indicators", i, FrameworkProblem.DUPLICATE_ITEM, i);
            } else {
                liveIndicator(p, "indicators", i);
            }
        }
        return parent;
    }

    private void writeSectionIndicators(long sectionId, List<String> codes) {
        int i = 0;
        for (String code : codes) {
            jdbc.sql("insert into section_indicator (section_id, indicator_id, ordinal) values (?, (select id from indicator where code = ?), ?)")
                    .params(sectionId, code, i++).update();
        }
    }

    private SectionCommand sectionCommand(long id) {
        List<String> inds = codes("""
                select i.code from section_indicator si join indicator i on i.id = si.indicator_id
                where si.section_id = ? order by si.ordinal""", id);
        return jdbc.sql("""
                select s.code, p.code as parent_code, s.title_zh, s.title_en from plan_section s
                left join plan_section p on p.id = s.parent_id where s.id = ?""")
                .param(id)
                .query((rs, n) -> new SectionCommand(rs.getString("code"), rs.getString("parent_code"),
                        org.yardstick.shared.LocalizedText.of(rs.getString("title_zh"), rs.getString("title_en")), inds))
                .single();
    }

    static Fields fields(SectionCommand c) {
        return new Fields().put("parent", blank(c.parentCode())).put("title_zh", c.title().zh()).put("title_en", c.title().en())
                .put("indicators", c.indicatorCodes());
    }

    // ================================================================ goals

    @Transactional
    public void createGoal(String planCode, GoalCommand c, String actor, Change how) {
        Plan plan = plans.get(planCode);
        Problems p = new Problems("plan " + planCode + " goal " + c.code());
        livePlan(p, plan);
        code(p, "code", c.code());
        if (exists("select count(*) from goal where plan_id = ? and code = ?", plan.id(), c.code())) {
            p.add("code", c.code(), FrameworkProblem.CODE_EXISTS);
        }
        Long section = checkGoal(p, plan, c);
        p.throwIfAny();
        Citation s = c.source();
        long id = insert("""
                insert into goal (plan_id, section_id, code, text_zh, text_en, ordinal, document_id, source_line, source_quote)
                values (?, ?, ?, ?, ?, ?, (select id from document where code = ?), ?, ?)""",
                plan.id(), section, c.code(), c.text().zh(), c.text().en(), nextOrdinal("goal", plan.id()), doc(s), line(s), quote(s));
        audit.changed("goal", id, planCode + "/" + c.code(), "create", actor, how, null, fields(c));
    }

    @Transactional
    public void updateGoal(String planCode, String code, GoalCommand c, String actor, Change how) {
        Plan plan = plans.get(planCode);
        Row row = row("goal", plan, code);
        Problems p = new Problems("plan " + planCode + " goal " + code);
        livePlan(p, plan);
        sameCode(p, code, c.code());
        liveRow(p, row);
        p.throwIfAny();
        GoalCommand before = goalCommand(row.id());
        if (fields(before).equals(fields(c))) {
            return;
        }
        Long section = checkGoal(p, plan, c);
        p.throwIfAny();
        Citation s = c.source();
        jdbc.sql("""
                update goal set section_id = ?, text_zh = ?, text_en = ?, document_id = (select id from document where code = ?),
                       source_line = ?, source_quote = ? where id = ?""")
                .params(section, c.text().zh(), c.text().en(), doc(s), line(s), quote(s), row.id()).update();
        audit.changed("goal", row.id(), planCode + "/" + code, "update", actor, how, fields(before), fields(c));
    }

    private GoalCommand goalCommand(long id) {
        return jdbc.sql("""
                select g.code, s.code as section_code, g.text_zh, g.text_en, d.code as document_code, g.source_line, g.source_quote
                from goal g join plan_section s on s.id = g.section_id left join document d on d.id = g.document_id where g.id = ?""")
                .param(id)
                .query((rs, n) -> new GoalCommand(rs.getString("code"), rs.getString("section_code"),
                        org.yardstick.shared.LocalizedText.of(rs.getString("text_zh"), rs.getString("text_en")), citation(rs)))
                .single();
    }

    // ---- the current state of a plan's part as a command (to fill a form, or to change some fields of it)

    public SectionCommand sectionCommand(Plan plan, String code) {
        return sectionCommand(row("plan_section", plan, code).id());
    }

    public GoalCommand goalCommand(Plan plan, String code) {
        return goalCommand(row("goal", plan, code).id());
    }

    public KeyProjectCommand keyProjectCommand(Plan plan, String code) {
        Row row = row("key_project", plan, code);
        List<String> linked = codes("""
                select g.code from key_project_target kt join target g on g.id = kt.target_id
                where kt.key_project_id = ? and g.retired_at is null order by g.ordinal""", row.id());
        return jdbc.sql("""
                select k.code, s.code as section_code, k.name_zh, k.name_en, k.summary_zh, k.summary_en, d.code as document_code,
                       k.source_line, k.source_quote
                from key_project k left join plan_section s on s.id = k.section_id left join document d on d.id = k.document_id
                where k.id = ?""")
                .param(row.id())
                .query((rs, n) -> new KeyProjectCommand(rs.getString("code"), rs.getString("section_code"),
                        org.yardstick.shared.LocalizedText.of(rs.getString("name_zh"), rs.getString("name_en")),
                        org.yardstick.shared.LocalizedText.of(rs.getString("summary_zh"), rs.getString("summary_en")), linked,
                        citation(rs)))
                .single();
    }

    public TaskCommand taskCommand(Plan plan, String code) {
        Row row = row("task", plan, code);
        List<String> units = codes("""
                select o.code from task_unit u join organisation o on o.id = u.organisation_id where u.task_id = ? order by u.position""",
                row.id());
        List<String> linked = codes("""
                select g.code from task_target tt join target g on g.id = tt.target_id
                where tt.task_id = ? and g.retired_at is null order by g.ordinal""", row.id());
        return jdbc.sql("""
                select t.code, s.code as section_code, t.title_zh, t.title_en, t.start_year, t.deadline_year, d.code as document_code,
                       t.source_line, t.source_quote
                from task t left join plan_section s on s.id = t.section_id left join document d on d.id = t.document_id
                where t.id = ?""")
                .param(row.id())
                .query((rs, n) -> new TaskCommand(rs.getString("code"), rs.getString("section_code"),
                        org.yardstick.shared.LocalizedText.of(rs.getString("title_zh"), rs.getString("title_en")),
                        rs.getObject("start_year", Integer.class), rs.getObject("deadline_year", Integer.class), units, linked,
                        citation(rs)))
                .single();
    }

    @Transactional
    public void retireGoal(String planCode, String code, String actor, Change how) {
        retirePart("goal", "goal", planCode, code, actor, how);
    }

    private @Nullable Long checkGoal(Problems p, Plan plan, GoalCommand c) {
        required(p, "text_zh", c.text().zh());
        required(p, "text_en", c.text().en());
        citation(p, c.source());
        Long section = section(p, plan, c.sectionCode());
        if (section == null && blank(c.sectionCode()) == null) {
            p.add("section", "", FrameworkProblem.REQUIRED);
        }
        return section;
    }

    static Fields fields(GoalCommand c) {
        return citationFields(new Fields().put("section", c.sectionCode()).put("text_zh", c.text().zh()).put("text_en", c.text().en()),
                c.source());
    }

    // ================================================================ key projects

    @Transactional
    public void createKeyProject(String planCode, KeyProjectCommand c, String actor, Change how) {
        Plan plan = plans.get(planCode);
        Problems p = new Problems("plan " + planCode + " key project " + c.code());
        livePlan(p, plan);
        code(p, "code", c.code());
        if (exists("select count(*) from key_project where plan_id = ? and code = ?", plan.id(), c.code())) {
            p.add("code", c.code(), FrameworkProblem.CODE_EXISTS);
        }
        Long section = checkKeyProject(p, plan, c);
        List<Long> linked = targetLinks(p, plan, c.targetCodes());
        p.throwIfAny();
        Citation s = c.source();
        long id = insert("""
                insert into key_project (plan_id, section_id, code, name_zh, name_en, summary_zh, summary_en, ordinal,
                                         document_id, source_line, source_quote)
                values (?, ?, ?, ?, ?, ?, ?, ?, (select id from document where code = ?), ?, ?)""",
                plan.id(), section, c.code(), c.name().zh(), c.name().en(), c.summary().zh(), c.summary().en(),
                nextOrdinal("key_project", plan.id()), doc(s), line(s), quote(s));
        for (Long t : linked) {
            jdbc.sql("insert into key_project_target (key_project_id, target_id) values (?, ?)").params(id, t).update();
        }
        audit.changed("key_project", id, planCode + "/" + c.code(), "create", actor, how, null, fields(c));
        events.publishEvent(new PlanWorkChanged(planCode));
    }

    @Transactional
    public void updateKeyProject(String planCode, String code, KeyProjectCommand c, String actor, Change how) {
        Plan plan = plans.get(planCode);
        Row row = row("key_project", plan, code);
        Problems p = new Problems("plan " + planCode + " key project " + code);
        livePlan(p, plan);
        sameCode(p, code, c.code());
        liveRow(p, row);
        p.throwIfAny();
        KeyProjectCommand before = keyProjectCommand(plan, code);
        if (fields(before).equals(fields(c))) {
            return;
        }
        Long section = checkKeyProject(p, plan, c);
        List<Long> linked = targetLinks(p, plan, c.targetCodes());
        p.throwIfAny();
        Citation s = c.source();
        jdbc.sql("""
                update key_project set section_id = ?, name_zh = ?, name_en = ?, summary_zh = ?, summary_en = ?,
                       document_id = (select id from document where code = ?), source_line = ?, source_quote = ? where id = ?""")
                .params(section, c.name().zh(), c.name().en(), c.summary().zh(), c.summary().en(), doc(s), line(s), quote(s), row.id())
                .update();
        jdbc.sql("delete from key_project_target where key_project_id = ?").param(row.id()).update();
        for (Long t : linked) {
            jdbc.sql("insert into key_project_target (key_project_id, target_id) values (?, ?)").params(row.id(), t).update();
        }
        audit.changed("key_project", row.id(), planCode + "/" + code, "update", actor, how, fields(before), fields(c));
        events.publishEvent(new PlanWorkChanged(planCode));
    }

    @Transactional
    public void retireKeyProject(String planCode, String code, String actor, Change how) {
        retirePart("key_project", "key_project", planCode, code, actor, how);
    }

    private @Nullable Long checkKeyProject(Problems p, Plan plan, KeyProjectCommand c) {
        required(p, "name_zh", c.name().zh());
        required(p, "name_en", c.name().en());
        citation(p, c.source());
        return section(p, plan, c.sectionCode());
    }

    static Fields fields(KeyProjectCommand c) {
        return citationFields(new Fields().put("section", blank(c.sectionCode())).put("name_zh", c.name().zh())
                .put("name_en", c.name().en()).put("summary_zh", c.summary().zh()).put("summary_en", c.summary().en())
                .put("targets", c.targetCodes()), c.source());
    }

    // ================================================================ tasks

    @Transactional
    public void createTask(String planCode, TaskCommand c, String actor, Change how) {
        Plan plan = plans.get(planCode);
        Problems p = new Problems("plan " + planCode + " task " + c.code());
        livePlan(p, plan);
        code(p, "code", c.code());
        if (exists("select count(*) from task where plan_id = ? and code = ?", plan.id(), c.code())) {
            p.add("code", c.code(), FrameworkProblem.CODE_EXISTS);
        }
        Long section = checkTask(p, plan, c);
        List<Long> linked = targetLinks(p, plan, c.targetCodes());
        p.throwIfAny();
        Citation s = c.source();
        long id = insert("""
                insert into task (plan_id, section_id, code, title_zh, title_en, start_year, deadline_year, ordinal,
                                  document_id, source_line, source_quote)
                values (?, ?, ?, ?, ?, ?, ?, ?, (select id from document where code = ?), ?, ?)""",
                plan.id(), section, c.code(), c.title().zh(), c.title().en(), c.startYear(), c.deadlineYear(),
                nextOrdinal("task", plan.id()), doc(s), line(s), quote(s));
        writeTaskLinks(id, c.unitCodes(), linked);
        audit.changed("task", id, planCode + "/" + c.code(), "create", actor, how, null, fields(c));
        events.publishEvent(new PlanWorkChanged(planCode));
    }

    @Transactional
    public void updateTask(String planCode, String code, TaskCommand c, String actor, Change how) {
        Plan plan = plans.get(planCode);
        Row row = row("task", plan, code);
        Problems p = new Problems("plan " + planCode + " task " + code);
        livePlan(p, plan);
        sameCode(p, code, c.code());
        liveRow(p, row);
        p.throwIfAny();
        TaskCommand before = taskCommand(plan, code);
        if (fields(before).equals(fields(c))) {
            return;
        }
        Long section = checkTask(p, plan, c);
        List<Long> linked = targetLinks(p, plan, c.targetCodes());
        p.throwIfAny();
        Citation s = c.source();
        jdbc.sql("""
                update task set section_id = ?, title_zh = ?, title_en = ?, start_year = ?, deadline_year = ?,
                       document_id = (select id from document where code = ?), source_line = ?, source_quote = ? where id = ?""")
                .params(section, c.title().zh(), c.title().en(), c.startYear(), c.deadlineYear(), doc(s), line(s), quote(s), row.id())
                .update();
        jdbc.sql("delete from task_unit where task_id = ?").param(row.id()).update();
        jdbc.sql("delete from task_target where task_id = ?").param(row.id()).update();
        writeTaskLinks(row.id(), c.unitCodes(), linked);
        audit.changed("task", row.id(), planCode + "/" + code, "update", actor, how, fields(before), fields(c));
        events.publishEvent(new PlanWorkChanged(planCode));
    }

    @Transactional
    public void retireTask(String planCode, String code, String actor, Change how) {
        retirePart("task", "task", planCode, code, actor, how);
    }

    private @Nullable Long checkTask(Problems p, Plan plan, TaskCommand c) {
        required(p, "title_zh", c.title().zh());
        required(p, "title_en", c.title().en());
        citation(p, c.source());
        if (c.startYear() != null) {
            year(p, "start_year", c.startYear());
        }
        if (c.deadlineYear() != null) {
            year(p, "deadline_year", c.deadlineYear());
        }
        if (c.startYear() != null && c.deadlineYear() != null && c.startYear() > c.deadlineYear()) {
            p.add("start_year", c.startYear(), FrameworkProblem.YEAR_ORDER, "deadline_year", String.valueOf(c.deadlineYear()));
        }
        if (c.unitCodes().isEmpty()) {
            p.add("units", "", FrameworkProblem.NO_UNITS);
        }
        Set<String> seen = new HashSet<>();
        for (String u : c.unitCodes()) {
            if (!seen.add(u)) {
                p.add("units", u, FrameworkProblem.DUPLICATE_ITEM, u);
            } else if (!exists("select count(*) from organisation where code = ?", u)) {
                p.add("units", u, FrameworkProblem.UNKNOWN_ORGANISATION);
            }
        }
        return section(p, plan, c.sectionCode());
    }

    private void writeTaskLinks(long taskId, List<String> units, List<Long> targetIds) {
        int position = 1;
        for (String unit : units) {
            jdbc.sql("insert into task_unit (task_id, organisation_id, position) values (?, (select id from organisation where code = ?), ?)")
                    .params(taskId, unit, position++).update();
        }
        for (Long t : targetIds) {
            jdbc.sql("insert into task_target (task_id, target_id) values (?, ?)").params(taskId, t).update();
        }
    }

    static Fields fields(TaskCommand c) {
        return citationFields(new Fields().put("section", blank(c.sectionCode())).put("title_zh", c.title().zh())
                .put("title_en", c.title().en()).put("start_year", c.startYear()).put("deadline_year", c.deadlineYear())
                .put("units", c.unitCodes()).put("targets", c.targetCodes()), c.source());
    }

    // ================================================================ targets

    @Transactional
    public Target createTarget(String planCode, TargetCommand c, String actor, Change how) {
        Plan plan = plans.get(planCode);
        Problems p = new Problems("plan " + planCode + " target " + c.code());
        livePlan(p, plan);
        code(p, "id", c.code());
        if (exists("select count(*) from target where plan_id = ? and code = ?", plan.id(), c.code())) {
            p.add("id", c.code(), FrameworkProblem.CODE_EXISTS);
        }
        checkTarget(p, c);
        p.throwIfAny();
        Citation s = c.source();
        long id = insert("""
                insert into target (plan_id, code, indicator_id, region_id, disaggregation_id, kind, qualifier, qualifier_text,
                                    target_value, target_value_high, change_unit, natural_limit, comparator_region_id, baseline_year,
                                    target_year, statement_zh, statement_en, ordinal, document_id, source_line, source_quote)
                values (?, ?, (select id from indicator where code = ?), (select id from region where code = ?),
                        (select id from disaggregation where code = ?), ?, ?, ?, ?, ?, ?, ?, (select id from region where code = ?),
                        ?, ?, ?, ?, ?, (select id from document where code = ?), ?, ?)""",
                plan.id(), c.code(), blank(c.indicatorCode()), c.regionCode(), c.disaggregationCode(), c.kind().name(),
                c.qualifier().name(), c.qualifierText(), c.value(), c.valueHigh(),
                c.changeUnit() == null ? null : c.changeUnit().name(), c.limit(), blank(c.comparatorRegionCode()),
                c.baselineYear(), c.targetYear(), c.statement().zh(), c.statement().en(), nextOrdinal("target", plan.id()),
                doc(s), line(s), quote(s));
        revision(id, TargetRevision.Action.CREATE, null, c, actor, how);
        audit.changed("target", id, planCode + "/" + c.code(), "create", actor, how, null, fields(c));
        return targets.find(plan.id(), c.code()).orElseThrow();
    }

    /**
     * Adjusts a target (动态调整): needs a reason, recorded with the numbers before and after in the
     * target's history. The indicator, region and breakdown cannot change (retire it and create another).
     */
    @Transactional
    public Target adjustTarget(String planCode, String code, TargetCommand c, String actor, Change how) {
        Plan plan = plans.get(planCode);
        Target old = targets.find(plan.id(), code).orElseThrow(() -> new NotFoundException("target", planCode + "/" + code));
        Problems p = new Problems("plan " + planCode + " target " + code);
        livePlan(p, plan);
        sameCode(p, code, c.code());
        if (old.retired()) {
            p.add("id", code, FrameworkProblem.RETIRED, old.retiredAt());
        }
        p.throwIfAny();
        TargetCommand before = TargetCommand.of(old);
        if (fields(before).equals(fields(c))) {
            return old;
        }
        reason(p, how);
        if (!Objects.equals(old.indicatorCode(), blank(c.indicatorCode()))) {
            p.add("indicator", c.indicatorCode(), FrameworkProblem.MEANING_CHANGED, String.valueOf(old.indicatorCode()));
        }
        if (!old.regionCode().equals(c.regionCode())) {
            p.add("region", c.regionCode(), FrameworkProblem.MEANING_CHANGED, old.regionCode());
        }
        if (!old.disaggregationCode().equals(c.disaggregationCode())) {
            p.add("disaggregation", c.disaggregationCode(), FrameworkProblem.MEANING_CHANGED, old.disaggregationCode());
        }
        checkTarget(p, c);
        p.throwIfAny();
        Citation s = c.source();
        jdbc.sql("""
                update target set kind = ?, qualifier = ?, qualifier_text = ?, target_value = ?, target_value_high = ?,
                       change_unit = ?, natural_limit = ?, comparator_region_id = (select id from region where code = ?),
                       baseline_year = ?, target_year = ?, statement_zh = ?, statement_en = ?,
                       document_id = (select id from document where code = ?), source_line = ?, source_quote = ?
                where id = ?""")
                .params(c.kind().name(), c.qualifier().name(), c.qualifierText(), c.value(), c.valueHigh(),
                        c.changeUnit() == null ? null : c.changeUnit().name(), c.limit(), blank(c.comparatorRegionCode()),
                        c.baselineYear(), c.targetYear(), c.statement().zh(), c.statement().en(), doc(s), line(s), quote(s), old.id())
                .update();
        revision(old.id(), TargetRevision.Action.ADJUST, before, c, actor, how);
        audit.changed("target", old.id(), planCode + "/" + code, "adjust", actor, how, fields(before), fields(c));
        return targets.find(plan.id(), code).orElseThrow();
    }

    @Transactional
    public void retireTarget(String planCode, String code, String actor, Change how) {
        Plan plan = plans.get(planCode);
        Target old = targets.find(plan.id(), code).orElseThrow(() -> new NotFoundException("target", planCode + "/" + code));
        Problems p = new Problems("plan " + planCode + " target " + code);
        reason(p, how);
        livePlan(p, plan);
        if (old.retired()) {
            p.add("id", code, FrameworkProblem.RETIRED, old.retiredAt());
        }
        p.throwIfAny();
        retire("target", old.id(), actor, how);
        revision(old.id(), TargetRevision.Action.RETIRE, TargetCommand.of(old), null, actor, how);
        audit.action("target", old.id(), planCode + "/" + code, "retire", actor, how, new Changed.FieldChange("retired", null, "true"));
    }

    /** The same checks as a framework file's target (see docs/framework-files.md). */
    private void checkTarget(Problems p, TargetCommand c) {
        TargetKind kind = c.kind();
        String indicator = blank(c.indicatorCode());
        if (indicator == null && kind != TargetKind.MILESTONE) {
            p.add("indicator", "", FrameworkProblem.REQUIRED_FOR_KIND, kind.name().toLowerCase());
        } else if (indicator != null) {
            liveIndicator(p, "indicator", indicator);
        }
        if (!exists("select count(*) from region where code = ?", c.regionCode())) {
            p.add("region", c.regionCode(), FrameworkProblem.UNKNOWN_REGION);
        }
        if (!exists("select count(*) from disaggregation where code = ?", c.disaggregationCode())) {
            p.add("disaggregation", c.disaggregationCode(), FrameworkProblem.UNKNOWN_DISAGGREGATION);
        }
        required(p, "statement_zh", c.statement().zh());
        required(p, "statement_en", c.statement().en());
        boolean numeric = kind != TargetKind.MILESTONE && kind != TargetKind.COMPARATOR && !kind.directionOnly();
        if (numeric && c.value() == null) {
            p.add("value", "", FrameworkProblem.REQUIRED_FOR_KIND, kind.name().toLowerCase());
        }
        if (kind.directionOnly() && c.value() != null) {
            p.add("value", c.value().toPlainString(), FrameworkProblem.NOT_ALLOWED_FOR_KIND, kind.name().toLowerCase());
        }
        if (c.limit() != null && !kind.directionOnly()) {
            p.add("limit", c.limit().toPlainString(), FrameworkProblem.NOT_ALLOWED_FOR_KIND, kind.name().toLowerCase());
        }
        if (kind == TargetKind.RANGE) {
            if (c.valueHigh() == null) {
                p.add("value_high", "", FrameworkProblem.REQUIRED_FOR_KIND, "range");
            } else if (c.value() != null && c.valueHigh().compareTo(c.value()) < 0) {
                p.add("value_high", c.valueHigh().toPlainString(), FrameworkProblem.RANGE_ORDER, c.value().toPlainString());
            }
        } else if (c.valueHigh() != null) {
            p.add("value_high", c.valueHigh().toPlainString(), FrameworkProblem.NOT_ALLOWED_FOR_KIND, kind.name().toLowerCase());
        }
        if (kind == TargetKind.MULTIPLE && c.value() != null && c.value().signum() <= 0) {
            p.add("value", c.value().toPlainString(), FileProblem.NOT_ONE_OF, "> 0");
        }
        if (kind != TargetKind.CHANGE && c.changeUnit() != null) {
            p.add("change_unit", c.changeUnit(), FrameworkProblem.NOT_ALLOWED_FOR_KIND, kind.name().toLowerCase());
        }
        if (kind == TargetKind.CHANGE && c.changeUnit() == null) {
            p.add("change_unit", "", FrameworkProblem.REQUIRED_FOR_KIND, "change");
        }
        String comparator = blank(c.comparatorRegionCode());
        if (kind == TargetKind.COMPARATOR) {
            if (comparator == null) {
                p.add("comparator", "", FrameworkProblem.REQUIRED_FOR_KIND, "comparator");
            } else if (!exists("select count(*) from region where code = ?", comparator)) {
                p.add("comparator", comparator, FrameworkProblem.UNKNOWN_REGION);
            }
        } else if (comparator != null) {
            p.add("comparator", comparator, FrameworkProblem.NOT_ALLOWED_FOR_KIND, kind.name().toLowerCase());
        }
        boolean years = year(p, "target_year", c.targetYear());
        if (c.baselineYear() != null) {
            years &= year(p, "baseline_year", c.baselineYear());
        }
        boolean needsBaseline = kind == TargetKind.CHANGE || kind == TargetKind.GROWTH_RATE || kind == TargetKind.MULTIPLE;
        if (needsBaseline && c.baselineYear() == null) {
            p.add("baseline_year", "", FrameworkProblem.REQUIRED_FOR_KIND, kind.name().toLowerCase());
        }
        if (years && c.baselineYear() != null && c.baselineYear() > c.targetYear()) {
            p.add("baseline_year", c.baselineYear(), FrameworkProblem.YEAR_ORDER, "target_year", String.valueOf(c.targetYear()));
        }
        citation(p, c.source());
    }

    static Fields fields(TargetCommand c) {
        return citationFields(new Fields().put("indicator", blank(c.indicatorCode())).put("region", c.regionCode())
                .put("disaggregation", c.disaggregationCode()).put("kind", c.kind()).put("qualifier", c.qualifier())
                .put("qualifier_text", c.qualifierText()).put("value", c.value()).put("value_high", c.valueHigh())
                .put("change_unit", c.changeUnit()).put("limit", c.limit()).put("comparator", blank(c.comparatorRegionCode()))
                .put("baseline_year", c.baselineYear()).put("target_year", c.targetYear())
                .put("statement_zh", c.statement().zh()).put("statement_en", c.statement().en()), c.source());
    }

    private void revision(long targetId, TargetRevision.Action action, @Nullable TargetCommand before,
                          @Nullable TargetCommand after, String actor, Change how) {
        jdbc.sql("""
                insert into target_revision (target_id, action, old_kind, new_kind, old_value, new_value, old_value_high,
                                             new_value_high, old_baseline_year, new_baseline_year, old_target_year,
                                             new_target_year, changed_at, changed_by, channel, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(targetId, action.name(), before == null ? null : before.kind().name(),
                        after == null ? null : after.kind().name(), before == null ? null : before.value(),
                        after == null ? null : after.value(), before == null ? null : before.valueHigh(),
                        after == null ? null : after.valueHigh(), before == null ? null : before.baselineYear(),
                        after == null ? null : after.baselineYear(), before == null ? null : before.targetYear(),
                        after == null ? null : after.targetYear(), Timestamp.from(clock.instant()), actor,
                        how.channel().name(), how.reason())
                .update();
    }

    // ================================================================ shared checks and writes

    /** The state of a plan's part: its id and whether retired. */
    private record Row(long id, @Nullable Instant retiredAt) {}

    private Optional<Row> findRow(String table, Plan plan, @Nullable String code) {
        return jdbc.sql("select id, retired_at from " + table + " where plan_id = ? and code = ?").params(plan.id(), code)
                .query((rs, n) -> new Row(rs.getLong(1), instant(rs.getTimestamp(2)))).optional();
    }

    private Row row(String table, Plan plan, String code) {
        String kind = switch (table) {
            case "plan_section" -> "section";
            default -> table;
        };
        return findRow(table, plan, code).orElseThrow(() -> new NotFoundException(kind, plan.code() + "/" + code));
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private void retirePart(String table, String type, String planCode, String code, String actor, Change how) {
        Plan plan = plans.get(planCode);
        Row row = row(table, plan, code);
        Problems p = new Problems("plan " + planCode + " " + type.replace('_', ' ') + " " + code);
        reason(p, how);
        livePlan(p, plan);
        liveRow(p, row);
        p.throwIfAny();
        retire(table, row.id(), actor, how);
        audit.action(type, row.id(), planCode + "/" + code, "retire", actor, how, new Changed.FieldChange("retired", null, "true"));
    }

    private void retire(String table, long id, String actor, Change how) {
        jdbc.sql("update " + table + " set retired_at = ?, retired_by = ?, retired_reason = ? where id = ?")
                .params(Timestamp.from(clock.instant()), actor, how.reason(), id).update();
    }

    private void livePlan(Problems p, Plan plan) {
        if (plan.retired()) {
            p.add("plan", plan.code(), FrameworkProblem.RETIRED, plan.retiredAt());
        }
    }

    private static void liveRow(Problems p, Row row) {
        if (row.retiredAt() != null) {
            p.add("code", null, FrameworkProblem.RETIRED, row.retiredAt());
        }
    }

    private static void sameCode(Problems p, String code, String given) {
        if (!code.equals(given)) {
            p.add("code", given, FrameworkProblem.CODE_MISMATCH, code);
        }
    }

    private void liveIndicator(Problems p, String field, String code) {
        Optional<Instant> retired = jdbc.sql("select retired_at from indicator where code = ?").param(code)
                .query((rs, n) -> Optional.ofNullable(instant(rs.getTimestamp(1)))).optional()
                .orElse(null);
        if (retired == null) {
            p.add(field, code, FrameworkProblem.UNKNOWN_INDICATOR);
        } else if (retired.isPresent()) {
            p.add(field, code, FrameworkProblem.RETIRED, retired.get());
        }
    }

    private @Nullable Long section(Problems p, Plan plan, @Nullable String code) {
        if (blank(code) == null) {
            return null;
        }
        Optional<Row> r = findRow("plan_section", plan, code);
        if (r.isEmpty()) {
            p.add("section", code, FrameworkProblem.UNKNOWN_SECTION);
            return null;
        }
        if (r.get().retiredAt() != null) {
            p.add("section", code, FrameworkProblem.RETIRED, r.get().retiredAt());
            return null;
        }
        return r.get().id();
    }

    private List<Long> targetLinks(Problems p, Plan plan, List<String> codes) {
        List<Long> ids = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String code : codes) {
            if (!seen.add(code)) {
                p.add("targets", code, FrameworkProblem.DUPLICATE_ITEM, code);
                continue;
            }
            Optional<Row> r = findRow("target", plan, code);
            if (r.isEmpty()) {
                p.add("targets", code, FrameworkProblem.UNKNOWN_TARGET);
            } else if (r.get().retiredAt() != null) {
                p.add("targets", code, FrameworkProblem.RETIRED, r.get().retiredAt());
            } else {
                ids.add(r.get().id());
            }
        }
        return ids;
    }

    private void document(Problems p, String field, @Nullable String code) {
        if (code != null && !exists("select count(*) from document where code = ?", code)) {
            p.add(field, code, FrameworkProblem.UNKNOWN_DOCUMENT);
        }
    }

    private void citation(Problems p, @Nullable Citation c) {
        if (c == null) {
            return;
        }
        document(p, "source.document", c.documentCode());
        if (c.line() < 1) {
            p.add("source.line", c.line(), FrameworkProblem.BAD_LINE);
        }
        required(p, "source.quote", c.quote());
    }

    private static Fields citationFields(Fields f, @Nullable Citation c) {
        return f.put("source.document", c == null ? null : c.documentCode()).put("source.line", c == null ? null : c.line())
                .put("source.quote", c == null ? null : c.quote());
    }

    private static void code(Problems p, String field, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            p.add(field, code, FileProblem.BAD_CODE);
        }
    }

    private static void required(Problems p, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            p.add(field, "", FrameworkProblem.REQUIRED);
        }
    }

    private static boolean year(Problems p, String field, int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            p.add(field, year, FrameworkProblem.YEAR_OUT_OF_RANGE);
            return false;
        }
        return true;
    }

    private static void reason(Problems p, Change how) {
        if (how.reason().isBlank()) {
            p.add("reason", "", FrameworkProblem.REASON_REQUIRED);
        }
    }

    private static boolean forcedWithReason(Problems p, Change how) {
        if (!how.force()) {
            return false;
        }
        reason(p, how);
        return true;
    }

    private long figures(long indicatorId) {
        return jdbc.sql("select count(*) from observation where indicator_id = ?").param(indicatorId).query(Long.class).single();
    }

    private long liveTargets(long indicatorId) {
        return jdbc.sql("select count(*) from target where indicator_id = ? and retired_at is null").param(indicatorId)
                .query(Long.class).single();
    }

    private boolean exists(String countSql, Object... params) {
        return jdbc.sql(countSql).params(params).query(Long.class).single() > 0;
    }

    private List<String> codes(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(String.class).list();
    }

    private int nextOrdinal(String table, long planId) {
        return jdbc.sql("select coalesce(max(ordinal), -1) + 1 from " + table + " where plan_id = ?").param(planId)
                .query(Integer.class).single();
    }

    private long insert(String sql, @Nullable Object... params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("no id generated by: " + sql);
        }
        return id.longValue();
    }

    private static @Nullable Citation citation(java.sql.ResultSet rs) throws java.sql.SQLException {
        String doc = rs.getString("document_code");
        String quote = rs.getString("source_quote");
        return doc == null || quote == null ? null : new Citation(doc, rs.getInt("source_line"), quote);
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

    static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
