package org.yardstick.framework.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Aggregation;
import org.yardstick.framework.ChangeUnit;
import org.yardstick.framework.Citation;
import org.yardstick.framework.DisaggregationDimension;
import org.yardstick.framework.DocumentKind;
import org.yardstick.framework.FrameworkProblem;
import org.yardstick.framework.IndicatorNature;
import org.yardstick.framework.Polarity;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.TargetKind;
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
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.FileSet;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.YamlNode;

/**
 * Reads the framework files of a {@link FileSet} — {@code documents.yaml},
 * {@code disaggregations.yaml}, {@code indicators.yaml}, {@code plans/*.yaml} — into drafts, checking
 * every field and every reference, and reporting all problems of all files together.
 * The format is described in {@code docs/framework-files.md}.
 */
final class FrameworkFileReader {

    /** What already exists in the database, to check references against. */
    record Known(Predicate<String> region, Predicate<String> organisation, Predicate<String> indicator,
                 Predicate<String> document, Predicate<String> disaggregation) {}

    private static final Pattern FORMULA_CODE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final int MIN_YEAR = 1949;
    private static final int MAX_YEAR = 2100;

    private final FileSet files;
    private final Known known;
    private final List<InputProblem> problems = new ArrayList<>();

    FrameworkFileReader(FileSet files, Known known) {
        this.files = files;
        this.known = known;
    }

    FrameworkDraft read() {
        List<DocumentDraft> documents = readList("documents.yaml", "documents", this::document, DocumentDraft::code);
        List<DisaggregationDraft> disaggregations = readList("disaggregations.yaml", "disaggregations",
                this::disaggregation, DisaggregationDraft::code);
        List<IndicatorDraft> indicators = readList("indicators.yaml", "indicators", this::indicator, IndicatorDraft::code);

        Set<String> documentCodes = codes(documents, DocumentDraft::code);
        Set<String> disaggregationCodes = codes(disaggregations, DisaggregationDraft::code);
        Set<String> indicatorCodes = codes(indicators, IndicatorDraft::code);
        Known all = new Known(known.region(), known.organisation(),
                known.indicator().or(indicatorCodes::contains), known.document().or(documentCodes::contains),
                known.disaggregation().or(disaggregationCodes::contains));
        checkIndicatorReferences(indicators, all);

        List<PlanDraft> plans = new ArrayList<>();
        Map<String, String> planFiles = new HashMap<>();
        for (String name : files.list("plans", ".yaml")) {
            PlanDraft plan = guarded(() -> plan(name, all));
            if (plan != null) {
                String first = planFiles.putIfAbsent(plan.code(), name);
                if (first != null) {
                    problems.add(InputProblem.of(files.describe(name), 0, "plan.code", plan.code(), FileProblem.DUPLICATE, first));
                }
                plans.add(plan);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new FrameworkDraft(documents, disaggregations, indicators, plans, planFiles);
    }

    // ---- catalogue files

    private interface ItemReader<T> {
        T read(YamlNode item);
    }

    private <T> List<T> readList(String name, String key, ItemReader<T> reader, Function<T, String> codeOf) {
        List<T> result = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        guarded(() -> {
            String text = files.read(name).orElse(null);
            if (text == null) {
                return null;
            }
            YamlNode root = YamlNode.parse(files.describe(name), text);
            root.allowOnly(key);
            root.get(key).each(item -> {
                T t = reader.read(item);
                Integer first = lines.putIfAbsent(codeOf.apply(t), item.line());
                if (first != null) {
                    throw item.get("code").fail(FileProblem.DUPLICATE, first);
                }
                result.add(t);
            });
            return null;
        });
        return result;
    }

    private static <T> Set<String> codes(List<T> items, Function<T, String> codeOf) {
        Set<String> codes = new LinkedHashSet<>();
        items.forEach(i -> codes.add(codeOf.apply(i)));
        return codes;
    }

    private DocumentDraft document(YamlNode n) {
        n.allowOnly("code", "title_zh", "title_en", "issuer_zh", "issuer_en", "issued", "kind", "reference");
        return new DocumentDraft(n.code("code"), texts(n, "title"), texts(n, "issuer"), n.dateOrNull("issued"),
                n.choice("kind", DocumentKind.class), blankToNull(n.textOr("reference", "")));
    }

    private DisaggregationDraft disaggregation(YamlNode n) {
        n.allowOnly("code", "dimension", "name_zh", "name_en");
        DisaggregationDimension dimension = n.choice("dimension", DisaggregationDimension.class);
        if (dimension == DisaggregationDimension.TOTAL || dimension == DisaggregationDimension.CROSSED) {
            throw n.get("dimension").fail(FileProblem.NOT_ONE_OF, "area, industry, enterprise_size, other");
        }
        return new DisaggregationDraft(n.code("code"), dimension, texts(n, "name"));
    }

    private IndicatorDraft indicator(YamlNode n) {
        n.allowOnly("code", "name_zh", "name_en", "unit_zh", "unit_en", "polarity", "aggregation", "numerator",
                "denominator", "formula", "nature", "decimals", "description_zh", "description_en", "period_rule",
                "incomplete", "weight", "difference_threshold");
        Aggregation aggregation = n.choice("aggregation", Aggregation.class);
        String numerator = blankToNull(n.textOr("numerator", ""));
        String denominator = blankToNull(n.textOr("denominator", ""));
        if (aggregation == Aggregation.RATIO && (numerator == null || denominator == null)) {
            throw n.problemAt(n.has("numerator") ? "denominator" : "numerator", FrameworkProblem.RATIO_NEEDS_PARTS);
        }
        Integer decimals = n.integerOrNull("decimals");
        if (decimals != null && (decimals < 0 || decimals > 6)) {
            throw n.get("decimals").fail(FileProblem.NOT_ONE_OF, "0, 1, 2, 3, 4, 5, 6");
        }
        return new IndicatorDraft(n.code("code"), texts(n, "name"),
                LocalizedText.of(n.textOr("unit_zh", ""), n.textOr("unit_en", "")),
                n.choice("polarity", Polarity.class), aggregation, numerator, denominator,
                blankToNull(n.textOr("formula", "")), n.choiceOr("nature", IndicatorNature.class, IndicatorNature.EXPECTED),
                decimals == null ? 2 : decimals,
                LocalizedText.of(n.textOr("description_zh", ""), n.textOr("description_en", "")),
                n.has("period_rule") ? n.choice("period_rule", org.yardstick.framework.PeriodRule.class) : null,
                n.choiceOr("incomplete", org.yardstick.framework.IncompleteAggregate.class,
                        org.yardstick.framework.IncompleteAggregate.WARN),
                weight(n, aggregation), differenceThreshold(n));
    }

    /** The share of a reported figure by which an aggregate may differ before pages flag it (统计口径差异); 0 to 1. */
    private static java.math.@Nullable BigDecimal differenceThreshold(YamlNode n) {
        java.math.BigDecimal t = n.decimalOrNull("difference_threshold");
        if (t != null && (t.signum() < 0 || t.compareTo(java.math.BigDecimal.ONE) > 0)) {
            throw n.problemAt("difference_threshold", FrameworkProblem.THRESHOLD_RANGE);
        }
        return t;
    }

    /** A mean's weight indicator; refused on any other rule. */
    private static @Nullable String weight(YamlNode n, Aggregation aggregation) {
        String weight = blankToNull(n.textOr("weight", ""));
        if (weight != null && aggregation != Aggregation.MEAN) {
            throw n.problemAt("weight", FrameworkProblem.WEIGHT_ONLY_FOR_MEAN);
        }
        return weight;
    }

    private void checkIndicatorReferences(List<IndicatorDraft> indicators, Known all) {
        Map<String, String> units = new HashMap<>();
        indicators.forEach(i -> units.put(i.code(), i.unit().zh() == null ? "" : i.unit().zh().strip()));
        for (IndicatorDraft i : indicators) {
            String where = files.describe("indicators.yaml");
            for (String ref : new String[] {i.numerator(), i.denominator(), i.weight()}) {
                if (ref != null && !all.indicator().test(ref)) {
                    problems.add(InputProblem.of(where, 0, "indicators[" + i.code() + "]", ref, FrameworkProblem.UNKNOWN_INDICATOR));
                }
            }
            if (i.formula() != null) {
                Matcher m = FORMULA_CODE.matcher(i.formula());
                while (m.find()) {
                    if (!all.indicator().test(m.group())) {
                        problems.add(InputProblem.of(where, 0, "indicators[" + i.code() + "].formula", i.formula(),
                                FrameworkProblem.FORMULA_UNKNOWN_CODE, m.group()));
                    }
                }
            }
            if (i.formula() != null) {
                String mixed = mixedUnits(i.formula(), units);
                if (mixed != null) {
                    problems.add(InputProblem.of(where, 0, "indicators[" + i.code() + "].formula", i.formula(),
                            FrameworkProblem.FORMULA_UNITS, mixed));
                }
            }
        }
    }

    /**
     * Where a formula adds or subtracts bare indicators (terms of a sum at any depth that are one
     * code each) of different units — 亿元 + 万户 — the terms with their units, e.g. "A (亿元), B (万户)";
     * null when they agree or a unit is unknown (an indicator not in these files). Products and
     * quotients change units and are not judged.
     */
    static @Nullable String mixedUnits(String formula, Map<String, String> units) {
        List<List<String>> sums = new ArrayList<>();
        java.util.Deque<List<String>> open = new java.util.ArrayDeque<>();
        java.util.Deque<StringBuilder> terms = new java.util.ArrayDeque<>();
        open.push(new ArrayList<>());
        terms.push(new StringBuilder());
        for (char c : (formula + "\u0000").toCharArray()) {
            if (c == '(') {
                terms.peek().append('(');
                open.push(new ArrayList<>());
                terms.push(new StringBuilder());
            } else if (c == ')' || c == '+' || c == '-' || c == '\u0000') {
                String term = terms.peek().toString().strip();
                open.peek().add(term);
                terms.peek().setLength(0);
                if (c == ')' && open.size() > 1) {
                    sums.add(open.pop());
                    terms.pop();
                    terms.peek().append("…)");
                }
            } else {
                terms.peek().append(c);
            }
        }
        while (!open.isEmpty()) {
            sums.add(open.pop());
        }
        for (List<String> sum : sums) {
            Map<String, String> bare = new java.util.LinkedHashMap<>();
            for (String t : sum) {
                if (t.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                    String unit = units.get(t);
                    if (unit == null) {
                        bare.clear();
                        break;
                    }
                    bare.put(t, unit);
                }
            }
            if (new java.util.HashSet<>(bare.values()).size() > 1) {
                StringBuilder b = new StringBuilder();
                bare.forEach((code, unit) -> b.append(b.isEmpty() ? "" : ", ").append(code).append(" (").append(unit).append(')'));
                return b.toString();
            }
        }
        return null;
    }

    // ---- plans

    private PlanDraft plan(String name, Known all) {
        String text = files.read(name).orElseThrow();
        YamlNode root = YamlNode.parse(files.describe(name), text);
        root.allowOnly("plan", "sections", "key_projects", "tasks", "targets");
        YamlNode p = root.required("plan");
        p.allowOnly("code", "name_zh", "name_en", "region", "start_year", "end_year", "baseline_year", "document");
        List<InputProblem> local = new ArrayList<>();
        String code = p.code("code");
        String region = reference(p, "region", all.region(), FrameworkProblem.UNKNOWN_REGION);
        int start = year(p, "start_year");
        int end = year(p, "end_year");
        int baseline = year(p, "baseline_year");
        if (start > end) {
            throw p.problemAt("start_year", FrameworkProblem.YEAR_ORDER, "end_year", String.valueOf(end));
        }
        if (baseline > end) {
            throw p.problemAt("baseline_year", FrameworkProblem.YEAR_ORDER, "end_year", String.valueOf(end));
        }
        String document = p.has("document") ? reference(p, "document", all.document(), FrameworkProblem.UNKNOWN_DOCUMENT) : null;

        List<SectionDraft> sections = new ArrayList<>();
        List<GoalDraft> goals = new ArrayList<>();
        Map<String, Integer> sectionLines = new HashMap<>();
        InvalidInputException.collect(local, () -> root.get("sections").each(s -> section(s, null, sections, goals, sectionLines, all)));
        Set<String> sectionCodes = sectionLines.keySet();

        List<TargetDraft> targets = new ArrayList<>();
        Map<String, Integer> targetLines = new HashMap<>();
        InvalidInputException.collect(local, () -> root.get("targets").each(t -> {
            TargetDraft d = target(t, all);
            Integer first = targetLines.putIfAbsent(d.code(), t.line());
            if (first != null) {
                throw t.get("id").fail(FileProblem.DUPLICATE, first);
            }
            targets.add(d);
        }));

        List<KeyProjectDraft> projects = new ArrayList<>();
        Map<String, Integer> projectLines = new HashMap<>();
        InvalidInputException.collect(local, () -> root.get("key_projects").each(k -> {
            k.allowOnly("code", "section", "name_zh", "name_en", "summary_zh", "summary_en", "targets", "source");
            String c = k.code("code");
            Integer first = projectLines.putIfAbsent(c, k.line());
            if (first != null) {
                throw k.get("code").fail(FileProblem.DUPLICATE, first);
            }
            projects.add(new KeyProjectDraft(sectionRef(k, sectionCodes), c, texts(k, "name"),
                    LocalizedText.of(k.textOr("summary_zh", ""), k.textOr("summary_en", "")),
                    targetRefs(k, targetLines), source(k, all)));
        }));

        List<TaskDraft> tasks = new ArrayList<>();
        Map<String, Integer> taskLines = new HashMap<>();
        InvalidInputException.collect(local, () -> root.get("tasks").each(t -> {
            t.allowOnly("code", "section", "title_zh", "title_en", "responsible", "start_year", "deadline_year",
                    "targets", "source");
            String c = t.code("code");
            Integer first = taskLines.putIfAbsent(c, t.line());
            if (first != null) {
                throw t.get("code").fail(FileProblem.DUPLICATE, first);
            }
            List<String> units = new ArrayList<>();
            for (YamlNode u : t.get("responsible").items()) {
                String unit = u.asCode();
                if (!all.organisation().test(unit)) {
                    throw u.fail(FrameworkProblem.UNKNOWN_ORGANISATION);
                }
                if (units.contains(unit)) {
                    throw u.fail(FileProblem.DUPLICATE, t.line());
                }
                units.add(unit);
            }
            if (units.isEmpty()) {
                throw t.problemAt("responsible", FrameworkProblem.NO_UNITS);
            }
            List<String> linked = targetRefs(t, targetLines);
            Integer s = optionalYear(t, "start_year");
            Integer d = optionalYear(t, "deadline_year");
            if (s != null && d != null && s > d) {
                throw t.problemAt("start_year", FrameworkProblem.YEAR_ORDER, "deadline_year", String.valueOf(d));
            }
            tasks.add(new TaskDraft(sectionRef(t, sectionCodes), c, texts(t, "title"), s, d, units, linked, source(t, all)));
        }));

        if (!local.isEmpty()) {
            throw new InvalidInputException(local);
        }
        return new PlanDraft(code, texts(p, "name"), region, start, end, baseline, document, sections, goals,
                projects, tasks, targets);
    }

    private void section(YamlNode s, @Nullable String parent, List<SectionDraft> sections, List<GoalDraft> goals,
                         Map<String, Integer> lines, Known all) {
        s.allowOnly("code", "title_zh", "title_en", "sections", "goals", "indicators");
        String code = s.code("code");
        Integer first = lines.putIfAbsent(code, s.line());
        if (first != null) {
            throw s.get("code").fail(FileProblem.DUPLICATE, first);
        }
        List<String> indicators = new ArrayList<>();
        for (YamlNode i : s.get("indicators").items()) {
            String ic = i.asCode();
            if (!all.indicator().test(ic)) {
                throw i.fail(FrameworkProblem.UNKNOWN_INDICATOR);
            }
            if (!indicators.contains(ic)) {
                indicators.add(ic);
            }
        }
        sections.add(new SectionDraft(code, parent, texts(s, "title"), indicators));
        s.get("goals").each(g -> {
            g.allowOnly("code", "text_zh", "text_en", "source");
            goals.add(new GoalDraft(code, g.code("code"), texts(g, "text"), source(g, all)));
        });
        s.get("sections").each(child -> section(child, code, sections, goals, lines, all));
    }

    private TargetDraft target(YamlNode t, Known all) {
        t.allowOnly("id", "indicator", "region", "disaggregation", "kind", "value", "value_high", "change_unit", "limit",
                "comparator", "relation", "target_year", "baseline_year", "qualifier", "statement_zh", "statement_en",
                "source");
        String id = t.code("id");
        TargetKind kind = t.choice("kind", TargetKind.class);
        String indicator = null;
        if (kind != TargetKind.MILESTONE || t.has("indicator")) {
            indicator = reference(t, "indicator", all.indicator(), FrameworkProblem.UNKNOWN_INDICATOR);
        }
        String region = reference(t, "region", all.region(), FrameworkProblem.UNKNOWN_REGION);
        String disaggregation = t.has("disaggregation")
                ? reference(t, "disaggregation", all.disaggregation(), FrameworkProblem.UNKNOWN_DISAGGREGATION)
                : "_T";
        BigDecimal value = t.decimalOrNull("value");
        BigDecimal high = t.decimalOrNull("value_high");
        boolean numeric = kind != TargetKind.MILESTONE && kind != TargetKind.COMPARATOR && !kind.directionOnly();
        if (numeric && value == null) {
            throw t.problemAt("value", FrameworkProblem.REQUIRED_FOR_KIND, kind.name().toLowerCase());
        }
        if (kind.directionOnly() && value != null) {
            throw t.get("value").fail(FrameworkProblem.NOT_ALLOWED_FOR_KIND, kind.name().toLowerCase());
        }
        BigDecimal limit = t.decimalOrNull("limit");
        if (limit != null && !kind.directionOnly()) {
            throw t.get("limit").fail(FrameworkProblem.NOT_ALLOWED_FOR_KIND, kind.name().toLowerCase());
        }
        if (kind == TargetKind.RANGE) {
            if (high == null) {
                throw t.problemAt("value_high", FrameworkProblem.REQUIRED_FOR_KIND, "range");
            }
            if (value != null && high.compareTo(value) < 0) {
                throw t.get("value_high").fail(FrameworkProblem.RANGE_ORDER, value.toPlainString());
            }
        } else if (high != null) {
            throw t.get("value_high").fail(FrameworkProblem.NOT_ALLOWED_FOR_KIND, kind.name().toLowerCase());
        }
        if (kind == TargetKind.MULTIPLE && value != null && value.signum() <= 0) {
            throw t.get("value").fail(FileProblem.NOT_ONE_OF, "> 0");
        }
        ChangeUnit changeUnit = null;
        if (kind == TargetKind.CHANGE) {
            changeUnit = t.choiceOr("change_unit", ChangeUnit.class, ChangeUnit.PERCENT);
        } else if (t.has("change_unit")) {
            throw t.get("change_unit").fail(FrameworkProblem.NOT_ALLOWED_FOR_KIND, kind.name().toLowerCase());
        }
        String comparator = null;
        if (kind == TargetKind.COMPARATOR) {
            comparator = reference(t, "comparator", all.region(), FrameworkProblem.UNKNOWN_REGION);
            String relation = t.textOr("relation", "at_least");
            if (!relation.equals("at_least") && !relation.equals("at_most")) {
                throw t.get("relation").fail(FileProblem.NOT_ONE_OF, "at_least, at_most");
            }
        } else if (t.has("comparator")) {
            throw t.get("comparator").fail(FrameworkProblem.NOT_ALLOWED_FOR_KIND, kind.name().toLowerCase());
        }
        int targetYear = year(t, "target_year");
        Integer baselineYear = optionalYear(t, "baseline_year");
        boolean needsBaseline = kind == TargetKind.CHANGE || kind == TargetKind.GROWTH_RATE || kind == TargetKind.MULTIPLE;
        if (needsBaseline && baselineYear == null) {
            throw t.problemAt("baseline_year", FrameworkProblem.REQUIRED_FOR_KIND, kind.name().toLowerCase());
        }
        if (baselineYear != null && baselineYear > targetYear) {
            throw t.get("baseline_year").fail(FrameworkProblem.YEAR_ORDER, "target_year", String.valueOf(targetYear));
        }
        String qualifierText = t.textOr("qualifier", "");
        Qualifier qualifier = Qualifier.parse(qualifierText)
                .orElseThrow(() -> t.get("qualifier").fail(FrameworkProblem.UNKNOWN_QUALIFIER));
        if (kind == TargetKind.COMPARATOR && comparator != null && "at_most".equals(t.textOr("relation", ""))) {
            qualifier = Qualifier.AT_MOST;
        }
        return new TargetDraft(id, indicator, region, disaggregation, kind, qualifier, qualifierText, value, high,
                changeUnit, limit, comparator, baselineYear, targetYear, texts(t, "statement"), source(t, all));
    }

    // ---- field helpers

    private @Nullable Citation source(YamlNode n, Known all) {
        if (!n.has("source")) {
            return null;
        }
        YamlNode s = n.get("source");
        s.allowOnly("document", "line", "quote");
        String document = reference(s, "document", all.document(), FrameworkProblem.UNKNOWN_DOCUMENT);
        int line = s.integer("line");
        if (line < 1) {
            throw s.get("line").fail(FrameworkProblem.BAD_LINE);
        }
        return new Citation(document, line, s.text("quote"));
    }

    private static List<String> targetRefs(YamlNode n, Map<String, Integer> targets) {
        List<String> linked = new ArrayList<>();
        for (YamlNode ref : n.get("targets").items()) {
            String code = ref.asCode();
            if (!targets.containsKey(code)) {
                throw ref.fail(FrameworkProblem.UNKNOWN_TARGET);
            }
            if (!linked.contains(code)) {
                linked.add(code);
            }
        }
        return linked;
    }

    private static @Nullable String sectionRef(YamlNode n, Set<String> sections) {
        if (!n.has("section")) {
            return null;
        }
        String code = n.get("section").text();
        if (!sections.contains(code)) {
            throw n.get("section").fail(FrameworkProblem.UNKNOWN_SECTION);
        }
        return code;
    }

    private static String reference(YamlNode n, String key, Predicate<String> exists, FrameworkProblem unknown) {
        YamlNode field = n.required(key);
        String code = field.text();
        if (code.isEmpty()) {
            throw n.problemAt(key, FileProblem.MISSING_FIELD);
        }
        if (!exists.test(code)) {
            throw field.fail(unknown);
        }
        return code;
    }

    private static int year(YamlNode n, String key) {
        int y = n.integer(key);
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw n.get(key).fail(FrameworkProblem.YEAR_OUT_OF_RANGE);
        }
        return y;
    }

    private static @Nullable Integer optionalYear(YamlNode n, String key) {
        return n.has(key) && !n.get(key).text().isEmpty() ? year(n, key) : null;
    }

    private static LocalizedText texts(YamlNode n, String prefix) {
        return LocalizedText.of(n.text(prefix + "_zh"), n.text(prefix + "_en"));
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }

    private interface Step<T> {
        T run();
    }

    private <T> @Nullable T guarded(Step<T> step) {
        try {
            return step.run();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
