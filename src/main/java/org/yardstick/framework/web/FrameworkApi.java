package org.yardstick.framework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yardstick.framework.Change;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.FrameworkProblem;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetRevision;
import org.yardstick.framework.internal.FrameworkChanges;
import org.yardstick.framework.internal.GoalCommand;
import org.yardstick.framework.internal.IndicatorCommand;
import org.yardstick.framework.internal.KeyProjectCommand;
import org.yardstick.framework.internal.PlanCommand;
import org.yardstick.framework.internal.SectionCommand;
import org.yardstick.framework.internal.TargetCommand;
import org.yardstick.framework.internal.TaskCommand;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;
import org.yardstick.web.ETags;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Framework writes for programs: indicators, plans and their sections, goals, key projects, tasks and
 * targets (POST creates, PATCH changes the fields given, DELETE retires: nothing is deleted), and framework
 * files (POST to preview with {@code dryRun=true} or apply; GET to export). Same checks, scope and audit
 * as the forms: {@link FrameworkChanges}, channel {@code api}.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "frameworks", description = "Plans, indicators, targets and their parts written by programs; framework files imported and exported")
class FrameworkApi {

    static final String PROBLEM_422 = "{\"type\":\"urn:yardstick:invalid-input\",\"title\":\"Unprocessable Content\",\"status\":422,"
            + "\"detail\":\"1 problem(s) in input\",\"problems\":[{\"source\":\"plan xj-info-13fyp target t1\",\"line\":0,"
            + "\"field\":\"value_high\",\"value\":\"3\",\"code\":\"framework.range-order\",\"reason\":\"must not be below value (5)\"}]}";
    static final String INDICATOR = "{\"code\":\"FTTH_RATE\",\"name\":{\"zh\":\"光纤入户率\",\"en\":\"FTTH rate\"},"
            + "\"unit\":{\"zh\":\"%\",\"en\":\"%\"},\"polarity\":\"POSITIVE\",\"aggregation\":\"RATIO\",\"numerator\":\"FTTH_USERS\","
            + "\"denominator\":\"BB_USERS\",\"formula\":null,\"nature\":\"BINDING\",\"decimals\":1,"
            + "\"description\":{\"zh\":\"\",\"en\":\"\"},\"periodRule\":\"LAST\",\"incomplete\":\"WARN\",\"weight\":null}";
    static final String PLAN = "{\"code\":\"xj-info-14fyp\",\"name\":{\"zh\":\"新疆信息化“十四五”规划\",\"en\":\"Xinjiang 14th FYP for informatization\"},"
            + "\"regionCode\":\"65\",\"startYear\":2021,\"endYear\":2025,\"baselineYear\":2020,\"documentCode\":null}";
    static final String TARGET = "{\"code\":\"t-ftth-2025\",\"indicatorCode\":\"FTTH_USERS\",\"regionCode\":\"65\","
            + "\"disaggregationCode\":\"_T\",\"kind\":\"AT_LEAST\",\"qualifier\":\"OVER\",\"qualifierText\":\"以上\",\"value\":500,"
            + "\"baselineYear\":2020,\"targetYear\":2025,\"statement\":{\"zh\":\"光纤入户用户达到500万户以上\","
            + "\"en\":\"At least 5 million FTTH subscribers\"}}";
    static final String ADJUST = "{\"value\":450,\"reason\":\"中期评估后动态调整 / adjusted after the mid-term evaluation\"}";

    /** What a field is when a request leaves it out (as in framework files). */
    private static final Map<String, Object> DEFAULTS = Map.of("description", Map.of("zh", "", "en", ""),
            "summary", Map.of("zh", "", "en", ""), "incomplete", "WARN", "nature", "EXPECTED", "decimals", 2,
            "qualifier", "NONE", "qualifierText", "", "disaggregationCode", "_T");

    private final FrameworkChanges changes;
    private final FrameworkFiles files;
    private final Indicators indicators;
    private final Plans plans;
    private final CurrentUser user;
    private final JsonMapper json;

    FrameworkApi(FrameworkChanges changes, FrameworkFiles files, Indicators indicators, Plans plans,
                 CurrentUser user, JsonMapper json) {
        this.changes = changes;
        this.files = files;
        this.indicators = indicators;
        this.plans = plans;
        this.user = user;
        this.json = json;
    }

    // ================================================================ framework files

    @PostMapping(path = "/frameworks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import framework files (YAML files or a zip of a folder); dryRun=true previews",
            description = "Merges by code: added, changed (field: old → new), retired (parts of the imported plans that the "
                    + "files no longer hold; never other plans or indicators), unchanged. Applied in one transaction or not at "
                    + "all; importing the same files again changes nothing.\n\n"
                    + "Files: documents.yaml, disaggregations.yaml, indicators.yaml, plans/*.yaml and data-sets.yaml (data sets "
                    + "added or changed, their windows added or moved (`window 2025: old → new`); a file never retires a data set).\n\n"
                    + "`curl -u planner:… -F files=@framework.zip 'https://…/api/v1/frameworks?dryRun=true'`",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "What the import does (dryRun) or did", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = "{\"applied\":false,\"plans\":[\"xj-info-13fyp\"],"
            + "\"counts\":{\"target\":{\"added\":0,\"changed\":1,\"retired\":0,\"unchanged\":51}},\"items\":[{\"type\":\"target\","
            + "\"key\":\"xj-info-13fyp/t-community-platform-2020\",\"action\":\"changed\",\"fields\":[{\"field\":\"value\","
            + "\"oldValue\":\"95\",\"newValue\":\"90\"}]}]}")))
    @ApiResponse(responseCode = "422", description = "Every problem with file, line, field, value and reason; nothing written",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = PROBLEM_422)))
    FrameworkFiles.Summary importFiles(@RequestParam("files") List<MultipartFile> uploads,
                                       @RequestParam(defaultValue = "false") boolean dryRun,
                                       @RequestParam(defaultValue = "") String reason,
                                       @RequestParam(defaultValue = "false") boolean force) throws IOException {
        UploadedFiles set = new UploadedFiles("upload/");
        for (MultipartFile f : uploads) {
            set.add(f.getOriginalFilename() == null ? "upload.yaml" : f.getOriginalFilename(), f.getBytes());
        }
        return run(set, dryRun, reason, force);
    }

    @PostMapping(path = "/frameworks", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain", "application/zip"})
    @Operation(summary = "Import one framework file (YAML body) or a zip (application/zip body); dryRun=true previews",
            description = "`curl -H 'Authorization: Bearer ys_…' -H 'Content-Type: application/yaml' --data-binary @plans/my-plan.yaml "
                    + "'https://…/api/v1/frameworks?dryRun=true'`",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "application/yaml", examples = @ExampleObject(value = "indicators:\n  - code: FTTH_USERS\n"
                    + "    name_zh: 光纤入户用户数\n    name_en: FTTH subscribers\n"
                    + "    unit_zh: 万户\n    unit_en: 10k households\n    polarity: positive\n    aggregation: sum\n")),
            @Content(mediaType = "application/zip", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")),
            @Content(mediaType = "multipart/form-data", schema = @io.swagger.v3.oas.annotations.media.Schema(
                    description = "`files`: one or more .yaml files or a .zip of a folder of framework files"))})
    @ApiResponse(responseCode = "422", description = "Every problem with file, line, field, value and reason; nothing written",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = PROBLEM_422)))
    FrameworkFiles.Summary importBody(@RequestBody byte[] body, @RequestHeader(HttpHeaders.CONTENT_TYPE) String type,
                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestParam(defaultValue = "") String reason,
                                      @RequestParam(defaultValue = "false") boolean force) {
        UploadedFiles set = new UploadedFiles("upload/");
        if (type.startsWith("application/zip")) {
            set.add("upload.zip", body);
        } else {
            set.addYaml(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        return run(set, dryRun, reason, force);
    }

    private FrameworkFiles.Summary run(UploadedFiles set, boolean dryRun, String reason, boolean force) {
        if (set.isEmpty()) {
            throw new InvalidInputException(InputProblem.of("upload/", 0, "files", "", org.yardstick.shared.FileProblem.EMPTY));
        }
        Change how = new Change(Change.Channel.API, reason, force);
        return dryRun ? files.preview(set, how) : files.apply(set, how);
    }

    @GetMapping(path = "/frameworks", produces = "application/zip")
    @Operation(summary = "Export every plan in force with the catalogue, as framework files in a zip",
            description = "The same files an import takes: export → import changes nothing. Planners and admins.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    ResponseEntity<byte[]> exportAll() {
        user.requirePlan();
        return zip("frameworks", files.export(List.of()));
    }

    @GetMapping(path = "/frameworks/{plan}", produces = {"application/zip", "application/yaml"})
    @Operation(summary = "Export one plan as framework files: a zip with the catalogue, or ?format=yaml for the plan's file alone",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "The files; the ETag is a digest of them")
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag `If-None-Match` names")
    ResponseEntity<byte[]> exportPlan(@PathVariable String plan, @RequestParam(defaultValue = "zip") String format,
                                      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        user.requirePlan();
        plans.get(plan);
        Map<String, String> exported = files.export(List.of(plan));
        String etag = ETags.ofContent(format + "\n" + new java.util.TreeMap<>(exported));
        if (ETags.matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(org.springframework.http.HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        if (format.equals("yaml")) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + plan + ".yaml\"").eTag(etag)
                    .body(exported.get("plans/" + plan + ".yaml").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        ResponseEntity<byte[]> zip = zip(plan, exported);
        return ResponseEntity.ok().headers(zip.getHeaders()).eTag(etag).body(zip.getBody());
    }

    private static ResponseEntity<byte[]> zip(String name, Map<String, String> exported) {
        return zipResponse(name, exported);
    }

    static ResponseEntity<byte[]> zipResponse(String name, Map<String, String> exported) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".zip\"")
                .body(UploadedFiles.zip(exported));
    }

    // ================================================================ indicators

    @PostMapping(path = "/indicators", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an indicator", description = "Any planner or admin (the catalogue is shared). Enum values in capitals.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(value = INDICATOR)))
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "422", description = "Every problem, nothing written",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = PROBLEM_422)))
    ResponseEntity<Indicator> createIndicator(@RequestBody ObjectNode body) {
        Indicator i = changes.createIndicator(read(body, IndicatorCommand.class), how(body, null, false));
        return ResponseEntity.created(URI.create("/api/v1/indicators/" + i.code())).body(i);
    }

    @PatchMapping(path = "/indicators/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change fields of an indicator (only those given); `reason`, `force` in the body",
            description = "Changing the unit or polarity of an indicator with figures or targets needs `force: true` and a reason.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
            value = "{\"nature\":\"BINDING\",\"name\":{\"en\":\"FTTH subscribers\"},\"reason\":\"约束性指标\"}")))
    @ApiResponse(responseCode = "422", description = "Every problem, nothing written",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = PROBLEM_422)))
    Indicator updateIndicator(@PathVariable String code, @RequestBody ObjectNode body) {
        IndicatorCommand current = IndicatorCommand.of(indicators.get(code));
        Change how = how(body, null, false);
        return changes.updateIndicator(code, patch(current, body, IndicatorCommand.class), how);
    }

    @DeleteMapping("/indicators/{code}")
    @Operation(summary = "Retire an indicator (never deleted); reason required",
            description = "Refused while other indicators read it; refused while it has figures or targets unless force=true.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "204", description = "Retired")
    @ApiResponse(responseCode = "422", description = "Refused, with the reason",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = "{\"type\":\"urn:yardstick:invalid-input\","
                    + "\"status\":422,\"problems\":[{\"source\":\"indicator IDI\",\"field\":\"code\",\"value\":\"IDI\",\"code\":\"framework.force-needed\","
                    + "\"reason\":\"has 4 figures and 2 targets in force; to go ahead anyway, force it and give the reason\"}]}")))
    ResponseEntity<Void> retireIndicator(@PathVariable String code, @RequestParam(defaultValue = "") String reason,
                                         @RequestParam(defaultValue = "false") boolean force) {
        changes.retireIndicator(code, new Change(Change.Channel.API, reason, force));
        return ResponseEntity.noContent().build();
    }

    // ================================================================ plans

    @PostMapping(path = "/plans", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a plan", description = "A planner of the plan's region or above, or an admin.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(value = PLAN)))
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "422", description = "Every problem, nothing written",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = PROBLEM_422)))
    ResponseEntity<Plan> createPlan(@RequestBody ObjectNode body) {
        Plan p = changes.createPlan(read(body, PlanCommand.class), how(body, null, false));
        return ResponseEntity.created(URI.create("/api/v1/plans/" + p.code())).body(p);
    }

    @PatchMapping(path = "/plans/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change fields of a plan (only those given)",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
            value = "{\"endYear\":2026,\"reason\":\"规划期延长一年\"}")))
    Plan updatePlan(@PathVariable String code, @RequestBody ObjectNode body) {
        Change how = how(body, null, false);
        return changes.updatePlan(code, patch(changes.planCommand(code), body, PlanCommand.class), how);
    }

    @DeleteMapping("/plans/{code}")
    @Operation(summary = "Retire a plan (never deleted); reason required",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "204", description = "Retired")
    ResponseEntity<Void> retirePlan(@PathVariable String code, @RequestParam(defaultValue = "") String reason) {
        changes.retirePlan(code, Change.api(reason));
        return ResponseEntity.noContent().build();
    }

    // ================================================================ targets

    @PostMapping(path = "/plans/{plan}/targets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a target of a plan", description = "Kinds: VALUE, AT_LEAST, AT_MOST, RANGE (valueHigh ≥ value), "
            + "CHANGE (changeUnit, baselineYear), GROWTH_RATE, MULTIPLE, COMPARATOR (comparatorRegionCode), COUNT, MILESTONE, INCREASE, DECREASE.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(value = TARGET)))
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "422", description = "Every problem, nothing written",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = PROBLEM_422)))
    ResponseEntity<Target> createTarget(@PathVariable String plan, @RequestBody ObjectNode body) {
        Target t = changes.createTarget(plan, read(body, TargetCommand.class), how(body, null, false));
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan + "/targets/" + t.code())).body(t);
    }

    @PatchMapping(path = "/plans/{plan}/targets/{target}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Adjust a target (动态调整): the fields given, and a `reason` (required)",
            description = "Kept in the target's history with the numbers before and after. The indicator, region and breakdown "
                    + "do not change (retire the target and create another).",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(value = ADJUST)))
    @ApiResponse(responseCode = "422", description = "No reason, or bad values; nothing written",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = PROBLEM_422)))
    Target adjustTarget(@PathVariable String plan, @PathVariable String target, @RequestBody ObjectNode body) {
        TargetCommand current = changes.targetCommand(plan, target);
        Change how = how(body, null, false);
        return changes.adjustTarget(plan, target, patch(current, body, TargetCommand.class), how);
    }

    @DeleteMapping("/plans/{plan}/targets/{target}")
    @Operation(summary = "Retire a target (never deleted); reason required",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "204", description = "Retired")
    ResponseEntity<Void> retireTarget(@PathVariable String plan, @PathVariable String target,
                                      @RequestParam(defaultValue = "") String reason) {
        changes.retireTarget(plan, target, Change.api(reason));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/plans/{plan}/targets/{target}/history")
    @Operation(summary = "A target's history: creation, every adjustment with its reason, retirement")
    List<TargetRevision> history(@PathVariable String plan, @PathVariable String target) {
        return changes.history(plan, target);
    }

    // ================================================================ sections, goals, key projects, tasks

    @PostMapping(path = "/plans/{plan}/{part}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a section, goal, key project or task of a plan",
            description = "`part` is `sections`, `goals`, `key-projects` or `tasks`. A task's `unitCodes` are its responsible units "
                    + "in order (the first leads).",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "task", value = "{\"code\":\"T01\",\"sectionCode\":\"4.1\",\"title\":{\"zh\":\"建设天山云谷\","
                    + "\"en\":\"Build the Tianshan Cloud Valley\"},\"startYear\":2021,\"deadlineYear\":2025,"
                    + "\"unitCodes\":[\"xj-fgw\",\"xj-kjt\"],\"targetCodes\":[]}"),
            @ExampleObject(name = "section", value = "{\"code\":\"4.1\",\"parentCode\":\"4\",\"title\":{\"zh\":\"信息基础设施\","
                    + "\"en\":\"Information infrastructure\"},\"indicatorCodes\":[\"FTTH_USERS\"]}")}))
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "422", description = "Every problem, nothing written",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = PROBLEM_422)))
    ResponseEntity<Void> createPart(@PathVariable String plan, @PathVariable String part, @RequestBody ObjectNode body) {
        Change how = how(body, null, false);
        String code;
        switch (part) {
            case "sections" -> {
                SectionCommand c = read(body, SectionCommand.class);
                changes.createSection(plan, c, how);
                code = c.code();
            }
            case "goals" -> {
                GoalCommand c = read(body, GoalCommand.class);
                changes.createGoal(plan, c, how);
                code = c.code();
            }
            case "key-projects" -> {
                KeyProjectCommand c = read(body, KeyProjectCommand.class);
                changes.createKeyProject(plan, c, how);
                code = c.code();
            }
            case "tasks" -> {
                TaskCommand c = read(body, TaskCommand.class);
                changes.createTask(plan, c, how);
                code = c.code();
            }
            default -> throw new NotFoundException("part", part);
        }
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan + "/" + part + "/" + code)).build();
    }

    @PatchMapping(path = "/plans/{plan}/{part}/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change fields of a section, goal, key project or task (only those given)",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
            value = "{\"unitCodes\":[\"xj-kjt\",\"xj-fgw\"],\"reason\":\"牵头单位调整\"}")))
    @ApiResponse(responseCode = "204", description = "Changed")
    ResponseEntity<Void> updatePart(@PathVariable String plan, @PathVariable String part, @PathVariable String code,
                                    @RequestBody ObjectNode body) {
        Change how = how(body, null, false);
        switch (part) {
            case "sections" -> changes.updateSection(plan, code, patch(changes.sectionCommand(plan, code), body, SectionCommand.class), how);
            case "goals" -> changes.updateGoal(plan, code, patch(changes.goalCommand(plan, code), body, GoalCommand.class), how);
            case "key-projects" -> changes.updateKeyProject(plan, code,
                    patch(changes.keyProjectCommand(plan, code), body, KeyProjectCommand.class), how);
            case "tasks" -> changes.updateTask(plan, code, patch(changes.taskCommand(plan, code), body, TaskCommand.class), how);
            default -> throw new NotFoundException("part", part);
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/plans/{plan}/{part}/{code}")
    @Operation(summary = "Retire a section, goal, key project or task (never deleted); reason required",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "204", description = "Retired")
    ResponseEntity<Void> retirePart(@PathVariable String plan, @PathVariable String part, @PathVariable String code,
                                    @RequestParam(defaultValue = "") String reason) {
        Change how = Change.api(reason);
        switch (part) {
            case "sections" -> changes.retireSection(plan, code, how);
            case "goals" -> changes.retireGoal(plan, code, how);
            case "key-projects" -> changes.retireKeyProject(plan, code, how);
            case "tasks" -> changes.retireTask(plan, code, how);
            default -> throw new NotFoundException("part", part);
        }
        return ResponseEntity.noContent().build();
    }

    // ================================================================ JSON to commands

    /** The change's reason and force from the body (taken out of it), channel api. */
    private static Change how(ObjectNode body, @Nullable String reason, boolean force) {
        JsonNode r = body.remove("reason");
        JsonNode f = body.remove("force");
        return new Change(Change.Channel.API, r != null && r.isString() ? r.asString() : reason == null ? "" : reason,
                f != null ? f.asBoolean() : force);
    }

    /** The current command with the fields of the body laid over it (objects such as names merged field by field). */
    private <T extends Record> T patch(T current, ObjectNode body, Class<T> type) {
        ObjectNode tree = json.valueToTree(current);
        for (Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = tree.get(e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) {
                o.setAll(n);
            } else {
                tree.set(e.getKey(), e.getValue());
            }
        }
        return read(tree, type);
    }

    /**
     * A command from JSON: a required field that is missing is a 422 naming it (not a 400), a missing list is
     * empty, an unknown field is refused.
     */
    private <T extends Record> T read(ObjectNode body, Class<T> type) {
        body.remove("reason");
        body.remove("force");
        List<InputProblem> problems = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            known.add(rc.getName());
            JsonNode v = body.get(rc.getName());
            boolean missing = v == null || v.isNull();
            if (!missing) {
                continue;
            }
            Object fallback = DEFAULTS.get(rc.getName());
            if (fallback != null) {
                body.set(rc.getName(), json.valueToTree(fallback));
            } else if (List.class.isAssignableFrom(rc.getType())) {
                body.putArray(rc.getName());
            } else if (!rc.getType().isPrimitive() && !rc.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                problems.add(InputProblem.of("request body", 0, rc.getName(), "", FrameworkProblem.REQUIRED));
            } else if (rc.getType() == int.class) {
                problems.add(InputProblem.of("request body", 0, rc.getName(), "", FrameworkProblem.REQUIRED));
            }
        }
        body.propertyNames().forEach(name -> {
            if (!known.contains(name)) {
                problems.add(InputProblem.of("request body", 0, name, "", org.yardstick.shared.FileProblem.UNKNOWN_FIELD,
                        String.join(", ", known)));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            return json.treeToValue(body, type);
        } catch (tools.jackson.core.JacksonException e) {
            throw new InvalidInputException(InputProblem.of("request body", 0, "", "", org.yardstick.shared.FileProblem.SYNTAX,
                    e.getOriginalMessage()));
        }
    }
}
