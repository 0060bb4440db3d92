package org.yardstick.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.assessment.internal.Questionnaires;

/** The questionnaire versions: listed (with how many assessments each scored), read, and a new one uploaded. */
@RestController
@RequestMapping(path = "/api/v1/assessment/questionnaires")
@Tag(name = "assessment", description = "Enterprise 两化融合 self-assessment: questionnaire, answers, submission, result")
class QuestionnaireApi {

    private static final String LISTED = "[{\"id\":2,\"code\":\"example-gbt23020\",\"version\":2,\"createdBy\":\"planner\","
            + "\"createdAt\":\"2026-06-01T08:00:00Z\",\"assessments\":0,\"submitted\":0},{\"id\":1,\"code\":"
            + "\"example-gbt23020\",\"version\":1,\"createdBy\":\"system\",\"createdAt\":\"2026-05-01T08:00:00Z\","
            + "\"assessments\":31,\"submitted\":30}]";
    private static final String PROBLEM = "{\"type\":\"urn:yardstick:invalid-input\",\"title\":\"Invalid input\","
            + "\"status\":422,\"problems\":[{\"source\":\"questionnaire.yaml\",\"line\":9,\"field\":\"weight\","
            + "\"value\":\"90\",\"code\":\"assessment.weights-sum\",\"reason\":\"weights add up to 90, not 100\"}]}";

    private final Questionnaires questionnaires;

    QuestionnaireApi(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    /** A version as uploaded. */
    record Installed(long id, String code, int version, boolean dryRun) {}

    @GetMapping(produces = "application/json")
    @Operation(summary = "Every questionnaire version, newest first, with the assessments made and submitted under it",
            description = "An assessment is scored under the version it was answered in, forever. Public.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = LISTED)))
    List<Questionnaires.Listed> versions() {
        questionnaires.latest(); // installs the example when none is stored
        return questionnaires.versions();
    }

    @GetMapping(path = "/{id}/file", produces = "text/yaml")
    @Operation(summary = "The file of a questionnaire version, as uploaded (YAML). Public.")
    String file(@PathVariable long id) {
        return questionnaires.yaml(id);
    }

    @PostMapping(consumes = {"text/yaml", "application/yaml", "application/x-yaml", "text/plain"},
            produces = "application/json")
    @Operation(summary = "Upload a new questionnaire version (planners, administrators)",
            description = "The YAML file of docs/assessment.md, checked whole: dimension weights and each dimension's "
                    + "question weights add up to 100, points 0–100, the four stages in order from 0 to 100 without "
                    + "overlap or gap, the version above every stored one of its code. Refused with line, field and "
                    + "reason (422). Old assessments keep the version they were scored under. `dryRun=true` checks "
                    + "only.", security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "basic")},
            responses = {@ApiResponse(responseCode = "201"),
                    @ApiResponse(responseCode = "422", content = @Content(mediaType = "application/problem+json",
                            examples = @ExampleObject(value = PROBLEM)))})
    ResponseEntity<Installed> upload(@RequestBody String yaml,
                                     @Parameter(description = "check only, store nothing")
                                     @RequestParam(defaultValue = "false") boolean dryRun) {
        var v = questionnaires.upload("questionnaire.yaml", yaml, dryRun, "api");
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new Installed(v.id(), v.questionnaire().code(), v.questionnaire().version(), dryRun));
    }
}
