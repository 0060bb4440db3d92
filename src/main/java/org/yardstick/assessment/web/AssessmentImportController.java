package org.yardstick.assessment.web;

import java.io.IOException;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yardstick.assessment.internal.AssessmentImports;
import org.yardstick.assessment.internal.Questionnaires;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.Role;
import org.yardstick.shared.InvalidInputException;

/** The 经信委's page: download the template, upload a file of many enterprises' answers (check first, or import). */
@Controller
class AssessmentImportController {

    private final AssessmentImports imports;
    private final Questionnaires questionnaires;
    private final CurrentUser currentUser;

    AssessmentImportController(AssessmentImports imports, Questionnaires questionnaires, CurrentUser currentUser) {
        this.imports = imports;
        this.questionnaires = questionnaires;
        this.currentUser = currentUser;
    }

    private void requireImporter() {
        Role r = currentUser.account().map(a -> a.role()).orElse(null);
        if (r != Role.PLANNER && r != Role.REVIEWER && r != Role.ADMIN) {
            throw new AccessDeniedException("only planners, reviewers and administrators import assessments");
        }
    }

    @GetMapping("/assessment/imports")
    String page(Model model) {
        requireImporter();
        model.addAttribute("questionnaire", questionnaires.latest().questionnaire());
        return "assessment/imports";
    }

    @GetMapping("/assessment/imports/template")
    ResponseEntity<byte[]> template(Locale locale) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, AssessmentImportApi.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("assessment-import.xlsx").build().toString())
                .body(imports.template(locale));
    }

    @PostMapping("/assessment/imports")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
                  Model model) throws IOException {
        requireImporter();
        model.addAttribute("questionnaire", questionnaires.latest().questionnaire());
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : file.getOriginalFilename();
        try {
            model.addAttribute("outcome", imports.importFile(name, file.getBytes(), dryRun, "import"));
        } catch (InvalidInputException e) {
            model.addAttribute("importProblems", e.problems());
        }
        return "assessment/imports";
    }
}
