package org.yardstick.index.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.yardstick.index.engine.Aggregation;
import org.yardstick.index.engine.Imputation;
import org.yardstick.index.engine.ImputationChain;
import org.yardstick.index.engine.NodeMethod;
import org.yardstick.index.engine.IndexMethod;
import org.yardstick.index.engine.IndexProblem;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.Location;
import org.yardstick.index.engine.MissingChildren;
import org.yardstick.index.engine.Normalisation;
import org.yardstick.index.engine.Scope;
import org.yardstick.index.engine.Treatment;
import org.yardstick.index.engine.TreeNode;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.YamlNode;

/** Reads the YAML of an index spec with {@link YamlNode}, collecting the problems of every section. */
final class IndexSpecReader {

    enum TreatMethod { NONE, WINSORISE }

    enum Missing { RENORMALISE, MIN_SHARE }

    /** The platform's sections, read by the platform (regions and periods to compute); ignored here. */
    static final String PLATFORM_REGIONS = "regions";
    static final String PLATFORM_PERIODS = "periods";
    /** A node's field naming the platform indicator that holds its published figures; read by the platform. */
    static final String PUBLISHED = "published";
    /** The data of a platform index: regions are the units, their periods the periods. */
    static final DataLayout PLATFORM_LAYOUT = new DataLayout("region", "period", null, List.of());
    /** How a weight or a set of components that was never published is written. */
    private static final List<String> UNPUBLISHED = List.of("unpublished", "未公布");

    private IndexSpecReader() {}

    static IndexSpec read(String source, String text) {
        YamlNode root = YamlNode.parse(source, text).allowOnly("index", "data", "method", "aggregates", "indicators",
                PLATFORM_REGIONS, PLATFORM_PERIODS);
        List<InputProblem> problems = new ArrayList<>();
        String[] names = new String[3];
        DataLayout[] layout = new DataLayout[1];
        IndexMethod[] method = new IndexMethod[1];
        List<TreeNode> nodes = new ArrayList<>();
        collect(problems, () -> {
            YamlNode index = root.required("index").allowOnly("code", "name_zh", "name_en");
            names[0] = index.code("code");
            names[1] = index.text("name_zh");
            names[2] = index.text("name_en");
        });
        collect(problems, () -> layout[0] = root.has("data") || !root.has(PLATFORM_REGIONS)
                ? layout(root.required("data")) : PLATFORM_LAYOUT);
        collect(problems, () -> method[0] = method(root.get("method")));
        IndexMethod base = method[0] == null ? IndexMethod.defaults() : method[0];
        Map<String, NodeMethod> byNode = new LinkedHashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        collect(problems, () -> root.required("aggregates").each(item -> nodes.add(node(item, false, base, byNode,
                columns))));
        collect(problems, () -> root.required("indicators").each(item -> nodes.add(node(item, true, base, byNode,
                columns))));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        IndexTree tree = IndexTree.of(nodes);
        DataLayout l = layout[0];
        if (!columns.isEmpty()) {
            l = l.withColumns(columns);
        }
        return new IndexSpec(names[0], names[1], names[2], tree, method[0].withNodes(byNode), l);
    }

    private static void collect(List<InputProblem> problems, Runnable section) {
        try {
            section.run();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
    }

    private static DataLayout layout(YamlNode data) {
        data.allowOnly("unit", "period", "group", "labels", "indicator", "value");
        String period = data.textOr("period", "");
        String group = data.textOr("group", "");
        String indicator = data.textOr("indicator", "");
        String value = data.textOr("value", "");
        if (indicator.isEmpty() != value.isEmpty()) {
            throw data.fail(IndexProblem.BAD_SETTING,
                    "long data names both its indicator column and its value column (indicator:, value:)");
        }
        return new DataLayout(data.text("unit"), period.isEmpty() ? null : period, group.isEmpty() ? null : group,
                data.get("labels").texts(), indicator.isEmpty() ? null : indicator, value.isEmpty() ? null : value,
                Map.of());
    }

    private static IndexMethod method(YamlNode m) {
        IndexMethod defaults = IndexMethod.defaults();
        if (m.isMissing() || m.isNull()) {
            return defaults;
        }
        m.allowOnly("screen", "impute", "treat", "normalise", "aggregate", "rank", "reference");
        double screen = 0;
        if (m.has("screen")) {
            YamlNode s = m.get("screen").allowOnly("min_share");
            screen = share(s, "min_share", 0);
        }
        ImputationChain imputation = ImputationChain.none();
        if (m.has("impute")) {
            imputation = imputing(m.get("impute"));
        }
        Treatment treatment = Treatment.none();
        if (m.has("treat")) {
            treatment = treatment(m.get("treat"));
        }
        Normalisation normalisation = defaults.normalisation();
        if (m.has("normalise")) {
            normalisation = normalisation(m.get("normalise"), defaults.normalisation(), true);
        }
        Aggregation aggregation = defaults.aggregation();
        MissingChildren missing = defaults.missingChildren();
        if (m.has("aggregate")) {
            YamlNode a = m.get("aggregate").allowOnly("method", "power", "missing", "min_share");
            aggregation = aggregation(a);
            if (a.choiceOr("missing", Missing.class, Missing.RENORMALISE) == Missing.MIN_SHARE) {
                missing = MissingChildren.requireShare(share(a, "min_share", 1));
            }
        }
        int decimals = -1;
        if (m.has("rank")) {
            YamlNode r = m.get("rank").allowOnly("decimals");
            decimals = r.integer("decimals");
            if (decimals < 0 || decimals > 12) {
                throw r.get("decimals").fail(IndexProblem.BAD_SETTING, "decimals must lie between 0 and 12");
            }
        }
        Set<String> reference = Set.of();
        boolean bounds = false;
        if (m.has("reference")) {
            YamlNode r = m.get("reference").allowOnly("units", "bounds");
            reference = new LinkedHashSet<>(r.required("units").texts());
            bounds = r.bool("bounds", false);
        }
        return new IndexMethod(screen, imputation, treatment, normalisation, aggregation, missing, decimals, Map.of(),
                reference, bounds);
    }

    /**
     * An imputation: {@code {method: linear_interpolation}} or a fallback chain
     * {@code {method: [linear_interpolation, group_mean], max_gap: 2}}.
     */
    private static ImputationChain imputing(YamlNode n) {
        n.allowOnly("method", "max_gap");
        YamlNode methodNode = n.required("method");
        List<Imputation> chain = new ArrayList<>();
        if (methodNode.isMapping()) {
            throw methodNode.fail(IndexProblem.BAD_SETTING, "a method or a list of methods");
        }
        List<YamlNode> items;
        try {
            items = methodNode.items();
        } catch (InvalidInputException notAList) {
            items = List.of(methodNode);
        }
        for (YamlNode item : items) {
            chain.add(item.asChoice(Imputation.class));
        }
        double maxGap = Double.POSITIVE_INFINITY;
        if (n.has("max_gap")) {
            maxGap = n.decimal("max_gap").doubleValue();
            if (!(maxGap >= 0)) {
                throw n.get("max_gap").fail(IndexProblem.BAD_SETTING, "must not be negative");
            }
        }
        return new ImputationChain(chain, maxGap);
    }

    private static double share(YamlNode n, String key, double fallback) {
        if (!n.has(key)) {
            return fallback;
        }
        double v = n.decimal(key).doubleValue();
        if (!(v >= 0 && v <= 1)) {
            throw n.get(key).fail(IndexProblem.BAD_SETTING, "must be a share between 0 and 1");
        }
        return v;
    }

    private static Treatment treatment(YamlNode t) {
        t.allowOnly("method", "max_points", "skew", "kurtosis", "fallback", "scope");
        if (t.choice("method", TreatMethod.class) == TreatMethod.NONE) {
            return Treatment.none();
        }
        int max = t.integerOrNull("max_points") == null ? 5 : t.integer("max_points");
        if (max < 0) {
            throw t.get("max_points").fail(IndexProblem.BAD_SETTING, "must not be negative");
        }
        double skew = t.has("skew") ? positive(t, "skew") : 2;
        double kurt = t.has("kurtosis") ? t.decimal("kurtosis").doubleValue() : 3.5;
        return new Treatment(true, max, skew, kurt,
                t.choiceOr("fallback", Treatment.Fallback.class, Treatment.Fallback.CT_LOG),
                t.choiceOr("scope", Scope.class, Scope.PERIOD));
    }

    private static double positive(YamlNode n, String key) {
        double v = n.decimal(key).doubleValue();
        if (!(v > 0)) {
            throw n.get(key).fail(IndexProblem.BAD_SETTING, "must be positive");
        }
        return v;
    }

    /**
     * A normalisation; on a node ({@code requireMethod} false) every field defaults to the index-wide
     * one, so {@code {goalposts: [0, 100]}} or {@code {method: log_goalposts, base: 10}} is enough.
     */
    private static Normalisation normalisation(YamlNode n, Normalisation base, boolean requireMethod) {
        n.allowOnly("method", "range", "mean", "sd", "cap", "scope", "goalposts", "base", "direction");
        Normalisation.Method method = requireMethod || n.has("method") ? n.choice("method", Normalisation.Method.class)
                : base.method();
        double lo = base.lo();
        double hi = base.hi();
        if (n.has("range")) {
            List<YamlNode> r = n.get("range").items();
            if (r.size() != 2 || !(r.get(0).asDecimal().doubleValue() < r.get(1).asDecimal().doubleValue())) {
                throw n.get("range").fail(IndexProblem.BAD_SETTING, "range must be two numbers [low, high], low < high");
            }
            lo = r.get(0).asDecimal().doubleValue();
            hi = r.get(1).asDecimal().doubleValue();
        }
        double mean = n.has("mean") ? n.decimal("mean").doubleValue() : base.mean();
        double sd = n.has("sd") ? positive(n, "sd") : base.sd();
        double logBase = base.logBase();
        if (n.has("base")) {
            logBase = positive(n, "base");
            if (logBase == 1) {
                throw n.get("base").fail(IndexProblem.BAD_SETTING, "a logarithm's base cannot be 1");
            }
        }
        double low = base.goalpostLow();
        double high = base.goalpostHigh();
        if (n.has("goalposts")) {
            List<YamlNode> g = n.get("goalposts").items();
            if (g.size() != 2) {
                throw n.get("goalposts").fail(IndexProblem.BAD_SETTING, "goalposts must be two numbers [low, high]");
            }
            low = g.get(0).asDecimal().doubleValue();
            high = g.get(1).asDecimal().doubleValue();
        }
        int polarity = base.polarity();
        if (n.has("direction")) {
            polarity = n.integer("direction");
            if (polarity != 1 && polarity != -1) {
                throw n.get("direction").fail(IndexProblem.BAD_SETTING, "direction must be 1 or -1");
            }
        }
        return new Normalisation(method, lo, hi, mean, sd, n.bool("cap", base.cap()),
                n.choiceOr("scope", Scope.class, base.scope()), logBase, low, high, polarity);
    }

    private static @Nullable Aggregation aggregationOrNull(YamlNode n) {
        return n.has("method") ? aggregation(n) : null;
    }

    private static Aggregation aggregation(YamlNode n) {
        Aggregation.Method method = n.choiceOr("method", Aggregation.Method.class, Aggregation.Method.ARITHMETIC);
        return switch (method) {
            case ARITHMETIC -> Aggregation.arithmetic();
            case GEOMETRIC -> Aggregation.geometric();
            case HARMONIC -> Aggregation.harmonic();
            case GENERALISED -> {
                double p = n.decimal("power").doubleValue();
                if (p == 0) {
                    throw n.get("power").fail(IndexProblem.BAD_SETTING, "power 0 is the geometric mean; write method: geometric");
                }
                yield Aggregation.generalised(p);
            }
        };
    }

    private static TreeNode node(YamlNode item, boolean indicator, IndexMethod base, Map<String, NodeMethod> byNode,
            Map<String, String> columns) {
        if (indicator) {
            item.allowOnly("code", "name_zh", "name_en", "parent", "weight", "direction", "denominator", "goalposts",
                    "target", "unit", PUBLISHED, "column", "impute", "treat", "normalise");
        } else {
            item.allowOnly("code", "name_zh", "name_en", "parent", "weight", "method", "power", "components", PUBLISHED,
                    "impute", "treat", "normalise");
        }
        String code = item.code("code");
        NodeMethod own = new NodeMethod(item.has("impute") ? imputing(item.get("impute")) : null,
                item.has("treat") ? treatment(item.get("treat")) : null,
                item.has("normalise") ? normalisation(item.get("normalise"), base.normalisation(), false) : null);
        if (!own.isEmpty()) {
            byNode.put(code, own);
        }
        if (indicator && item.has("column")) {
            columns.put(item.text("column"), code);
        }
        String parent = item.has("parent") ? item.get("parent").asCode() : null;
        if (item.has(PUBLISHED)) {
            item.get(PUBLISHED).asCode();
        }
        boolean weightPublished = !unpublished(item, "weight");
        boolean componentsPublished = !unpublished(item, "components");
        double weight = !weightPublished ? Double.NaN : item.has("weight") ? item.decimal("weight").doubleValue() : 1;
        int direction = 1;
        String denominator = null;
        double low = Double.NaN;
        double high = Double.NaN;
        double target = Double.NaN;
        Aggregation aggregation = null;
        if (indicator) {
            direction = item.has("direction") ? item.integer("direction") : 1;
            denominator = item.has("denominator") ? item.text("denominator") : null;
            if (item.has("goalposts")) {
                List<YamlNode> g = item.get("goalposts").items();
                if (g.size() != 2) {
                    throw item.get("goalposts").fail(IndexProblem.BAD_GOALPOSTS, code);
                }
                low = g.get(0).asDecimal().doubleValue();
                high = g.get(1).asDecimal().doubleValue();
            }
            target = item.has("target") ? item.decimal("target").doubleValue() : Double.NaN;
        } else {
            aggregation = aggregationOrNull(item);
        }
        Location where = new Location(item.source(), item.line(), item.path());
        return new TreeNode(code, item.text("name_zh"), item.text("name_en"), parent, weight, indicator, direction,
                denominator, low, high, target, aggregation, where, weightPublished, componentsPublished);
    }

    /**
     * Whether a field says {@code unpublished} (or 未公布): a weight or the components of an aggregate
     * that the publication an index is written down from does not give. {@code components} takes
     * no other value.
     */
    private static boolean unpublished(YamlNode item, String key) {
        if (!item.has(key)) {
            return false;
        }
        String v = item.get(key).text().toLowerCase(Locale.ROOT);
        if (UNPUBLISHED.contains(v)) {
            return true;
        }
        if (key.equals("components")) {
            throw item.get(key).fail(FileProblem.NOT_ONE_OF, String.join(", ", UNPUBLISHED));
        }
        return false;
    }
}
