package org.yardstick.assessment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/** The questionnaire file, answer checks and scoring, on the example questionnaire (a test copy). */
class QuestionnaireTest {

    static String example() throws IOException {
        try (InputStream in = QuestionnaireTest.class.getResourceAsStream("/assessment/questionnaire.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Questionnaire q() throws IOException {
        return QuestionnaireReader.read("questionnaire.yaml", example());
    }

    static List<InputProblem> problems(String yaml) {
        try {
            QuestionnaireReader.read("q.yaml", yaml);
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void theExampleReads() throws IOException {
        Questionnaire q = q();
        assertThat(q.dimensions()).extracting(d -> d.name().zh())
                .containsExactly("基础建设", "单项应用", "综合集成", "协同与创新", "竞争力", "经济和社会效益");
        assertThat(q.questions()).hasSize(13);
        assertThat(q.title().zh()).contains("示例");
    }

    @Test
    void questionWeightsThatDoNotAddUpAreRefusedWithLineAndField() throws IOException {
        List<InputProblem> p = problems(example().replace("        weight: 30\n      - code: B2", "        weight: 35\n      - code: B2"));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).kind()).isEqualTo(AssessmentProblem.WEIGHTS_SUM);
        assertThat(p.get(0).field()).isEqualTo("dimensions[1].questions");
        assertThat(p.get(0).line()).isEqualTo(23);
        assertThat(p.get(0).args()).containsExactly("105");
    }

    @Test
    void dimensionWeightsThatDoNotAddUpAreRefused() throws IOException {
        List<InputProblem> p = problems(example().replace("    weight: 10\n", "    weight: 15\n"));
        assertThat(p).extracting(InputProblem::kind).containsExactly(AssessmentProblem.WEIGHTS_SUM);
        assertThat(p.get(0).args()).containsExactly("105");
    }

    @Test
    void overlappingOrGappedStagesAreRefused() throws IOException {
        List<InputProblem> overlap = problems(example().replace("{stage: integration, from: 60", "{stage: integration, from: 55"));
        assertThat(overlap).extracting(InputProblem::kind).containsExactly(AssessmentProblem.STAGES_GAP);
        assertThat(overlap.get(0).field()).isEqualTo("stages[3].from");
        assertThat(overlap.get(0).line()).isEqualTo(16);
        List<InputProblem> range = problems(example().replace("from: 80, to: 100", "from: 80, to: 90"));
        assertThat(range).extracting(InputProblem::kind).containsExactly(AssessmentProblem.STAGES_RANGE);
        List<InputProblem> order = problems(example().replace("{stage: single_coverage", "{stage: innovation"));
        assertThat(order).extracting(InputProblem::kind).containsExactly(AssessmentProblem.STAGES_ORDER);
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() throws IOException {
        List<InputProblem> p = problems(example()
                .replace("code: B2", "code: B1")
                .replace("points: 50}", "points: 150}")
                .replace("        unit: \"项\"\n", ""));
        assertThat(p).extracting(InputProblem::kind).contains(AssessmentProblem.DUPLICATE_CODE,
                AssessmentProblem.POINTS_RANGE, AssessmentProblem.UNIT_REQUIRED);
    }

    static Map<String, Answer> answers(String... pairs) {
        Map<String, Answer> a = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            a.put(pairs[i], new Answer(pairs[i], pairs[i + 1], null));
        }
        return a;
    }

    static Map<String, Answer> best() {
        return answers("B1", "yes", "B2", "5", "B3", "plant", "S1", "design,production,purchasing,sales,finance",
                "S2", "100", "I1", "integrated", "I2", "yes", "C1", "chain", "C2", "yes", "K1", "yes", "K2", "9",
                "E1", "30", "E2", "40");
    }

    @Test
    void fullMarksAndNoneAndAWorkedExample() throws IOException {
        Questionnaire q = q();
        assertThat(Scoring.check(q, best(), true)).isEmpty();
        Scoring.Score top = Scoring.score(q, best());
        assertThat(top.total()).isEqualByComparingTo("100");
        assertThat(top.stage()).isEqualTo(Stage.INNOVATION);

        Scoring.Score none = Scoring.score(q, Map.of());
        assertThat(none.total()).isEqualByComparingTo("0");
        assertThat(none.stage()).isEqualTo(Stage.STARTING);

        // infrastructure: B1 yes 30 + B2 1.5 % of a 3 % cap = 50 points × 40 % = 20 + B3 office 50 × 30 % = 15 → 65
        Map<String, Answer> some = new HashMap<>(best());
        some.putAll(answers("B2", "1.5", "B3", "office", "S1", "design,sales"));
        Scoring.Score s = Scoring.score(q, some);
        assertThat(s.dimensions().get("infrastructure")).isEqualByComparingTo("65");
        // single applications: S1 40 points × 60 % = 24 + S2 100 × 40 % = 40 → 64
        assertThat(s.dimensions().get("single-application")).isEqualByComparingTo("64");
        // total: 100 − 35 × 20 % − 36 × 20 % = 85.8
        assertThat(s.total()).isEqualByComparingTo("85.8");
        assertThat(s.stage()).isEqualTo(Stage.INNOVATION);
        // S1 cost most: 60 points × 60 % × 20 % = 7.2
        assertThat(s.losses().get(0).question()).isEqualTo("S1");
        assertThat(s.losses().get(0).points()).isEqualByComparingTo("7.2");
        // a stage boundary belongs to the upper stage
        assertThat(q.stageOf(new BigDecimal("60"))).isEqualTo(Stage.INTEGRATION);
        assertThat(q.stageOf(new BigDecimal("59.999"))).isEqualTo(Stage.SINGLE_COVERAGE);
    }

    @Test
    void badAnswersNameQuestionValueAndReason() throws IOException {
        Questionnaire q = q();
        Map<String, Answer> a = answers("B3", "cloud", "S1", "design,robots", "B1", "maybe", "B2", "lots", "X9", "1");
        a.put("K2", new Answer("K2", "3", "%"));
        List<InputProblem> p = Scoring.check(q, a, false);
        assertThat(p).extracting(x -> x.field() + "=" + x.value() + ":" + x.kind()).containsExactlyInAnyOrder(
                "B3=cloud:NOT_AN_OPTION", "S1=robots:NOT_AN_OPTION", "B1=maybe:NOT_YES_NO", "B2=lots:NOT_A_NUMBER",
                "X9=1:UNKNOWN_QUESTION", "K2=%:WRONG_UNIT");
        assertThat(p.stream().filter(x -> x.field().equals("K2")).findFirst().orElseThrow().reason())
                .isEqualTo("is given in %, the question asks for 项");
        assertThat(Scoring.check(q, answers("B1", "yes"), true)).hasSize(12)
                .allMatch(x -> x.kind() == AssessmentProblem.UNANSWERED);
        assertThatThrownBy(() -> QuestionnaireReader.read("q.yaml", "questionnaire: x\n"))
                .isInstanceOf(InvalidInputException.class);
    }
}
