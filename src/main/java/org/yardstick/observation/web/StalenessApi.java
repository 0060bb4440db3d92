package org.yardstick.observation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.observation.Staleness;

/** When a data set's figures are stale (数据过时), through the API: read by anyone, set by planners and administrators. */
@RestController
@RequestMapping(path = "/api/v1/data-sets/{code}/stale-after", produces = "application/json")
@Tag(name = "data sets", description = "Data sets: when their figures count as stale")
class StalenessApi {

    private final Staleness staleness;

    StalenessApi(Staleness staleness) {
        this.staleness = staleness;
    }

    /** A data set's threshold: figures older than this many years (from today's year) are flagged stale. */
    record StaleAfter(String dataSet, int staleAfterYears) {}

    /** The new threshold and why it changes (recorded in the audit trail). */
    record Change(@Nullable Integer staleAfterYears, @Nullable String reason) {}

    @GetMapping
    @Operation(summary = "How old a data set's figures may be before they are flagged stale (2 years by default)")
    StaleAfter get(@PathVariable String code) {
        return new StaleAfter(code, staleness.years(code));
    }

    @PutMapping(consumes = "application/json")
    @Operation(summary = "Sets when a data set's figures are stale (planners and administrators; audited)",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")},
            requestBody = @RequestBody(content = @Content(examples = @ExampleObject(
                    value = "{\"staleAfterYears\": 3, \"reason\": \"县级数据按统计年鉴滞后两年发布\"}"))))
    StaleAfter set(@PathVariable String code, @org.springframework.web.bind.annotation.RequestBody Change change) {
        staleness.setYears(code, change.staleAfterYears() == null ? 0 : change.staleAfterYears(),
                change.reason() == null ? "" : change.reason());
        return new StaleAfter(code, staleness.years(code));
    }
}
