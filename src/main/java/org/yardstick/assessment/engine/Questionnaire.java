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
 */
public record Questionnaire(
        String code, int version, LocalizedText title, LocalizedText note, List<Dimension> dimensions,
        List<StageBand> stages) {

    public Questionnaire {
        dimensions = List.copyOf(dimensions);
        stages = List.copyOf(stages);
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

    public Stage stageOf(BigDecimal total) {
        for (StageBand b : stages) {
            if (total.compareTo(b.from()) >= 0 && total.compareTo(b.to()) < 0) {
                return b.stage();
            }
        }
        return stages.get(stages.size() - 1).stage();
    }
}
