package org.yardstick.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yardstick.assessment.engine.Answer;
import org.yardstick.assessment.engine.QuestionKind;
import org.yardstick.assessment.engine.Questionnaire;
import org.yardstick.assessment.internal.Assessments;
import org.yardstick.assessment.internal.Enterprises;
import org.yardstick.assessment.internal.Questionnaires;
import org.yardstick.assessment.internal.SizeClass;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.Role;
import org.yardstick.shared.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The enterprise's pages: registration (once), the questionnaire (save a draft, resume, submit) and the
 * result. Answers are posted as {@code q.<question code>} (several values for multiple choice).
 */
@Controller
class AssessmentController {

    private final Questionnaires questionnaires;
    private final Enterprises enterprises;
    private final Assessments assessments;
    private final CurrentUser currentUser;
    private final DiagnosisPdf diagnosisPdf;
    private final MessageSource messages;
    private final JsonMapper json;

    AssessmentController(Questionnaires questionnaires, Enterprises enterprises, Assessments assessments,
                         CurrentUser currentUser, DiagnosisPdf diagnosisPdf, MessageSource messages, JsonMapper json) {
        this.diagnosisPdf = diagnosisPdf;
        this.messages = messages;
        this.json = json;
        this.questionnaires = questionnaires;
        this.enterprises = enterprises;
        this.assessments = assessments;
        this.currentUser = currentUser;
    }

    private void requireEnterprise() {
        if (currentUser.account().map(a -> a.role() != Role.ENTERPRISE).orElse(true)) {
            throw new AccessDeniedException("only enterprise accounts answer questionnaires");
        }
    }

    @GetMapping("/assessment")
    String questionnaire(Model model) {
        requireEnterprise();
        var enterprise = enterprises.mine();
        // the variant of the enterprise's industry, where the questionnaire has one
        Questionnaire q = enterprise.map(e -> questionnaires.latest().questionnaire().answeredBy(e.industryCode()))
                .orElseGet(() -> questionnaires.latest().questionnaire());
        model.addAttribute("questionnaire", q);
        model.addAttribute("variantName", enterprise.flatMap(e -> questionnaires.latest().questionnaire()
                .variantFor(e.industryCode())).map(Questionnaire.Variant::name).orElse(null));
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("enterprise", enterprise.orElse(null));
        if (enterprise.isEmpty()) {
            model.addAttribute("sizes", SizeClass.values());
            if (!model.containsAttribute("registration")) {
                model.addAttribute("registration", new Enterprises.Registration(null, null, null, null, null, null, null));
            }
            return "assessment/register";
        }
        var view = assessments.mine();
        model.addAttribute("assessment", view.orElse(null));
        if (!model.containsAttribute("answers")) {
            Map<String, String> answers = new java.util.HashMap<>();
            view.ifPresent(v -> v.answers().forEach((k, a) -> answers.put(k, a.value())));
            model.addAttribute("answers", answers);
        }
        return "assessment/questionnaire";
    }

    @PostMapping("/assessment/register")
    String register(Enterprises.Registration registration,
                    @RequestParam(required = false) @org.jspecify.annotations.Nullable Long employees,
                    @RequestParam(required = false) java.math.@org.jspecify.annotations.Nullable BigDecimal revenue,
                    @RequestParam(required = false) java.math.@org.jspecify.annotations.Nullable BigDecimal totalAssets,
                    RedirectAttributes redirect) {
        requireEnterprise();
        try {
            // the size class by the NBS 2017 rule where the figures allow, else as chosen (marked as stated)
            enterprises.register(new Enterprises.Registration(registration.creditCode(), registration.name(),
                    registration.regionCode(), registration.industryCode(), registration.sizeClass(),
                    registration.aboveScale(), null), new Enterprises.Figures(employees, revenue, totalAssets));
            redirect.addFlashAttribute("done", "registered");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("registration", registration);
        }
        return "redirect:/assessment";
    }

    @PostMapping("/assessment")
    String save(@RequestParam MultiValueMap<String, String> form, @RequestParam(defaultValue = "save") String action,
                RedirectAttributes redirect) {
        requireEnterprise();
        Questionnaire q = enterprises.mine().map(e -> questionnaires.latest().questionnaire().answeredBy(e.industryCode()))
                .orElseGet(() -> questionnaires.latest().questionnaire());
        List<Answer> answers = new ArrayList<>();
        Map<String, String> echo = new java.util.HashMap<>();
        for (Questionnaire.Question question : q.questions()) {
            List<String> values = form.getOrDefault("q." + question.code(), List.of());
            String value = String.join(",", values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
            answers.add(new Answer(question.code(), value, null));
            echo.put(question.code(), value);
        }
        try {
            assessments.saveDraft(answers);
            if (action.equals("submit")) {
                assessments.submit();
                return "redirect:/assessment/result";
            }
            redirect.addFlashAttribute("done", "saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("answers", echo);
        }
        return "redirect:/assessment";
    }

    /** The diagnosis report as PDF, in the page's language. */
    @GetMapping("/assessment/result.pdf")
    org.springframework.http.ResponseEntity<byte[]> resultPdf(java.util.Locale locale) {
        requireEnterprise();
        if (enterprises.mine().isEmpty()) {
            return org.springframework.http.ResponseEntity.status(org.springframework.http.HttpStatus.SEE_OTHER)
                    .location(java.net.URI.create("/assessment")).build();
        }
        return diagnosisPdf.response(assessments.myResult().orElseThrow(
                () -> new org.yardstick.shared.NotFoundException("result", "mine")), locale);
    }

    @GetMapping("/assessment/result")
    String result(Model model, Locale locale) {
        requireEnterprise();
        if (enterprises.mine().isEmpty()) {
            return "redirect:/assessment"; // nothing to show before the enterprise is registered
        }
        var result = assessments.myResult();
        if (result.isEmpty()) {
            return "redirect:/assessment";
        }
        model.addAttribute("result", result.get());
        model.addAttribute("questionnaire", result.get().assessment().questionnaire());
        model.addAttribute("radar", json.writeValueAsString(radar(result.get(), locale)));
        return "assessment/result";
    }

    /**
     * The radar chart's data: the dimensions (0–100), the enterprise's scores, and the median of each peer group
     * whose every dimension median is published (the table under the chart carries the same figures, withheld
     * cells included).
     */
    private Map<String, Object> radar(Assessments.Result r, Locale locale) {
        Questionnaire q = r.assessment().questionnaire();
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(Map.of("name", messages.getMessage("asm.peers.yours", null, locale),
                "values", q.dimensions().stream().map(d -> r.score().dimensions().get(d.code())).toList()));
        for (Assessments.Peers p : r.peers()) {
            if (p.suppressed() || p.medians().containsValue(null)) {
                continue;
            }
            String label = switch (p.group()) {
                case REGION -> p.regionName() == null ? p.key() : p.regionName().in(locale);
                case SIZE -> messages.getMessage("asm.size." + p.key(), null, locale);
                case INDUSTRY -> p.key();
            };
            String group = messages.getMessage("asm.peers.group." + p.group().name(), new Object[] {label}, locale);
            series.add(Map.of("name", messages.getMessage("asm.peers.median", new Object[] {group}, locale),
                    "values", q.dimensions().stream().map(d -> p.medians().get(d.code())).toList()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("indicators", q.dimensions().stream().map(d -> Map.of("name", d.name().in(locale), "max", 100)).toList());
        chart.put("series", series);
        return chart;
    }
}
