package org.yardstick.assessment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yardstick.shared.InputProblem;

/** Per-industry variants of a questionnaire: which one an industry answers, what it changes, and bad files refused. */
class QuestionnaireVariantsTest {

    static String fixture() throws IOException {
        try (InputStream in = QuestionnaireVariantsTest.class.getResourceAsStream("/assessment/variants.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anIndustryAnswersItsMostSpecificVariant() throws IOException {
        Questionnaire q = QuestionnaireReader.read("variants.yaml", fixture());
        assertThat(q.variants()).extracting(Questionnaire.Variant::code).containsExactly("services", "chemicals");
        // 6510 is in section I (divisions 63–65); 7250 is named itself; 2614 by its division 26
        assertThat(q.variantFor("6510")).map(Questionnaire.Variant::code).contains("services");
        assertThat(q.variantFor("7250")).map(Questionnaire.Variant::code).contains("services");
        assertThat(q.variantFor("7251")).isEmpty();
        assertThat(q.variantFor("2614")).map(Questionnaire.Variant::code).contains("chemicals");
        assertThat(q.variantFor("3985")).isEmpty();
        assertThat(q.answeredBy("3985")).isSameAs(q);

        Questionnaire services = q.answeredBy("65");
        assertThat(services.variant()).isEqualTo("services");
        assertThat(services.questions()).extracting(Questionnaire.Question::code).contains("B4").doesNotContain("B3");
        assertThat(q.allQuestions()).extracting(Questionnaire.Question::code).contains("B3", "B4");
        assertThat(q.applied("services")).isEqualTo(services);
        assertThat(services.applied("services")).isSameAs(services);

        // the same answers score differently under the chemicals variant (K1 weighs 80 there, 50 in the questionnaire)
        Map<String, Answer> answers = new HashMap<>();
        for (Questionnaire.Question question : q.questions()) {
            answers.put(question.code(), new Answer(question.code(), question.kind() == QuestionKind.YES_NO ? "yes"
                    : question.kind() == QuestionKind.NUMBER ? "0" : question.options().get(0).code(), null));
        }
        answers.put("K2", new Answer("K2", "0", null));
        Questionnaire chemicals = q.answeredBy("26");
        assertThat(Scoring.check(chemicals, answers, true)).isEmpty();
        assertThat(Scoring.score(chemicals, answers).dimensions().get("competitiveness")).isEqualByComparingTo("80");
        assertThat(Scoring.score(q, answers).dimensions().get("competitiveness")).isEqualByComparingTo("50");
        // B3 is not a question of the services variant; B4 must be answered there
        List<InputProblem> p = Scoring.check(services, answers, true);
        assertThat(p).extracting(InputProblem::field).containsExactlyInAnyOrder("B3", "B4");
        assertThat(p).extracting(InputProblem::kind)
                .containsExactlyInAnyOrder(AssessmentProblem.UNKNOWN_QUESTION, AssessmentProblem.UNANSWERED);
    }

    @Test
    void badVariantsAreRefusedWithLineFieldAndReason() throws IOException {
        String bad = fixture()
                .replace("industries: [I, \"7250\"]", "industries: [I, \"99\", X]")
                .replace("remove: [B3]", "remove: [B3, Z9]")
                .replace("industries: [\"26\"]", "industries: [\"26\", I]");
        List<InputProblem> p = QuestionnaireTest.problems(bad);
        assertThat(p).extracting(InputProblem::kind).containsExactlyInAnyOrder(AssessmentProblem.UNKNOWN_INDUSTRY,
                AssessmentProblem.UNKNOWN_INDUSTRY, AssessmentProblem.VARIANT_NO_QUESTION, AssessmentProblem.INDUSTRY_TWICE);
        assertThat(p).extracting(InputProblem::line).containsOnly(127L, 128L, 138L);
        assertThat(p).filteredOn(x -> x.kind() == AssessmentProblem.VARIANT_NO_QUESTION).singleElement()
                .satisfies(x -> assertThat(x.field()).isEqualTo("variants[1].remove[2]"))
                .satisfies(x -> assertThat(x.args()).containsExactly("Z9"));
        assertThat(p).filteredOn(x -> x.kind() == AssessmentProblem.INDUSTRY_TWICE).singleElement()
                .satisfies(x -> assertThat(x.args()).containsExactly("I", "services"));

        // weights that no longer add up after a re-weighting, and a question added to no dimension
        List<InputProblem> w = QuestionnaireTest.problems(fixture()
                .replace("      - {question: K2, weight: 20}\n", "")
                .replace("dimension: infrastructure", "dimension: logistics"));
        assertThat(w).extracting(InputProblem::kind).containsExactlyInAnyOrder(
                AssessmentProblem.VARIANT_NO_DIMENSION, AssessmentProblem.VARIANT_WEIGHTS_SUM);
        assertThat(w).filteredOn(x -> x.kind() == AssessmentProblem.VARIANT_WEIGHTS_SUM).singleElement()
                .satisfies(x -> assertThat(x.args()).containsExactly("competitiveness", "130"))
                .satisfies(x -> assertThat(x.field()).isEqualTo("variants[2]"));
        assertThat(w).filteredOn(x -> x.kind() == AssessmentProblem.VARIANT_NO_DIMENSION).singleElement()
                .satisfies(x -> assertThat(x.line()).isEqualTo(130L));

        // a removal that leaves a dimension short, and an added code that is already a question
        List<InputProblem> s = QuestionnaireTest.problems(fixture().replace("code: B4", "code: B1"));
        assertThat(s).extracting(InputProblem::kind).containsExactly(AssessmentProblem.DUPLICATE_CODE);
        List<InputProblem> r = QuestionnaireTest.problems(fixture().replace("remove: [B3]", "remove: [B3, B2]"));
        assertThat(r).extracting(InputProblem::kind).containsExactly(AssessmentProblem.VARIANT_WEIGHTS_SUM);
        assertThat(r.get(0).args()).containsExactly("infrastructure", "60");
    }

    @Test
    void industrySections() {
        assertThat(Industries.section("01")).contains("A");
        assertThat(Industries.section("13")).contains("C");
        assertThat(Industries.section("4399")).contains("C");
        assertThat(Industries.section("44")).contains("D");
        assertThat(Industries.section("65")).contains("I");
        assertThat(Industries.section("70")).contains("K");
        assertThat(Industries.section("97")).contains("T");
        assertThat(Industries.section("T")).contains("T");
        assertThat(Industries.section("00")).isEmpty();
        assertThat(Industries.section("98")).isEmpty();
        assertThat(Industries.section("U")).isEmpty();
        assertThat(Industries.section("12345")).isEmpty();
    }
}
