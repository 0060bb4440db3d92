package org.yardstick.assessment.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yardstick.assessment.engine.Questionnaire.Dimension;
import org.yardstick.assessment.engine.Questionnaire.Option;
import org.yardstick.assessment.engine.Questionnaire.Question;
import org.yardstick.shared.InputProblem;

/**
 * Checks answers against a questionnaire and scores them: points per answer (0–100), the weighted mean of
 * a dimension's questions, the weighted sum of the dimensions, and the stage of the total.
 */
public final class Scoring {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_VALUE = 200;

    private Scoring() {}

    /**
     * A score: per dimension (0–100), total (0–100), stage, and what each question cost (points of the total
     * lost against full marks), most first.
     */
    public record Score(Map<String, BigDecimal> dimensions, BigDecimal total, Stage stage, List<Loss> losses) {
        public Score {
            dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
            losses = List.copyOf(losses);
        }
    }

    public record Loss(String question, String dimension, BigDecimal points) {}

    /**
     * The problems of a set of answers, each naming the question (field) and the value; with {@code complete}
     * every question must also be answered (a submission).
     */
    public static List<InputProblem> check(Questionnaire q, Map<String, Answer> answers, boolean complete) {
        String source = q.code() + " v" + q.version();
        List<InputProblem> problems = new ArrayList<>();
        for (Answer a : answers.values()) {
            var question = q.question(a.question());
            if (question.isEmpty()) {
                problems.add(InputProblem.of(source, 0, a.question(), a.value(), AssessmentProblem.UNKNOWN_QUESTION));
                continue;
            }
            if (a.value().length() > MAX_VALUE) {
                problems.add(InputProblem.of(source, 0, a.question(), a.value(), AssessmentProblem.TOO_LONG, MAX_VALUE));
                continue;
            }
            if (!a.value().isEmpty()) {
                checkOne(source, question.get(), a, problems);
            }
        }
        if (complete) {
            for (Question question : q.questions()) {
                Answer a = answers.get(question.code());
                if (a == null || a.value().isEmpty()) {
                    problems.add(InputProblem.of(source, 0, question.code(), "", AssessmentProblem.UNANSWERED));
                }
            }
        }
        return problems;
    }

    private static void checkOne(String source, Question q, Answer a, List<InputProblem> problems) {
        String allowed = String.join(", ", q.options().stream().map(Option::code).toList());
        switch (q.kind()) {
            case SINGLE -> {
                if (q.option(a.value()).isEmpty()) {
                    problems.add(InputProblem.of(source, 0, q.code(), a.value(), AssessmentProblem.NOT_AN_OPTION, allowed));
                }
            }
            case MULTIPLE -> {
                for (String c : a.choices()) {
                    if (q.option(c).isEmpty()) {
                        problems.add(InputProblem.of(source, 0, q.code(), c, AssessmentProblem.NOT_AN_OPTION, allowed));
                    }
                }
            }
            case YES_NO -> {
                if (!a.value().equals("yes") && !a.value().equals("no")) {
                    problems.add(InputProblem.of(source, 0, q.code(), a.value(), AssessmentProblem.NOT_YES_NO));
                }
            }
            case NUMBER -> {
                BigDecimal n = number(a.value());
                if (n == null) {
                    problems.add(InputProblem.of(source, 0, q.code(), a.value(), AssessmentProblem.NOT_A_NUMBER));
                } else if (n.signum() < 0) {
                    problems.add(InputProblem.of(source, 0, q.code(), a.value(), AssessmentProblem.NEGATIVE));
                }
                if (a.unit() != null && !a.unit().equals(q.unit())) {
                    problems.add(InputProblem.of(source, 0, q.code(), a.unit(), AssessmentProblem.WRONG_UNIT,
                            a.unit(), q.unit()));
                }
            }
        }
    }

    private static BigDecimal number(String v) {
        try {
            BigDecimal d = new BigDecimal(v);
            return d.abs().compareTo(new BigDecimal("1e15")) > 0 ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Points (0–100) an answer earns; an empty or missing answer earns none. Answers must have been checked. */
    public static BigDecimal points(Question q, Answer a) {
        if (a == null || a.value().isEmpty()) {
            return BigDecimal.ZERO;
        }
        return switch (q.kind()) {
            case SINGLE -> q.option(a.value()).map(Option::points).orElse(BigDecimal.ZERO);
            case MULTIPLE -> a.choices().stream().map(c -> q.option(c).map(Option::points).orElse(BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add).min(HUNDRED);
            case YES_NO -> a.value().equals("yes") ? HUNDRED : BigDecimal.ZERO;
            case NUMBER -> new BigDecimal(a.value()).max(BigDecimal.ZERO).min(q.cap())
                    .multiply(HUNDRED).divide(q.cap(), 10, RoundingMode.HALF_EVEN);
        };
    }

    /** Scores checked answers; unanswered questions earn nothing. Scores are rounded to 3 decimals at the end. */
    public static Score score(Questionnaire q, Map<String, Answer> answers) {
        Map<String, BigDecimal> dims = new LinkedHashMap<>();
        List<Loss> losses = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Dimension d : q.dimensions()) {
            BigDecimal dim = BigDecimal.ZERO;
            for (Question question : d.questions()) {
                BigDecimal p = points(question, answers.get(question.code()));
                dim = dim.add(p.multiply(question.weight()).divide(HUNDRED));
                BigDecimal lost = HUNDRED.subtract(p).multiply(question.weight()).multiply(d.weight())
                        .divide(HUNDRED.multiply(HUNDRED));
                losses.add(new Loss(question.code(), d.code(), round(lost)));
            }
            dims.put(d.code(), round(dim));
            total = total.add(dim.multiply(d.weight()).divide(HUNDRED));
        }
        losses.sort(Comparator.comparing(Loss::points).reversed());
        BigDecimal t = round(total);
        return new Score(dims, t, q.stageOf(t), losses);
    }

    private static BigDecimal round(BigDecimal v) {
        return v.setScale(3, RoundingMode.HALF_EVEN);
    }
}
