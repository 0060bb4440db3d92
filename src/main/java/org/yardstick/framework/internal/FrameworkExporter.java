package org.yardstick.framework.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yardstick.framework.Citation;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.KeyProject;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.framework.Targets;
import org.yardstick.framework.Task;
import org.yardstick.shared.YamlNode;

/**
 * Writes the framework in force back as framework files, in the format the reader reads (every text
 * double-quoted), so that export → import → export gives the same files. Retired elements are left out.
 */
@Component
class FrameworkExporter {

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final Plans plans;
    private final Targets targets;
    private final FrameworkEditor editor;

    FrameworkExporter(JdbcClient jdbc, Indicators indicators, Plans plans, Targets targets, FrameworkEditor editor) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.plans = plans;
        this.targets = targets;
        this.editor = editor;
    }

    Map<String, String> export(List<String> planCodes) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("documents.yaml", documents());
        files.put("disaggregations.yaml", disaggregations());
        files.put("indicators.yaml", indicators());
        List<Plan> chosen = planCodes.isEmpty() ? plans.all().stream().sorted(java.util.Comparator.comparing(Plan::code)).toList()
                : planCodes.stream().map(plans::get).toList();
        for (Plan p : chosen) {
            files.put("plans/" + p.code() + ".yaml", plan(p));
        }
        return files;
    }

    private String documents() {
        Yaml y = new Yaml().line("documents:");
        jdbc.sql("select code, title_zh, title_en, issuer_zh, issuer_en, issued, kind, reference from document order by id")
                .query((rs, n) -> {
                    y.item(2, "code", rs.getString(1)).field(4, "title_zh", rs.getString(2)).field(4, "title_en", rs.getString(3))
                            .field(4, "issuer_zh", rs.getString(4)).field(4, "issuer_en", rs.getString(5));
                    if (rs.getDate(6) != null) {
                        y.plain(4, "issued", rs.getDate(6).toLocalDate().toString());
                    }
                    y.plain(4, "kind", rs.getString(7).toLowerCase(Locale.ROOT));
                    if (rs.getString(8) != null) {
                        y.field(4, "reference", rs.getString(8));
                    }
                    return 1;
                }).list();
        return y.empty("documents: []");
    }

    private String disaggregations() {
        Yaml y = new Yaml().line("disaggregations:");
        // crossed cells (urban+large) are not written: data-sets.yaml's crossing makes them again on import
        jdbc.sql("select code, dimension, name_zh, name_en from disaggregation where code <> '_T' and dimension <> 'CROSSED' order by id")
                .query((rs, n) -> {
                    y.item(2, "code", rs.getString(1)).plain(4, "dimension", rs.getString(2).toLowerCase(Locale.ROOT))
                            .field(4, "name_zh", rs.getString(3)).field(4, "name_en", rs.getString(4));
                    return 1;
                }).list();
        return y.empty("disaggregations: []");
    }

    private String indicators() {
        Yaml y = new Yaml().line("indicators:");
        for (Indicator i : indicators.all().stream().sorted(java.util.Comparator.comparing(Indicator::id)).toList()) {
            y.item(2, "code", i.code()).field(4, "name_zh", i.name().zh()).field(4, "name_en", i.name().en())
                    .field(4, "unit_zh", i.unit().zh()).field(4, "unit_en", i.unit().en())
                    .plain(4, "polarity", lower(i.polarity())).plain(4, "aggregation", lower(i.aggregation()));
            y.optional(4, "numerator", i.numeratorCode()).optional(4, "denominator", i.denominatorCode())
                    .optional(4, "formula", i.formula());
            y.plain(4, "nature", lower(i.nature())).plain(4, "decimals", Integer.toString(i.decimals()));
            if (!i.description().zh().isEmpty()) {
                y.field(4, "description_zh", i.description().zh());
            }
            if (!i.description().en().isEmpty()) {
                y.field(4, "description_en", i.description().en());
            }
            if (i.periodRule() != null) {
                y.plain(4, "period_rule", lower(i.periodRule()));
            }
            y.plain(4, "incomplete", lower(i.incomplete())).optional(4, "weight", i.weightCode());
            if (i.differenceThreshold() != null) {
                y.plain(4, "difference_threshold", i.differenceThreshold().stripTrailingZeros().toPlainString());
            }
        }
        return y.empty("indicators: []");
    }

    private String plan(Plan p) {
        PlanCommand c = editor.planCommand(p);
        Yaml y = new Yaml().line("plan:").field(2, "code", p.code()).field(2, "name_zh", p.name().zh())
                .field(2, "name_en", p.name().en()).field(2, "region", c.regionCode())
                .plain(2, "start_year", Integer.toString(p.startYear())).plain(2, "end_year", Integer.toString(p.endYear()))
                .plain(2, "baseline_year", Integer.toString(p.baselineYear())).optional(2, "document", c.documentCode());
        // sections nested as the plan nests them, with their goals and live indicators
        record S(long id, @Nullable Long parent, String code, String zh, String en) {}
        List<S> sections = jdbc.sql("select id, parent_id, code, title_zh, title_en from plan_section where plan_id = ? "
                        + "and retired_at is null order by ordinal")
                .param(p.id()).query((rs, n) -> new S(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
        Map<Long, List<String>> inds = new HashMap<>();
        jdbc.sql("""
                select si.section_id, i.code from section_indicator si join indicator i on i.id = si.indicator_id
                join plan_section s on s.id = si.section_id where s.plan_id = ? and i.retired_at is null order by si.ordinal""")
                .param(p.id()).query((rs, n) -> inds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        record G(long section, String code, String zh, String en, @Nullable Citation source) {}
        List<G> goals = jdbc.sql("""
                select g.section_id, g.code, g.text_zh, g.text_en, d.code as document_code, g.source_line, g.source_quote
                from goal g left join document d on d.id = g.document_id where g.plan_id = ? and g.retired_at is null order by g.ordinal""")
                .param(p.id()).query((rs, n) -> new G(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5) == null || rs.getString(7) == null ? null : new Citation(rs.getString(5), rs.getInt(6), rs.getString(7))))
                .list();
        Map<Long, List<S>> children = new LinkedHashMap<>();
        List<S> top = new ArrayList<>();
        for (S s : sections) {
            if (s.parent() == null) {
                top.add(s);
            } else {
                children.computeIfAbsent(s.parent(), k -> new ArrayList<>()).add(s);
            }
        }
        class Writer {
            void write(S s, int indent) {
                y.item(indent, "code", s.code()).field(indent + 2, "title_zh", s.zh()).field(indent + 2, "title_en", s.en());
                List<String> is = inds.getOrDefault(s.id(), List.of());
                if (!is.isEmpty()) {
                    y.list(indent + 2, "indicators", is);
                }
                List<G> gs = goals.stream().filter(g -> g.section() == s.id()).toList();
                if (!gs.isEmpty()) {
                    y.line(" ".repeat(indent + 2) + "goals:");
                    for (G g : gs) {
                        y.item(indent + 4, "code", g.code()).field(indent + 6, "text_zh", g.zh()).field(indent + 6, "text_en", g.en())
                                .source(indent + 6, g.source());
                    }
                }
                List<S> subs = children.getOrDefault(s.id(), List.of());
                if (!subs.isEmpty()) {
                    y.line(" ".repeat(indent + 2) + "sections:");
                    subs.forEach(c -> write(c, indent + 4));
                }
            }
        }
        if (top.isEmpty()) {
            y.line("sections: []");
        } else {
            y.line("sections:");
            top.forEach(s -> new Writer().write(s, 2));
        }
        List<KeyProject> projects = plans.keyProjects(p);
        if (projects.isEmpty()) {
            y.line("key_projects: []");
        } else {
            y.line("key_projects:");
            for (KeyProject k : projects) {
                y.item(2, "code", k.code()).optional(4, "section", k.sectionCode()).field(4, "name_zh", k.name().zh())
                        .field(4, "name_en", k.name().en());
                if (!k.summary().zh().isEmpty()) {
                    y.field(4, "summary_zh", k.summary().zh());
                }
                if (!k.summary().en().isEmpty()) {
                    y.field(4, "summary_en", k.summary().en());
                }
                if (!k.targetCodes().isEmpty()) {
                    y.list(4, "targets", k.targetCodes());
                }
                y.source(4, k.source());
            }
        }
        List<Task> tasks = plans.tasks(p);
        if (tasks.isEmpty()) {
            y.line("tasks: []");
        } else {
            y.line("tasks:");
            for (Task t : tasks) {
                y.item(2, "code", t.code()).optional(4, "section", t.sectionCode()).field(4, "title_zh", t.title().zh())
                        .field(4, "title_en", t.title().en()).list(4, "responsible", t.unitCodes());
                if (t.startYear() != null) {
                    y.plain(4, "start_year", t.startYear().toString());
                }
                if (t.deadlineYear() != null) {
                    y.plain(4, "deadline_year", t.deadlineYear().toString());
                }
                if (!t.targetCodes().isEmpty()) {
                    y.list(4, "targets", t.targetCodes());
                }
                y.source(4, t.source());
            }
        }
        List<Target> ts = targets.ofPlan(p);
        if (ts.isEmpty()) {
            y.line("targets: []");
        } else {
            y.line("targets:");
            for (Target t : ts) {
                y.item(2, "id", t.code()).optional(4, "indicator", t.indicatorCode()).field(4, "region", t.regionCode());
                if (!t.disaggregationCode().equals("_T")) {
                    y.field(4, "disaggregation", t.disaggregationCode());
                }
                y.plain(4, "kind", lower(t.kind())).number(4, "value", t.value()).number(4, "value_high", t.valueHigh());
                if (t.changeUnit() != null) {
                    y.plain(4, "change_unit", lower(t.changeUnit()));
                }
                y.number(4, "limit", t.limit());
                boolean atMost = false;
                if (t.kind() == TargetKind.COMPARATOR) {
                    atMost = t.qualifier() == Qualifier.AT_MOST;
                    y.field(4, "comparator", t.comparatorRegionCode()).plain(4, "relation", atMost ? "at_most" : "at_least");
                }
                y.plain(4, "target_year", Integer.toString(t.targetYear()));
                if (t.baselineYear() != null) {
                    y.plain(4, "baseline_year", t.baselineYear().toString());
                }
                String qualifier = !t.qualifierText().isEmpty() ? t.qualifierText()
                        : t.qualifier() == Qualifier.NONE || atMost ? "" : lower(t.qualifier());
                y.field(4, "qualifier", qualifier).field(4, "statement_zh", t.statement().zh())
                        .field(4, "statement_en", t.statement().en()).source(4, t.source());
            }
        }
        return y.toString();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** A small YAML writer: block mappings and sequences, every text double-quoted and escaped. */
    static final class Yaml {
        private final StringBuilder out = new StringBuilder("# Framework files exported by Yardstick (format: docs/framework-files.md).\n");
        private boolean items;

        Yaml line(String s) {
            out.append(s).append('\n');
            return this;
        }

        Yaml item(int indent, String key, String value) {
            items = true;
            out.append(" ".repeat(indent)).append("- ").append(key).append(": ").append(quote(value)).append('\n');
            return this;
        }

        Yaml field(int indent, String key, @Nullable String value) {
            out.append(" ".repeat(indent)).append(key).append(": ").append(quote(value == null ? "" : value)).append('\n');
            return this;
        }

        Yaml optional(int indent, String key, @Nullable String value) {
            return value == null || value.isBlank() ? this : field(indent, key, value);
        }

        Yaml plain(int indent, String key, String value) {
            out.append(" ".repeat(indent)).append(key).append(": ").append(value).append('\n');
            return this;
        }

        Yaml number(int indent, String key, @Nullable BigDecimal value) {
            if (value == null) {
                return this;
            }
            String s = value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
            return plain(indent, key, s);
        }

        Yaml list(int indent, String key, List<String> values) {
            return plain(indent, key, "[" + String.join(", ", values.stream().map(Yaml::quote).toList()) + "]");
        }

        Yaml source(int indent, @Nullable Citation c) {
            if (c != null) {
                plain(indent, "source", "{document: " + quote(c.documentCode()) + ", line: " + c.line() + ", quote: "
                        + quote(c.quote()) + "}");
            }
            return this;
        }

        String empty(String whenEmpty) {
            if (items) {
                return out.toString();
            }
            int header = out.indexOf("\n") + 1;
            return out.substring(0, header) + whenEmpty + "\n";
        }

        static String quote(String s) {
            return YamlNode.quote(s);
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
