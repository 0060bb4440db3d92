package org.yardstick.framework.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.audit.Changed;
import org.yardstick.framework.Change;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.internal.Drafts.DisaggregationDraft;
import org.yardstick.framework.internal.Drafts.DocumentDraft;
import org.yardstick.framework.internal.Drafts.FrameworkDraft;
import org.yardstick.framework.internal.Drafts.GoalDraft;
import org.yardstick.framework.internal.Drafts.IndicatorDraft;
import org.yardstick.framework.internal.Drafts.KeyProjectDraft;
import org.yardstick.framework.internal.Drafts.PlanDraft;
import org.yardstick.framework.internal.Drafts.SectionDraft;
import org.yardstick.framework.internal.Drafts.TargetDraft;
import org.yardstick.framework.internal.Drafts.TaskDraft;
import org.yardstick.framework.internal.FrameworkAudit.Fields;
import org.yardstick.region.Organisations;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.FileSet;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Imports framework files by merging them, element by element and by code, through the write path
 * ({@link FrameworkEditor}): all files are read and checked first; then each element is created, changed or
 * left as it is, and the parts of an imported plan that the files no longer hold are retired. Any
 * refusal rolls the whole import back. A preview is the same import rolled back.
 */
@Component
class FrameworkLoader implements FrameworkFiles {

    private static final Pattern FORMULA_CODE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    static final String IMPORTED = "规划文件导入 / framework file import";
    static final String ABSENT = "导入的规划文件中已无此项 / absent from the imported framework files";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Organisations organisations;
    private final FrameworkEditor editor;
    private final ImportJournal journal;
    private final CurrentUser user;
    private final Plans plans;
    private final Indicators indicators;
    private final FrameworkAudit audit;
    private final TransactionTemplate transactions;
    /** A preview: its own transaction, or a savepoint inside the caller's, rolled back either way. */
    private final TransactionTemplate rolledBack;
    private final FrameworkExporter exporter;
    /** Framework files other modules own (data-sets.yaml), merged after the plans they may name. */
    private final org.springframework.beans.factory.ObjectProvider<org.yardstick.framework.FrameworkFileSection> sections;

    FrameworkLoader(JdbcClient jdbc, Regions regions, Organisations organisations, FrameworkEditor editor, ImportJournal journal,
                    CurrentUser user, Plans plans, Indicators indicators, org.springframework.context.ApplicationEventPublisher events,
                    PlatformTransactionManager transactionManager, FrameworkExporter exporter,
                    org.springframework.beans.factory.ObjectProvider<org.yardstick.framework.FrameworkFileSection> sections) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.organisations = organisations;
        this.editor = editor;
        this.journal = journal;
        this.user = user;
        this.plans = plans;
        this.indicators = indicators;
        this.audit = new FrameworkAudit(events);
        this.transactions = new TransactionTemplate(transactionManager);
        // one transaction, or a savepoint inside the caller's: a refusal undoes all of the import, and only it
        this.transactions.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.rolledBack = new TransactionTemplate(transactionManager);
        this.rolledBack.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.exporter = exporter;
        this.sections = sections;
    }

    @Override
    public Summary preview(FileSet files, Change how) {
        Summary summary = rolledBack.execute(status -> {
            status.setRollbackOnly();
            return merge(files, user.name(), how, true);
        });
        return new Summary(false, summary.plans(), summary.counts(), summary.items());
    }

    @Override
    public Summary apply(FileSet files, Change how) {
        return transactions.execute(status -> merge(files, user.name(), how, true));
    }

    @Override
    @Transactional
    public Loaded load(FileSet files, String actor) {
        FrameworkDraft draft = read(files);
        merge(files, draft, actor, Change.file(""), false);
        int targets = draft.plans().stream().mapToInt(p -> p.targets().size()).sum();
        int tasks = draft.plans().stream().mapToInt(p -> p.tasks().size()).sum();
        return new Loaded(draft.documents().size(), draft.indicators().size(), draft.plans().size(), targets, tasks);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> export(List<String> planCodes) {
        Map<String, String> files = new LinkedHashMap<>(exporter.export(planCodes));
        sections.orderedStream().forEach(s -> s.export(planCodes).ifPresent(text -> files.put(s.file(), text)));
        return files;
    }

    private FrameworkDraft read(FileSet files) {
        Set<String> known = codes("indicator");
        Set<String> documents = codes("document");
        Set<String> disaggregations = codes("disaggregation");
        FrameworkFileReader.Known k = new FrameworkFileReader.Known(
                code -> regions.find(code).isPresent(), code -> organisations.find(code).isPresent(),
                known::contains, documents::contains, disaggregations::contains);
        return new FrameworkFileReader(files, k).read();
    }

    private Summary merge(FileSet files, String actor, Change how, boolean checkScope) {
        FrameworkDraft draft = read(files);
        if (checkScope) {
            user.requirePlan();
            for (PlanDraft p : draft.plans()) {
                regions.find(p.regionCode()).ifPresent(user::requirePlan);
                plans.find(p.code()).flatMap(existing -> regions.find(existing.regionId())).ifPresent(user::requirePlan);
            }
        }
        return merge(files, draft, actor, how, checkScope);
    }

    private Summary merge(FileSet files, FrameworkDraft draft, String actor, Change how, boolean checkScope) {
        Change change = new Change(how.channel(),
                how.reason().isBlank() ? IMPORTED : how.reason(), how.force());
        Change retire = new Change(change.channel(), how.reason().isBlank() ? ABSENT : how.reason(), false);
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Integer> drafted = new LinkedHashMap<>();
        journal.start();
        List<Changed> events;
        try {
            for (DocumentDraft d : draft.documents()) {
                upsert(d, actor, change);
            }
            drafted.put("document", draft.documents().size());
            for (DisaggregationDraft d : draft.disaggregations()) {
                upsert(d, actor, change);
            }
            drafted.put("disaggregation", draft.disaggregations().size());
            Set<String> existing = codes("indicator");
            for (IndicatorDraft i : inDependencyOrder(draft.indicators())) {
                IndicatorCommand c = command(i);
                guarded(problems, files.describe("indicators.yaml"), () -> {
                    if (existing.contains(i.code())) {
                        editor.updateIndicator(i.code(), c, actor, change);
                    } else {
                        editor.createIndicator(c, actor, change);
                    }
                });
            }
            drafted.put("indicator", draft.indicators().size());
            for (PlanDraft p : draft.plans()) {
                String file = files.describe(draft.planFiles().getOrDefault(p.code(), "plans/" + p.code() + ".yaml"));
                mergePlan(p, file, actor, change, retire, problems, drafted);
            }
            // other modules' files (data sets) last: they name indicators, plans and breakdowns merged above.
            // Their problems already name their file and line; after a refusal above they would only repeat it.
            if (problems.isEmpty()) {
                for (org.yardstick.framework.FrameworkFileSection s : sections.orderedStream().toList()) {
                    try {
                        drafted.put(s.kind(), s.merge(files, actor, change, checkScope));
                    } catch (InvalidInputException e) {
                        problems.addAll(e.problems());
                    }
                }
            }
        } finally {
            events = journal.stop();
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return summary(draft, drafted, events);
    }

    private void mergePlan(PlanDraft p, String file, String actor, Change change, Change retire, List<InputProblem> problems,
                           Map<String, Integer> drafted) {
        PlanCommand pc = new PlanCommand(p.code(), p.name(), p.regionCode(), p.startYear(), p.endYear(), p.baselineYear(),
                p.documentCode());
        boolean exists = plans.find(p.code()).isPresent();
        if (!guarded(problems, file, () -> {
            if (exists) {
                editor.updatePlan(p.code(), pc, actor, change);
            } else {
                editor.createPlan(pc, actor, change);
            }
        })) {
            return;
        }
        drafted.merge("plan", 1, Integer::sum);
        Plan plan = plans.get(p.code());
        Set<String> sections = live("plan_section", plan);
        for (SectionDraft s : p.sections()) {
            SectionCommand c = new SectionCommand(s.code(), s.parentCode(), s.title(), s.indicatorCodes());
            guarded(problems, file, () -> {
                if (sections.contains(s.code())) {
                    editor.updateSection(p.code(), s.code(), c, actor, change);
                } else {
                    editor.createSection(p.code(), c, actor, change);
                }
            });
        }
        Set<String> goals = live("goal", plan);
        for (GoalDraft g : p.goals()) {
            GoalCommand c = new GoalCommand(g.code(), g.sectionCode(), g.text(), g.source());
            guarded(problems, file, () -> {
                if (goals.contains(g.code())) {
                    editor.updateGoal(p.code(), g.code(), c, actor, change);
                } else {
                    editor.createGoal(p.code(), c, actor, change);
                }
            });
        }
        Set<String> targets = live("target", plan);
        for (TargetDraft t : p.targets()) {
            TargetCommand c = new TargetCommand(t.code(), t.indicatorCode(), t.regionCode(), t.disaggregationCode(), t.kind(),
                    t.qualifier(), t.qualifierText(), t.value(), t.valueHigh(), t.changeUnit(), t.limit(),
                    t.comparatorRegionCode(), t.baselineYear(), t.targetYear(), t.statement(), t.source());
            guarded(problems, file, () -> {
                if (targets.contains(t.code())) {
                    editor.adjustTarget(p.code(), t.code(), c, actor, change);
                } else {
                    editor.createTarget(p.code(), c, actor, change);
                }
            });
        }
        Set<String> projects = live("key_project", plan);
        for (KeyProjectDraft k : p.keyProjects()) {
            KeyProjectCommand c = new KeyProjectCommand(k.code(), k.sectionCode(), k.name(), k.summary(), k.targetCodes(), k.source());
            guarded(problems, file, () -> {
                if (projects.contains(k.code())) {
                    editor.updateKeyProject(p.code(), k.code(), c, actor, change);
                } else {
                    editor.createKeyProject(p.code(), c, actor, change);
                }
            });
        }
        Set<String> tasks = live("task", plan);
        for (TaskDraft t : p.tasks()) {
            TaskCommand c = new TaskCommand(t.code(), t.sectionCode(), t.title(), t.startYear(), t.deadlineYear(), t.unitCodes(),
                    t.targetCodes(), t.source());
            guarded(problems, file, () -> {
                if (tasks.contains(t.code())) {
                    editor.updateTask(p.code(), t.code(), c, actor, change);
                } else {
                    editor.createTask(p.code(), c, actor, change);
                }
            });
        }
        drafted.merge("section", p.sections().size(), Integer::sum);
        drafted.merge("goal", p.goals().size(), Integer::sum);
        drafted.merge("target", p.targets().size(), Integer::sum);
        drafted.merge("key_project", p.keyProjects().size(), Integer::sum);
        drafted.merge("task", p.tasks().size(), Integer::sum);

        // what the plan's file no longer holds is retired: parts first, then sections from the deepest up
        Set<String> keep = new HashSet<>();
        p.tasks().forEach(t -> keep.add(t.code()));
        for (String code : tasks) {
            if (!keep.contains(code)) {
                guarded(problems, file, () -> editor.retireTask(p.code(), code, actor, retire));
            }
        }
        keep.clear();
        p.keyProjects().forEach(k -> keep.add(k.code()));
        for (String code : projects) {
            if (!keep.contains(code)) {
                guarded(problems, file, () -> editor.retireKeyProject(p.code(), code, actor, retire));
            }
        }
        keep.clear();
        p.goals().forEach(g -> keep.add(g.code()));
        for (String code : goals) {
            if (!keep.contains(code)) {
                guarded(problems, file, () -> editor.retireGoal(p.code(), code, actor, retire));
            }
        }
        keep.clear();
        p.targets().forEach(t -> keep.add(t.code()));
        for (String code : targets) {
            if (!keep.contains(code)) {
                guarded(problems, file, () -> editor.retireTarget(p.code(), code, actor, retire));
            }
        }
        keep.clear();
        p.sections().forEach(s -> keep.add(s.code()));
        List<String> deepestFirst = jdbc.sql("""
                        select code from plan_section where plan_id = ? and retired_at is null order by ordinal desc""")
                .param(plan.id()).query(String.class).list();
        for (String code : deepestFirst) {
            if (!keep.contains(code)) {
                guarded(problems, file, () -> editor.retireSection(p.code(), code, actor, retire));
            }
        }
    }

    /** Indicators after those they read (ratio parts, weight, formula inputs), so each refers to one that exists. */
    private static List<IndicatorDraft> inDependencyOrder(List<IndicatorDraft> drafts) {
        Map<String, IndicatorDraft> byCode = new LinkedHashMap<>();
        drafts.forEach(d -> byCode.put(d.code(), d));
        List<IndicatorDraft> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        class Visit {
            void visit(IndicatorDraft d) {
                if (done.contains(d.code()) || !visiting.add(d.code())) {
                    return; // a circle is refused by the formula check
                }
                Set<String> reads = new LinkedHashSet<>();
                for (String r : new String[] {d.numerator(), d.denominator(), d.weight()}) {
                    if (r != null) {
                        reads.add(r);
                    }
                }
                if (d.formula() != null) {
                    Matcher m = FORMULA_CODE.matcher(d.formula());
                    while (m.find()) {
                        reads.add(m.group());
                    }
                }
                for (String r : reads) {
                    IndicatorDraft dep = byCode.get(r);
                    if (dep != null) {
                        visit(dep);
                    }
                }
                visiting.remove(d.code());
                done.add(d.code());
                order.add(d);
            }
        }
        Visit v = new Visit();
        drafts.forEach(v::visit);
        return order;
    }

    private static IndicatorCommand command(IndicatorDraft i) {
        return new IndicatorCommand(i.code(), i.name(), i.unit(), i.polarity(), i.aggregation(), i.numerator(), i.denominator(),
                i.formula(), i.nature(), i.decimals(), i.description(), i.periodRule(), i.incomplete(), i.weight(),
                i.differenceThreshold());
    }

    /** Runs one element's change; a refusal is kept with the file it came from, and the import goes on to find more. */
    private static boolean guarded(List<InputProblem> problems, String file, Runnable step) {
        try {
            step.run();
            return true;
        } catch (InvalidInputException e) {
            for (InputProblem p : e.problems()) {
                problems.add(new InputProblem(file + " (" + p.source() + ")", p.line(), p.field(), p.value(), p.kind(), p.args()));
            }
            return false;
        }
    }

    private void upsert(DocumentDraft d, String actor, Change how) {
        Fields after = new Fields().put("title_zh", d.title().zh()).put("title_en", d.title().en()).put("issuer_zh", d.issuer().zh())
                .put("issuer_en", d.issuer().en()).put("issued", d.issued()).put("kind", d.kind()).put("reference", d.reference());
        Fields before = jdbc.sql("select title_zh, title_en, issuer_zh, issuer_en, issued, kind, reference from document where code = ?")
                .param(d.code())
                .query((rs, n) -> new Fields().put("title_zh", rs.getString(1)).put("title_en", rs.getString(2))
                        .put("issuer_zh", rs.getString(3)).put("issuer_en", rs.getString(4))
                        .put("issued", rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate())
                        .put("kind", org.yardstick.framework.DocumentKind.valueOf(rs.getString(6))).put("reference", rs.getString(7)))
                .optional().orElse(null);
        if (after.equals(before)) {
            return;
        }
        new FrameworkWriter(jdbc).upsert(d);
        audit.changed("document", null, d.code(), before == null ? "create" : "update", actor, how, before, after);
    }

    private void upsert(DisaggregationDraft d, String actor, Change how) {
        Fields after = new Fields().put("dimension", d.dimension()).put("name_zh", d.name().zh()).put("name_en", d.name().en());
        Fields before = jdbc.sql("select dimension, name_zh, name_en from disaggregation where code = ?").param(d.code())
                .query((rs, n) -> new Fields().put("dimension", org.yardstick.framework.DisaggregationDimension.valueOf(rs.getString(1)))
                        .put("name_zh", rs.getString(2)).put("name_en", rs.getString(3)))
                .optional().orElse(null);
        if (after.equals(before)) {
            return;
        }
        new FrameworkWriter(jdbc).upsert(d);
        audit.changed("disaggregation", null, d.code(), before == null ? "create" : "update", actor, how, before, after);
    }

    private static Summary summary(FrameworkDraft draft, Map<String, Integer> drafted, List<Changed> events) {
        List<Item> items = new ArrayList<>();
        Map<String, int[]> counts = new TreeMap<>();
        drafted.keySet().forEach(k -> counts.put(k, new int[4]));
        for (Changed e : events) {
            String action = switch (e.action()) {
                case "create" -> "added";
                case "retire" -> "retired";
                default -> "changed";
            };
            List<FieldDiff> fields = e.changes().stream().filter(f -> !f.field().equals("channel"))
                    .map(f -> new FieldDiff(f.field(), f.oldValue(), f.newValue())).toList();
            items.add(new Item(e.entityType(), e.entityKey(), action, fields));
            int[] c = counts.computeIfAbsent(e.entityType(), k -> new int[4]);
            c[switch (action) {
                case "added" -> 0;
                case "changed" -> 1;
                default -> 2;
            }]++;
        }
        Map<String, Count> result = new LinkedHashMap<>();
        counts.forEach((type, c) -> {
            int touched = c[0] + c[1];
            result.put(type, new Count(c[0], c[1], c[2], Math.max(0, drafted.getOrDefault(type, 0) - touched)));
        });
        return new Summary(true, draft.plans().stream().map(PlanDraft::code).toList(), result, items);
    }

    private Set<String> live(String table, Plan plan) {
        return new LinkedHashSet<>(jdbc.sql("select code from " + table + " where plan_id = ? and retired_at is null order by ordinal")
                .param(plan.id()).query(String.class).list());
    }

    private Set<String> codes(String table) {
        return new HashSet<>(jdbc.sql("select code from " + table).query(String.class).list());
    }
}
