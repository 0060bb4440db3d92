package org.yardstick.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.yardstick.index.spec.IndexSpec;
import org.yardstick.region.RegionLevel;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;
import org.yardstick.shared.YamlNode;

/**
 * Reads the text of a definition: the engine's spec ({@link IndexSpec}) and the platform's sections
 * ({@code regions}, {@code periods}, the nodes' {@code published}), with every problem located by
 * line and field. It checks the form only; whether the codes exist is for {@link IndexDefinitions}.
 */
final class DefinitionReader {

    /** The longest definition accepted, in characters (the column holds this many). */
    static final int MAX_LENGTH = 1_000_000;
    /** The longest names the catalogue holds. */
    static final int MAX_NAME_ZH = 200;
    static final int MAX_NAME_EN = 300;
    /** The most periods a {@code {from, to}} range may span. */
    static final int MAX_PERIODS = 400;

    /** A code written in the definition and where: for problems about what it names. */
    record Ref(String code, long line, String field) {

        InputProblem problem(String source, IndexDefinitionProblem kind) {
            return InputProblem.of(source, line, field, code, kind, code);
        }
    }

    /**
     * What the text says.
     *
     * @param code the {@code index.code} as written
     * @param scope the {@code regions.scope} code as written
     * @param published node code → the indicator holding its published figures, as written
     */
    record Reading(IndexSpec spec, IndexCoverage coverage, Ref code, Ref scope, Map<String, Ref> published) {}

    private DefinitionReader() {}

    /** Reads and checks the form of a definition; throws every problem found. */
    static Reading read(String source, String yaml) {
        if (yaml.length() > MAX_LENGTH) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.TOO_LARGE,
                    MAX_LENGTH + " characters"));
        }
        List<InputProblem> problems = new ArrayList<>();
        IndexSpec[] spec = new IndexSpec[1];
        InvalidInputException.collect(problems, () -> spec[0] = IndexSpec.parse(source, yaml));
        YamlNode root = YamlNode.parse(source, yaml); // a syntax error: the only problem, the spec's as well
        Ref[] scope = new Ref[1];
        RegionLevel[] level = new RegionLevel[1];
        List<Period> periods = new ArrayList<>();
        Map<String, Ref> published = new LinkedHashMap<>();
        InvalidInputException.collect(problems, () -> {
            YamlNode regions = root.required("regions").allowOnly("scope", "level");
            InvalidInputException.collect(problems, () -> {
                YamlNode s = regions.required("scope");
                scope[0] = new Ref(s.asCode(), s.line(), s.path());
            });
            InvalidInputException.collect(problems, () -> level[0] = regions.choice("level", RegionLevel.class));
        });
        InvalidInputException.collect(problems, () -> periods.addAll(periods(root.get("periods"))));
        for (String list : List.of("aggregates", "indicators")) {
            InvalidInputException.collect(problems, () -> {
                for (YamlNode item : root.get(list).items()) {
                    YamlNode p = item.get("published");
                    if (!p.isMissing() && !p.isNull() && item.has("code")) {
                        published.put(item.get("code").text(), new Ref(p.text(), p.line(), p.path()));
                    }
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().distinct().toList());
        }
        YamlNode index = root.get("index");
        for (String[] name : new String[][] {{"name_zh", spec[0].nameZh()}, {"name_en", spec[0].nameEn()}}) {
            int max = name[0].equals("name_zh") ? MAX_NAME_ZH : MAX_NAME_EN;
            if (name[1].length() > max) {
                problems.add(index.get(name[0]).problem(FileProblem.TOO_LARGE, max + " characters"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        YamlNode code = index.get("code");
        return new Reading(spec[0], new IndexCoverage(scope[0].code(), level[0], periods),
                new Ref(spec[0].code(), code.line(), code.path()), scope[0], published);
    }

    /** {@code periods: [2015, 2016]} or {@code periods: {from: 2010, to: 2020}}; absent: empty. */
    private static List<Period> periods(YamlNode node) {
        if (node.isMissing() || node.isNull()) {
            return List.of();
        }
        List<InputProblem> problems = new ArrayList<>();
        List<Period> periods = new ArrayList<>();
        if (!isMapping(node)) {
            node.each(item -> periods.add(period(item)));
            if (periods.stream().distinct().count() < periods.size()) {
                throw node.fail(FileProblem.DUPLICATE, node.line());
            }
            return periods.stream().sorted().toList();
        }
        node.allowOnly("from", "to");
        Period[] ends = new Period[2];
        InvalidInputException.collect(problems, () -> ends[0] = period(node.required("from")));
        InvalidInputException.collect(problems, () -> ends[1] = period(node.required("to")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return range(ends[0], ends[1]).orElseThrow(() -> node.fail(IndexDefinitionProblem.BAD_PERIOD_RANGE, MAX_PERIODS));
    }

    private static boolean isMapping(YamlNode node) {
        try {
            node.keys();
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static Period period(YamlNode item) {
        return Period.parse(item.text()).orElseThrow(() -> item.fail(IndexDefinitionProblem.NOT_A_PERIOD));
    }

    /** Every period from {@code from} to {@code to}, both included, oldest first; empty when not a proper range. */
    static Optional<List<Period>> range(Period from, Period to) {
        if (from.type() != to.type() || from.compareTo(to) > 0) {
            return Optional.empty();
        }
        List<Period> out = new ArrayList<>();
        for (Period p = to; p.compareTo(from) >= 0; p = p.previous()) {
            out.add(0, p);
            if (out.size() > MAX_PERIODS) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /**
     * The codes a definition names that must exist, found however broken the rest is (so that a
     * check reports them with the other problems): the scope region, and the indicators of the
     * leaves, their denominators and the nodes' published figures.
     *
     * @param scope the {@code regions.scope}; null when it cannot be read
     */
    record Refs(@Nullable Ref scope, List<Ref> indicators, List<Ref> referenceRegions) {}

    static Refs refs(String source, String yaml) {
        YamlNode root;
        try {
            root = YamlNode.parse(source, yaml);
        } catch (InvalidInputException e) {
            return new Refs(null, List.of(), List.of());
        }
        Ref scope = lenient(() -> ref(root.get("regions").get("scope")));
        List<Ref> indicators = new ArrayList<>();
        for (String list : List.of("aggregates", "indicators")) {
            List<YamlNode> items = lenient(() -> root.get(list).items());
            for (YamlNode item : items == null ? List.<YamlNode>of() : items) {
                List<String> fields = list.equals("indicators") ? List.of("code", "denominator", "published")
                        : List.of("published");
                for (String field : fields) {
                    Ref r = lenient(() -> ref(item.get(field)));
                    if (r != null) {
                        indicators.add(r);
                    }
                }
            }
        }
        // reference units (全国 …) are regions on the platform
        List<Ref> references = new ArrayList<>();
        List<YamlNode> units = lenient(() -> root.get("method").get("reference").get("units").items());
        for (YamlNode unit : units == null ? List.<YamlNode>of() : units) {
            Ref r = lenient(() -> ref(unit));
            if (r != null) {
                references.add(r);
            }
        }
        return new Refs(scope, indicators, references);
    }

    private static @Nullable Ref ref(YamlNode n) {
        return n.isMissing() || n.isNull() || n.text().isEmpty() ? null : new Ref(n.text(), n.line(), n.path());
    }

    private static <T> @Nullable T lenient(Supplier<@Nullable T> read) {
        try {
            return read.get();
        } catch (InvalidInputException e) {
            return null; // reported by the reader
        }
    }
}
