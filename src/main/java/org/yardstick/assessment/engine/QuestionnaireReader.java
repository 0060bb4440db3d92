package org.yardstick.assessment.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.yardstick.assessment.engine.Questionnaire.Dimension;
import org.yardstick.assessment.engine.Questionnaire.Option;
import org.yardstick.assessment.engine.Questionnaire.Question;
import org.yardstick.assessment.engine.Questionnaire.StageBand;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.YamlNode;

/**
 * Reads a questionnaire file (format in docs/assessment.md) and checks it whole: every problem, with its
 * line and field, is reported at once; nothing is returned from a file with a problem.
 */
public final class QuestionnaireReader {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private QuestionnaireReader() {}

    public static Questionnaire read(String source, String yaml) {
        YamlNode root = YamlNode.parse(source, yaml);
        List<InputProblem> problems = new ArrayList<>();
        root.allowOnly("questionnaire", "version", "title", "note", "stages", "dimensions");
        String code = root.code("questionnaire");
        int version = root.integer("version");
        LocalizedText title = text(root.required("title"));
        LocalizedText note = root.has("note") ? text(root.get("note")) : LocalizedText.of("", "");

        List<StageBand> stages = new ArrayList<>();
        InvalidInputException.collect(problems, () -> root.required("stages").each(s -> {
            s.allowOnly("stage", "from", "to");
            stages.add(new StageBand(s.choice("stage", Stage.class), s.decimal("from"), s.decimal("to")));
        }));
        if (problems.isEmpty()) {
            checkStages(root.get("stages"), stages, problems);
        }

        List<Dimension> dimensions = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        InvalidInputException.collect(problems, () -> root.required("dimensions").each(d -> {
            d.allowOnly("code", "name", "weight", "questions");
            String dc = unique(d, "code", codes);
            BigDecimal weight = weight(d);
            List<Question> questions = new ArrayList<>();
            d.required("questions").each(q -> questions.add(question(q, codes)));
            BigDecimal sum = questions.stream().map(Question::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(HUNDRED) != 0) {
                throw new InvalidInputException(InputProblem.of(d.source(), d.get("questions").line(),
                        d.get("questions").path(), null, AssessmentProblem.WEIGHTS_SUM, sum.toPlainString()));
            }
            dimensions.add(new Dimension(dc, text(d.required("name")), weight, questions));
        }));
        if (problems.isEmpty()) {
            BigDecimal sum = dimensions.stream().map(Dimension::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(HUNDRED) != 0) {
                problems.add(root.get("dimensions").problem(AssessmentProblem.WEIGHTS_SUM, sum.toPlainString()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Questionnaire(code, version, title, note, dimensions, stages);
    }

    private static void checkStages(YamlNode node, List<StageBand> stages, List<InputProblem> problems) {
        List<Stage> order = stages.stream().map(StageBand::stage).toList();
        if (!order.equals(Arrays.asList(Stage.values()))) {
            problems.add(node.problem(AssessmentProblem.STAGES_ORDER, Arrays.stream(Stage.values())
                    .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
            return;
        }
        List<YamlNode> items = node.items();
        for (int i = 1; i < stages.size(); i++) {
            if (stages.get(i).from().compareTo(stages.get(i - 1).to()) != 0) {
                YamlNode from = items.get(i).get("from");
                problems.add(from.problem(AssessmentProblem.STAGES_GAP, stages.get(i).from().toPlainString(),
                        stages.get(i - 1).to().toPlainString()));
            }
        }
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).to().compareTo(stages.get(i).from()) <= 0) {
                problems.add(items.get(i).get("to").problem(AssessmentProblem.STAGES_GAP,
                        stages.get(i).to().toPlainString(), stages.get(i).from().toPlainString()));
            }
        }
        BigDecimal first = stages.get(0).from();
        BigDecimal last = stages.get(stages.size() - 1).to();
        if (first.signum() != 0 || last.compareTo(HUNDRED) != 0) {
            problems.add(node.problem(AssessmentProblem.STAGES_RANGE, first.toPlainString(), last.toPlainString()));
        }
    }

    private static Question question(YamlNode q, Set<String> codes) {
        q.allowOnly("code", "text", "kind", "weight", "options", "unit", "cap");
        String code = unique(q, "code", codes);
        QuestionKind kind = q.choice("kind", QuestionKind.class);
        BigDecimal weight = weight(q);
        List<Option> options = new ArrayList<>();
        boolean choice = kind == QuestionKind.SINGLE || kind == QuestionKind.MULTIPLE;
        if (!choice && q.has("options")) {
            throw q.problemAt("options", AssessmentProblem.OPTIONS_NOT_ALLOWED);
        }
        if (choice) {
            Set<String> optionCodes = new HashSet<>();
            q.required("options").each(o -> {
                o.allowOnly("code", "text", "points");
                String oc = unique(o, "code", optionCodes);
                BigDecimal points = o.decimal("points");
                if (points.signum() < 0 || points.compareTo(HUNDRED) > 0) {
                    throw o.problemAt("points", AssessmentProblem.POINTS_RANGE);
                }
                options.add(new Option(oc, text(o.required("text")), points));
            });
            if (options.size() < 2) {
                throw q.problemAt("options", AssessmentProblem.TOO_FEW_OPTIONS);
            }
        }
        String unit = null;
        BigDecimal cap = null;
        if (kind == QuestionKind.NUMBER) {
            unit = q.textOr("unit", "");
            if (unit.isEmpty()) {
                throw q.problemAt("unit", AssessmentProblem.UNIT_REQUIRED);
            }
            cap = q.decimal("cap");
            if (cap.signum() <= 0) {
                throw q.problemAt("cap", AssessmentProblem.CAP_POSITIVE);
            }
        }
        return new Question(code, text(q.required("text")), kind, weight, options, unit, cap);
    }

    private static BigDecimal weight(YamlNode n) {
        BigDecimal w = n.decimal("weight");
        if (w.signum() <= 0 || w.compareTo(HUNDRED) > 0) {
            throw n.problemAt("weight", AssessmentProblem.WEIGHT_RANGE);
        }
        return w;
    }

    private static String unique(YamlNode n, String key, Set<String> seen) {
        String c = n.code(key);
        if (!seen.add(c)) {
            throw n.problemAt(key, AssessmentProblem.DUPLICATE_CODE, c);
        }
        return c;
    }

    private static LocalizedText text(YamlNode n) {
        if (!n.isMapping()) {
            String t = n.text();
            return LocalizedText.of(t, t);
        }
        n.allowOnly("zh", "en");
        return LocalizedText.of(n.text("zh"), n.textOr("en", ""));
    }
}
