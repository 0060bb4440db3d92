package org.yardstick.shared;

import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node of a human-written YAML file that remembers where it is, so that every error names the
 * file, the line and the field. Accessors throw {@link InvalidInputException} with one
 * {@link InputProblem}; {@link #each} collects the problems of all list items so that a file is
 * reported in one pass.
 *
 * <p>Only the YAML that people write by hand is accepted: mappings, lists and plain values. Tags,
 * anchors and aliases are refused (no object construction, no billion-laughs).
 */
public final class YamlNode {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_ALIASES = 0;

    private final String source;
    private final String path;
    private final @Nullable Node node;
    private final int line;

    private YamlNode(String source, String path, @Nullable Node node, int line) {
        this.source = source;
        this.path = path;
        this.node = node;
        this.line = line;
    }

    /** Parses one YAML document. An empty document is a problem. */
    public static YamlNode parse(String source, String text) {
        return parse(source, new StringReader(text));
    }

    public static YamlNode parse(String source, Reader text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(20 * 1024 * 1024);
        Node root;
        try {
            root = new Yaml(options).compose(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            String why = e.getProblem() == null ? e.getMessage() : e.getProblem();
            throw new InvalidInputException(InputProblem.of(source, line, "", null, FileProblem.SYNTAX, why));
        } catch (YAMLException e) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.SYNTAX, e.getMessage()));
        }
        if (root == null) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.EMPTY));
        }
        return new YamlNode(source, "", root, root.getStartMark().getLine() + 1);
    }

    public String source() {
        return source;
    }

    /** 1-based line where this node starts. */
    public int line() {
        return line;
    }

    /** Dotted path of this node in the document, e.g. {@code targets[3].value}. */
    public String path() {
        return path;
    }

    /** Whether this node is a mapping of fields (as opposed to a plain value or a list). */
    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isMissing() {
        return node == null;
    }

    /** Makes a problem located at this node. */
    public InputProblem problem(ProblemKind kind, Object... args) {
        return InputProblem.of(source, line, path, scalarOrNull(), kind, args);
    }

    /**
     * A problem about a field of this mapping, located at the field if it is present and at this
     * node otherwise (a missing field has no line of its own).
     */
    public InvalidInputException problemAt(String key, ProblemKind kind, Object... args) {
        YamlNode field = get(key);
        return new InvalidInputException(InputProblem.of(source, field.line, field.path, field.scalarOrNull(), kind, args));
    }

    /** Throws a problem located at this node. */
    public InvalidInputException fail(ProblemKind kind, Object... args) {
        return new InvalidInputException(problem(kind, args));
    }

    // ---- mappings

    /** A field of this mapping; a missing field is a node for which {@link #isMissing()} is true. */
    public YamlNode get(String key) {
        Map<String, NodeTuple> fields = fields();
        NodeTuple t = fields.get(key);
        String childPath = path.isEmpty() ? key : path + "." + key;
        if (t == null) {
            return new YamlNode(source, childPath, null, line);
        }
        Node value = t.getValueNode();
        return new YamlNode(source, childPath, value, value.getStartMark().getLine() + 1);
    }

    public boolean has(String key) {
        YamlNode n = get(key);
        return !n.isMissing() && !n.isNull();
    }

    /** A field that must be present. */
    public YamlNode required(String key) {
        YamlNode n = get(key);
        if (n.isMissing() || n.isNull()) {
            throw new InvalidInputException(InputProblem.of(source, line, n.path, null, FileProblem.MISSING_FIELD));
        }
        return n;
    }

    /** Rejects fields other than the given ones (catches typos such as {@code valeu}). */
    public YamlNode allowOnly(String... keys) {
        Set<String> allowed = Set.of(keys);
        for (Map.Entry<String, NodeTuple> e : fields().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                Node k = e.getValue().getKeyNode();
                String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                throw new InvalidInputException(InputProblem.of(
                        source, k.getStartMark().getLine() + 1, childPath, null, FileProblem.UNKNOWN_FIELD,
                        Arrays.stream(keys).sorted().collect(Collectors.joining(", "))));
            }
        }
        return this;
    }

    /** The keys of this mapping in document order. */
    public List<String> keys() {
        return List.copyOf(fields().keySet());
    }

    private Map<String, NodeTuple> fields() {
        if (!(node instanceof MappingNode m)) {
            throw fail(FileProblem.NOT_A_MAPPING);
        }
        Map<String, NodeTuple> result = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new InvalidInputException(InputProblem.of(
                        source, t.getKeyNode().getStartMark().getLine() + 1, path, null, FileProblem.NOT_TEXT));
            }
            result.put(k.getValue(), t);
        }
        return result;
    }

    // ---- lists

    /** The items of this list; a missing or null node is an empty list. */
    public List<YamlNode> items() {
        if (node == null || isNull()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode s)) {
            throw fail(FileProblem.NOT_A_LIST);
        }
        List<YamlNode> result = new ArrayList<>();
        List<Node> values = s.getValue();
        for (int i = 0; i < values.size(); i++) {
            Node v = values.get(i);
            result.add(new YamlNode(source, path + "[" + (i + 1) + "]", v, v.getStartMark().getLine() + 1));
        }
        return result;
    }

    /**
     * Runs {@code action} on each item of this list, collecting the problems of every item rather
     * than stopping at the first; throws them all together at the end.
     */
    public void each(Consumer<YamlNode> action) {
        List<InputProblem> problems = new ArrayList<>();
        for (YamlNode item : items()) {
            try {
                action.accept(item);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** A list of plain values, e.g. {@code [IIDI, IDI]}. */
    public List<String> texts() {
        return items().stream().map(YamlNode::text).toList();
    }

    // ---- scalars

    public boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().getValue().endsWith(":null")
                && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equalsIgnoreCase("null"));
    }

    private @Nullable String scalarOrNull() {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    /** This node as text; must be a plain value. Surrounding white space is removed. */
    public String text() {
        if (node == null) {
            throw new InvalidInputException(InputProblem.of(source, line, path, null, FileProblem.MISSING_FIELD));
        }
        if (!(node instanceof ScalarNode s)) {
            throw fail(FileProblem.NOT_TEXT);
        }
        return isNull() ? "" : s.getValue().strip();
    }

    /** Required non-empty text field. */
    public String text(String key) {
        String v = required(key).text();
        if (v.isEmpty()) {
            throw new InvalidInputException(InputProblem.of(source, line, get(key).path, v, FileProblem.MISSING_FIELD));
        }
        return v;
    }

    /** Optional text field: empty string when absent. */
    public String textOr(String key, String fallback) {
        YamlNode n = get(key);
        if (n.isMissing() || n.isNull()) {
            return fallback;
        }
        String v = n.text();
        return v.isEmpty() ? fallback : v;
    }

    /** Required code field: a short ASCII identifier. */
    public String code(String key) {
        YamlNode n = required(key);
        return n.asCode();
    }

    /** This node as a code. */
    public String asCode() {
        String v = text();
        if (!CODE.matcher(v).matches()) {
            throw fail(FileProblem.BAD_CODE);
        }
        return v;
    }

    public BigDecimal decimal(String key) {
        return required(key).asDecimal();
    }

    public @Nullable BigDecimal decimalOrNull(String key) {
        YamlNode n = get(key);
        return n.isMissing() || n.isNull() || n.text().isEmpty() ? null : n.asDecimal();
    }

    public BigDecimal asDecimal() {
        String v = text();
        try {
            BigDecimal d = new BigDecimal(v.replace("_", ""));
            if (d.abs().compareTo(new BigDecimal("1e15")) > 0) {
                throw fail(FileProblem.NOT_FINITE);
            }
            return d;
        } catch (NumberFormatException e) {
            throw fail(FileProblem.NOT_A_NUMBER);
        }
    }

    public int integer(String key) {
        return required(key).asInteger();
    }

    public @Nullable Integer integerOrNull(String key) {
        YamlNode n = get(key);
        return n.isMissing() || n.isNull() || n.text().isEmpty() ? null : n.asInteger();
    }

    public int asInteger() {
        String v = text();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw fail(FileProblem.NOT_AN_INTEGER);
        }
    }

    public boolean bool(String key, boolean fallback) {
        YamlNode n = get(key);
        if (n.isMissing() || n.isNull()) {
            return fallback;
        }
        return switch (n.text().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw n.fail(FileProblem.NOT_ONE_OF, "true, false");
        };
    }

    /** A date written as {@code 2017-07-03} or {@code 2017-07} (first of the month). */
    public @Nullable LocalDate dateOrNull(String key) {
        YamlNode n = get(key);
        if (n.isMissing() || n.isNull() || n.text().isEmpty()) {
            return null;
        }
        String v = n.text();
        try {
            return v.length() == 7 ? YearMonth.parse(v).atDay(1) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw n.fail(FileProblem.NOT_A_DATE);
        }
    }

    /** Required field whose value is one of an enum's constants, written in lower case. */
    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        return required(key).asChoice(type);
    }

    public <E extends Enum<E>> E choiceOr(String key, Class<E> type, E fallback) {
        YamlNode n = get(key);
        if (n.isMissing() || n.isNull() || n.text().isEmpty()) {
            return fallback;
        }
        return n.asChoice(type);
    }

    public <E extends Enum<E>> E asChoice(Class<E> type) {
        String v = text();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        throw fail(FileProblem.NOT_ONE_OF, Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
    }

    /**
     * A text as a double-quoted YAML scalar that reads back as the same text (quotes, backslashes, line breaks and
     * other control characters escaped): how the framework export writes every text.
     */
    public static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == 0x7f || ch == 0x85 || ch == 0x2028 || ch == 0x2029 || ch == 0xfeff) {
                        q.append(String.format("\\u%04x", (int) ch));
                    } else {
                        q.append(ch);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
