package org.yardstick.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.assessment.engine.RegionalProblem;
import org.yardstick.assessment.internal.EnterpriseFlags;
import org.yardstick.assessment.internal.RegionalIndicators;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * The regional indicators of the self-assessment (public: only what disclosure control publishes) and the 贯标 / 示范
 * flags of an enterprise (planners and reviewers of its region).
 */
@RestController
@RequestMapping(path = "/api/v1/assessment", produces = "application/json")
@Tag(name = "assessment-regional", description = "Regional indicators computed from the submitted self-assessments, "
        + "under disclosure control; 贯标 / 示范 flags of enterprises")
class RegionalIndicatorsApi {

    private final RegionalIndicators indicators;
    private final EnterpriseFlags flags;

    RegionalIndicatorsApi(RegionalIndicators indicators, EnterpriseFlags flags) {
        this.indicators = indicators;
        this.flags = flags;
    }

    /** A year as given in a request: refused with field and value unless 2000–2100. */
    static @Nullable Integer year(@Nullable String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInputException(InputProblem.of("request", 0, "year", year, RegionalProblem.BAD_YEAR));
    }

    @GetMapping("/regional-indicators/{code}")
    @Operation(summary = "A region's self-assessment indicators and its child regions': assessments, mean score, "
            + "enterprises per stage, share at 集成提升 or above, 贯标 and 示范 enterprises, 规上 coverage",
            description = "Computed live from the submitted self-assessments of one year (the newest by default) under "
                    + "disclosure control: a region with fewer than 5 assessments or one enterprise above 85 % of the "
                    + "scores is suppressed (verdict TOO_FEW or DOMINATED, figures null), and further regions "
                    + "(SECONDARY) so that no published figure minus others reveals one enterprise; stage counts form "
                    + "a region × stage table protected as a whole. The same figures are the approved, computed "
                    + "figures of the indicators ASM_* (see /api/v1/indicators/ASM_MEAN_SCORE). Public.")
    @ApiResponse(responseCode = "200", description = "The table", content = @Content(examples = @ExampleObject(
            value = "{\"regionCode\":\"6501\",\"year\":2026,\"questionnaire\":\"example-gbt23020\",\"questionnaireVersion\":1,"
                    + "\"total\":{\"regionCode\":\"6501\",\"verdict\":\"PUBLISHED\",\"assessments\":16,\"meanScore\":62.563,"
                    + "\"shareIntegrationOrAbove\":null,\"stages\":{\"STARTING\":{\"verdict\":\"TOO_FEW\",\"value\":null}},"
                    + "\"pilot\":{\"verdict\":\"PUBLISHED\",\"value\":0},\"aboveAnswered\":8,\"aboveRegistered\":8,"
                    + "\"coverage\":100.000},\"rows\":[{\"regionCode\":\"650102\",\"verdict\":\"TOO_FEW\","
                    + "\"assessments\":null,\"meanScore\":null}],\"years\":[2026]}")))
    @ApiResponse(responseCode = "404", description = "No such region", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "A year that is not one", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = "{\"status\":422,\"problems\":"
            + "[{\"field\":\"year\",\"value\":\"20x6\",\"code\":\"assessment.regional.bad-year\","
            + "\"reason\":\"is not a year from 2000 to 2100\"}]}")))
    RegionalIndicators.Table table(@PathVariable String code, @RequestParam(required = false) @Nullable String year) {
        return indicators.table(code, year(year));
    }

    record FlagsIn(@Nullable Boolean pilot, @Nullable Boolean demonstration, @Nullable String reason) {}

    @GetMapping("/enterprises/{creditCode}/flags")
    @Operation(summary = "An enterprise's 贯标 (pilot) and 示范 (demonstration) flags, with who set them",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "The flags", content = @Content(examples = @ExampleObject(
            value = "{\"creditCode\":\"91650102MA7XXXXXX0\",\"pilot\":true,\"demonstration\":false,"
                    + "\"setBy\":\"planner\",\"setAt\":\"2026-06-01T00:00:00Z\"}")))
    @ApiResponse(responseCode = "403", description = "Not a planner or reviewer of the enterprise's region")
    EnterpriseFlags.Flags getFlags(@PathVariable String creditCode) {
        return flags.get(creditCode);
    }

    @PutMapping(path = "/enterprises/{creditCode}/flags", consumes = "application/json")
    @Operation(summary = "Set an enterprise's 贯标 (pilot) and 示范 (demonstration) flags, saying why",
            description = "Both flags and a reason are required; audited; the county's indicators follow after commit.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")},
            requestBody = @RequestBody(content = @Content(examples = @ExampleObject(
                    value = "{\"pilot\":true,\"demonstration\":false,\"reason\":\"贯标试点名单（2026）\"}"))))
    @ApiResponse(responseCode = "200", description = "The flags as stored")
    @ApiResponse(responseCode = "403", description = "Not a planner or reviewer of the enterprise's region")
    @ApiResponse(responseCode = "422", description = "A flag or the reason missing; nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    EnterpriseFlags.Flags setFlags(@PathVariable String creditCode,
                                   @org.springframework.web.bind.annotation.RequestBody FlagsIn in) {
        return flags.set(creditCode, in.pilot(), in.demonstration(), in.reason());
    }
}
