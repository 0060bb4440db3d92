package org.yardstick.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.assessment.engine.Answer;
import org.yardstick.assessment.engine.Questionnaire;
import org.yardstick.assessment.engine.Scoring.Loss;
import org.yardstick.assessment.engine.Stage;
import org.yardstick.assessment.internal.AssessmentStatus;
import org.yardstick.assessment.internal.Assessments;
import org.yardstick.assessment.internal.Enterprise;
import org.yardstick.assessment.internal.Enterprises;
import org.yardstick.assessment.internal.Questionnaires;
import org.yardstick.assessment.internal.RegionalFigures;

/**
 * The self-assessment API: the questionnaire, an enterprise's registration, its answers as a draft, the
 * submission and the result; the return of a submission by the region's reviewer.
 */
@RestController
@RequestMapping(path = "/api/v1/assessment", produces = "application/json")
@Tag(name = "assessment", description = "Enterprise 两化融合 self-assessment: questionnaire, answers, submission, result")
class AssessmentApi {

    private static final String PROBLEM = "{\"type\":\"urn:yardstick:invalid-input\",\"title\":\"Invalid input\","
            + "\"status\":422,\"problems\":[{\"field\":\"B3\",\"value\":\"cloud\",\"code\":\"assessment.not-an-option\","
            + "\"reason\":\"is not one of the allowed answers: none, office, plant\"}]}";

    private final Questionnaires questionnaires;
    private final Enterprises enterprises;
    private final Assessments assessments;
    private final RegionalFigures regionalFigures;

    AssessmentApi(Questionnaires questionnaires, Enterprises enterprises, Assessments assessments,
                  RegionalFigures regionalFigures) {
        this.regionalFigures = regionalFigures;
        this.questionnaires = questionnaires;
        this.enterprises = enterprises;
        this.assessments = assessments;
    }

    /** An assessment as the API shows it. */
    record AssessmentOut(long id, String enterprise, String questionnaire, int questionnaireVersion,
                         @Nullable String variant, AssessmentStatus status, List<Answer> answers, @Nullable BigDecimal total,
                         @Nullable Stage stage, @Nullable String returnReason) {
        static AssessmentOut of(Assessments.View v) {
            return new AssessmentOut(v.id(), v.enterprise().creditCode(), v.questionnaire().code(),
                    v.questionnaire().version(), v.variant(), v.status(), List.copyOf(v.answers().values()), v.total(), v.stage(),
                    v.returnReason());
        }
    }

    record AnswersIn(List<Answer> answers) {}

    record ReturnIn(@Nullable String reason) {}

    record ResultOut(long assessment, String questionnaire, int questionnaireVersion, @Nullable String variant,
                     Map<String, BigDecimal> dimensions,
                     BigDecimal total, Stage stage, String strongest, String weakest, List<Loss> costliest,
                     List<Assessments.Peers> peers) {
        static ResultOut of(Assessments.Result r) {
            return new ResultOut(r.assessment().id(), r.assessment().questionnaire().code(),
                    r.assessment().questionnaire().version(), r.assessment().variant(), r.score().dimensions(), r.score().total(),
                    r.score().stage(), r.strongest(), r.weakest(), r.costliest(), r.peers());
        }
    }

    @GetMapping("/questionnaire")
    @Operation(summary = "The current questionnaire: dimensions, questions, options with points, weights, stage bands",
            description = "The bundled questionnaire is an example written by the project along the dimensions of "
                    + "GB/T 23020, not an official scheme. Its per-industry variants (questions added, removed or "
                    + "re-weighted) are listed under variants; with ?industry= the variant an enterprise of that "
                    + "industry answers is applied (variant names it). Public.")
    @ApiResponse(responseCode = "422", description = "An industry code that is not one of GB/T 4754-2017",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "200", description = "The questionnaire", content = @Content(examples = @ExampleObject(
            value = "{\"code\":\"example-gbt23020\",\"version\":1,\"title\":{\"zh\":\"两化融合自评估问卷（示例，非官方）\",\"en\":\"…\"},"
                    + "\"dimensions\":[{\"code\":\"infrastructure\",\"name\":{\"zh\":\"基础建设\",\"en\":\"Infrastructure\"},"
                    + "\"weight\":20,\"questions\":[{\"code\":\"B1\",\"kind\":\"YES_NO\",\"weight\":30}]}],"
                    + "\"stages\":[{\"stage\":\"STARTING\",\"from\":0,\"to\":40}]}")))
    Questionnaire questionnaire(
            @io.swagger.v3.oas.annotations.Parameter(description = "A GB/T 4754-2017 code (section letter or 2–4 digits): "
                    + "the questionnaire as an enterprise of that industry answers it (its variant applied)", example = "2511")
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String industry) {
        Questionnaire q = questionnaires.latest().questionnaire();
        if (industry == null || industry.isBlank()) {
            return q;
        }
        String code = industry.strip().toUpperCase(java.util.Locale.ROOT);
        if (org.yardstick.assessment.engine.Industries.section(code).isEmpty()) {
            throw new org.yardstick.shared.InvalidInputException(org.yardstick.shared.InputProblem.of("request", 0,
                    "industry", industry, org.yardstick.assessment.engine.AssessmentProblem.UNKNOWN_INDUSTRY, code));
        }
        return q.answeredBy(code);
    }

    @PostMapping(path = "/enterprise", consumes = "application/json")
    @Operation(summary = "Register the enterprise of the signed-in enterprise account (once)",
            description = "The 统一社会信用代码 is checked (GB 32100 check character); the region must be a county inside "
                    + "the account's region; industry a GB/T 4754-2017 section letter or 2–4 digit code. With employees "
                    + "(persons), revenue and totalAssets (万元) the size class is derived by the NBS 2017 rule "
                    + "(统计上大中小微型企业划分办法) where the industry's row allows, sizeClass being only the fallback "
                    + "(sizeStated true); negative figures are refused. Administrators may register for any "
                    + "organisation (organisationCode).",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")},
            requestBody = @RequestBody(content = @Content(examples = @ExampleObject(
                    value = "{\"creditCode\":\"91350100M000100Y43\",\"name\":\"示例企业\",\"regionCode\":\"650102\","
                            + "\"industryCode\":\"3985\",\"employees\":1200,\"revenue\":52000,\"totalAssets\":80000,"
                            + "\"aboveScale\":true}"))))
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "422", description = "Refused; nothing stored",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = PROBLEM)))
    ResponseEntity<Enterprise> register(@org.springframework.web.bind.annotation.RequestBody RegistrationIn r) {
        // the size class by the NBS 2017 rule where the figures allow, else as stated (marked so), as the form does
        return ResponseEntity.status(201).body(enterprises.register(new Enterprises.Registration(r.creditCode(),
                r.name(), r.regionCode(), r.industryCode(), r.sizeClass(), r.aboveScale(), r.organisationCode()),
                new Enterprises.Figures(r.employees(), r.revenue(), r.totalAssets())));
    }

    /**
     * A registration as the API takes it: the form's fields, with the size figures — 从业人员 (persons), 营业收入 and
     * 资产总额 (万元) — from which the size class is derived by the NBS 2017 rule; sizeClass is then only a fallback.
     */
    record RegistrationIn(@Nullable String creditCode, @Nullable String name, @Nullable String regionCode,
                          @Nullable String industryCode, org.yardstick.assessment.internal.@Nullable SizeClass sizeClass,
                          @Nullable Boolean aboveScale, @Nullable String organisationCode, @Nullable Long employees,
                          @Nullable BigDecimal revenue, @Nullable BigDecimal totalAssets) {}

    @GetMapping("/mine")
    @Operation(summary = "The signed-in enterprise's assessment under the current questionnaire (404 before its first answer)",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "The assessment", content = @Content(examples = @ExampleObject(
            value = "{\"id\":1,\"enterprise\":\"91350100M000100Y43\",\"questionnaire\":\"example-gbt23020\","
                    + "\"questionnaireVersion\":1,\"status\":\"DRAFT\",\"answers\":[{\"question\":\"B1\",\"value\":\"yes\","
                    + "\"unit\":null}],\"total\":null,\"stage\":null,\"returnReason\":null}")))
    ResponseEntity<AssessmentOut> mine() {
        return assessments.mine().map(v -> ResponseEntity.ok(AssessmentOut.of(v)))
                .orElse(ResponseEntity.notFound().build());
    }

    @PutMapping(path = "/answers", consumes = "application/json")
    @Operation(summary = "Save answers as a draft (given answers replace stored ones; an empty value removes one)",
            description = "Single choice: the option code; multiple choice: codes separated by commas; number: the "
                    + "number, with its unit which must be the question's; yes/no: yes or no. The answers are checked "
                    + "whole: one wrong answer refuses them all.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")},
            requestBody = @RequestBody(content = @Content(examples = @ExampleObject(
                    value = "{\"answers\":[{\"question\":\"B1\",\"value\":\"yes\"},{\"question\":\"B2\",\"value\":\"1.5\","
                            + "\"unit\":\"%\"},{\"question\":\"S1\",\"value\":\"design,production\"}]}"))))
    @ApiResponse(responseCode = "200", description = "The draft as saved")
    @ApiResponse(responseCode = "422", description = "Refused; nothing changed",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = PROBLEM)))
    AssessmentOut answers(@org.springframework.web.bind.annotation.RequestBody AnswersIn in) {
        return AssessmentOut.of(assessments.saveDraft(in.answers() == null ? List.of() : in.answers()));
    }

    @PostMapping("/submit")
    @Operation(summary = "Submit the draft: every question answered; scored and frozen under its questionnaire version",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "Submitted, with total and stage")
    @ApiResponse(responseCode = "422", description = "Unanswered questions, or not a draft",
            content = @Content(mediaType = "application/problem+json"))
    AssessmentOut submit() {
        return AssessmentOut.of(assessments.submit());
    }

    @GetMapping("/result")
    @Operation(summary = "The signed-in enterprise's result: score per dimension, total, stage, strongest and weakest "
            + "dimensions, costliest questions, position among peers by industry, by prefecture and by size class "
            + "separately (percentile, peer count, median score per dimension; each group only when it passes "
            + "disclosure control, else its verdict TOO_FEW or DOMINATED and no figures)",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "The result", content = @Content(examples = @ExampleObject(
            value = "{\"assessment\":1,\"dimensions\":{\"infrastructure\":65.000},\"total\":85.800,\"stage\":\"INNOVATION\","
                    + "\"strongest\":\"integration\",\"weakest\":\"single-application\",\"costliest\":[{\"question\":\"S1\","
                    + "\"dimension\":\"single-application\",\"points\":7.200}],\"peers\":[{\"group\":\"INDUSTRY\",\"key\":\"39\","
                    + "\"verdict\":\"PUBLISHED\",\"count\":7,\"percentile\":66.7,\"medians\":{\"infrastructure\":60.0}},"
                    + "{\"group\":\"REGION\",\"key\":\"6501\",\"regionName\":{\"zh\":\"乌鲁木齐市\",\"en\":\"Urumqi\"},"
                    + "\"verdict\":\"TOO_FEW\",\"count\":null,\"percentile\":null,\"medians\":{}}]}")))
    @ApiResponse(responseCode = "404", description = "Nothing submitted yet")
    ResponseEntity<ResultOut> result() {
        return assessments.myResult().map(r -> ResponseEntity.ok(ResultOut.of(r)))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/regions/{code}")
    @Operation(summary = "Regional figures per child region and in total: assessments, mean score, share at 集成提升 "
            + "or above, coverage of registered 规上 enterprises — under disclosure control",
            description = "Rows with fewer than 5 submitted assessments or one enterprise above 85 % of the scores are "
                    + "suppressed (verdict TOO_FEW or DOMINATED, figures null), and further rows (SECONDARY) so that the "
                    + "total minus the published rows reveals no enterprise. Planners and reviewers of the region.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "The table", content = @Content(examples = @ExampleObject(
            value = "{\"regionCode\":\"6501\",\"questionnaire\":\"example-gbt23020\",\"questionnaireVersion\":1,"
                    + "\"rows\":[{\"regionCode\":\"650102\",\"regionName\":{\"zh\":\"天山区\",\"en\":\"Tianshan\"},"
                    + "\"verdict\":\"TOO_FEW\",\"assessments\":null,\"meanScore\":null,\"shareIntegrationOrAbove\":null,"
                    + "\"coverage\":null}],\"total\":{\"regionCode\":\"6501\",\"verdict\":\"PUBLISHED\",\"assessments\":12,"
                    + "\"meanScore\":61.4,\"shareIntegrationOrAbove\":41.7,\"coverage\":80.0}}")))
    @ApiResponse(responseCode = "403", description = "Not a planner or reviewer of the region")
    RegionalFigures.Table regions(@PathVariable String code) {
        return regionalFigures.of(code);
    }

    @PostMapping(path = "/{id}/return", consumes = "application/json")
    @Operation(summary = "Return a submitted assessment to its enterprise, with a reason (the region's reviewer)",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")},
            requestBody = @RequestBody(content = @Content(examples = @ExampleObject(
                    value = "{\"reason\":\"B2: please give the spending of the last three years, not of one\"}"))))
    @ApiResponse(responseCode = "200", description = "Returned")
    @ApiResponse(responseCode = "403", description = "Not the reviewer of the enterprise's region")
    @ApiResponse(responseCode = "422", description = "No reason, or not submitted",
            content = @Content(mediaType = "application/problem+json"))
    AssessmentOut giveBack(@PathVariable long id, @org.springframework.web.bind.annotation.RequestBody ReturnIn in) {
        return AssessmentOut.of(assessments.returnToEnterprise(id, in.reason()));
    }
}
