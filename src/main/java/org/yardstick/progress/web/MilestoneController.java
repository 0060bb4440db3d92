package org.yardstick.progress.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.framework.Targets;
import org.yardstick.progress.Progress;
import org.yardstick.progress.internal.MilestoneJudgements;
import org.yardstick.progress.rules.Verdict;
import org.yardstick.region.Regions;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;

/**
 * A plan's target on a page of its own. A milestone (基本建成…) has no figures, so its page is where
 * planners judge it for a year, with why, and where anyone reads its status and the history of its
 * judgements; a target with an indicator goes to that indicator's progress page.
 */
@Controller
class MilestoneController {

    private final Plans plans;
    private final Targets targets;
    private final Progress progress;
    private final MilestoneJudgements judgements;
    private final Regions regions;

    MilestoneController(Plans plans, Targets targets, Progress progress, MilestoneJudgements judgements,
                        Regions regions) {
        this.plans = plans;
        this.targets = targets;
        this.progress = progress;
        this.judgements = judgements;
        this.regions = regions;
    }

    @GetMapping("/plans/{plan}/targets/{code}")
    String target(@PathVariable String plan, @PathVariable String code, Model model) {
        Plan p = plans.get(plan);
        Target t = target(p, code);
        if (t.kind() != TargetKind.MILESTONE && t.indicatorCode() != null) {
            return "redirect:" + UriComponentsBuilder.fromPath("/indicators/{i}/progress").queryParam("target", t.id())
                    .buildAndExpand(t.indicatorCode()).encode().toUriString();
        }
        return page(p, t, model, "", String.valueOf(judgements.years(p, t)[1]), "");
    }

    @PostMapping("/plans/{plan}/targets/{code}/judgements")
    @PreAuthorize("@currentUser.mayPlan()")
    String judge(@PathVariable String plan, @PathVariable String code,
                 @RequestParam(required = false) @Nullable String verdict,
                 @RequestParam(required = false) @Nullable String year,
                 @RequestParam(required = false) @Nullable String note, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        Plan p = plans.get(plan);
        Target t = target(p, code);
        try {
            judgements.judge(p, t, verdict, year, note);
            redirect.addFlashAttribute("judged", true);
            return "redirect:" + UriComponentsBuilder.fromPath("/plans/{p}/targets/{t}").buildAndExpand(p.code(), t.code())
                    .encode().toUriString();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", e.problems());
            return page(p, t, model, verdict == null ? "" : verdict, year == null ? "" : year, note == null ? "" : note);
        }
    }

    private Target target(Plan p, String code) {
        return targets.find(p.id(), code).orElseThrow(() -> new NotFoundException("target", code));
    }

    private String page(Plan p, Target t, Model model, String verdict, String year, String note) {
        model.addAttribute("plan", p);
        model.addAttribute("target", t);
        model.addAttribute("region", regions.find(t.regionCode()).orElse(null));
        model.addAttribute("progress", progress.assess(t));
        model.addAttribute("history", judgements.history(t.id()));
        model.addAttribute("mayJudge", t.kind() == TargetKind.MILESTONE && judgements.mayJudge(t));
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("years", judgements.years(p, t));
        model.addAttribute("maxNote", MilestoneJudgements.MAX_NOTE);
        model.addAttribute("form", new Form(verdict, year, note));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "progress/target";
    }

    /** What the form shows: empty, or what was entered when it was refused. */
    record Form(String verdict, String year, String note) {}
}
