package org.yardstick.observation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.observation.Submission;
import org.yardstick.observation.Submissions;
import org.yardstick.observation.internal.BulkReview;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.web.ProblemText;

/**
 * The approval workflow through the API (审核接口): submit, approve, return and reopen one
 * submission, or every submission a filter matches (data set, period, region and its subtree) —
 * with the same checks as the review pages (scope, status, four eyes, version).
 */
@RestController
@RequestMapping(path = "/api/v1/submissions", produces = "application/json")
@Tag(name = "collection", description = "Data sets, figures and the approval workflow (数据采集与审核)")
class SubmissionApi extends ApiSupport {

    static final String BULK_EXAMPLE = """
            {"action":"approve","dryRun":false,"allOrNothing":false,"rolledBack":false,"matched":3,"already":0,"done":2,
             "doneIds":[101,102],"refusedCount":1,"refused":[{"id":103,"dataSet":"xj-county-info","region":"650102",
             "period":"2025","status":"SUBMITTED","problems":[{"source":"xj-county-info/650102/2025","row":0,
             "field":"reviewer","value":"reviewer-xj","code":"collection.self-approval","reason":"cannot be approved by reviewer-xj: reviewer-xj entered or submitted figures of it (four eyes); another reviewer must approve it"}]}]}""";

    static final String ONE_EXAMPLE = """
            {"id":101,"dataSet":"xj-county-info","region":"650102","period":"2025","status":"APPROVED",
             "submittedBy":"reporter","submittedAt":"2026-05-30T08:00:00Z","reviewedBy":"reviewer-xj",
             "reviewedAt":"2026-06-01T09:00:00Z","reason":"","version":2}""";

    private final Submissions submissions;
    private final BulkReview bulk;
    private final Regions regions;
    private final CurrentUser currentUser;

    SubmissionApi(Submissions submissions, BulkReview bulk, Regions regions, CurrentUser currentUser,
                  MessageSource messages, ProblemText problemText) {
        super(messages, problemText);
        this.submissions = submissions;
        this.bulk = bulk;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    record SubmissionView(long id, String dataSet, String region, String period, String status,
                          @Nullable String submittedBy, @Nullable String submittedAt, @Nullable String reviewedBy,
                          @Nullable String reviewedAt, String reason, int version) {
        static SubmissionView of(Submission s) {
            return new SubmissionView(s.id(), s.dataSetCode(), s.regionCode(), s.period(), s.status().name(),
                    s.submittedBy(), s.submittedAt() == null ? null : s.submittedAt().toString(), s.reviewedBy(),
                    s.reviewedAt() == null ? null : s.reviewedAt().toString(), s.reason(), s.version());
        }
    }

    @GetMapping
    @Operation(summary = "The submissions a filter matches, in regions you may see",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    List<SubmissionView> list(
            @Parameter(description = "data set code", example = "xj-county-info") @RequestParam String dataSet,
            @Parameter(description = "a period or a range", example = "2016..2020") @RequestParam(required = false) @Nullable String period,
            @Parameter(description = "region code; default: your region", example = "6501") @RequestParam(required = false) @Nullable String region,
            @Parameter(description = "include the regions under `region`") @RequestParam(defaultValue = "false") boolean descendants) {
        return bulk.matching(new BulkReview.Filter(dataSet, period, region, descendants)).stream()
                .filter(s -> currentUser.maySeeUnapproved(regions.get(s.regionCode())))
                .map(SubmissionView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One submission", security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = ONE_EXAMPLE)))
    SubmissionView one(@PathVariable long id) {
        Submission s = submissions.get(id);
        if (!currentUser.maySeeUnapproved(regions.get(s.regionCode()))) {
            throw new org.springframework.security.access.AccessDeniedException("not a region you may see: " + s.regionCode());
        }
        return SubmissionView.of(s);
    }

    @PostMapping("/{id}/{action:submit|approve|return|reopen}")
    @Operation(summary = "Submit, approve, return (with a reason) or reopen (with a reason) one submission",
            description = "`version` is the version you read (a stale one is refused, 422 naming it); without it, the "
                    + "current one. Four eyes: nobody approves figures they entered or submitted. A return may carry a "
                    + "comment on single values, one parameter `comment.<indicator code>` each (e.g. "
                    + "`comment.FTTH_USERS=应不大于宽带用户数`), shown to the reporter beside that field; a comment on an "
                    + "indicator outside the data set or longer than 1000 characters refuses the return (422).",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "The submission after the step",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = ONE_EXAMPLE)))
    @ApiResponse(responseCode = "422", description = "Refused: wrong status, four eyes, missing reason, stale version …",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = FigureApi.PROBLEMS_EXAMPLE)))
    @ApiResponse(responseCode = "403", description = "Not a region you report for or review")
    SubmissionView act(@PathVariable long id, @PathVariable String action,
                       @Parameter(description = "the version you read") @RequestParam(required = false) @Nullable String version,
                       @Parameter(description = "required to return or reopen", example = "请核对宽带用户数")
                       @RequestParam(required = false) @Nullable String reason,
                       @Parameter(hidden = true) @RequestParam Map<String, String> params) {
        int v = version == null || version.isBlank() ? submissions.get(id).version() : parse(version);
        Submission after = switch (action) {
            case "submit" -> submissions.submit(id, v);
            case "approve" -> submissions.approve(id, v);
            case "return" -> submissions.returnToReporter(id, v, reason == null ? "" : reason,
                    ReviewController.valueComments(params));
            default -> submissions.reopen(id, v, reason == null ? "" : reason);
        };
        return SubmissionView.of(after);
    }

    static final String COMMENTS_EXAMPLE = """
            [{"indicator":"FTTH_USERS","comment":"应不大于宽带用户数","author":"reviewer-xj","createdAt":"2026-06-01T09:00:00Z"}]""";

    record CommentView(String indicator, String comment, String author, String createdAt) {}

    @GetMapping("/{id}/comments")
    @Operation(summary = "The reviewer's comments on single values at the submission's last return",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = COMMENTS_EXAMPLE)))
    List<CommentView> comments(@PathVariable long id) {
        one(id); // the same scope check as reading the submission
        return submissions.valueComments(id).values().stream()
                .map(c -> new CommentView(c.indicatorCode(), c.body(), c.author(), c.createdAt().toString())).toList();
    }

    @PostMapping("/{action:submit|approve|return|reopen}")
    @Operation(summary = "Submit, approve, return or reopen every submission a filter matches",
            description = "One transaction per submission: a refusal (four eyes, scope, status) does not undo the others. "
                    + "`allOrNothing=true`: one transaction, any refusal undoes everything (answer 409). `dryRun=true`: "
                    + "every step is taken and then rolled back, so the answer says exactly what would happen. The answer "
                    + "counts what was done and lists every refusal with its reasons.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "What was done and what was refused",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = BULK_EXAMPLE)))
    @ApiResponse(responseCode = "409", description = "allOrNothing and something was refused: nothing was done",
            content = @Content(mediaType = "application/json"))
    @ApiResponse(responseCode = "422", description = "A bad filter (period of the wrong kind) or a missing reason",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Map<String, Object>> bulk(
            @PathVariable String action,
            @Parameter(description = "data set code", example = "xj-county-info") @RequestParam String dataSet,
            @Parameter(description = "a period or a range", example = "2025") @RequestParam(required = false) @Nullable String period,
            @Parameter(description = "region code; default: your region and everything under it", example = "6501")
            @RequestParam(required = false) @Nullable String region,
            @Parameter(description = "include the regions under `region`") @RequestParam(defaultValue = "false") boolean descendants,
            @Parameter(description = "required to return or reopen") @RequestParam(required = false) @Nullable String reason,
            @Parameter(description = "take every step, then roll back") @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "one transaction: any refusal undoes everything") @RequestParam(defaultValue = "false")
            boolean allOrNothing,
            HttpServletRequest request) {
        Locale locale = locale(request);
        BulkReview.Result r = bulk.run(BulkReview.Action.valueOf(action.toUpperCase(Locale.ROOT)),
                new BulkReview.Filter(dataSet, period, region, descendants), reason, dryRun, allOrNothing);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", action);
        m.put("dryRun", r.dryRun());
        m.put("allOrNothing", r.allOrNothing());
        m.put("rolledBack", r.rolledBack());
        m.put("matched", r.matched());
        m.put("already", r.already());
        m.put("done", r.done().size());
        m.put("doneIds", r.done().stream().map(Submission::id).toList());
        m.put("refusedCount", r.refused().size());
        m.put("refused", r.refused().stream().limit(SHOWN).map(x -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", x.submission().id());
            one.put("dataSet", x.submission().dataSetCode());
            one.put("region", x.submission().regionCode());
            one.put("period", x.submission().period());
            one.put("status", x.submission().status().name());
            one.put("problems", problems(x.problems(), locale));
            return one;
        }).toList());
        HttpStatus status = r.allOrNothing() && !r.dryRun() && !r.refused().isEmpty() ? HttpStatus.CONFLICT : HttpStatus.OK;
        return ResponseEntity.status(status).body(m);
    }

    private static int parse(String version) {
        try {
            return Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(InputProblem.of("request", 0, "version", version, ApiProblem.NOT_AN_INTEGER));
        }
    }
}
