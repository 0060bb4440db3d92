package org.yardstick.security.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yardstick.region.Organisations;
import org.yardstick.security.Account;
import org.yardstick.security.Accounts;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import org.yardstick.shared.InvalidInputException;

/**
 * Account management (账号管理) for administrators: list, create, change role and scope, disable, reset
 * password — each limited to the administrator's own region by {@link Accounts}, which also lists only
 * the accounts inside it.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AccountsController {

    private final Accounts accounts;
    private final Organisations organisations;
    private final CurrentUser currentUser;

    AccountsController(Accounts accounts, Organisations organisations, CurrentUser currentUser) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.currentUser = currentUser;
    }

    /** What the form holds, also after a failed save, so that nothing typed is lost. */
    record Form(String username, String displayName, Role role, String regionCode, String organisationCode,
                boolean enabled, int version) {
        static Form of(Account a) {
            return new Form(a.username(), a.displayName(), a.role(), a.regionCode() == null ? "" : a.regionCode(),
                    a.organisationCode() == null ? "" : a.organisationCode(), a.enabled(), a.version());
        }
    }

    @GetMapping("/admin/accounts")
    String list(Model model) {
        model.addAttribute("accounts", accounts.manageable());
        return "security/accounts";
    }

    @GetMapping("/admin/accounts/new")
    String newForm(Model model) {
        return form(model, new Form("", "", Role.REPORTER, "", "", true, 0), true, List.of());
    }

    @PostMapping("/admin/accounts/new")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam Role role,
                  @RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "") String organisationCode,
                  @RequestParam String password, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            accounts.create(new NewAccount(username.strip(), displayName, password, role, blank(regionCode),
                    blank(organisationCode), false), currentUser.name());
            redirect.addFlashAttribute("done", "created");
            return "redirect:/admin/accounts/" + username.strip();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return form(model, new Form(username, displayName, role, regionCode, organisationCode, true, 0), true, e.problems());
        }
    }

    @GetMapping("/admin/accounts/{username}")
    String edit(@PathVariable String username, Model model) {
        Account account = accounts.get(username);
        if (!accounts.mayManage(account)) {
            throw new AccessDeniedException("account " + username + " is outside the administrator's scope");
        }
        return form(model, Form.of(account), false, List.of());
    }

    @PostMapping("/admin/accounts/{username}")
    String update(@PathVariable String username, @RequestParam String displayName, @RequestParam Role role,
                  @RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "") String organisationCode,
                  @RequestParam(defaultValue = "false") boolean enabled, @RequestParam int version, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            accounts.update(username, version, displayName, role, blank(regionCode), blank(organisationCode), enabled,
                    currentUser.name());
            redirect.addFlashAttribute("done", "updated");
            return "redirect:/admin/accounts/" + username;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return form(model, new Form(username, displayName, role, regionCode, organisationCode, enabled, version), false,
                    e.problems());
        }
    }

    @PostMapping("/admin/accounts/{username}/password")
    String resetPassword(@PathVariable String username, @RequestParam String password, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        try {
            accounts.resetPassword(username, password, currentUser.name());
            redirect.addFlashAttribute("done", "password");
            return "redirect:/admin/accounts/" + username;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("passwordProblems", e.problems());
            return form(model, Form.of(accounts.get(username)), false, List.of());
        }
    }

    private String form(Model model, Form form, boolean creating, List<org.yardstick.shared.InputProblem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("problems", problems);
        model.addAttribute("roles", Role.values());
        model.addAttribute("organisations", organisations.all());
        return "security/account";
    }

    private static @Nullable String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
