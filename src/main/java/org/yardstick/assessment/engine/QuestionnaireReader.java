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
import org.yardstick.assessment.engine.Questionnaire.Variant;
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
        root.allowOnly("questionnaire", "version", "title", "note", "stages", "dimensions", "variants");
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
        List<Variant> variants = new ArrayList<>();
        if (problems.isEmpty() && root.has("variants")) {
            InvalidInputException.collect(problems, () -> variants.addAll(variants(root.get("variants"), dimensions)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Questionnaire(code, version, title, note, dimensions, stages, variants, null);
    }

    /**
     * The per-industry variants: each names its industries (GB/T 4754-2017 sections or 2–4 digit codes, each in one
     * variant only), the questions it removes, the questions it adds to a dimension, and new weights; after all that,
     * the question weights of every dimension must add up to 100 again. Every problem with its line and field.
     */
    private static List<Variant> variants(YamlNode node, List<Dimension> base) {
        List<Variant> out = new ArrayList<>();
        Set<String> variantCodes = new HashSet<>();
        java.util.Map<String, String> industryOwner = new java.util.HashMap<>();
        Set<String> baseCodes = new HashSet<>();
        base.forEach(d -> {
            baseCodes.add(d.code());
            d.questions().forEach(q -> baseCodes.add(q.code()));
        });
        node.each(v -> {
            v.allowOnly("code", "name", "industries", "remove", "add", "weights");
            String vc = unique(v, "code", variantCodes);
            List<InputProblem> problems = new ArrayList<>();
            List<String> industries = new ArrayList<>();
            for (YamlNode i : v.required("industries").items()) {
                String c = i.text().toUpperCase(Locale.ROOT);
                if (Industries.section(c).isEmpty()) {
                    problems.add(i.problem(AssessmentProblem.UNKNOWN_INDUSTRY, c));
                } else if (industryOwner.putIfAbsent(c, vc) != null) {
                    problems.add(i.problem(AssessmentProblem.INDUSTRY_TWICE, c, industryOwner.get(c)));
                } else {
                    industries.add(c);
                }
            }
            // the variant's dimensions: the questionnaire's, as mutable lists of questions
            java.util.Map<String, List<Question>> questions = new java.util.LinkedHashMap<>();
            base.forEach(d -> questions.put(d.code(), new ArrayList<>(d.questions())));
            for (YamlNode r : v.get("remove").items()) {
                String qc = r.text();
                if (!questions.values().stream().anyMatch(l -> l.removeIf(q -> q.code().equals(qc)))) {
                    problems.add(r.problem(AssessmentProblem.VARIANT_NO_QUESTION, qc));
                }
            }
            Set<String> codes = new HashSet<>(baseCodes);
            InvalidInputException.collect(problems, () -> v.get("add").each(a -> {
                a.allowOnly("dimension", "question");
                String dc = a.code("dimension");
                Question q = question(a.required("question"), codes);
                if (!questions.containsKey(dc)) {
                    throw a.problemAt("dimension", AssessmentProblem.VARIANT_NO_DIMENSION, dc);
                }
                questions.get(dc).add(q);
            }));
            InvalidInputException.collect(problems, () -> v.get("weights").each(w -> {
                w.allowOnly("question", "weight");
                String qc = w.code("question");
                BigDecimal weight = weight(w);
                boolean found = false;
                for (List<Question> l : questions.values()) {
                    for (int i = 0; i < l.size(); i++) {
                        Question q = l.get(i);
                        if (q.code().equals(qc)) {
                            l.set(i, new Question(q.code(), q.text(), q.kind(), weight, q.options(), q.unit(), q.cap()));
                            found = true;
                        }
                    }
                }
                if (!found) {
                    throw w.problemAt("question", AssessmentProblem.VARIANT_NO_QUESTION, qc);
                }
            }));
            List<Dimension> dims = new ArrayList<>();
            if (problems.isEmpty()) {
                for (Dimension d : base) {
                    List<Question> qs = questions.get(d.code());
                    BigDecimal sum = qs.stream().map(Question::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (sum.compareTo(HUNDRED) != 0) {
                        problems.add(v.problem(AssessmentProblem.VARIANT_WEIGHTS_SUM, d.code(), sum.toPlainString()));
                    }
                    dims.add(new Dimension(d.code(), d.name(), d.weight(), qs));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            out.add(new Variant(vc, text(v.required("name")), industries, dims));
        });
        return out;
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
