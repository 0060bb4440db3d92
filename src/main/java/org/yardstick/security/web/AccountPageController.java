package org.yardstick.security.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yardstick.region.Organisations;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.internal.ApiTokens;
import org.yardstick.security.internal.TokenProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * My account (我的账号): who I am, my role and scope, and my personal access tokens — create (the
 * token is shown on the answer to the creation and never again), list (by prefix), revoke.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class AccountPageController {

    private final ApiTokens tokens;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final Regions regions;
    private final Organisations organisations;

    AccountPageController(ApiTokens tokens, CurrentUser currentUser, Clock clock, Regions regions, Organisations organisations) {
        this.regions = regions;
        this.organisations = organisations;
        this.tokens = tokens;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/account")
    String page(Model model) {
        return page(model, "", "", List.of());
    }

    @PostMapping("/account/tokens")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String expiresOn,
                  Model model, HttpServletResponse response) {
        try {
            LocalDate expiry;
            try {
                expiry = expiresOn.isBlank() ? null : LocalDate.parse(expiresOn.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(InputProblem.of("token", 0, "expiresOn", expiresOn, TokenProblem.BAD_EXPIRY));
            }
            model.addAttribute("created", tokens.create(name, expiry));
            response.setHeader("Cache-Control", "no-store");
            return page(model, "", "", List.of());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return page(model, name, expiresOn, e.problems());
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("done", "revoked");
        return "redirect:/account";
    }

    private String page(Model model, String name, String expiresOn, List<InputProblem> problems) {
        var me = currentUser.account().orElseThrow();
        model.addAttribute("me", me);
        // the account's place by name, the code beside it
        model.addAttribute("place", me.organisationCode() != null
                ? organisations.find(me.organisationCode()).map(o -> o.name()).orElse(null)
                : me.regionCode() != null ? regions.find(me.regionCode()).map(r -> r.name()).orElse(null) : null);
        model.addAttribute("tokens", tokens.mine());
        model.addAttribute("now", clock.instant());
        model.addAttribute("name", name);
        model.addAttribute("expiresOn", expiresOn);
        model.addAttribute("problems", problems);
        return "security/my-account";
    }
}
