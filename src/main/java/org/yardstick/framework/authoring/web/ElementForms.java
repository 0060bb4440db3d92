package org.yardstick.framework.authoring.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yardstick.framework.Aggregation;
import org.yardstick.framework.Change;
import org.yardstick.framework.ChangeUnit;
import org.yardstick.framework.Citation;
import org.yardstick.framework.Disaggregation;
import org.yardstick.framework.Disaggregations;
import org.yardstick.framework.Goal;
import org.yardstick.framework.IncompleteAggregate;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.IndicatorNature;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.KeyProject;
import org.yardstick.framework.PeriodRule;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Polarity;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.Section;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.framework.Targets;
import org.yardstick.framework.Task;
import org.yardstick.framework.authoring.web.Field.Option;
import org.yardstick.framework.internal.FrameworkChanges;
import org.yardstick.framework.internal.GoalCommand;
import org.yardstick.framework.internal.IndicatorCommand;
import org.yardstick.framework.internal.KeyProjectCommand;
import org.yardstick.framework.internal.PlanCommand;
import org.yardstick.framework.internal.SectionCommand;
import org.yardstick.framework.internal.TargetCommand;
import org.yardstick.framework.internal.TaskCommand;
import org.yardstick.shared.NotFoundException;

/**
 * The authoring forms of each kind of framework element: which fields a form shows (a target's depend on its
 * kind), the values of an existing element, and how the sent text becomes a command of the one write path
 * ({@link FrameworkChanges}). Field names are the write path's, so its refusals land beside their field.
 */
@Component
class ElementForms {

    /** The kinds of element, as they appear in paths: /authoring/plans/{plan}/{kind}/…. */
    static final List<String> PLAN_PARTS = List.of("sections", "goals", "projects", "tasks", "targets");

    private final FrameworkChanges changes;
    private final Plans plans;
    private final Targets targets;
    private final Indicators indicators;
    private final Disaggregations disaggregations;

    ElementForms(FrameworkChanges changes, Plans plans, Targets targets, Indicators indicators,
                 Disaggregations disaggregations) {
        this.changes = changes;
        this.plans = plans;
        this.targets = targets;
        this.indicators = indicators;
        this.disaggregations = disaggregations;
    }

    // ------------------------------------------------------------------ fields

    List<Field> fields(String kind, Values v, boolean editing) {
        List<Field> f = new ArrayList<>();
        f.add(Field.text("code", true).readonly(editing));
        switch (kind) {
            case "plan" -> {
                f.addAll(List.of(Field.text("name_zh", true), Field.text("name_en", true),
                        Field.suggest("region", "regions", true), Field.year("start_year", true), Field.year("end_year", true),
                        Field.year("baseline_year", true), Field.suggest("document", "documents", false)));
            }
            case "indicator" -> {
                Aggregation a = v.choice("aggregation", Aggregation.class, Aggregation.SUM);
                f.addAll(List.of(Field.text("name_zh", true), Field.text("name_en", true), Field.text("unit_zh", false),
                        Field.text("unit_en", false), Field.select("nature", Option.of(IndicatorNature.class, "nature.", false), true),
                        Field.select("polarity", Option.of(Polarity.class, "polarity.", false), true),
                        Field.select("aggregation", Option.of(Aggregation.class, "aggregation.", false), true)));
                if (a == Aggregation.RATIO) {
                    f.add(Field.suggest("numerator", "indicators", true));
                    f.add(Field.suggest("denominator", "indicators", true));
                }
                if (a == Aggregation.MEAN) {
                    f.add(Field.suggest("weight", "indicators", false));
                }
                f.addAll(List.of(Field.text("formula", false),
                        Field.select("period_rule", Option.of(PeriodRule.class, "authoring.period-rule.", true), false),
                        Field.select("incomplete", Option.of(IncompleteAggregate.class, "authoring.incomplete.", false), true),
                        Field.number("decimals", true), Field.textarea("description_zh", false),
                        Field.textarea("description_en", false)));
            }
            case "sections" -> f.addAll(List.of(Field.suggest("parent", "sections", false), Field.text("title_zh", true),
                    Field.text("title_en", true), Field.codes("indicators", "indicators", false)));
            case "goals" -> {
                f.addAll(List.of(Field.suggest("section", "sections", true), Field.textarea("text_zh", true),
                        Field.textarea("text_en", true)));
                source(f);
            }
            case "projects" -> {
                f.addAll(List.of(Field.suggest("section", "sections", false), Field.text("name_zh", true),
                        Field.text("name_en", true), Field.textarea("summary_zh", false), Field.textarea("summary_en", false),
                        Field.codes("targets", "targets", false)));
                source(f);
            }
            case "tasks" -> {
                f.addAll(List.of(Field.suggest("section", "sections", false), Field.text("title_zh", true),
                        Field.text("title_en", true), Field.year("start_year", false), Field.year("deadline_year", false),
                        Field.codes("units", "organisations", true), Field.codes("targets", "targets", false)));
                source(f);
            }
            case "targets" -> {
                TargetKind k = v.choice("kind", TargetKind.class, TargetKind.VALUE);
                List<Option> breakdowns = new ArrayList<>();
                for (Disaggregation d : disaggregations.all()) {
                    if (d.dimension() == org.yardstick.framework.DisaggregationDimension.CROSSED) {
                        continue; // a crossed cell (urban+large) is no code a framework file can name
                    }
                    breakdowns.add(new Option(d.code(), null, d.code() + " · " + d.name().zh() + " / " + d.name().en()));
                }
                f.add(Field.select("kind", Option.of(TargetKind.class, "target.kind.", false), true));
                f.add(Field.suggest("indicator", "indicators", k != TargetKind.MILESTONE).readonly(editing));
                f.add(Field.suggest("region", "regions", true).readonly(editing));
                f.add(Field.select("disaggregation", breakdowns, true).readonly(editing));
                boolean numeric = k != TargetKind.MILESTONE && k != TargetKind.COMPARATOR && !k.directionOnly();
                if (numeric) {
                    f.add(Field.number("value", true));
                }
                if (k == TargetKind.RANGE) {
                    f.add(Field.number("value_high", true));
                }
                if (k == TargetKind.CHANGE) {
                    f.add(Field.select("change_unit", Option.of(ChangeUnit.class, "authoring.change-unit.", true), true));
                }
                if (k == TargetKind.COMPARATOR) {
                    f.add(Field.suggest("comparator", "regions", true));
                }
                if (k.directionOnly()) {
                    f.add(Field.number("limit", false));
                }
                boolean needsBaseline = k == TargetKind.CHANGE || k == TargetKind.GROWTH_RATE || k == TargetKind.MULTIPLE;
                f.add(Field.year("baseline_year", needsBaseline));
                f.add(Field.year("target_year", true));
                if (k != TargetKind.MILESTONE && !k.directionOnly()) {
                    f.add(Field.select("qualifier", Option.of(Qualifier.class, "authoring.qualifier.", false), false));
                    f.add(Field.text("qualifier_text", false));
                }
                f.add(Field.textarea("statement_zh", true));
                f.add(Field.textarea("statement_en", true));
                source(f);
            }
            default -> throw new NotFoundException("form", kind);
        }
        return f;
    }

    private static void source(List<Field> f) {
        f.add(Field.suggest("source.document", "documents", false));
        f.add(Field.number("source.line", false));
        f.add(Field.textarea("source.quote", false));
    }

    // ------------------------------------------------------------------ existing values

    Map<String, String> values(String kind, @Nullable String planCode, String code) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("code", code);
        switch (kind) {
            case "plan" -> {
                PlanCommand c = changes.planCommand(code);
                put(m, "name", c.name().zh(), c.name().en());
                m.put("region", c.regionCode());
                m.put("start_year", String.valueOf(c.startYear()));
                m.put("end_year", String.valueOf(c.endYear()));
                m.put("baseline_year", String.valueOf(c.baselineYear()));
                m.put("document", s(c.documentCode()));
            }
            case "indicator" -> {
                Indicator i = indicators.get(code);
                put(m, "name", i.name().zh(), i.name().en());
                put(m, "unit", i.unit().zh(), i.unit().en());
                put(m, "description", i.description().zh(), i.description().en());
                m.put("nature", i.nature().name());
                m.put("polarity", i.polarity().name());
                m.put("aggregation", i.aggregation().name());
                m.put("numerator", s(i.numeratorCode()));
                m.put("denominator", s(i.denominatorCode()));
                m.put("weight", s(i.weightCode()));
                m.put("formula", s(i.formula()));
                m.put("period_rule", i.periodRule() == null ? "" : i.periodRule().name());
                m.put("incomplete", i.incomplete().name());
                m.put("decimals", String.valueOf(i.decimals()));
            }
            case "sections" -> {
                Plan plan = plans.get(planCode);
                Section sec = flat(plan).stream().filter(x -> x.code().equals(code)).findFirst()
                        .orElseThrow(() -> new NotFoundException("section", planCode + "/" + code));
                m.put("parent", flat(plan).stream().filter(x -> sec.parentId() != null && x.id() == sec.parentId())
                        .map(Section::code).findFirst().orElse(""));
                put(m, "title", sec.title().zh(), sec.title().en());
                m.put("indicators", String.join("\n", sec.indicatorCodes()));
            }
            case "goals" -> {
                Plan plan = plans.get(planCode);
                for (Section sec : flat(plan)) {
                    for (Goal g : sec.goals()) {
                        if (g.code().equals(code)) {
                            m.put("section", sec.code());
                            put(m, "text", g.text().zh(), g.text().en());
                            source(m, g.source());
                            return m;
                        }
                    }
                }
                throw new NotFoundException("goal", planCode + "/" + code);
            }
            case "projects" -> {
                KeyProject k = plans.keyProjects(plans.get(planCode)).stream().filter(x -> x.code().equals(code)).findFirst()
                        .orElseThrow(() -> new NotFoundException("key project", planCode + "/" + code));
                m.put("section", s(k.sectionCode()));
                put(m, "name", k.name().zh(), k.name().en());
                put(m, "summary", k.summary().zh(), k.summary().en());
                m.put("targets", String.join("\n", k.targetCodes()));
                source(m, k.source());
            }
            case "tasks" -> {
                Task t = plans.tasks(plans.get(planCode)).stream().filter(x -> x.code().equals(code)).findFirst()
                        .orElseThrow(() -> new NotFoundException("task", planCode + "/" + code));
                m.put("section", s(t.sectionCode()));
                put(m, "title", t.title().zh(), t.title().en());
                m.put("start_year", t.startYear() == null ? "" : String.valueOf(t.startYear()));
                m.put("deadline_year", t.deadlineYear() == null ? "" : String.valueOf(t.deadlineYear()));
                m.put("units", String.join("\n", t.unitCodes()));
                m.put("targets", String.join("\n", t.targetCodes()));
                source(m, t.source());
            }
            case "targets" -> {
                Plan plan = plans.get(planCode);
                Target t = targets.find(plan.id(), code).orElseThrow(() -> new NotFoundException("target", planCode + "/" + code));
                m.put("kind", t.kind().name());
                m.put("indicator", s(t.indicatorCode()));
                m.put("region", t.regionCode());
                m.put("disaggregation", t.disaggregationCode());
                m.put("value", n(t.value()));
                m.put("value_high", n(t.valueHigh()));
                m.put("change_unit", t.changeUnit() == null ? "" : t.changeUnit().name());
                m.put("comparator", s(t.comparatorRegionCode()));
                m.put("limit", n(t.limit()));
                m.put("baseline_year", t.baselineYear() == null ? "" : String.valueOf(t.baselineYear()));
                m.put("target_year", String.valueOf(t.targetYear()));
                m.put("qualifier", t.qualifier().name());
                m.put("qualifier_text", t.qualifierText());
                put(m, "statement", t.statement().zh(), t.statement().en());
                source(m, t.source());
            }
            default -> throw new NotFoundException("form", kind);
        }
        return m;
    }

    /** Blank values of a new element; a new target starts in the plan's region, by the plan's end year. */
    Map<String, String> blank(String kind, @Nullable String planCode, Map<String, String> given) {
        Map<String, String> m = new LinkedHashMap<>();
        if ("targets".equals(kind) && planCode != null) {
            Plan plan = plans.get(planCode);
            m.put("kind", TargetKind.VALUE.name());
            m.put("disaggregation", Disaggregation.TOTAL);
            m.put("target_year", String.valueOf(plan.endYear()));
            m.put("baseline_year", String.valueOf(plan.baselineYear()));
        }
        if ("indicator".equals(kind)) {
            m.put("decimals", "2");
            m.put("incomplete", IncompleteAggregate.WARN.name());
        }
        m.putAll(given);
        return m;
    }

    // ------------------------------------------------------------------ commands

    void save(String kind, @Nullable String planCode, @Nullable String code, Values v, Change how) {
        boolean create = code == null;
        String c = create ? v.text("code") : code;
        switch (kind) {
            case "plan" -> {
                PlanCommand cmd = new PlanCommand(c, v.localized("name"), v.text("region"), v.required("start_year"),
                        v.required("end_year"), v.required("baseline_year"), v.optional("document"));
                if (create) {
                    changes.createPlan(cmd, how);
                } else {
                    changes.updatePlan(c, cmd, how);
                }
            }
            case "indicator" -> {
                IndicatorCommand cmd = new IndicatorCommand(c, v.localized("name"), v.localized("unit"),
                        v.choice("polarity", Polarity.class, Polarity.POSITIVE),
                        v.choice("aggregation", Aggregation.class, Aggregation.SUM), v.optional("numerator"),
                        v.optional("denominator"), v.optional("formula"),
                        v.choice("nature", IndicatorNature.class, IndicatorNature.EXPECTED), v.required("decimals"),
                        v.localized("description"), v.choice("period_rule", PeriodRule.class, null),
                        v.choice("incomplete", IncompleteAggregate.class, IncompleteAggregate.WARN), v.optional("weight"));
                if (create) {
                    changes.createIndicator(cmd, how);
                } else {
                    changes.updateIndicator(c, cmd, how);
                }
            }
            case "sections" -> {
                SectionCommand cmd = new SectionCommand(c, v.optional("parent"), v.localized("title"), v.codes("indicators"));
                if (create) {
                    changes.createSection(planCode, cmd, how);
                } else {
                    changes.updateSection(planCode, c, cmd, how);
                }
            }
            case "goals" -> {
                GoalCommand cmd = new GoalCommand(c, v.text("section"), v.localized("text"), v.citation());
                if (create) {
                    changes.createGoal(planCode, cmd, how);
                } else {
                    changes.updateGoal(planCode, c, cmd, how);
                }
            }
            case "projects" -> {
                KeyProjectCommand cmd = new KeyProjectCommand(c, v.optional("section"), v.localized("name"),
                        v.localized("summary"), v.codes("targets"), v.citation());
                if (create) {
                    changes.createKeyProject(planCode, cmd, how);
                } else {
                    changes.updateKeyProject(planCode, c, cmd, how);
                }
            }
            case "tasks" -> {
                TaskCommand cmd = new TaskCommand(c, v.optional("section"), v.localized("title"), v.integer("start_year"),
                        v.integer("deadline_year"), v.codes("units"), v.codes("targets"), v.citation());
                if (create) {
                    changes.createTask(planCode, cmd, how);
                } else {
                    changes.updateTask(planCode, c, cmd, how);
                }
            }
            case "targets" -> {
                TargetKind k = v.choice("kind", TargetKind.class, TargetKind.VALUE);
                String qualifierText = v.text("qualifier_text");
                Qualifier q = v.choice("qualifier", Qualifier.class, null);
                if (q == null) {
                    q = Qualifier.parse(qualifierText).orElse(Qualifier.NONE);
                }
                boolean numeric = k != TargetKind.MILESTONE && k != TargetKind.COMPARATOR && !k.directionOnly();
                TargetCommand cmd = new TargetCommand(c, v.optional("indicator"), v.text("region"),
                        v.optional("disaggregation") == null ? Disaggregation.TOTAL : v.text("disaggregation"), k, q,
                        qualifierText, numeric ? v.decimal("value") : null,
                        k == TargetKind.RANGE ? v.decimal("value_high") : null,
                        k == TargetKind.CHANGE ? v.choice("change_unit", ChangeUnit.class, null) : null,
                        k.directionOnly() ? v.decimal("limit") : null,
                        k == TargetKind.COMPARATOR ? v.optional("comparator") : null, v.integer("baseline_year"),
                        v.required("target_year"), v.localized("statement"), v.citation());
                if (create) {
                    changes.createTarget(planCode, cmd, how);
                } else {
                    changes.adjustTarget(planCode, c, cmd, how);
                }
            }
            default -> throw new NotFoundException("form", kind);
        }
    }

    void retire(String kind, @Nullable String planCode, String code, Change how) {
        switch (kind) {
            case "plan" -> changes.retirePlan(code, how);
            case "indicator" -> changes.retireIndicator(code, how);
            case "sections" -> changes.retireSection(planCode, code, how);
            case "goals" -> changes.retireGoal(planCode, code, how);
            case "projects" -> changes.retireKeyProject(planCode, code, how);
            case "tasks" -> changes.retireTask(planCode, code, how);
            case "targets" -> changes.retireTarget(planCode, code, how);
            default -> throw new NotFoundException("form", kind);
        }
    }

    List<Section> flat(Plan plan) {
        List<Section> all = new ArrayList<>();
        plans.outline(plan).forEach(s -> all.addAll(s.flatten()));
        return all;
    }

    Optional<Target> target(String planCode, String code) {
        return targets.find(plans.get(planCode).id(), code);
    }

    private static void put(Map<String, String> m, String prefix, String zh, String en) {
        m.put(prefix + "_zh", zh);
        m.put(prefix + "_en", en);
    }

    private static void source(Map<String, String> m, @Nullable Citation c) {
        m.put("source.document", c == null ? "" : c.documentCode());
        m.put("source.line", c == null ? "" : String.valueOf(c.line()));
        m.put("source.quote", c == null ? "" : c.quote());
    }

    private static String s(@Nullable String v) {
        return v == null ? "" : v;
    }

    private static String n(@Nullable BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
