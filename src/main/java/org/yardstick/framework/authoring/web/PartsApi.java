package org.yardstick.framework.authoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.framework.Change;
import org.yardstick.framework.authoring.Decomposition;
import org.yardstick.framework.authoring.Part;
import org.yardstick.framework.authoring.PartCommand;
import org.yardstick.framework.authoring.PartsCheck;
import org.yardstick.framework.internal.TargetCommand;

/**
 * A target's parts (分解落实) through the API: read them, and split a target among sub-regions or assign it
 * to departments, with the same checks, scope and audit as the form; {@code dryRun=true} answers what would
 * be created and writes nothing.
 */
@RestController
@RequestMapping(path = "/api/v1/plans/{plan}/targets/{target}/parts", produces = "application/json")
@Tag(name = "target decomposition", description = "Targets split among sub-regions or assigned to departments (分解落实)")
class PartsApi {

    private final Decomposition decomposition;
    private final MessageSource messages;

    PartsApi(Decomposition decomposition, MessageSource messages) {
        this.decomposition = decomposition;
        this.messages = messages;
    }

    /**
     * One part as it is stored.
     *
     * @param share the share of the whole in percent, when given as one
     * @param organisation the department, for a part assigned to one
     */
    record PartView(String code, String region, @Nullable String organisation, @Nullable BigDecimal value,
                    @Nullable BigDecimal valueHigh, @Nullable BigDecimal share, String kind, int targetYear) {

        static PartView of(Part p) {
            return new PartView(p.target().code(), p.target().regionCode(), p.organisationCode(), strip(p.target().value()),
                    strip(p.target().valueHigh()), p.share(), p.target().kind().name(), p.target().targetYear());
        }
    }

    /** One part to create: a sub-region or a department, and a value or a share of the whole in percent. */
    record PartRequest(@Nullable String code, @Nullable String region, @Nullable String organisation,
                       @Nullable BigDecimal value, @Nullable BigDecimal valueHigh, @Nullable BigDecimal share) {}

    /** What the rule of the indicator says about the parts; {@code warning}: they do not match the whole. */
    record NoteView(String code, String text, boolean warning) {}

    record PartsResult(boolean dryRun, List<PartView> parts, @Nullable String rule, @Nullable BigDecimal total,
                       @Nullable BigDecimal whole, List<NoteView> notes) {}

    @GetMapping
    @Operation(summary = "The parts of a target in force",
            description = "Each part is a target of its own (its region, its progress under /api/v1/plans/{plan}).")
    @ApiResponse(responseCode = "200", description = "The parts", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = "[{\"code\":\"T1-4501\",\"region\":\"4501\",\"organisation\":null,\"value\":60,"
                    + "\"valueHigh\":null,\"share\":60,\"kind\":\"AT_LEAST\",\"targetYear\":2025}]")))
    List<PartView> parts(@PathVariable String plan, @PathVariable String target) {
        return decomposition.parts(plan, target).stream().map(PartView::of).toList();
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Split a target among sub-regions (by value or share) or assign it to departments",
            description = "All parts or none. Each part names a region strictly below the whole's region or an "
                    + "organisation, and a value or a share (percent) of the whole; the parts are checked by the "
                    + "indicator's aggregation rule: for a sum, parts that add up to more than the whole are refused "
                    + "unless confirm=true, parts that fall short are answered with a warning note; for a mean the "
                    + "plain mean is compared; a ratio or an index is stated and not checked. A planner of the plan's "
                    + "region or above, or an admin.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = "[{\"region\":\"4501\",\"share\":60},{\"region\":\"4502\",\"value\":40}]")))
    @ApiResponse(responseCode = "201", description = "Parts created (200 with dryRun=true: what would be created)",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = "{\"dryRun\":false,"
                    + "\"parts\":[{\"code\":\"T1-4501\",\"region\":\"4501\",\"organisation\":null,\"value\":60,\"valueHigh\":null,"
                    + "\"share\":60,\"kind\":\"AT_LEAST\",\"targetYear\":2025}],\"rule\":\"SUM\",\"total\":100,\"whole\":100,"
                    + "\"notes\":[{\"code\":\"decomposition.note.sum-ok\",\"text\":\"The parts add up to the whole: 100.\","
                    + "\"warning\":false}]}")))
    @ApiResponse(responseCode = "422", description = "Refused whole: every problem with field, value and reason",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = "{\"type\":"
                    + "\"urn:yardstick:invalid-input\",\"status\":422,\"detail\":\"1 problem(s) in input\",\"problems\":[{"
                    + "\"source\":\"plan P target T1 parts\",\"line\":0,\"field\":\"parts[1].region\",\"value\":\"15\","
                    + "\"code\":\"decomposition.not-below\",\"reason\":\"is not a region below the whole's region (45)\"}]}")))
    @ApiResponse(responseCode = "403", description = "Outside the account's scope")
    ResponseEntity<PartsResult> decompose(
            @PathVariable String plan, @PathVariable String target, @RequestBody List<PartRequest> parts,
            @Parameter(description = "answer what would be created and write nothing") @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "go ahead although the parts of a sum exceed the whole") @RequestParam(defaultValue = "false") boolean confirm,
            @Parameter(description = "why, recorded in the audit trail") @RequestParam(defaultValue = "") String reason) {
        List<PartCommand> commands = parts.stream().map(p -> new PartCommand(p.code(), p.region(), p.organisation(), p.value(),
                p.valueHigh(), p.share())).toList();
        PartsCheck check = decomposition.decompose(plan, target, commands, confirm, Change.api(reason), dryRun);
        List<PartView> views = new java.util.ArrayList<>();
        for (int i = 0; i < check.parts().size(); i++) {
            TargetCommand c = check.parts().get(i);
            PartRequest r = parts.get(i);
            views.add(new PartView(c.code(), c.regionCode(), r.organisation() == null || r.organisation().isBlank() ? null
                    : r.organisation().strip(), strip(c.value()), strip(c.valueHigh()), r.share(), c.kind().name(), c.targetYear()));
        }
        List<NoteView> notes = check.notes().stream().map(n -> new NoteView(n.key(),
                messages.getMessage(n.key(), n.args().toArray(), n.key(), LocaleContextHolder.getLocale()), n.warning())).toList();
        PartsResult result = new PartsResult(dryRun, views, check.rule() == null ? null : check.rule().name(), check.total(),
                strip(check.whole()), notes);
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    private static @Nullable BigDecimal strip(@Nullable BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
    }
}
