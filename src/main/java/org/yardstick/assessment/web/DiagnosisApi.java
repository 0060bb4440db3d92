package org.yardstick.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.assessment.internal.Assessments;
import org.yardstick.shared.NotFoundException;

/** The diagnosis report as PDF, in the language asked for (Accept-Language or ?lang=). */
@RestController
@RequestMapping(path = "/api/v1/assessment")
@Tag(name = "assessment", description = "Enterprise 两化融合 self-assessment: questionnaire, answers, submission, result")
class DiagnosisApi {

    private final Assessments assessments;
    private final DiagnosisPdf pdf;

    DiagnosisApi(Assessments assessments, DiagnosisPdf pdf) {
        this.assessments = assessments;
        this.pdf = pdf;
    }

    @GetMapping(path = "/result.pdf", produces = "application/pdf")
    @Operation(summary = "The signed-in enterprise's diagnosis report (PDF)",
            description = "Total and stage, score per dimension (as bars), strongest and weakest dimensions, the "
                    + "questions that cost most points, the position among peers where disclosure control allows.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "basic")})
    ResponseEntity<byte[]> mine(Locale locale) {
        return pdf.response(assessments.myResult().orElseThrow(() -> new NotFoundException("result", "mine")), locale);
    }

    @GetMapping(path = "/{id}/diagnosis.pdf", produces = "application/pdf")
    @Operation(summary = "An assessment's diagnosis report (PDF): its enterprise, the reviewer of its region, administrators",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "basic")})
    ResponseEntity<byte[]> one(@PathVariable long id, Locale locale) {
        return pdf.response(assessments.result(id), locale);
    }
}
