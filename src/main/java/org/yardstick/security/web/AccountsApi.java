package org.yardstick.security.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.security.Account;
import org.yardstick.security.Accounts;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import org.yardstick.security.internal.AccountProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Accounts for scripts: an administrator creates the planners, reporters and reviewers of their region through
 * the same {@link Accounts#create} as the page /admin/accounts (same checks, same audit), so that a fresh system
 * can be set up end to end through the API (issue 10).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "account", description = "The account a request acts as")
class AccountsApi {

    record AccountBody(@Nullable String username, @Nullable String displayName, @Nullable String password,
                       @Nullable String role, @Nullable String regionCode, @Nullable String organisationCode) {}

    record AccountView(String username, String displayName, String role, @Nullable String regionCode,
                       @Nullable String organisationCode, boolean enabled) {
        static AccountView of(Account a) {
            return new AccountView(a.username(), a.displayName(), a.role().name(), a.regionCode(), a.organisationCode(),
                    a.enabled());
        }
    }

    private final Accounts accounts;
    private final CurrentUser currentUser;

    AccountsApi(Accounts accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @GetMapping("/accounts")
    @Operation(summary = "The accounts the administrator may manage (those inside their region)",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    List<AccountView> list() {
        requireAdmin();
        return accounts.manageable().stream().map(AccountView::of).toList();
    }

    @PostMapping(path = "/accounts", consumes = "application/json")
    @Operation(summary = "Create an account (administrators, inside their own region)",
            description = "`role` is one of ADMIN, PLANNER, REPORTER, REVIEWER, DEPARTMENT, ENTERPRISE; region accounts "
                    + "name `regionCode`, department and enterprise accounts `organisationCode`. The password follows the "
                    + "rules of the account page (long, not common, not the username).",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = "{\"username\":\"xj-planner\",\"displayName\":\"自治区规划处\",\"password\":\"Panel-7#qTz-Analyse-2026\","
                            + "\"role\":\"PLANNER\",\"regionCode\":\"65\"}"))))
    @ApiResponse(responseCode = "201", description = "The account", content = @Content(examples = @ExampleObject(
            value = "{\"username\":\"xj-planner\",\"displayName\":\"自治区规划处\",\"role\":\"PLANNER\",\"regionCode\":\"65\","
                    + "\"organisationCode\":null,\"enabled\":true}")))
    @ApiResponse(responseCode = "422", description = "Username taken or malformed, weak password, unknown region or organisation, "
            + "role and scope that do not fit; nothing written", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Not an administrator, or a region outside theirs",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<AccountView> create(@RequestBody AccountBody body) {
        requireAdmin();
        Role role = null;
        List<InputProblem> problems = new ArrayList<>();
        if (body.role() == null || body.role().isBlank()) {
            problems.add(InputProblem.of("request", 0, "role", "", AccountProblem.BAD_ROLE, ROLES));
        } else {
            try {
                role = Role.valueOf(body.role().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(InputProblem.of("request", 0, "role", body.role(), AccountProblem.BAD_ROLE, ROLES));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Account a = accounts.create(new NewAccount(text(body.username()), text(body.displayName()), text(body.password()), role,
                blank(body.regionCode()), blank(body.organisationCode()), false), currentUser.name());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + a.username())).body(AccountView.of(a));
    }

    private static final String ROLES = java.util.Arrays.stream(Role.values()).map(Role::name)
            .collect(java.util.stream.Collectors.joining(", "));

    private void requireAdmin() {
        if (currentUser.account().map(a -> a.role() != Role.ADMIN).orElse(true)) {
            throw new AccessDeniedException("only administrators manage accounts");
        }
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
