package org.yardstick.security.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;

/** Who a program is, as the platform sees it: the account its token or password stands for, and its scope. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "account", description = "The account a request acts as")
@SecuritySchemes({
    @SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "ys_…",
            description = "A personal access token, created on the account page (/account); shown once."),
    @SecurityScheme(name = "password", type = SecuritySchemeType.HTTP, scheme = "basic",
            description = "The account's username and password; wrong passwords are throttled as on the login page.")
})
class MeApi {

    private final CurrentUser currentUser;

    MeApi(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /**
     * The account and its scope.
     *
     * @param role {@code ADMIN}, {@code PLANNER}, {@code REPORTER}, {@code REVIEWER}, {@code DEPARTMENT} or {@code ENTERPRISE}
     * @param regionCode the region whose subtree the account acts in (for organisation accounts, the organisation's region)
     * @param organisationCode the organisation, for department and enterprise accounts
     */
    record Me(String username, String displayName, String role, @Nullable String regionCode,
              @Nullable String organisationCode) {}

    @GetMapping("/me")
    @Operation(summary = "The account this request acts as, with its role and scope",
            description = "Authenticate with `Authorization: Bearer ys_…` (a personal access token) or HTTP Basic. "
                    + "A token acts exactly as its account, with the account's current role and scope.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    value = "{\"username\":\"reporter\",\"displayName\":\"天山区填报人\",\"role\":\"REPORTER\","
                            + "\"regionCode\":\"650102\",\"organisationCode\":null}")))
    @ApiResponse(responseCode = "401", description = "No credentials, or wrong, revoked or expired ones",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(
                    value = "{\"type\":\"urn:yardstick:unauthorized\",\"title\":\"Not authenticated\",\"status\":401,"
                            + "\"detail\":\"Authorization header: the token is unknown or was revoked.\","
                            + "\"problems\":[{\"field\":\"Authorization\",\"code\":\"token-invalid\","
                            + "\"reason\":\"Authorization header: the token is unknown or was revoked.\"}]}")))
    @ApiResponse(responseCode = "429", description = "Too many wrong passwords (Basic); see Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    Me me() {
        Account a = currentUser.account().orElseThrow(() -> new AccessDeniedException("no account"));
        return new Me(a.username(), a.displayName(), a.role().name(), a.regionCode(), a.organisationCode());
    }
}
