package org.yardstick.ingestion.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.framework.Change;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.ingestion.internal.Decision;
import org.yardstick.ingestion.internal.FrameworkHandover;
import org.yardstick.ingestion.internal.Ingestion;
import org.yardstick.ingestion.internal.IngestionProblem;
import org.yardstick.ingestion.internal.PlanHeader;
import org.yardstick.ingestion.internal.Proposal;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * {@code POST /api/v1/ingest/commit}: a plan's text and the decisions on its proposals in, committed into a new
 * plan or an existing one through the framework import (with {@code dryRun}: its merge preview, nothing written).
 * The text is read again by the same rules, so item indexes are those of {@code POST /api/v1/ingest}.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "ingestion")
@PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
class IngestCommitApi {

    /** A change to one proposal before it is committed (any field left out keeps the rules' proposal). */
    record Edit(int index, @Nullable String indicatorCode, @Nullable String indicatorName, @Nullable String indicatorNameEn,
                @Nullable BigDecimal value, @Nullable BigDecimal valueHigh, @Nullable String unit, @Nullable Integer year) {}

    /**
     * What to commit. {@code plan}: the code of an existing plan to commit into; without it a new plan
     * {@code planCode} named {@code nameZh}/{@code nameEn} is made. {@code accept}: indexes of the items
     * accepted; left out, the items the rules are sure of.
     */
    record CommitRequest(String text, @Nullable String source, @Nullable String region, @Nullable Integer year,
                         @Nullable String plan, @Nullable String planCode, @Nullable String nameZh, @Nullable String nameEn,
                         @Nullable Integer startYear, @Nullable Integer endYear, @Nullable Integer baselineYear,
                         String documentCode, String issuer, @Nullable LocalDate issued, @Nullable List<Integer> accept,
                         @Nullable List<Edit> edits) {}

    record Element(String type, String key, String action, List<FrameworkFiles.FieldDiff> fields) {}

    record CommitResult(boolean dryRun, String plan, boolean existingPlan, Map<String, FrameworkFiles.Count> counts,
                        List<Element> items, int observations, Map<String, String> files) {}

    private static final String REQUEST = """
            {"text":"一、发展目标\\n到2020年，全区行政村通宽带比例达到98%以上。","region":"15","plan":"nm-info-13fyp",
             "documentCode":"nm-bb-2017","issuer":"内蒙古自治区通信管理局","nameZh":"内蒙古宽带发展专项规划",
             "nameEn":"Inner Mongolia broadband plan","accept":[0]}""";

    private final Ingestion ingestion;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final Plans plans;

    IngestCommitApi(Ingestion ingestion, CurrentUser currentUser, Regions regions, Plans plans) {
        this.ingestion = ingestion;
        this.currentUser = currentUser;
        this.regions = regions;
        this.plans = plans;
    }

    @PostMapping(path = "/ingest/commit", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Commit a plan's proposals into a new or an existing plan",
            description = "Reads the text again with the same rules, applies the accepted items (with edits) and hands "
                    + "them to the framework import as framework files: into the existing plan `plan` (its own parts kept, "
                    + "the document's added under codes prefixed by the document code) or as the new plan `planCode`. "
                    + "`dryRun=true` answers the merge preview (every element added or changed) and writes nothing. A "
                    + "figure whose unit differs from its catalogue indicator's is refused, never merged.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = REQUEST))),
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "What was (or, with dryRun, would be) added and changed",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    {"dryRun":true,"plan":"nm-info-13fyp","existingPlan":true,
                     "counts":{"target":{"added":1,"changed":0,"retired":0,"unchanged":20}},
                     "items":[{"type":"target","key":"nm-info-13fyp/nm-bb-2017-t1","action":"added","fields":[]}],
                     "observations":0,"files":{"plans/nm-info-13fyp.yaml":"plan: ..."}}""")))
    @ApiResponse(responseCode = "422", description = "Nothing accepted, an item without indicator/value/year, a unit "
            + "conflict with the catalogue, an unknown plan or organisation; nothing is stored",
            content = @Content(mediaType = "application/problem+json"))
    CommitResult commit(@RequestBody CommitRequest request,
                        @Parameter(description = "Answer what would happen, write nothing", example = "true")
                        @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun) {
        currentUser.requirePlan();
        String region = request.region() == null || request.region().isBlank()
                ? currentUser.account().map(a -> a.regionCode() == null ? "" : a.regionCode()).orElse("")
                : request.region().strip();
        List<InputProblem> problems = new ArrayList<>();
        Plan into = null;
        if (request.plan() != null && !request.plan().isBlank()) {
            into = plans.find(request.plan().strip()).filter(p -> !p.retired()).orElse(null);
            if (into == null) {
                problems.add(InputProblem.of("request", 0, "plan", request.plan(), IngestionProblem.UNKNOWN_PLAN));
            } else {
                currentUser.requirePlan(regions.find(into.regionId()).orElseThrow());
                region = regions.find(into.regionId()).orElseThrow().code();
            }
        } else if (!region.isEmpty()) {
            currentUser.requirePlan(regions.get(region));
        }
        Proposal proposal = ingestion.propose(request.source() == null || request.source().isBlank() ? "pasted.txt"
                : request.source(), request.text() == null ? "" : request.text(), region, request.year());
        List<Decision> decisions = decisions(proposal, request, problems);
        String planCode = into != null ? into.code() : text(request.planCode());
        String documentCode = text(request.documentCode());
        String[][] required = into != null
                ? new String[][] {{"documentCode", documentCode}, {"issuer", text(request.issuer())}, {"nameZh", text(request.nameZh())}}
                : new String[][] {{"planCode", planCode}, {"documentCode", documentCode}, {"issuer", text(request.issuer())},
                    {"nameZh", text(request.nameZh())}, {"nameEn", text(request.nameEn())}, {"region", region}};
        for (String[] r : required) {
            if (r[1].isEmpty()) {
                problems.add(InputProblem.of("request", 0, r[0], "", FileProblem.MISSING_FIELD));
            }
        }
        for (String[] c : new String[][] {{"planCode", planCode}, {"documentCode", documentCode}}) {
            if (!c[1].isEmpty() && !c[1].matches("[A-Za-z0-9._-]+")) {
                problems.add(InputProblem.of("request", 0, c[0], c[1], FileProblem.BAD_CODE));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int end = request.endYear() != null ? request.endYear() : proposal.planEndYear();
        int start = request.startYear() != null ? request.startYear() : end - 4;
        PlanHeader header = new PlanHeader(planCode, text(request.nameZh()),
                text(request.nameEn()).isEmpty() ? text(request.nameZh()) : text(request.nameEn()), region, start, end,
                request.baselineYear() != null ? request.baselineYear() : start - 1, documentCode, text(request.issuer()),
                request.issued());
        Change how = Change.api("规划文本导入 / read from a plan's text");
        if (dryRun) {
            FrameworkHandover.Previewed p = ingestion.preview(proposal, decisions, header, into != null, how);
            return result(true, p);
        }
        if (into != null) {
            return result(false, ingestion.commitInto(proposal, decisions, header, currentUser.name(), how));
        }
        FrameworkHandover.Committed c = ingestion.commit(proposal, decisions, header, currentUser.name(), Locale.ROOT);
        return result(false, c.files(), planCode, false);
    }

    private static List<Decision> decisions(Proposal proposal, CommitRequest request, List<InputProblem> problems) {
        List<Decision> out = new ArrayList<>();
        for (var item : proposal.items()) {
            out.add(Decision.of(item, request.accept() == null && Ingestion.sure(item)));
        }
        if (request.accept() != null) {
            for (Integer i : request.accept()) {
                if (i == null || i < 0 || i >= out.size()) {
                    problems.add(InputProblem.of("request", 0, "accept", String.valueOf(i), FileProblem.NOT_A_NUMBER));
                } else {
                    Decision d = out.get(i);
                    out.set(i, new Decision(d.item(), true, d.indicatorCode(), d.indicatorName(), d.indicatorNameEn(),
                            d.value(), d.valueHigh(), d.unit(), d.year()));
                }
            }
        }
        for (Edit e : request.edits() == null ? List.<Edit>of() : request.edits()) {
            if (e.index() < 0 || e.index() >= out.size()) {
                problems.add(InputProblem.of("request", 0, "edits.index", String.valueOf(e.index()), FileProblem.NOT_A_NUMBER));
                continue;
            }
            Decision d = out.get(e.index());
            out.set(e.index(), new Decision(d.item(), d.accepted(), or(e.indicatorCode(), d.indicatorCode()),
                    or(e.indicatorName(), d.indicatorName()), or(e.indicatorNameEn(), d.indicatorNameEn()),
                    e.value() != null ? e.value() : d.value(), e.valueHigh() != null ? e.valueHigh() : d.valueHigh(),
                    or(e.unit(), d.unit()), e.year() != null ? e.year() : d.year()));
        }
        return out;
    }

    /** A new plan is loaded whole (no merge summary): the files say what it holds. */
    private static CommitResult result(boolean dryRun, Map<String, String> files, String plan, boolean existing) {
        return new CommitResult(dryRun, plan, existing, Map.of(), List.of(), rows(files), files);
    }

    private static CommitResult result(boolean dryRun, FrameworkHandover.Previewed p) {
        return new CommitResult(dryRun, p.planCode(), p.existing(), p.summary().counts(),
                p.summary().items().stream().map(i -> new Element(i.type(), i.key(), i.action(), i.fields())).toList(),
                p.observations(), p.files());
    }

    private static int rows(Map<String, String> files) {
        return files.containsKey("observations.csv") ? (int) files.get("observations.csv").lines().count() - 1 : 0;
    }

    private static String or(@Nullable String v, String fallback) {
        return v == null ? fallback : v.strip();
    }

    private static String text(@Nullable String v) {
        return v == null ? "" : v.strip();
    }
}
