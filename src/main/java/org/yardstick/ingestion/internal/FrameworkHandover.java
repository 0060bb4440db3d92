package org.yardstick.ingestion.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.framework.Change;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Qualifier;
import org.yardstick.ingestion.rules.EnglishNames;
import org.yardstick.ingestion.rules.Extractor;
import org.yardstick.ingestion.rules.Item;
import org.yardstick.ingestion.rules.ItemKind;
import org.yardstick.ingestion.rules.Units;
import org.yardstick.observation.ObservationFiles;
import org.yardstick.observation.ObservationStatus;
import org.yardstick.region.Organisation;
import org.yardstick.region.Organisations;
import org.yardstick.shared.FileSet;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * The one place where accepted proposals leave ingestion: they are written as framework files
 * (documents.yaml, indicators.yaml for new indicators, plans/&lt;code&gt;.yaml, observations.csv for the
 * reported figures) exactly as a person would write them, and handed to the framework import and the
 * observation import in one transaction. When the framework module's merge preview lands, this class
 * is what switches to it.
 */
@Component
public class FrameworkHandover {

    /** What a commit wrote, and the files it wrote them from (shown to the planner). */
    public record Committed(String planCode, int targets, int tasks, int observations, int newIndicators,
                            Map<String, String> files) {}

    private final org.yardstick.observation.Observations reported;
    private final FrameworkFiles frameworkFiles;
    private final ObservationFiles observationFiles;
    private final Indicators indicators;
    private final Organisations organisations;
    private final TransactionTemplate transaction;
    private final org.yardstick.region.RegionFiles regionFiles;

    FrameworkHandover(FrameworkFiles frameworkFiles, ObservationFiles observationFiles, Indicators indicators,
                      Organisations organisations, TransactionTemplate transaction,
                      org.yardstick.observation.Observations reported, org.yardstick.region.RegionFiles regionFiles) {
        this.regionFiles = regionFiles;
        this.reported = reported;
        this.frameworkFiles = frameworkFiles;
        this.observationFiles = observationFiles;
        this.indicators = indicators;
        this.organisations = organisations;
        this.transaction = transaction;
    }

    public Committed commit(Proposal proposal, List<Decision> decisions, PlanHeader header, String actor) {
        Map<String, String> files = files(proposal, decisions, header);
        FileSet set = new Files(files);
        int[] counts = new int[2];
        transaction.executeWithoutResult(status -> {
            if (files.containsKey("organisations.yaml")) {
                regionFiles.load(set);
            }
            FrameworkFiles.Loaded loaded = frameworkFiles.load(set, actor);
            counts[0] = loaded.targets();
            counts[1] = loaded.tasks();
            if (files.containsKey("observations.csv")) {
                observationFiles.load(set, "observations.csv", ObservationStatus.APPROVED, actor);
            }
        });
        int observations = files.containsKey("observations.csv")
                ? (int) files.get("observations.csv").lines().count() - 1 : 0;
        int created = (int) files.getOrDefault("indicators.yaml", "").lines().filter(l -> l.startsWith("  - code:")).count();
        return new Committed(header.planCode(), counts[0], counts[1], observations, created, files);
    }

    /**
     * What committing would do, through the framework import's merge preview (rolled back, nothing written): each
     * element added or changed, per kind, and the number of reported figures. Into an existing plan when
     * {@code into} is true ({@code header.planCode()} names it): its parts are kept, the document's are added.
     */
    public Previewed preview(Proposal proposal, List<Decision> decisions, PlanHeader header, boolean into, Change how) {
        Map<String, String> files = into ? filesInto(proposal, decisions, header) : files(proposal, decisions, header);
        FileSet set = new Files(files);
        FrameworkFiles.Summary summary;
        if (files.containsKey("organisations.yaml")) {
            // the new organisations must exist for the tasks that name them: loaded in a savepoint rolled back
            TransactionTemplate rolledBack = new TransactionTemplate(java.util.Objects.requireNonNull(transaction.getTransactionManager()));
            rolledBack.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
            summary = rolledBack.execute(status -> {
                status.setRollbackOnly();
                regionFiles.load(set);
                return frameworkFiles.preview(set, how);
            });
        } else {
            summary = frameworkFiles.preview(set, how);
        }
        return new Previewed(header.planCode(), into, summary, observationRows(files), files);
    }

    /**
     * Commits into an existing plan, as the account acting (its scope, the audit under its name): the plan's parts
     * are kept, the document's sections (under one section named after the document), targets and tasks added, new
     * indicators, organisations' tasks and the reported figures written, all in one transaction.
     */
    public Previewed commitInto(Proposal proposal, List<Decision> decisions, PlanHeader header, String actor, Change how) {
        Map<String, String> files = filesInto(proposal, decisions, header);
        FileSet set = new Files(files);
        FrameworkFiles.Summary summary = transaction.execute(status -> {
            if (files.containsKey("organisations.yaml")) {
                regionFiles.load(set);
            }
            FrameworkFiles.Summary s = frameworkFiles.apply(set, how);
            if (files.containsKey("observations.csv")) {
                observationFiles.load(set, "observations.csv", ObservationStatus.APPROVED, actor);
            }
            return s;
        });
        return new Previewed(header.planCode(), true, summary, observationRows(files), files);
    }

    /** What a preview or a commit into an existing plan shows: the import's summary and the files it read. */
    public record Previewed(String planCode, boolean existing, FrameworkFiles.Summary summary, int observations,
                            Map<String, String> files) {}

    private static int observationRows(Map<String, String> files) {
        return files.containsKey("observations.csv") ? (int) files.get("observations.csv").lines().count() - 1 : 0;
    }

    /**
     * The files of a commit into the existing plan {@code header.planCode()}: the plan as it is (exported), with the
     * document's parts appended under codes prefixed by the document's code, so nothing of the plan is retired or changed.
     */
    @SuppressWarnings("unchecked")
    Map<String, String> filesInto(Proposal proposal, List<Decision> decisions, PlanHeader header) {
        String planFile = "plans/" + header.planCode() + ".yaml";
        String exported = frameworkFiles.export(List.of(header.planCode())).get(planFile);
        if (exported == null) {
            throw new InvalidInputException(InputProblem.of("form", 0, "plan", header.planCode(),
                    IngestionProblem.UNKNOWN_PLAN));
        }
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml();
        Map<String, Object> plan = yaml.load(exported);
        Map<String, Object> head = (Map<String, Object>) plan.get("plan");
        PlanHeader h = new PlanHeader(header.planCode(), header.nameZh(), header.nameEn(), String.valueOf(head.get("region")),
                ((Number) head.get("start_year")).intValue(), ((Number) head.get("end_year")).intValue(),
                ((Number) head.get("baseline_year")).intValue(), header.documentCode(), header.issuerZh(), header.issued());
        String prefix = header.documentCode().replace('.', '_') + "-";
        Map<String, String> files = files(proposal, decisions, h, prefix);
        Map<String, Object> added = yaml.load(files.get(planFile));
        for (String part : List.of("sections", "key_projects", "tasks", "targets")) {
            Object more = added.get(part);
            if (more instanceof List<?> list && !list.isEmpty()) {
                List<Object> merged = new ArrayList<>();
                if (plan.get(part) instanceof List<?> old) {
                    merged.addAll(old);
                }
                merged.addAll(list);
                plan.put(part, merged);
            }
        }
        org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
        options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(1000);
        files.put(planFile, new org.yaml.snakeyaml.Yaml(options).dump(plan));
        return files;
    }

    /** The framework files of a commit (checked for what only ingestion knows; the import checks the rest). */
    public Map<String, String> files(Proposal proposal, List<Decision> decisions, PlanHeader header) {
        return files(proposal, decisions, header, "");
    }

    /**
     * The framework files; {@code prefix} (non-empty when committing into an existing plan) goes before the codes of
     * the sections, tasks and targets written, so that they never take the code of one the plan already has.
     */
    private Map<String, String> files(Proposal proposal, List<Decision> decisions, PlanHeader header, String prefix) {
        List<Decision> accepted = decisions.stream().filter(Decision::accepted).toList();
        String source = proposal.source();
        if (accepted.isEmpty()) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, IngestionProblem.NOTHING_ACCEPTED));
        }
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Indicator> catalogue = new HashMap<>();
        indicators.all().forEach(i -> catalogue.put(i.code(), i));
        // new indicators: one per distinct name as written
        Map<String, String> newCodes = new LinkedHashMap<>();
        Map<String, String> newUnits = new HashMap<>();
        Map<String, String> newSentences = new HashMap<>();
        Map<String, String> newEnglish = new HashMap<>();
        Map<Decision, String> codeOf = new HashMap<>();
        for (Decision d : accepted) {
            ItemKind k = d.item().kind();
            if (k == ItemKind.TASK || k == ItemKind.MILESTONE) {
                continue;
            }
            if (d.value() == null && k != ItemKind.COMPARATOR) {
                problems.add(InputProblem.of(source, d.item().line(), "value", d.item().sentence(), IngestionProblem.NO_VALUE));
            }
            if (d.year() == null) {
                problems.add(InputProblem.of(source, d.item().line(), "year", d.item().sentence(), IngestionProblem.NO_YEAR));
            }
            String code = d.indicatorCode().strip();
            if (!code.isEmpty()) {
                Indicator known = catalogue.get(code);
                if (known == null) {
                    problems.add(InputProblem.of(source, d.item().line(), "indicator", code,
                            org.yardstick.framework.FrameworkProblem.UNKNOWN_INDICATOR));
                } else if (measuresLevel(k) && !d.unit().isEmpty() && !Units.compatible(known.unit().zh(), d.unit())) {
                    problems.add(InputProblem.of(source, d.item().line(), "indicator", code, IngestionProblem.UNIT_CONFLICT,
                            d.unit(), code, known.unit().zh().isEmpty() ? "—" : known.unit().zh()));
                }
                codeOf.put(d, code);
            } else if (d.indicatorName().isBlank()) {
                problems.add(InputProblem.of(source, d.item().line(), "indicator", d.item().sentence(),
                        IngestionProblem.NO_INDICATOR));
            } else {
                String name = d.indicatorName().strip();
                String c = newCodes.computeIfAbsent(name, n -> freeCode(header.planCode(), catalogue.keySet(), newCodes.values()));
                if (measuresLevel(k)) {
                    newUnits.putIfAbsent(name, d.unit());
                }
                newSentences.putIfAbsent(name, d.item().sentence());
                if (!d.indicatorNameEn().isBlank()) {
                    newEnglish.putIfAbsent(name, d.indicatorNameEn().strip());
                }
                codeOf.put(d, c);
            }
        }
        // the same figure twice with different values
        Map<String, Decision> seen = new HashMap<>();
        for (Decision d : accepted) {
            if (!codeOf.containsKey(d) || d.value() == null) {
                continue;
            }
            String key = codeOf.get(d) + "|" + d.item().kind() + "|" + d.year() + "|" + d.item().category();
            Decision first = seen.putIfAbsent(key, d);
            if (first != null && first.value() != null && first.value().compareTo(d.value()) != 0
                    && isObservation(d.item().kind())) {
                problems.add(InputProblem.of(source, d.item().line(), "value", d.value().toPlainString(),
                        IngestionProblem.CONFLICT, first.value().toPlainString(), first.item().line()));
            }
        }
        // tasks: responsible units matched to organisations, the lead first
        Map<Decision, List<String>> units = new HashMap<>();
        Map<String, String> newOrganisations = new LinkedHashMap<>();
        for (Decision d : accepted) {
            if (d.item().kind() != ItemKind.TASK) {
                continue;
            }
            List<String> codes = new ArrayList<>();
            for (String u : d.item().units()) {
                Optional<Organisation> o = organisations.byName(u);
                if (o.isEmpty() && u.length() > 3) {
                    o = organisations.byName(u.replaceFirst("^(自治区|省|市|区|县|兵团)", ""));
                }
                if (o.isEmpty()) {
                    // a 责任单位 the platform does not know: proposed as a new organisation, committed with the plan
                    String code = newOrganisations.computeIfAbsent(u.strip(), n -> freeOrganisation(header.planCode(), newOrganisations.size()));
                    if (!codes.contains(code)) {
                        codes.add(code);
                    }
                } else if (!codes.contains(o.get().code())) {
                    codes.add(o.get().code());
                }
            }
            units.put(d, codes);
        }
        // figures already reported (approved) for the region: the same value is not written twice, another value is refused
        Set<Decision> known = new java.util.HashSet<>();
        List<String> observed = accepted.stream().filter(d -> isObservation(d.item().kind()) && codeOf.containsKey(d))
                .map(codeOf::get).distinct().toList();
        if (!observed.isEmpty() && !header.region().isBlank()) {
            Map<String, BigDecimal> existing = new HashMap<>();
            for (var o : reported.approvedFigures(observed, List.of(header.region()))) {
                String category = o.disaggregationCode().equals("_T") ? "" : o.disaggregationCode();
                existing.put(o.indicatorCode() + "|" + o.period().code() + "|" + o.measure().name() + "|" + category, o.value());
            }
            for (Decision d : accepted) {
                if (!isObservation(d.item().kind()) || !codeOf.containsKey(d) || d.value() == null || d.year() == null) {
                    continue;
                }
                BigDecimal v = existing.get(codeOf.get(d) + "|" + d.year() + "|" + measure(d).toUpperCase() + "|"
                        + d.item().category());
                if (v != null && v.compareTo(d.value()) == 0) {
                    known.add(d);
                } else if (v != null) {
                    problems.add(InputProblem.of(source, d.item().line(), "value", d.value().toPlainString(),
                            IngestionProblem.EXISTS, v.toPlainString(), codeOf.get(d) + " " + d.year()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        codeOf.keySet().removeIf(d -> known.contains(d) && isObservation(d.item().kind()));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("documents.yaml", documents(proposal, header));
        if (!newOrganisations.isEmpty()) {
            StringBuilder y = new StringBuilder("organisations:\n");
            newOrganisations.forEach((name, code) -> {
                String en = EnglishNames.draft(name);
                String nameEn = en.isEmpty() ? "Organisation " + code : en;
                y.append("  - code: ").append(code).append('\n')
                    .append("    name_zh: ").append(q(name)).append('\n')
                    .append("    name_en: ").append(q(nameEn)).append('\n')
                    .append("    short_zh: ").append(q(name)).append('\n')
                    .append("    short_en: ").append(q(nameEn)).append('\n')
                    .append("    region: ").append(q(header.region())).append('\n')
                    .append("    kind: department\n");
            });
            files.put("organisations.yaml", y.toString());
        }
        if (!newCodes.isEmpty()) {
            StringBuilder y = new StringBuilder("indicators:\n");
            newCodes.forEach((name, code) -> {
                String unit = newUnits.getOrDefault(name, "");
                y.append("  - code: ").append(code).append('\n')
                        .append("    name_zh: ").append(q(name)).append('\n')
                        .append("    name_en: ").append(q(newEnglish.getOrDefault(name, "Indicator " + code))).append('\n')
                        .append("    unit_zh: ").append(q(unit)).append('\n')
                        .append("    unit_en: ").append(q(unit)).append('\n')
                        .append("    polarity: positive\n")
                        .append("    aggregation: not_additive\n")
                        .append("    description_zh: ").append(q("由规划文本导入：" + cut(newSentences.get(name), 120))).append('\n')
                        .append("    description_en: ").append(q("Imported from the text of a plan")).append('\n');
            });
            files.put("indicators.yaml", y.toString());
        }
        files.put("plans/" + header.planCode() + ".yaml", plan(proposal, accepted, header, codeOf, units, prefix));
        String csv = observations(accepted, header, codeOf);
        if (csv != null) {
            files.put("observations.csv", csv);
        }
        return files;
    }

    /** A code for a new organisation that no organisation has. */
    private String freeOrganisation(String planCode, int taken) {
        String stem = planCode.toLowerCase(java.util.Locale.ROOT).replace('.', '-') + "-org";
        for (int n = taken + 1; ; n++) {
            if (organisations.find(stem + n).isEmpty()) {
                return stem + n;
            }
        }
    }

    /** A code for a new indicator that no catalogue indicator has (a second commit into a plan never reuses one). */
    private static String freeCode(String planCode, Set<String> catalogue, java.util.Collection<String> taken) {
        String stem = planCode.toUpperCase().replace('-', '_').replace('.', '_') + "_I";
        for (int n = taken.size() + 1; ; n++) {
            String c = stem + n;
            if (!catalogue.contains(c) && !taken.contains(c)) {
                return c;
            }
        }
    }

    private static boolean measuresLevel(ItemKind k) {
        return k == ItemKind.BASELINE || k == ItemKind.TARGET || k == ItemKind.COUNT;
    }

    private static String measure(Decision d) {
        return switch (d.item().kind()) {
            case CHANGE -> d.unit().equals("%") ? "pct_change" : "change";
            case GROWTH_RATE -> "cagr";
            case MULTIPLE -> "multiple";
            default -> "level";
        };
    }

    private static boolean isObservation(ItemKind k) {
        return k == ItemKind.BASELINE || k == ItemKind.CHANGE || k == ItemKind.GROWTH_RATE || k == ItemKind.MULTIPLE;
    }

    private static String documents(Proposal p, PlanHeader h) {
        StringBuilder y = new StringBuilder("documents:\n");
        y.append("  - code: ").append(h.documentCode()).append('\n')
                .append("    title_zh: ").append(q(h.nameZh())).append('\n')
                .append("    title_en: ").append(q(h.nameEn())).append('\n')
                .append("    issuer_zh: ").append(q(h.issuerZh())).append('\n')
                .append("    issuer_en: ").append(q(h.issuerZh())).append('\n');
        if (h.issued() != null) {
            y.append("    issued: \"").append(h.issued()).append("\"\n");
        }
        y.append("    kind: plan\n").append("    reference: ").append(q(p.source())).append('\n');
        return y.toString();
    }

    private String plan(Proposal p, List<Decision> accepted, PlanHeader h, Map<Decision, String> codeOf,
                        Map<Decision, List<String>> units, String prefix) {
        StringBuilder y = new StringBuilder();
        y.append("plan:\n")
                .append("  code: ").append(h.planCode()).append('\n')
                .append("  name_zh: ").append(q(h.nameZh())).append('\n')
                .append("  name_en: ").append(q(h.nameEn())).append('\n')
                .append("  region: ").append(q(h.region())).append('\n')
                .append("  start_year: ").append(h.startYear()).append('\n')
                .append("  end_year: ").append(h.endYear()).append('\n')
                .append("  baseline_year: ").append(h.baselineYear()).append('\n')
                .append("  document: ").append(h.documentCode()).append('\n');
        // sections: the headings, nested by their codes; each lists the indicators its targets measure
        Map<String, Set<String>> sectionIndicators = new HashMap<>();
        for (Decision d : accepted) {
            if (codeOf.containsKey(d) && !isObservation(d.item().kind()) && !d.item().section().isEmpty()) {
                sectionIndicators.computeIfAbsent(d.item().section(), s -> new LinkedHashSet<>()).add(codeOf.get(d));
            }
        }
        List<Extractor.SectionHead> heads = p.sections();
        if (!prefix.isEmpty()) {
            // into an existing plan: the document's headings under one section named after the document
            String root = prefix.substring(0, prefix.length() - 1);
            List<Extractor.SectionHead> moved = new ArrayList<>();
            moved.add(new Extractor.SectionHead(root, 1, h.nameZh(), 0, 0));
            heads.forEach(s -> moved.add(s.moved(root + "." + s.code(), s.level() + 1)));
            heads = moved;
            Map<String, Set<String>> movedIndicators = new HashMap<>();
            sectionIndicators.forEach((c, v) -> movedIndicators.put(root + "." + c, v));
            sectionIndicators = movedIndicators;
        }
        if (!heads.isEmpty()) {
            y.append("sections:\n");
            writeSections(y, heads, "", 1, sectionIndicators, h.documentCode());
        }
        Set<String> sectionCodes = new LinkedHashSet<>();
        heads.forEach(s -> sectionCodes.add(s.code()));
        StringBuilder tasks = new StringBuilder();
        StringBuilder targets = new StringBuilder();
        int t = 0;
        int k = 0;
        for (Decision d : accepted) {
            Item i = d.item();
            String section = prefix.isEmpty() ? i.section()
                    : i.section().isEmpty() ? "" : prefix.substring(0, prefix.length() - 1) + "." + i.section();
            section = sectionCodes.contains(section) ? section : "";
            if (i.kind() == ItemKind.TASK) {
                k++;
                tasks.append("  - code: ").append(q(prefix + "T" + k)).append('\n');
                if (!section.isEmpty()) {
                    tasks.append("    section: ").append(q(section)).append('\n');
                }
                String title = i.text().isEmpty() ? sectionTitle(heads, section) : cut(i.text(), 200);
                String titleEn = EnglishNames.draft(title);
                tasks.append("    title_zh: ").append(q(title)).append('\n')
                        .append("    title_en: ").append(q(titleEn.isEmpty() ? "Task " + prefix + "T" + k : titleEn)).append('\n')
                        .append("    responsible: [").append(String.join(", ", units.get(d))).append("]\n")
                        .append("    deadline_year: ").append(h.endYear()).append('\n')
                        .append("    source: ").append(source(h, i)).append('\n');
                continue;
            }
            if (isObservation(i.kind())) {
                continue;
            }
            t++;
            targets.append("  - id: ").append(q(prefix + "t" + t)).append('\n');
            if (codeOf.containsKey(d)) {
                targets.append("    indicator: ").append(codeOf.get(d)).append('\n');
            }
            targets.append("    region: ").append(q(h.region())).append('\n');
            if (!i.category().isEmpty()) {
                targets.append("    disaggregation: ").append(i.category()).append('\n'); // 城市…，农村…: one indicator by area
            }
            String kind;
            Qualifier ql = i.qualifier();
            switch (i.kind()) {
                case TARGET -> kind = d.valueHigh() != null ? "range"
                        : ql == Qualifier.OVER || ql == Qualifier.AT_LEAST ? "at_least"
                        : ql == Qualifier.AT_MOST ? "at_most" : "value";
                case TARGET_CHANGE -> kind = "change";
                case TARGET_GROWTH -> kind = "growth_rate";
                case TARGET_MULTIPLE -> kind = "multiple";
                case COMPARATOR -> kind = "comparator";
                case COUNT -> kind = "count";
                default -> kind = "milestone";
            }
            targets.append("    kind: ").append(kind).append('\n');
            if (d.value() != null && !kind.equals("comparator") && !kind.equals("milestone")) {
                targets.append("    value: ").append(d.value().toPlainString()).append('\n');
            }
            if (kind.equals("range") && d.valueHigh() != null) {
                targets.append("    value_high: ").append(d.valueHigh().toPlainString()).append('\n');
            }
            if (kind.equals("change")) {
                targets.append("    change_unit: ").append(d.unit().equals("%") ? "percent" : "points").append('\n');
            }
            if (kind.equals("comparator")) {
                targets.append("    comparator: CN\n    relation: at_least\n");
            }
            int year = d.year() == null ? h.endYear() : d.year();
            targets.append("    target_year: ").append(year).append('\n')
                    .append("    baseline_year: ").append(Math.min(h.baselineYear(), year)).append('\n')
                    .append("    qualifier: ").append(q(i.qualifierWord())).append('\n')
                    .append("    statement_zh: ").append(q(cut(i.text(), 200))).append('\n')
                    .append("    statement_en: ").append(q(cut(i.text(), 200))).append('\n')
                    .append("    source: ").append(source(h, i)).append('\n');
        }
        if (k > 0) {
            y.append("tasks:\n").append(tasks);
        }
        if (t > 0) {
            y.append("targets:\n").append(targets);
        }
        return y.toString();
    }

    private static String sectionTitle(List<Extractor.SectionHead> heads, String code) {
        return heads.stream().filter(s -> s.code().equals(code)).map(Extractor.SectionHead::title).findFirst().orElse("任务");
    }

    private static void writeSections(StringBuilder y, List<Extractor.SectionHead> heads, String parent, int depth,
                                      Map<String, Set<String>> indicators, String document) {
        String indent = "  ".repeat(2 * depth - 1);
        for (Extractor.SectionHead s : heads) {
            String code = s.code();
            String parentCode = code.contains(".") ? code.substring(0, code.lastIndexOf('.')) : "";
            if (!parentCode.equals(parent)) {
                continue;
            }
            String titleEn = EnglishNames.draft(s.title());
            y.append(indent.substring(2)).append("- code: ").append(q(code)).append('\n')
                    .append(indent).append("title_zh: ").append(q(s.title())).append('\n')
                    .append(indent).append("title_en: ").append(q(titleEn.isEmpty() ? "Section " + code : titleEn)).append('\n');
            if (s.isGoal() && s.line() > 0) {
                // 目标 headings (（二）发展目标, 主要目标) are goals of their section: the sentences under the heading are the
                // goal, quoted from the document; a heading with no sentence of its own is the goal by its title
                boolean said = !s.goal().isEmpty();
                String text = said ? s.goal() : s.title();
                y.append(indent).append("goals:\n")
                        .append(indent).append("  - code: ").append(q("G-" + code)).append('\n')
                        .append(indent).append("    text_zh: ").append(q(cut(text, 480))).append('\n')
                        .append(indent).append("    text_en: ").append(q(titleEn.isEmpty() ? "Goals" : titleEn)).append('\n')
                        .append(indent).append("    source: {document: ").append(document).append(", line: ")
                        .append(said ? s.goalLine() : s.line()).append(", quote: ").append(q(cut(text, 480))).append("}\n");
            }
            Set<String> codes = indicators.get(code);
            if (codes != null && !codes.isEmpty()) {
                y.append(indent).append("indicators: [").append(String.join(", ", codes)).append("]\n");
            }
            boolean children = heads.stream().anyMatch(c -> c.code().startsWith(code + ".")
                    && c.code().substring(code.length() + 1).indexOf('.') < 0);
            if (children) {
                y.append(indent).append("sections:\n");
                writeSections(y, heads, code, depth + 1, indicators, document);
            }
        }
    }

    private static @Nullable String observations(List<Decision> accepted, PlanHeader h, Map<Decision, String> codeOf) {
        StringBuilder csv = new StringBuilder("indicator,region,period,disaggregation,measure,base_period,value,qualifier,document,line,quote\n");
        int rows = 0;
        Set<String> written = new java.util.HashSet<>();
        for (Decision d : accepted) {
            Item i = d.item();
            if (!isObservation(i.kind()) || !codeOf.containsKey(d) || d.value() == null || d.year() == null) {
                continue;
            }
            String measure = measure(d);
            String base = "";
            if (!measure.equals("level")) {
                Integer b = i.baseYear();
                base = b != null ? b.toString() : "";
            }
            String key = codeOf.get(d) + "|" + d.year() + "|" + measure + "|" + base + "|" + i.category();
            if (!written.add(key)) {
                continue; // the same figure twice in the document: one row
            }
            csv.append(codeOf.get(d)).append(',').append(h.region()).append(',').append(d.year()).append(',')
                    .append(i.category()).append(',')
                    .append(measure).append(',').append(base).append(',').append(d.value().toPlainString()).append(',')
                    .append(csvCell(i.qualifierWord())).append(',').append(h.documentCode()).append(',').append(i.line())
                    .append(',').append(csvCell(i.sentence())).append('\n');
            rows++;
        }
        return rows == 0 ? null : csv.toString();
    }

    private static String source(PlanHeader h, Item i) {
        return "{document: " + h.documentCode() + ", line: " + i.line() + ", quote: " + q(i.sentence()) + "}";
    }

    static String q(@Nullable String s) {
        String v = s == null ? "" : s;
        StringBuilder out = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n', '\r' -> out.append(' ');
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String csvCell(String s) {
        String v = s.replace('\n', ' ').replace('\r', ' ');
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String cut(@Nullable String s, int max) {
        String v = s == null ? "" : s;
        return v.length() > max ? v.substring(0, max) + "…" : v;
    }

    /** Framework files in memory. */
    private record Files(Map<String, String> files) implements FileSet {

        @Override
        public String label() {
            return "ingest/";
        }

        @Override
        public Optional<String> read(String name) {
            return Optional.ofNullable(files.get(name));
        }

        @Override
        public List<String> list(String directory, String suffix) {
            String prefix = directory.endsWith("/") ? directory : directory + "/";
            return files.keySet().stream().filter(n -> n.startsWith(prefix) && n.endsWith(suffix)
                    && n.indexOf('/', prefix.length()) < 0).sorted().toList();
        }
    }
}
