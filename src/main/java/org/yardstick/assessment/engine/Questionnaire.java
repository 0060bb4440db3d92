package org.yardstick.assessment.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * A questionnaire (评估问卷) of one version: weighted dimensions of weighted questions, and the stage bands
 * of the total score. Weights are percentages: the dimensions' add up to 100, and so do the questions' of
 * each dimension. Points of an answer are 0–100.
 *
 * <p>It may carry per-industry variants (行业变体): for the GB/T 4754-2017 sections or divisions they name, questions
 * are added, removed or re-weighted; an enterprise answers the variant of its industry ({@link #answeredBy}), and
 * scores are comparable within one variant only.
 *
 * @param variants the per-industry variants, each with its dimensions as answered
 * @param variant the variant this is, once applied ({@link #answeredBy}); null for the questionnaire itself
 */
public record Questionnaire(
        String code, int version, LocalizedText title, LocalizedText note, List<Dimension> dimensions,
        List<StageBand> stages, List<Variant> variants, @Nullable String variant) {

    public Questionnaire {
        dimensions = List.copyOf(dimensions);
        stages = List.copyOf(stages);
        variants = List.copyOf(variants);
    }

    public Questionnaire(String code, int version, LocalizedText title, LocalizedText note, List<Dimension> dimensions,
                         List<StageBand> stages) {
        this(code, version, title, note, dimensions, stages, List.of(), null);
    }

    /**
     * A per-industry variant: its code and name, the industries it is for (GB/T 4754-2017 section letters or 2–4
     * digit codes), and its dimensions with the questions added, removed and re-weighted.
     */
    public record Variant(String code, LocalizedText name, List<String> industries, List<Dimension> dimensions) {
        public Variant {
            industries = List.copyOf(industries);
            dimensions = List.copyOf(dimensions);
        }
    }

    /**
     * The variant an enterprise of this industry answers: the one naming its most specific code (4, 3, 2 digits,
     * then its section); empty when none does (then it answers the questionnaire itself).
     */
    public Optional<Variant> variantFor(String industry) {
        String code = industry.strip().toUpperCase(java.util.Locale.ROOT);
        List<String> candidates = new java.util.ArrayList<>();
        for (int n = code.length(); n >= 2; n--) {
            candidates.add(code.substring(0, n));
        }
        Industries.section(code).ifPresent(candidates::add);
        for (String c : candidates) {
            for (Variant v : variants) {
                if (v.industries().contains(c)) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    /** The questionnaire as an enterprise of this industry answers it: its variant applied, or itself. */
    public Questionnaire answeredBy(String industry) {
        return variantFor(industry).map(v -> applied(v.code())).orElse(this);
    }

    /** The questionnaire with this variant applied (null: the questionnaire itself); an unknown code fails. */
    public Questionnaire applied(@Nullable String variantCode) {
        if (variantCode == null || variants.isEmpty() && variantCode.equals(variant)) {
            return this;
        }
        Variant v = variants.stream().filter(x -> x.code().equals(variantCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant " + variantCode + " in " + code));
        return new Questionnaire(code, version, title, note, v.dimensions(), stages, List.of(), v.code());
    }

    /** A dimension (评估维度) such as 基础建设. */
    public record Dimension(String code, LocalizedText name, BigDecimal weight, List<Question> questions) {
        public Dimension {
            questions = List.copyOf(questions);
        }
    }

    /**
     * A question. Choice questions have options with points; a number question has a unit and a cap
     * (the number at and above which it earns full points, linearly from 0); yes/no earns full points for yes.
     */
    public record Question(
            String code, LocalizedText text, QuestionKind kind, BigDecimal weight, List<Option> options,
            @Nullable String unit, @Nullable BigDecimal cap) {
        public Question {
            options = List.copyOf(options);
        }

        public Optional<Option> option(String code) {
            return options.stream().filter(o -> o.code().equals(code)).findFirst();
        }
    }

    public record Option(String code, LocalizedText text, BigDecimal points) {}

    /** A stage from {@code from} (inclusive) to {@code to} (exclusive, but 100 inclusive for the last). */
    public record StageBand(Stage stage, BigDecimal from, BigDecimal to) {}

    public Optional<Question> question(String code) {
        return dimensions.stream().flatMap(d -> d.questions().stream()).filter(q -> q.code().equals(code)).findFirst();
    }

    public List<Question> questions() {
        return dimensions.stream().flatMap(d -> d.questions().stream()).toList();
    }

    /** The questions of the questionnaire, then those only its variants add (once each): a bulk file's columns. */
    public List<Question> allQuestions() {
        java.util.Map<String, Question> all = new java.util.LinkedHashMap<>();
        questions().forEach(q -> all.put(q.code(), q));
        variants.forEach(v -> v.dimensions().forEach(d -> d.questions().forEach(q -> all.putIfAbsent(q.code(), q))));
        return List.copyOf(all.values());
    }

    public Stage stageOf(BigDecimal total) {
        for (StageBand b : stages) {
            if (total.compareTo(b.from()) >= 0 && total.compareTo(b.to()) < 0) {
                return b.stage();
            }
        }
        return stages.get(stages.size() - 1).stage();
    }
}
