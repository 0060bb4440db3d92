package org.yardstick.observation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.framework.Change;
import org.yardstick.framework.FrameworkFileSection;
import org.yardstick.framework.FrameworkProblem;
import org.yardstick.observation.internal.DataSetProblem;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.FileSet;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;
import org.yardstick.shared.YamlNode;

/**
 * {@code data-sets.yaml} (format in {@code docs/framework-files.md}), a framework file like the others: imported at any
 * time with the framework (merged by code through {@link DataSetAuthoring}'s checks, in the import's transaction, so its
 * preview and its refusal are the import's) and written back by the framework export, so that export → import changes
 * nothing. The file is read and checked whole first (every data set's problems, each with its line); a problem writes
 * nothing. Data sets the file does not hold, and windows it does not list, are left as they are (never retired by a file).
 */
@Service
public class DataSetFiles implements FrameworkFileSection {

    static final String FILE = "data-sets.yaml";
    private static final String SYSTEM = "system";

    private final DataSets dataSets;
    private final DataSetAuthoring authoring;
    private final JdbcClient jdbc;

    DataSetFiles(DataSets dataSets, DataSetAuthoring authoring, JdbcClient jdbc) {
        this.dataSets = dataSets;
        this.authoring = authoring;
        this.jdbc = jdbc;
    }

    /** One data set of the file, as written, with where it is. */
    private record Entry(int line, String path, DataSetAuthoring.Draft draft, List<WindowEntry> windows) {}

    private record WindowEntry(int line, String path, DataSetAuthoring.WindowDraft window) {}

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public String kind() {
        return "data_set";
    }

    /** Loads the file if the set has one, without an account's scope (tests, the command line); returns how many data sets it holds. */
    @Transactional
    public int load(FileSet files) {
        return merge(files, SYSTEM, Change.file(""), false);
    }

    @Override
    @Transactional
    public int merge(FileSet files, String actor, Change how, boolean checkScope) {
        String text = files.read(FILE).orElse(null);
        if (text == null) {
            return 0;
        }
        String source = files.describe(FILE);
        List<InputProblem> problems = new ArrayList<>();
        List<Entry> entries = read(source, text, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        DataSetAuthoring.Via via = new DataSetAuthoring.Via(actor, how.channel().name().toLowerCase(Locale.ROOT), checkScope, true);
        for (Entry e : entries) {
            located(source, e.line(), e.path(), problems, () -> mergeOne(e, via, how.reason(), source, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return entries.size();
    }

    private void mergeOne(Entry e, DataSetAuthoring.Via via, String reason, String source, List<InputProblem> problems) {
        DataSetAuthoring.Draft d = e.draft();
        Optional<DataSet> existing = dataSets.find(d.code());
        if (existing.isEmpty()) {
            authoring.create(d, via);
            return;
        }
        DataSet before = existing.get();
        if (before.retired()) {
            throw new InvalidInputException(InputProblem.of(source, e.line(), e.path() + ".code", d.code(), DataSetProblem.RETIRED));
        }
        if (!same(before, d)) {
            authoring.update(d.code(), d, null, reason, via);
        }
        for (WindowEntry w : e.windows()) {
            DataSet.Window stored = before.window(w.window().period().strip()).orElse(null);
            if (stored != null && stored.opensOn().toString().equals(w.window().opensOn())
                    && stored.closesOn().toString().equals(w.window().closesOn())
                    && Objects.toString(stored.reason(), "").equals(w.window().reason().strip())) {
                continue;
            }
            located(source, w.line(), w.path(), problems, () -> authoring.openWindow(d.code(), w.window(), via));
        }
    }

    /** Whether the file's data set is the stored one (its windows apart). */
    private boolean same(DataSet s, DataSetAuthoring.Draft d) {
        return s.name().zh().equals(d.nameZh()) && s.name().en().equals(d.nameEn())
                && s.description().zh().equals(d.descriptionZh()) && s.description().en().equals(d.descriptionEn())
                && s.regionLevel().name().equalsIgnoreCase(d.regionLevel()) && s.periodType().name().equalsIgnoreCase(d.periodType())
                && Objects.equals(s.planCode(), d.planCode()) && s.items().equals(d.items())
                && s.regionCodes().stream().sorted().toList().equals(d.regionCodes().stream().sorted().toList())
                && Objects.equals(s.maxDecimals(), d.maxDecimals())
                && upper(dataSets.declared(s.code())).equals(upper(Objects.requireNonNull(d.breakdowns())));
    }

    private static Map<String, List<String>> upper(Map<String, List<String>> m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k.toUpperCase(Locale.ROOT), v));
        return out;
    }

    /** Runs a write; its refusals are named at the file's line and path ({@code data_sets[2].windows[1].opensOn}). */
    private static void located(String source, int line, String path, List<InputProblem> problems, Runnable step) {
        try {
            step.run();
        } catch (InvalidInputException ex) {
            for (InputProblem p : ex.problems()) {
                boolean ours = p.source().equals(source);
                problems.add(ours ? p : new InputProblem(source, line, path + "." + p.field(), p.value(), p.kind(), p.args()));
            }
        }
    }

    /** The file read and checked against the catalogue in the database (the import's own indicators and plans included). */
    private List<Entry> read(String source, String text, List<InputProblem> problems) {
        Set<String> indicators = Set.copyOf(jdbc.sql("select code from indicator").query(String.class).list());
        Set<String> plans = Set.copyOf(jdbc.sql("select code from plan").query(String.class).list());
        Map<String, String> dimensionOf = new HashMap<>();
        jdbc.sql("select code, dimension from disaggregation where dimension <> 'TOTAL'")
                .query((rs, n) -> dimensionOf.put(rs.getString(1), rs.getString(2))).list();
        YamlNode root;
        try {
            root = YamlNode.parse(source, text);
            root.allowOnly("data_sets");
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        for (YamlNode d : root.get("data_sets").items()) {
            try {
                entries.add(entry(d, indicators, plans, dimensionOf, lines, problems));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        return entries;
    }

    private Entry entry(YamlNode d, Set<String> indicators, Set<String> plans, Map<String, String> dimensionOf,
                        Map<String, Integer> lines, List<InputProblem> problems) {
        d.allowOnly("code", "name_zh", "name_en", "region_level", "period_type", "plan", "description_zh",
                "description_en", "indicators", "windows", "breakdowns", "regions", "max_decimals");
        String code = d.code("code");
        Integer first = lines.putIfAbsent(code, d.line());
        if (first != null) {
            throw d.get("code").fail(FileProblem.DUPLICATE, first);
        }
        Period.Type type = d.choice("period_type", Period.Type.class);
        String plan = d.textOr("plan", "");
        if (!plan.isEmpty() && !plans.contains(plan)) {
            problems.add(d.get("plan").problem(CollectionProblem.UNKNOWN_PLAN));
        }
        List<DataSet.Item> items = new ArrayList<>();
        for (YamlNode i : d.get("indicators").items()) {
            String indicator;
            boolean required = true;
            if (i.isMapping()) {
                i.allowOnly("indicator", "required");
                indicator = i.code("indicator");
                required = i.bool("required", true);
            } else {
                indicator = i.asCode();
            }
            if (!indicators.contains(indicator)) {
                problems.add((i.isMapping() ? i.get("indicator") : i).problem(FrameworkProblem.UNKNOWN_INDICATOR));
                continue;
            }
            final String c = indicator;
            if (items.stream().anyMatch(x -> x.indicatorCode().equals(c))) {
                problems.add(i.problem(FileProblem.DUPLICATE, d.line()));
                continue;
            }
            items.add(new DataSet.Item(indicator, required));
        }
        if (d.get("indicators").items().isEmpty()) {
            problems.add(d.problemAt("indicators", FileProblem.EMPTY).problems().get(0));
        }
        // windows: one a period, both days included; a past period's may say why it was opened (reason)
        List<WindowEntry> windows = new ArrayList<>();
        Map<String, Integer> periods = new HashMap<>();
        for (YamlNode w : d.get("windows").items()) {
            w.allowOnly("period", "opens", "closes", "reason");
            String periodText = w.text("period");
            Optional<Period> p = Period.parse(periodText).filter(x -> x.type() == type);
            if (p.isEmpty()) {
                problems.add(w.get("period").problem(CollectionProblem.WRONG_PERIOD_TYPE, code, type.name().toLowerCase(Locale.ROOT)));
                continue;
            }
            Integer earlier = periods.putIfAbsent(p.get().code(), w.line());
            if (earlier != null) {
                problems.add(w.get("period").problem(DataSetProblem.WINDOW_TWICE));
                continue;
            }
            var opens = w.dateOrNull("opens");
            var closes = w.dateOrNull("closes");
            if (opens == null || closes == null) {
                problems.add(w.problemAt(opens == null ? "opens" : "closes", FileProblem.MISSING_FIELD).problems().get(0));
                continue;
            }
            if (closes.isBefore(opens)) {
                problems.add(w.get("closes").problem(FrameworkProblem.YEAR_ORDER, "opens", opens));
                continue;
            }
            windows.add(new WindowEntry(w.line(), w.path(),
                    new DataSetAuthoring.WindowDraft(p.get().code(), opens.toString(), closes.toString(), w.textOr("reason", ""))));
        }
        // breakdowns: a list of categories (each under its own dimension), or by dimension: {area: [urban, rural-pastoral]}
        Map<String, List<String>> breakdowns = new LinkedHashMap<>();
        YamlNode b = d.get("breakdowns");
        if (b.isMapping()) {
            Map<String, String> listedUnder = new HashMap<>();
            for (String dimension : b.keys()) {
                if (DataSets.CROSSED.equalsIgnoreCase(dimension)) {
                    // crossed: [area, enterprise_size] — the dimensions whose combinations figures carry (交叉分组)
                    breakdowns.put(DataSets.CROSSED, b.get(dimension).items().stream()
                            .map(c -> c.asCode().toLowerCase(Locale.ROOT)).toList());
                    continue;
                }
                for (YamlNode c : b.get(dimension).items()) {
                    String category = c.asCode();
                    String other = listedUnder.putIfAbsent(category, dimension);
                    if (other != null) {
                        problems.add(c.problem(other.equals(dimension) ? FileProblem.DUPLICATE : DataSetProblem.IN_TWO_DIMENSIONS,
                                other.equals(dimension) ? d.line() : other, dimension));
                        continue;
                    }
                    breakdowns.computeIfAbsent(dimension.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(category);
                }
            }
        } else {
            for (YamlNode c : b.items()) {
                String category = c.asCode();
                String dimension = dimensionOf.get(category);
                if (dimension == null) {
                    problems.add(c.problem(FrameworkProblem.UNKNOWN_DISAGGREGATION));
                } else if (breakdowns.values().stream().anyMatch(l -> l.contains(category))) {
                    problems.add(c.problem(FileProblem.DUPLICATE, d.line()));
                } else {
                    breakdowns.computeIfAbsent(dimension, k -> new ArrayList<>()).add(category);
                }
            }
        }
        List<String> regions = new ArrayList<>();
        for (YamlNode r : d.get("regions").items()) {
            regions.add(r.asCode());
        }
        Integer maxDecimals = d.integerOrNull("max_decimals");
        DataSetAuthoring.Draft draft = new DataSetAuthoring.Draft(code, d.text("name_zh"), d.text("name_en"),
                d.text("region_level").toUpperCase(Locale.ROOT), type.name(), plan.isEmpty() ? null : plan,
                d.textOr("description_zh", ""), d.textOr("description_en", ""), items, regions, maxDecimals,
                windows.stream().map(WindowEntry::window).toList(), breakdowns);
        return new Entry(d.line(), d.path(), draft, windows);
    }

    @Override
    public Optional<String> export(List<String> planCodes) {
        List<DataSet> sets = dataSets.all().stream().filter(d -> !d.retired())
                .filter(d -> planCodes.isEmpty() || d.planCode() != null && planCodes.contains(d.planCode())).toList();
        if (sets.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("""
                # Data sets: what is collected, from whom, when (docs/framework-files.md, "data-sets.yaml").
                data_sets:
                """);
        for (DataSet d : sets) {
            out.append("  - code: ").append(q(d.code())).append('\n');
            out.append("    name_zh: ").append(q(d.name().zh())).append('\n');
            out.append("    name_en: ").append(q(d.name().en())).append('\n');
            out.append("    region_level: ").append(d.regionLevel().name().toLowerCase(Locale.ROOT)).append('\n');
            out.append("    period_type: ").append(d.periodType().name().toLowerCase(Locale.ROOT)).append('\n');
            if (d.planCode() != null) {
                out.append("    plan: ").append(q(d.planCode())).append('\n');
            }
            if (!d.description().zh().isEmpty()) {
                out.append("    description_zh: ").append(q(d.description().zh())).append('\n');
            }
            if (!d.description().en().isEmpty()) {
                out.append("    description_en: ").append(q(d.description().en())).append('\n');
            }
            if (!d.regionCodes().isEmpty()) {
                out.append("    regions: [").append(String.join(", ", d.regionCodes().stream().map(DataSetFiles::q).toList())).append("]\n");
            }
            if (d.maxDecimals() != null) {
                out.append("    max_decimals: ").append(d.maxDecimals()).append('\n');
            }
            out.append("    indicators:\n");
            for (DataSet.Item i : d.items()) {
                out.append("      - ").append(i.required() ? q(i.indicatorCode())
                        : "{indicator: " + q(i.indicatorCode()) + ", required: false}").append('\n');
            }
            Map<String, List<String>> breakdowns = new TreeMap<>(dataSets.declared(d.code()));
            if (!breakdowns.isEmpty()) {
                out.append("    breakdowns:\n");
                breakdowns.forEach((dimension, categories) -> out.append("      ").append(dimension.toLowerCase(Locale.ROOT))
                        .append(": [").append(String.join(", ", categories.stream().map(DataSetFiles::q).toList())).append("]\n"));
            }
            if (!d.windows().isEmpty()) {
                out.append("    windows:\n");
                for (DataSet.Window w : d.windows()) {
                    out.append("      - {period: ").append(q(w.period())).append(", opens: ").append(w.opensOn())
                            .append(", closes: ").append(w.closesOn());
                    if (!w.reason().isEmpty()) {
                        out.append(", reason: ").append(q(w.reason()));
                    }
                    out.append("}\n");
                }
            }
        }
        return Optional.of(out.toString());
    }

    /** A double-quoted YAML scalar, as the framework export writes every text. */
    private static String q(@Nullable String s) {
        return YamlNode.quote(s == null ? "" : s);
    }
}
