package org.yardstick.assessment.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yardstick.assessment.internal.EnterpriseFlags;
import org.yardstick.shared.InvalidInputException;

/**
 * The 贯标 / 示范 flags form of the region's planners and reviewers (administrators: every enterprise): one row per
 * registered enterprise with both flags and the reason for a change; audited through {@link EnterpriseFlags}.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLANNER', 'REVIEWER')")
class EnterpriseFlagsController {

    static final int LIMIT = 500;

    private final EnterpriseFlags flags;

    EnterpriseFlagsController(EnterpriseFlags flags) {
        this.flags = flags;
    }

    @GetMapping("/assessment/enterprises")
    String page(Model model) {
        var listed = flags.inScope(LIMIT + 1);
        model.addAttribute("enterprises", listed.size() > LIMIT ? listed.subList(0, LIMIT) : listed);
        model.addAttribute("more", listed.size() > LIMIT);
        model.addAttribute("limit", LIMIT);
        return "assessment/flags";
    }

    @PostMapping("/assessment/enterprises/{creditCode}/flags")
    String set(@PathVariable String creditCode, @RequestParam(required = false) @Nullable String pilot,
               @RequestParam(required = false) @Nullable String demonstration,
               @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        // a checkbox sends a value only when ticked: unticked is false, never missing
        try {
            flags.set(creditCode, pilot != null, demonstration != null, reason);
            redirect.addFlashAttribute("done", creditCode);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("failed", creditCode);
        }
        return "redirect:/assessment/enterprises";
    }
}
