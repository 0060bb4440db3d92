package org.yardstick.assessment.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yardstick.assessment.internal.Questionnaires;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InvalidInputException;

/** The planners' page of questionnaire versions: the list, and the upload of a new version's file. */
@Controller
class QuestionnaireController {

    private final Questionnaires questionnaires;
    private final CurrentUser currentUser;

    QuestionnaireController(Questionnaires questionnaires, CurrentUser currentUser) {
        this.questionnaires = questionnaires;
        this.currentUser = currentUser;
    }

    @GetMapping("/assessment/questionnaires")
    String list(Model model) {
        currentUser.requirePlan();
        questionnaires.latest();
        model.addAttribute("versions", questionnaires.versions());
        return "assessment/questionnaires";
    }

    @PostMapping("/assessment/questionnaires")
    String upload(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        currentUser.requirePlan();
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "questionnaire.yaml" : file.getOriginalFilename();
        try {
            var v = questionnaires.upload(name, new String(file.getBytes(), StandardCharsets.UTF_8), false, null);
            redirect.addFlashAttribute("installed", v.questionnaire().code() + " v" + v.questionnaire().version());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("uploadProblems", e.problems());
        }
        return "redirect:/assessment/questionnaires";
    }
}
