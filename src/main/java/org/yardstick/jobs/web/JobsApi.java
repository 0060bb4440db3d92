package org.yardstick.jobs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.jobs.Job;
import org.yardstick.jobs.Jobs;
import org.yardstick.shared.NotFoundException;

/** Long work's state, as the {@code 202} answers of imports point to it. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "jobs", description = "Long-running work (division imports): state, progress, result, problems")
class JobsApi {

    private final Jobs jobs;

    JobsApi(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "A job's state, progress (done of total in its phase), result and problems",
            description = "Read by the account that started it and by administrators; anyone else gets 404. "
                    + "Poll until `state` is `SUCCEEDED` or `FAILED`. A failed job's `message` and each problem's `reason` "
                    + "are in the language of `Accept-Language` (or `?lang=`); `code` and `args` stay as stored.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "The job", content = @Content(mediaType = "application/json",
            examples = {
                @ExampleObject(name = "running", value = "{\"id\":\"0b6c…\",\"kind\":\"divisions-import\",\"owner\":\"admin\","
                        + "\"state\":\"RUNNING\",\"phase\":\"write\",\"done\":310000,\"total\":620573,\"percent\":49,"
                        + "\"result\":{},\"message\":\"\",\"problems\":[]}"),
                @ExampleObject(name = "refused", value = "{\"id\":\"0b6c…\",\"kind\":\"divisions-import\",\"owner\":\"admin\","
                        + "\"state\":\"FAILED\",\"phase\":\"validate\",\"done\":5000,\"total\":0,\"percent\":0,\"result\":{},"
                        + "\"message\":\"1 problem(s); nothing written\",\"problems\":[{\"source\":\"villages.csv.gz\",\"line\":7,"
                        + "\"field\":\"code\",\"value\":\"11010100100\",\"code\":\"region.division-code\","
                        + "\"reason\":\"must be 12 digits for a VILLAGE\"}]}")}))
    @ApiResponse(responseCode = "404", description = "No such job, or not yours", content = @Content(mediaType = "application/problem+json"))
    Job.View job(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean known = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        Job job = jobs.find(id).filter(j -> known && (j.owner().equals(auth.getName())
                        || auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))))
                .orElseThrow(() -> new NotFoundException("job", id));
        return jobs.inLanguage(job, org.yardstick.web.ApiLocale.of(request)).view();
    }
}
