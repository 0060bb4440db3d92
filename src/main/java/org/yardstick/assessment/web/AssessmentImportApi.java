package org.yardstick.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yardstick.assessment.internal.AssessmentImports;

/** Bulk import of many enterprises' answers for a region's 经信委 (planners, reviewers, administrators). */
@RestController
@RequestMapping(path = "/api/v1/assessment/imports")
@Tag(name = "assessment", description = "Enterprise 两化融合 self-assessment: questionnaire, answers, submission, result")
class AssessmentImportApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String OUTCOME = "{\"dryRun\":true,\"questionnaire\":\"example-gbt23020\",\"version\":1,"
            + "\"registered\":1,\"submitted\":1,\"lines\":[{\"line\":4,\"creditCode\":\"91350100M000100Y43\","
            + "\"name\":\"某某机械有限公司\",\"newEnterprise\":true,\"sizeClass\":\"SMALL\",\"sizeStated\":false,"
            + "\"total\":52.400,\"stage\":\"INTEGRATION\"}]}";
    private static final String PROBLEM = "{\"type\":\"urn:yardstick:invalid-input\",\"title\":\"Invalid input\","
            + "\"status\":422,\"problems\":[{\"source\":\"answers.xlsx\",\"line\":5,\"field\":\"county\","
            + "\"value\":\"650202\",\"code\":\"assessment.outside-region\","
            + "\"reason\":\"is outside your region 6501: you may only import enterprises of your own region\"}]}";

    private final AssessmentImports imports;

    AssessmentImportApi(AssessmentImports imports) {
        this.imports = imports;
    }

    @GetMapping(path = "/template", produces = XLSX)
    @Operation(summary = "The Excel template of the newest questionnaire version",
            description = "Row 1 names the questionnaire and its version, row 2 the column codes (enterprise fields, "
                    + "then one column per question), row 3 their labels in the request's language; one row per "
                    + "enterprise follows.", security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "basic")})
    ResponseEntity<byte[]> template(Locale locale) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("assessment-import.xlsx").build().toString())
                .body(imports.template(locale));
    }

    @PostMapping(consumes = "multipart/form-data", produces = "application/json")
    @Operation(summary = "Import many enterprises' answers (Excel .xlsx or CSV), all or nothing",
            description = "New enterprises are registered (size class by the NBS 2017 rule where employees, revenue "
                    + "and, where the rule asks, total assets are given; else as stated), every row's assessment is "
                    + "submitted and scored under the file's questionnaire version. Enterprises must lie in the "
                    + "importer's region. Any problem refuses the whole file (422, every problem with line, field, "
                    + "value, reason). `dryRun=true` checks and scores without storing.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "basic")},
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = OUTCOME))),
                    @ApiResponse(responseCode = "422", content = @Content(mediaType = "application/problem+json",
                            examples = @ExampleObject(value = PROBLEM)))})
    AssessmentImports.Outcome upload(@RequestParam("file") MultipartFile file,
                                     @Parameter(description = "check and score, store nothing")
                                     @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : file.getOriginalFilename();
        return imports.importFile(name, file.getBytes(), dryRun, "api");
    }

    @PostMapping(consumes = {"text/csv", XLSX, "application/octet-stream"}, produces = "application/json")
    @Operation(summary = "Import many enterprises' answers sent as the body (text/csv or .xlsx)",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "basic")})
    AssessmentImports.Outcome body(@RequestBody byte[] body,
                                   @Parameter(description = "check and score, store nothing")
                                   @RequestParam(defaultValue = "false") boolean dryRun) {
        return imports.importFile("body", body, dryRun, "api");
    }
}
