package org.yardstick.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.FileSet;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.YamlNode;
import org.yardstick.validation.internal.RuleForm;
import org.yardstick.validation.internal.RuleKind;
import org.yardstick.validation.internal.RuleReader;
import org.yardstick.validation.internal.ValidationProblem;
import org.yardstick.validation.internal.ValidationRule;
import org.yardstick.validation.internal.ValidationRules;

/**
 * Loads {@code validation-rules.yaml}: validation rules written down as configuration (format in
 * {@code docs/framework-files.md}). Each rule is checked as the rule editor checks it; a problem
 * anywhere writes nothing, and every problem of the file is reported at once.
 */
@Service
public class ValidationRuleFiles {

    static final String FILE = "validation-rules.yaml";

    private static final List<String> COMMON = List.of("code", "name_zh", "name_en", "kind", "severity", "data_set",
            "indicator", "enabled");
    private static final Map<RuleKind, List<String>> OWN = Map.of(
            RuleKind.RANGE, List.of("min", "max"),
            RuleKind.REQUIRED, List.of("when"),
            RuleKind.COMPARISON, List.of("operator", "other", "factor"),
            RuleKind.YOY_CHANGE, List.of("threshold", "direction"),
            RuleKind.TOTAL_OF_PARTS, List.of("threshold"));

    /** The file's key of each field of {@link RuleForm}, for problems. */
    private static final Map<String, String> KEYS = Map.ofEntries(Map.entry("code", "code"),
            Map.entry("nameZh", "name_zh"), Map.entry("nameEn", "name_en"), Map.entry("kind", "kind"),
            Map.entry("severity", "severity"), Map.entry("dataSet", "data_set"), Map.entry("indicator", "indicator"),
            Map.entry("operator", "operator"), Map.entry("factor", "factor"), Map.entry("min", "min"),
            Map.entry("max", "max"), Map.entry("threshold", "threshold"), Map.entry("direction", "direction"));

    private final ValidationRules rules;

    ValidationRuleFiles(ValidationRules rules) {
        this.rules = rules;
    }

    /** Loads the file if the set has one; returns how many rules were written. */
    @Transactional
    public int load(FileSet files, String actor) {
        String text = files.read(FILE).orElse(null);
        if (text == null) {
            return 0;
        }
        YamlNode root = YamlNode.parse(files.describe(FILE), text);
        root.allowOnly("rules");
        RuleReader reader = rules.reader();
        Map<String, Integer> lines = new HashMap<>();
        List<ValidationRule> read = new ArrayList<>();
        root.get("rules").each(r -> {
            List<String> allowed = new ArrayList<>(COMMON);
            RuleKind.parse(r.textOr("kind", "")).ifPresentOrElse(k -> allowed.addAll(OWN.get(k)),
                    () -> OWN.values().forEach(allowed::addAll));
            r.allowOnly(allowed.toArray(String[]::new));
            String kind = r.textOr("kind", "");
            String other = kind.equalsIgnoreCase(RuleKind.REQUIRED.name()) ? r.textOr("when", "") : r.textOr("other", "");
            RuleForm form = new RuleForm(r.textOr("code", ""), r.textOr("name_zh", ""), r.textOr("name_en", ""), kind,
                    r.textOr("severity", ""), r.textOr("data_set", ""), r.textOr("indicator", ""), other,
                    r.textOr("operator", ""), r.textOr("factor", ""), r.textOr("min", ""), r.textOr("max", ""),
                    r.textOr("threshold", ""), r.textOr("direction", ""), Boolean.toString(r.bool("enabled", true)));
            List<InputProblem> problems = new ArrayList<>();
            String code = form.code() == null ? "" : form.code();
            Integer first = lines.putIfAbsent(code, r.line());
            if (first != null && !code.isEmpty()) {
                problems.add(r.get("code").problem(FileProblem.DUPLICATE, first));
            } else if (!code.isEmpty() && rules.find(code).isPresent()) {
                problems.add(r.get("code").problem(ValidationProblem.DUPLICATE_CODE));
            }
            try {
                read.add(reader.read(form, files.describe(FILE), 0, 0, actor));
            } catch (InvalidInputException e) {
                String otherKey = kind.equalsIgnoreCase(RuleKind.REQUIRED.name()) ? "when" : "other";
                for (InputProblem p : e.problems()) {
                    String key = p.field().equals("other") ? otherKey : KEYS.getOrDefault(p.field(), p.field());
                    problems.add(r.get(key).problem(p.kind(), p.args().toArray()));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        });
        rules.insertAll(read, actor);
        return read.size();
    }
}
